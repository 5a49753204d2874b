"""Quotes: what each actor is reported to have said, directly or indirectly.

- **Direct** quotations are the text between « », “ ” or straight double quotes,
  of at least three words (shorter ones are terms the press holds at arm's length:
  « rebelles », « format Astana »). The speaker is the subject of a speech verb
  right after the quotation (", a précisé le maître du Kremlin", ", a-t-il dit": a
  pronoun is the last actor who spoke or acted; ", souligne le communiqué": the
  document's author), else of the speech verb that introduces it ("X a déclaré :
  « ... »"), else the source a preposition names ("Selon X, « ... »"), else the
  subject of the verb the quotation depends on, else the last speaker.
- **Indirect** speech is the clause that a speech verb governs ("X a affirmé que
  ..."), its infinitive ("X affirme avoir ...", "X a appelé Y à ..."), the object
  of a verb whose object is what was said ("a souligné la nécessité de ...", "a mis
  l'accent sur ..."), or the words before an incise ("..., a indiqué X"). What the
  outlet reminds its readers of ("il convient de rappeler que ...") is its own
  background, not a new statement.

Quotes are found in any language with quotation marks; indirect speech needs the
French parse.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import load_speech_verbs
from .model import Article, Quote
from .speech import DOCUMENTS, document_author, last_person, people_named, source_marker, speech_verbs
from .speech import outlet_voice as _outlet_voice

_QUOTE = re.compile(r"«\s*([^«»]+?)\s*»|“([^“”]+?)”|\"([^\"\n]+?)\"")
_MIN_WORDS = 3
#: Speech verbs whose object is what was said ("a souligné la nécessité de ...").
OBJECT_SPEECH = {
    "souligner", "évoquer", "détailler", "qualifier", "affirmer", "déclarer", "réaffirmer",
    "expliquer", "préciser", "démentir", "nier", "estimer", "insister", "pointer",
}
#: Speech verbs whose infinitive is what was said or asked: "affirment avoir capturé",
#: "a appelé l'opposition à faire", "a nié avoir visé".
INFINITIVE_SPEECH = {
    "affirmer", "assurer", "déclarer", "dire", "estimer", "nier", "démentir", "reconnaître",
    "admettre", "avouer", "prétendre", "annoncer", "appeler", "exhorter", "demander",
    "réclamer", "promettre", "menacer",
}
_PRONOUNS = {"il", "elle", "ils", "elles"}
_CLITICS = {"-t-il", "-il", "il", "-elle", "elle", "-t-elle", "-ils", "-t-ils", "-elles", "-t-elles"}
_OPENING_MARKS = ("«", '"', "“")
_CLOSING_MARKS = ("»", '"', "”")
_NAME_LINKS = {"de", "la", "le", "les", "du", "des", "d'", "l'", "et"}


class QuoteFinder:
    def find(self, article: Article) -> list[Quote]:
        doc = article.doc
        text = article.text
        # who "il" is when he speaks: the last person who was a subject, else named
        subjects = people_named(article)
        by_token = _actors_by_token(article, subjects) if doc is not None else {}
        quotes: list[Quote] = []
        documents: set[int] = set()
        taken: list[tuple[int, int]] = []
        for match in _QUOTE.finditer(text):
            group = next(i for i in (1, 2, 3) if match.group(i) is not None)
            words = match.group(group).split()
            if len(words) < _MIN_WORDS:
                continue
            start, end = match.start(group), match.end(group)
            if _name(words):
                continue
            speaker = None
            if doc is not None:
                speaker = self._speaker(doc, match.start(), match.end(), by_token, subjects)
                if speaker is None:
                    speaker = _governing_subject(doc, start, end, by_token, subjects)
            quotes.append(Quote(speaker=speaker, direct=True, text=text[start:end], start=start, end=end))
            taken.append((match.start(), match.end()))
        if doc is not None:
            for verb in doc:
                if not _says(verb) or _reminded(verb):
                    continue
                for found in _said(verb, by_token):
                    begin, finish = found
                    # stop short of a quotation that follows in the same sentence
                    ahead = [a for a, b in taken if begin < a < finish]
                    if ahead:
                        finish = min(ahead)
                        while finish > begin and not text[finish - 1].isalnum():
                            finish -= 1
                    if len(text[begin:finish].split()) < _MIN_WORDS or any(
                        a < finish and begin < b for a, b in taken
                    ):
                        continue
                    speaker = _subject_actor(verb, by_token, subjects)
                    quotes.append(
                        Quote(speaker=speaker, direct=False, text=text[begin:finish], start=begin, end=finish)
                    )
                    taken.append((begin, finish))
                for clause in verb.children:
                    span = _que_clause(verb, clause) if clause.dep_ == "ccomp" else None
                    if span is None or any(a < span[1] and span[0] < b for a, b in taken):
                        continue
                    if _outlet_voice(verb):
                        continue  # "il convient de rappeler que", "rappelons que": the outlet
                    begin, finish = span
                    speaker = _subject_actor(verb, by_token, subjects)
                    quote = Quote(speaker=speaker, direct=False, text=text[begin:finish], start=begin, end=finish)
                    if speaker is None and _document_subject(verb):
                        documents.add(id(quote))  # "le communiqué ajoute que": its author speaks
                    quotes.append(quote)
                    taken.append((begin, finish))
        quotes.sort(key=lambda q: q.start)
        # a quotation with no speaker of its own continues the previous speaker's words
        previous = None
        for quote in quotes:
            if quote.speaker is None and (quote.direct or id(quote) in documents) and previous is not None:
                quote.speaker = previous
            previous = quote.speaker or previous
        start, end = article.headline_span  # a headline restates the body
        quotes = [q for q in quotes if not start <= q.start < end]
        if doc is None:
            return quotes  # no parse: the quoted words, their speaker unknown
        return [q for q in quotes if q.speaker is not None]

    def _speaker(self, doc, start: int, end: int, by_token, subjects) -> str | None:
        # after: « ... », a précisé X / a-t-il dit / selon X
        after = []
        for token in [t for t in doc if end <= t.idx < end + 80][:8]:
            if token.text in (".", "«") or token.is_sent_start and token.idx > end + 2:
                break
            if _says(token):
                if _introduces(token):
                    break  # "« ... », poursuivant que ...": new words, not this quotation's incise
                # the speaker named after the verb, not a noun of the quotation the parse
                # also made its subject ("« L'évacuation ... », a déclaré M. X")
                named = [
                    _named(c, by_token) for c in token.children
                    if c.idx >= end and c.dep_ in ("nsubj", "obj", "appos")
                ]  # fmt: skip
                return next((n for n in named if n is not None), None) or _subject_actor(token, by_token, subjects)
            after.append(token)
        source = _source(after, by_token, subjects)
        if source is not None:
            return source
        # before: X a déclaré : « ... » (any verb of the sentence when a colon introduces it)
        before = [t for t in doc if start - 300 <= t.idx < start]
        colon = bool(before) and before[-1].text == ":"
        sentence = []
        for token in reversed(before):
            if token.text in (".", "!", "?") and token.idx < start - 2:
                break
            sentence.append(token)
            if token.pos_ in ("VERB", "AUX") and (_says(token) or colon):
                speaker = _subject_actor(token, by_token, subjects)
                if speaker is not None:
                    return speaker
        return _source(sentence[::-1], by_token, subjects)


def _name(words: list[str]) -> bool:
    """Is a quotation a name (« Coalition internationale », « Amis de la Syrie »): short
    and capitalised, or every word capitalised but the little words of names?"""
    if len(words) <= 3 and words[0][:1].isupper():
        return True
    return all(w[:1].isupper() or w.lower() in _NAME_LINKS for w in words)


@cache
def _expressions() -> frozenset[tuple[str, ...]]:
    """The lexicon's ways of saying in several words: ("mettre", "accent", "sur"),
    ("faire", "savoir"), ("se", "féliciter")."""
    return frozenset(
        v.lemmas for v in load_speech_verbs() if len(v.lemmas) > 1 and v.kind in ("speech", "claim")
    )


def _says(token) -> bool:
    """Is this token a verb of saying: alone, with its reflexive ("s'est félicité"),
    or completing an expression ("a fait savoir")?"""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    if lemma in speech_verbs():
        return True
    if ("se", lemma) in _expressions() and any(c.lower_ in ("se", "s'") for c in token.children):
        return True
    if token.dep_ == "xcomp" and (token.head.lemma_.lower(), lemma) in _expressions():
        return True
    return bool(_expression_objects(token))  # "a mis l'accent sur"


def _introduces(verb) -> bool:
    """Does this speech verb introduce words of its own (a que-clause, an infinitive)?"""
    return any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)


def _reminded(verb) -> bool:
    """Is this verb inside the outlet's reminder ("il convient de rappeler que Damas
    avait appelé ...")? What the outlet recalls is background, not a new statement."""
    node = verb
    while node.head.i != node.i:
        node = node.head
        if _says(node) and _outlet_voice(node):
            return True
    return False


