"""What the French parse says about a word, for the event coder.

Reading a trigger's syntactic slots (``nsubj``, ``obl:avec``, ``governor-subj``
... as ``resources/triggers.csv`` names them), the subject an infinitive or a
participle shares with its verb, prepositions, negation, the pluperfect, and the
constructions that make a clause background or a claim rather than an event.
spaCy makes a new ``Token`` object at each access: tokens are compared by ``.i``.
"""

from __future__ import annotations

from .speech import outlet_voice

NEGATORS = {"pas", "jamais", "plus", "guère", "aucun", "aucune", "nullement", "ni", "rien"}


#: Verbs that talk about an event without taking part in it.
MENTIONING = {
    "évoquer", "souligner", "rappeler", "détailler", "mentionner", "citer", "qualifier",
    "saluer", "féliciter", "commenter", "décrire", "analyser", "aborder", "discuter",
    "examiner", "dénoncer", "condamner", "critiquer", "regretter", "déplorer",
}


def dates_clause(year, head) -> bool:
    """Does this year token hang on the trigger's clause rather than on a noun in it?"""
    node = year
    for _ in range(8):
        if node.i == head.i:
            return True
        if node.head.i == node.i:
            return False
        parent = node.head
        if node.dep_ in ("acl", "acl:relcl") or (parent.pos_ in ("NOUN", "PROPN") and parent.i != head.i and node.i != year.i and node.dep_ != "nummod"):
            return False
        node = parent
    return False


def pluperfect(verb) -> bool:
    """"avait appelé", "étaient partis": an auxiliary in the imperfect before a participle."""
    return any(
        c.dep_.startswith("aux") and c.lemma_ in ("avoir", "être") and "Imp" in c.morph.get("Tense")
        for c in verb.children
    )


def in_reminder(token) -> bool:
    """Is ``token`` inside what the outlet reminds its readers of ("rappelons que",
    "il convient de rappeler que", "pour rappel")?"""
    node = token
    for _ in range(6):
        if node.lemma_.lower() == "rappeler" and outlet_voice(node):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    sentence = token.sent.text.lower()
    return sentence.startswith(("pour rappel", "rappel :", "rappelons"))


def anaphoric(noun) -> bool:
    """Does this noun refer back to an event already told ("cet entretien")?"""
    if any(c.dep_ == "det" and c.lower_ in ("ce", "cet", "cette", "ces") for c in noun.children):
        return True
    following = noun.doc[noun.i + 1 : noun.i + 3]
    return " ".join(t.lower_ for t in following) == "en question"


#: Nouns that, named by a speaker, ask for something: "X a souligné la nécessité de".
CALLS = {"nécessité", "urgence"}


#: Verbs whose object, not subject, would do what their infinitive says.
OBJECT_CONTROL = {
    "appeler", "exhorter", "inviter", "demander", "pousser", "forcer", "contraindre",
    "obliger", "autoriser", "permettre", "encourager", "inciter", "enjoindre", "sommer",
    "convaincre", "aider", "empêcher", "interdire",
    # "accuser X de protéger les terroristes": X would have done it
    "accuser", "soupçonner", "blâmer", "reprocher", "féliciter", "remercier",
}


#: Prepositions that place rather than name a participant.
LOCATIVE = {"à", "en", "dans", "près", "vers", "depuis", "sur"}


def says_that(token) -> bool:
    return token.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "ccomp" and any(m.lower_ in ("que", "qu'") for m in c.children)
        for c in token.children
    )


# -- helpers ------------------------------------------------------------------------


def expression(first, lemmas: tuple[str, ...], sentence) -> list | None:
    """The tokens of a multi-word trigger starting at ``first``: the other lemmas in
    order within the next eight words, or among the first word's dependents."""
    tokens = [first]
    position = first.i
    for lemma in lemmas[1:]:
        following = [
            t for t in sentence
            if position < t.i <= position + 8 and (t.lemma_.lower() == lemma or t.lower_ == lemma)
        ]  # fmt: skip
        if not following:
            return None
        tokens.append(following[0])
        position = following[0].i
    return tokens