def _participle(verb) -> bool:
    """A present participle with no auxiliary: "déclarant que", "évoquant la nécessité"."""
    return (
        "Part" in verb.morph.get("VerbForm")
        and "Pres" in verb.morph.get("Tense")
        and not any(c.dep_.startswith("aux") for c in verb.children)
    )


def _que_clause(verb, clause) -> tuple[int, int] | None:
    """Where the "que" clause a speech verb governs runs: from after "que" to the end
    of the sentence (the parse often cuts a long clause short)."""
    # "que" may hang anywhere between the verb and its clause in the parse
    que = next((w for w in verb.doc[verb.i + 1 : clause.i] if w.lower_ in ("que", "qu'")), None)
    if que is None:
        return None
    words = [w for w in verb.doc[que.i + 1 : clause.i + 1]] + [w for w in clause.subtree if w.i > clause.i]
    last = [t for t in clause.sent if t.i >= words[-1].i and not t.is_punct and not t.is_space]
    end_token = last[-1] if last else words[-1]
    begin = next((w.idx for w in words if not w.is_space), que.idx + len(que.text))
    return begin, end_token.idx + len(end_token.text)


def _said(verb, by_token) -> list[tuple[int, int]]:
    """What a speech verb reports besides a "que" clause: its object ("a souligné la
    nécessité d'obtenir des garanties", "a mis l'accent sur ..."), its infinitive ("affirment
    avoir capturé ..."), or, in an incise at the end of a sentence ("Rien que samedi,
    20 000 personnes sont parties, a indiqué X"), the words before."""
    out = []
    # an object of fewer than three words is no statement ("a déclaré la guerre")
    objects = [words for words in _objects(verb) if len(words) >= _MIN_WORDS]
    for words in objects + list(_infinitives(verb)):
        last = _clause_end(verb, words[-1])
        out.append((words[0].idx, last.idx + len(last.text)))
    incise = _incise(verb, by_token)
    if incise is not None:
        out.append(incise)
    return out


def _objects(verb):
    """The words of what a verb of saying names: its object, "sur" what it
    insists on, or the noun after an expression ("mettre l'accent sur", "faire part de").
    A participle that opens the sentence ("Évoquant la nécessité de ..., il a affirmé
    que ...") names a topic that frames the statement, not words."""
    if _participle(verb) and verb.i < verb.head.i or _in_incise(verb):
        return  # an incise's object is its speaker: ", a déclaré le chef d'état-major"
    nouns = []
    if verb.lemma_.lower() in OBJECT_SPEECH:
        for child in verb.children:
            if child.dep_ == "obj" or (child.dep_.startswith("obl") and _case(child) == "sur"):
                nouns.append(child)
    nouns += _expression_objects(verb)
    for noun in nouns:
        if noun.pos_ in ("NOUN", "PROPN"):
            words = [w for w in noun.subtree if not (w.dep_ == "case" and w.head.i == noun.i)]
            yield [w for w in words if not w.is_punct and not w.is_space]


def _expression_objects(verb) -> list:
    """The noun an expression of saying ends on: "a mis l'accent sur la nécessité de
    ...", "a fait part de ses craintes"."""
    lemma = verb.lemma_.lower()
    out = []
    for expression in _expressions():
        if len(expression) != 3 or expression[0] != lemma:
            continue
        _, noun, preposition = expression
        for obj in (c for c in verb.children if c.dep_ == "obj" and c.lemma_.lower() == noun):
            for child in (*verb.children, *obj.children):
                if child.dep_.startswith(("obl", "nmod")) and _case(child) == preposition:
                    out.append(child)
    return out


def _case(noun) -> str | None:
    return next((c.lower_ for c in noun.children if c.dep_ == "case"), None)


def _infinitives(verb):
    """The words of the infinitive a verb of saying governs: "affirment avoir capturé ...",
    "a appelé l'opposition à faire ...", the "à"/"de" that marks it left out."""
    if verb.lemma_.lower() not in INFINITIVE_SPEECH:
        return
    for child in verb.children:
        # "appeler X à faire": the parse hangs the infinitive on X as often as on the verb
        nodes = [child] + [g for g in child.children if child.dep_ in ("obj", "iobj") and g.dep_ == "acl"]
        for node in nodes:
            if node.dep_ in ("xcomp", "acl") and node.pos_ in ("VERB", "AUX") and _infinitive(node):
                words = [w for w in node.subtree if not (w.dep_ == "mark" and w.head.i == node.i)]
                yield [w for w in words if not w.is_punct and not w.is_space]