def fill(slot: str, head, tokens) -> list:
    """The tokens of ``head``'s parse that fill ``slot`` (see lexicon.VERB_SLOTS)."""
    kind, _, prep = slot.partition(":")
    passive_participle = (
        head.dep_ == "acl" and "Part" in head.morph.get("VerbForm")
        and not any(c.dep_ in ("aux:tense", "nsubj") for c in head.children)
    )  # fmt: skip (not "que des bombardiers avaient frappé", hung on a noun by the parse)
    if passive_participle:  # "les terroristes soutenus par les Etats-Unis"
        if slot == "nsubj":
            return []
        if slot in ("obj", "nsubj:pass"):
            return [head.head]
    if slot in ("nsubj", "nsubj:pass", "obj", "iobj"):
        found = [c for c in head.children if c.dep_ == slot]
        if not found and slot == "nsubj":
            found = inherited_subject(head)
        if not found and slot == "obj":
            for token in tokens[1:]:
                found += [c for c in token.children if c.dep_ in ("nmod", "obj")]
        if found and slot == "obj":
            # "a accusé les États-Unis et la coalition": a noun the parse conjoins to the
            # verb after its object is a second object
            last = max(t.i for t in found)
            found += [
                c for c in head.children
                if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and c.i > last
                and any(g.dep_ == "cc" for g in c.children)
            ]  # fmt: skip
        return found
    if kind == "obl":
        if prep == "par":
            agents = [c for c in head.children if c.dep_ == "obl:agent"]
            if agents:
                return agents
        return [c for c in head.children if c.dep_.startswith("obl") and case(c) == prep]
    if kind == "nmod":
        found = [c for c in head.children if c.dep_.startswith("nmod") and case(c) == prep]
        for token in tokens[1:]:
            found += [c for c in token.children if c.dep_.startswith("nmod") and case(c) == prep]
        if not found and prep == "par":
            # "l'attaque menée par des militants": the agent of a participle on the noun,
            # or on a complement the parse hangs it on ("l'attaque en cours menée par")
            nouns = [head, *(c for c in head.children if c.dep_.startswith("nmod"))]
            for noun in nouns:
                for participle in noun.children:
                    if participle.dep_ == "acl" and "Part" in participle.morph.get("VerbForm"):
                        found += [
                            c for c in participle.children
                            if c.dep_ == "obl:agent" or (c.dep_.startswith("obl") and case(c) == "par")
                        ]  # fmt: skip
        if not found and prep != "de":
            # "le soutien de l'Occident et de ses alliés aux groupes armés": the parse
            # hangs the "à" complement on the nearest noun, the noun's own "de" one
            owners = [
                c for c in head.children
                if c.dep_.startswith(("nmod", "conj")) and c.pos_ in ("NOUN", "PROPN") and case(c) == "de"
            ]  # fmt: skip ("de ses alliés" may hang on the head as a conjunct)
            for owner in owners:
                for noun in (owner, *owner.conjuncts):
                    found += [c for c in noun.children if c.dep_.startswith("nmod") and case(c) == prep]
        return found
    if slot == "amod":
        return [c for c in head.children if c.dep_ == "amod"]
    if slot == "poss":
        return [c for c in head.children if c.dep_ == "det" and "Poss=Yes" in str(c.morph)]
    if kind == "governor-subj" or slot == "governor-subj":
        # the verb whose object or complement the noun is: "X a mené des frappes",
        # "Lors d'une rencontre avec Y, X a affirmé"
        governor = head
        via = head
        for _ in range(3):
            if governor.pos_ in ("VERB", "AUX") and governor.i != head.i:
                break
            # straight up to the verb: "X a mené des frappes", "lors d'une rencontre, X ...";
            # not out of another noun's complement ("à l'occasion de l'assassinat de Y")
            if governor.head.i == governor.i or not governor.dep_.startswith(("obj", "obl", "conj", "appos", "xcomp")):
                if not (governor.dep_ == "advmod" and governor.pos_ == "ADV" and governor.i != head.i):
                    break  # ("lors d'une rencontre": the parse hangs it on the adverb "lors")
            via, governor = governor, governor.head
        if governor.lemma_.lower() in MENTIONING and via.dep_ == "obj" and head.lemma_.lower() not in CALLS:
            return []  # "X a évoqué la victoire de Y": X only talks about it
        if governor.pos_ in ("VERB", "AUX") and governor.i != head.i:
            found = [c for c in governor.children if c.dep_ in ("nsubj", "nsubj:pass")]
            return found or inherited_subject(governor)
        return []
    if kind.startswith("governor-"):
        relation = kind.split("-", 1)[1]
        governor = head.head
        if relation == "obl":
            return [c for c in governor.children if c.dep_.startswith("obl") and case(c) == prep]
        return [c for c in governor.children if c.dep_ == relation]
    if kind == "xcomp":
        return [g for c in head.children if c.dep_ == "xcomp" for g in c.children if g.dep_ == "obj"]
    if kind == "obj-nmod":
        return [g for c in head.children if c.dep_ == "obj" for g in c.children if g.dep_.startswith("nmod") and case(g) == prep]
    return []