def _infinitive(node) -> bool:
    """An infinitive, or a past infinitive ("avoir capturé")."""
    return "Inf" in node.morph.get("VerbForm") or any(
        c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm") for c in node.children
    )


def _clause_end(verb, last):
    """The last word of what a speech verb reports, from ``last`` to the end of the
    verb's clause: "la stratégie de l'Iran pour évacuer ...", "à faire le premier pas
    vers la paix" (the parse hangs "vers la paix" on the verb)."""
    tail = []
    for t in verb.subtree:
        if t.i <= last.i:
            continue
        if t.head.i == verb.i and (
            t.dep_ in ("cc", "ccomp", "parataxis") or t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") or _says(t)
        ):
            break  # "... et précisé que", "..., déclarant que": another statement begins
        if not t.is_punct and not t.is_space:
            tail.append(t)
    tail = [t for t in tail if t.i - last.i <= 40]  # a clause, not a page
    return tail[-1] if tail else last


def _incise(verb, by_token) -> tuple[int, int] | None:
    """The words before an incise that ends a sentence: ", a-t-il indiqué", ", a encore
    déclaré John Kerry", ", ont conclu les deux dirigeants". The parse calls the incise
    parataxis, or anything else when its subject follows the verb and names an actor."""
    comma = _opening(verb)
    if not _in_incise(verb) or comma.text != "," or comma.nbor(-1).text in _CLOSING_MARKS:
        return None  # "« ... », a-t-il dit": the quotation's own incise
    clitic = any(t.lower_ in _CLITICS for t in verb.doc[comma.i + 1 : verb.i])
    if verb.dep_ != "parataxis" and not (clitic or _inverted_subject(verb, by_token)):
        return None
    sentence = verb.sent
    if comma.i <= sentence.start + 3 or sentence[0].text in _OPENING_MARKS:
        return None
    return sentence[0].idx, comma.idx


def _opening(verb):
    """The word before a verb, its auxiliaries, adverbs and inverted clitics aside."""
    i = verb.i - 1
    while i > verb.sent.start and _filler(verb.doc[i]):
        i -= 1
    return verb.doc[max(i, 0)]


def _in_incise(verb) -> bool:
    """Is the verb an incise, its subject after it: ", a-t-il dit", "», souligne le
    communiqué", ", a déclaré le chef d'état-major"?"""
    opening = _opening(verb)
    # after the words it reports: a quotation or a clause, not a subject's apposition
    reported = verb.doc[verb.sent.start : opening.i]
    # a subject the parse finds inside the quotation is not the verb's
    closing = max((t.i for t in reported if t.text in _CLOSING_MARKS), default=-1)
    return (
        verb.head.i <= verb.i
        and opening.text in (",", *_CLOSING_MARKS)
        and any(t.text in _CLOSING_MARKS or "Fin" in t.morph.get("VerbForm") for t in reported)
        and not any(c.dep_.startswith("nsubj") and closing < c.i < opening.i for c in verb.children)
    )


def _filler(token) -> bool:
    """May this word stand between an incise's comma and its verb: ", a encore
    déclaré", ", a-t-il en outre estimé", ", s'est inquiété"?"""
    return (
        token.dep_.startswith(("aux", "advmod", "fixed"))
        or token.lower_.startswith("-")
        or token.lower_ in ("en", "se", "s'")
    )


def _inverted_subject(verb, by_token) -> bool:
    """Does the rest of the sentence after the verb name only its speaker (", ont conclu
    les deux dirigeants.")?"""
    rest = [t for t in verb.sent if t.i > verb.i and not t.is_punct and not t.is_space]
    if not rest or _introduces(verb):
        return False
    heads = [c for c in verb.children if c.i > verb.i and c.dep_ in ("nsubj", "obj")]
    return any(
        h.i in by_token and {t.i for t in rest} <= {t.i for t in h.subtree} for h in heads
    )


def _source(tokens, by_token, subjects) -> str | None:
    """The actor a source preposition names among ``tokens``: "Selon le ministère",
    "d'après lui", a sentence that opens on "Pour Moscou,"."""
    for token in tokens:
        if not source_marker(token):
            continue
        if token.head.lower_ in ("lui", "elle", "eux", "elles"):
            return last_person(subjects, token.idx)
        if _named(token.head, by_token) is not None:
            return _named(token.head, by_token)
    return None


def _named(node, by_token) -> str | None:
    """The first actor named in ``node``'s phrase."""
    return next((by_token[t.i] for t in node.subtree if t.i in by_token), None)


def _governing_subject(doc, start: int, end: int, by_token, subjects) -> str | None:
    """The subject of the verb a quotation inside a sentence depends on ("Ils ont
    exprimé « un soutien inconditionnel »")."""
    inside = [t for t in doc if start <= t.idx < end]
    if not inside:
        return None
    node = inside[0]
    for _ in range(6):
        if node.head.i == node.i or not (start <= node.head.idx < end):
            node = node.head
            break
        node = node.head
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    if node.pos_ in ("VERB", "AUX") and not (start <= node.idx < end):
        return _subject_actor(node, by_token, subjects)
    return None


def _actors_by_token(article: Article, people) -> dict[int, str]:
    """The actor each token names. A phrase that names several people ("les deux
    dirigeants") speaks for the one the passage is about: the last person who was a
    subject before it, else the first named."""
    doc = article.doc
    named: dict[int, list[str]] = {}
    for mention in article.actor_mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        for token in span or ():
            actors = named.setdefault(token.i, [])
            if mention.actor not in actors:
                actors.append(mention.actor)
    by_token = {}
    for i, actors in named.items():
        main = last_person(people, doc[i].idx) if len(actors) > 1 else None
        by_token[i] = main if main in actors else actors[0]
    return by_token


def _document_subject(verb) -> bool:
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in DOCUMENTS for c in verb.children)


def _antecedent(relative, verb, by_token) -> str | None:
    """Who a relative "qui" is: the actor named just before it ("le chef de la
    diplomatie Sergueï Lavrov, qui avait pointé que ..."), else the noun its clause
    hangs on."""
    before = relative.i - 1
    while before > 0 and relative.doc[before].is_punct:
        before -= 1
    if before >= 0 and before in by_token:
        return by_token[before]
    return by_token.get(verb.head.i) if verb.dep_ == "acl:relcl" else None


def _subject_actor(verb, by_token, subjects) -> str | None:
    if _participle(verb) and verb.head.i != verb.i:
        # "..., déclarant que ...": a participle speaks with the subject of the verb
        # it hangs on (or the actor it qualifies), whatever noun the parse gave it
        head = verb.head
        speaker = by_token.get(head.i)
        if speaker is None and head.pos_ in ("VERB", "AUX"):
            speaker = _subject_actor(head, by_token, subjects)
        if speaker is not None:
            return speaker
    if verb.dep_ == "parataxis":  # ", a indiqué le porte-parole X": the subject follows
        for child in verb.children:
            if child.i > verb.i and child.dep_ in ("nsubj", "obj", "appos") and _named(child, by_token):
                return _named(child, by_token)
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubj:pass", "expl:subj"):
            if child.i in by_token:
                return by_token[child.i]
            if _named(child, by_token) is not None:
                return _named(child, by_token)
            if child.lower_ in _PRONOUNS or child.lower_.removeprefix("-t").removeprefix("-") in _PRONOUNS:
                return last_person(subjects, verb.idx)
            if child.lower_ == "qui":
                return _antecedent(child, verb, by_token)
            if child.lemma_.lower() in DOCUMENTS:
                return document_author(child, by_token)
    if _says(verb) and _in_incise(verb):
        # inversion in an incise: "a précisé le maître du Kremlin" parses the name as
        # obj; "souligne le communiqué": its author. Elsewhere the object is whom the
        # words are addressed to ("et appelé les habitants à ...")
        for child in verb.children:
            if child.dep_ in ("obj", "nsubj") and child.i > verb.i:
                if _named(child, by_token) is not None:
                    return _named(child, by_token)
                if child.lemma_.lower() in DOCUMENTS:
                    return document_author(child, by_token)
    # an inverted clitic: "a-t-il indiqué", "a-t-il en outre estimé", "dit-il"
    first = min([verb.i] + [c.i for c in verb.children if c.dep_.startswith("aux")])
    if any(t.lower_ in _CLITICS for t in verb.doc[first : verb.i + 3]):
        return last_person(subjects, verb.idx)
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return _subject_actor(verb.head, by_token, subjects)
    if not any(c.dep_.startswith("nsubj") for c in verb.children):
        # no subject in the parse (a sentence cut after a long apposition): the person
        # named just before
        near = [s for s in subjects if verb.idx - 300 < s[0] < verb.idx]
        if near:
            return near[-1][1]
    return None