def inherited_subject(verb) -> list:
    """The subject an infinitive, a participle or a second verb shares with the verb
    it depends on ("X a décidé de frapper", "Évoquant ..., X a affirmé")."""
    if any(c.dep_ in ("nsubj:pass", "aux:pass") for c in verb.children):
        return []  # a passive without its agent: the doer is unknown
    governor = verb.head
    if "Inf" in verb.morph.get("VerbForm") and governor.lemma_.lower() in OBJECT_CONTROL:
        # "X a appelé les combattants à déposer les armes": the combattants would do it
        objects = [c for c in governor.children if c.dep_ in ("obj", "iobj") and c.i != verb.i]
        if objects:
            return objects
    if "Inf" in verb.morph.get("VerbForm") and verb.head.i != verb.i and verb.dep_ not in ("xcomp", "conj", "acl", "advcl"):
        # "ont refusé catégoriquement de bombarder", whatever relation the parse gives it
        governor = verb.head
        if governor.pos_ in ("VERB", "AUX"):
            found = [c for c in governor.children if c.dep_ == "nsubj"]
            if found:
                return found
    node = verb
    for _ in range(4):
        if node.dep_ in ("xcomp", "conj", "acl", "advcl") and node.head.i != node.i:
            if node.dep_ == "advcl":
                parent = node.head
                found = [c for c in parent.children if c.dep_ in ("nsubj", "nsubj:pass")]
                if found:
                    return found
            node = node.head
            # not the "c'" of a cleft: "C'est le ministre, qui a annoncé ..."
            found = [c for c in node.children if c.dep_ == "nsubj" and c.lower_ not in ("c'", "c’", "ce", "ça", "cela")]
            if found:
                return found
            if node.dep_ == "acl" or verb.dep_ == "acl":
                return [node] if node.pos_ in ("NOUN", "PROPN") else []
        else:
            break
    return []


def case(token) -> str | None:
    for child in token.children:
        if child.dep_ in ("case", "mark"):
            word = child.lower_  # not the lemma: spaCy lemmatises "entre" as "entrer"
            if word in ("du", "des", "d'", "d", "d’"):
                return "de"
            if word in ("au", "aux"):
                return "à"
            return word
    return None


def same_phrase(head, token) -> bool:
    """Is ``token`` part of ``head``'s noun phrase (not of a clause inside it)?"""
    node = token
    while node.i != head.i:
        if node.dep_ in ("acl", "acl:relcl", "advcl", "ccomp", "parataxis", "conj", "nmod", "obl"):
            if not (node.dep_ == "nmod" and node.head.i == head.i and case(node) in ("de",)):
                return False
        node = node.head
    return True


def negated(token) -> bool:
    """A negation on the word: "n'ont pas bombardé", "jamais". "pas" and "plus" alone
    are too often something else ("faire le premier pas", "plus de 20")."""
    children = list(token.children)
    particle = any(c.lower_ in ("ne", "n'", "n’") for c in children)
    return any(
        c.lower_ in NEGATORS and (particle or (c.dep_ == "advmod" and c.lower_ not in ("pas", "plus")))
        for c in children
    )


def governors(token) -> list:
    """The verbs above ``token`` through infinitive or clausal complements."""
    out = []
    node = token
    while node.dep_ in ("xcomp", "ccomp", "obj", "obl:arg") and node.head.i != node.i and len(out) < 3:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            out.append(node)
    return out
