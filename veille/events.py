"""Who did what to whom, according to whom: PLOVER events from French sentences.

For each sentence of the parse, trigger words of ``triggers.csv`` (verbs, nouns
and multi-word expressions, looked up by spaCy lemma) are checked against their
``requires`` conditions, then their source and target are read from the
syntactic slots the lexicon names (``nsubj``, ``obj``, ``obl:avec``,
``nmod:de``, ``amod`` for "frappes aériennes russes", ``governor-subj`` for "X a
mené des frappes"...). A slot's token becomes actors through the article's actor
mentions, with the usual repairs: conjunctions give several actors ("Poutine et
Pezeshkian ont souligné"), a relative pronoun is its antecedent, a pronoun subject
is the last actor that spoke or acted, an infinitive or a participle takes the
subject of the verb it depends on.

Each event then gets:

- its **claimant** (``according_to``, read by :mod:`veille.claims`): the subject of
  a speech verb the trigger depends on ("X a affirmé que ..."), a "selon X" /
  "d'après X" of its sentence, the speaker of the quotation it is in, or of an
  incise after it; otherwise the outlet's own voice;
- its **modality** (read by :mod:`veille.modality`): negated (a negation on the
  trigger, or "refuser de"), future (future tense, "aller"/"devoir" + infinitive,
  "prévoir de"), hypothetical ("pourrait", a condition), historical (a year before
  the article's), else asserted;
- its **date** (a date in the sentence, a weekday or "aujourd'hui" resolved
  against the publication date, a bare year), **place** (a place named in the
  trigger's phrase, else the only place of the sentence), **mode** (from the
  lexicon or the words around: "aérien", "drone", "artillerie", "téléphonique")
  and **fatalities** (a number before "morts", "tués"...).

Statements about others are events too (:mod:`veille.statements`): when a speaker
alleges that someone did harm ("X a affirmé que la Coalition protège les
terroristes"), the speaker's own act is an ACCUSE event against that someone, as
the guidelines ask; what a speaker says someone must do is a request, harm to come
announced or promised a threat, a verdict on an actor an accusation or support, and
leaders stating something together agree. An event the article tells more than once
(a headline, a recap) is kept once, from its most specific telling
(:mod:`veille.tellings`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .claims import PRONOUNS, SAYING_TYPES, claimant_of, remember_subjects
from .details import date, latest_year, mode
from .details import fatalities as dead_in
from .ids import event_id
from .lexicon import Cues, Trigger, Triggers, load_cues
from .modality import ModalityReader, before_the_month, long_before
from .model import Actor, Article, Event, Place
from .numbers import counts
from .registry import Registry
from .speech import IMPERSONAL, people_named
from .statements import allegation, fire_support, joint_statements, requested, speech_act, verdicts
from .syntax import (
    LOCATIVE, anaphoric, case, expression, fill, negated, pluperfect, same_phrase, says_that,
)  # fmt: skip
from .tellings import once, richest

RELATIVES = {"qui", "lequel", "laquelle", "lesquels", "lesquelles", "que"}


@dataclass
class Context:
    """What the coder knows of one article while it reads it (the functions of
    :mod:`veille.claims` and :mod:`veille.statements` read it too)."""

    article: Article
    by_token: dict[int, list[str]] = field(default_factory=dict)  # token index -> actor ids
    places: dict[int, Place] = field(default_factory=dict)  # token index -> place
    quotes: list[tuple[int, int, str | None]] = field(default_factory=list)  # quote spans, speaker
    last_subjects: list[str] = field(default_factory=list)
    people: list[tuple[int, str, bool]] = field(default_factory=list)  # speech.people_named
    last_speaker: str | None = None  # who "le communiqué ajoute que" speaks for

    def actor(self, id: str) -> Actor | None:
        """The article's actor of this id."""
        return next((a for a in self.article.actors if a.id == id), None)


class EventCoder:
    """Codes the events of a French article (see the module's docstring)."""

    def __init__(self, triggers: Triggers, registry: Registry, cues: Cues | None = None):
        self.triggers = triggers
        self.registry = registry
        self.cues = cues or load_cues()
        self.modality = ModalityReader(self.cues)

    def code(self, article: Article, quotes: Iterable[tuple[int, int, str | None]] = ()) -> list[Event]:
        doc = article.doc
        if doc is None:
            return []
        context = Context(article, quotes=list(quotes), people=people_named(article))
        article = context.article
        for mention in article.actor_mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            for token in span or ():
                ids = context.by_token.setdefault(token.i, [])
                if mention.actor not in ids:
                    ids.append(mention.actor)
        for mention in getattr(article, "place_mentions", []):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            place = next((p for p in article.places if mention.text in (p.name, *p.aliases)), None)
            for token in span or ():
                if place is not None:
                    context.places[token.i] = place
        events: list[Event] = []
        for sentence in doc.sents:
            found = richest(self._sentence(sentence, context))
            found += [e for e in (allegation(f, context) for f in found) if e is not None]
            events += found
        return richest(once(events, article.headline_span[1]), across=True)

    # -- one sentence ------------------------------------------------------------

    def _sentence(self, sentence, context: Context) -> list[Event]:
        found = []
        heads: dict[int, object] = {}  # id(event) -> the token its trigger heads
        used: set[int] = set()
        for token in sentence:
            if token.i in used or token.pos_ not in ("VERB", "NOUN", "AUX", "ADJ"):
                continue
            if token.pos_ == "NOUN" and anaphoric(token):
                continue  # "cet entretien", "la rencontre en question": an event told already
            for trigger, tokens in self._triggers_at(token, sentence):
                if not self._holds(trigger, token, tokens, context):
                    continue
                if trigger.type in SAYING_TYPES and says_that(token):
                    continue  # "l'armée a reconnu que ...": the claim of what follows
                head = tokens[0] if trigger.is_mwe and tokens[0].pos_ in ("VERB", "AUX") else token
                event = self._event(trigger, head, tokens, sentence, context)
                if event is not None:
                    found.append(event)
                    heads[id(event)] = head
                    used.update(t.i for t in tokens)
                    break
        found = [e for e in found if not requested(heads[id(e)], e, found, heads)]
        found += joint_statements(self, sentence, context, found, used)
        found += verdicts(self, sentence, context)
        for event in found:
            if event.type == "ASSAULT" and event.source and not event.target:
                self._opponents(event, sentence, context)
        found = [fire_support(e, found, context) for e in found]
        remember_subjects(self, sentence, context)
        return found

    def _opponents(self, event: Event, sentence, context: Context) -> None:
        """A strike whose target the sentence does not name hit the other side of the
        war the article tells: the armed groups named in this sentence or the one before
        when a state's forces strike, the state's forces when a group does. The target
        is then marked ``target_inferred``."""
        article = context.article
        sources = [a for a in article.actors if a.id in event.source]
        rebel_source = any(a.sector == "REB" for a in sources)
        window = [t for t in sentence.doc[max(0, sentence.start - 60) : sentence.end]]
        seen: list[str] = []
        for token in window:
            for id in context.by_token.get(token.i, []):
                actor = context.actor(id)
                if actor is None or id in event.source or id in seen:
                    continue
                if (rebel_source and actor.sector == "MIL") or (not rebel_source and actor.sector == "REB"):
                    seen.append(id)
        if seen:
            event.target = seen
            event.target_inferred = True

    def _triggers_at(self, token, sentence) -> list[tuple[Trigger, list]]:
        lemma = token.lemma_.lower()
        out = []
        for trigger in self.triggers.starting_with(lemma):
            tokens = expression(token, trigger.lemmas, sentence)
            if tokens:
                out.append((trigger, tokens))
        pos = "VERB" if token.pos_ in ("VERB", "AUX") else "NOUN" if token.pos_ == "NOUN" else None
        for trigger in self.triggers.lookup(lemma):
            if pos is None or trigger.pos == pos:
                out.append((trigger, [token]))
        if not out and token.pos_ in ("NOUN", "ADJ"):
            for trigger in self.triggers.lookup(token.text.lower()):
                out.append((trigger, [token]))
        return out

    # -- conditions ----------------------------------------------------------------

    def _holds(self, trigger: Trigger, token, tokens, context: Context) -> bool:
        for alternatives in trigger.requires:
            if not any(self._condition(c, token, context) for c in alternatives):
                return False
        return True

    def _condition(self, condition, token, context: Context) -> bool:
        key, value = condition.key, condition.value
        result: bool
        if key == "reflexive":
            result = any(c.dep_ in ("expl:comp", "expl:pv", "expl") or c.lower_ in ("se", "s'", "s", "me", "nous", "vous") and c.dep_ != "nsubj" for c in token.children)
        elif key == "negated":
            result = negated(token)
        elif key == "passive":
            result = any(c.dep_ in ("nsubj:pass", "aux:pass") for c in token.children)
        elif key in ("obj", "obl", "nmod", "subj"):
            deps = {"obj": ("obj",), "obl": ("obl", "obl:arg", "obl:mod"), "nmod": ("nmod",), "subj": ("nsubj", "nsubj:pass")}[key]
            heads = [c for c in token.children if c.dep_ in deps]
            result = any(self._class_of(h, context) == value or (value == "actor" and self._class_of(h, context) in ("person", "actor")) for h in heads) if value != "none" else not heads
        elif key == "comp":
            result = any(
                (value == "que" and c.dep_ in ("ccomp",) and any(m.lower_ in ("que", "qu'") for m in c.children))
                or any(m.dep_ in ("case", "mark") and m.lemma_.lower() == value for m in c.children)
                for c in token.children
            ) or (value in ("à", "de") and _infinitive_after(token, value))
        elif key.endswith("-lemma"):
            lemmas = set((value or "").split(","))
            where = key.split("-")[0]
            if where == "governor":
                result = token.head.lemma_.lower() in lemmas
            else:
                deps = {"obj": ("obj",), "obl": ("obl", "obl:arg", "obl:mod"), "nmod": ("nmod",), "subj": ("nsubj", "nsubj:pass")}[where]
                heads = [c for c in token.children if c.dep_ in deps]
                # "évacuer des centaines de civils": the noun a quantity counts
                heads += [g for h in heads for g in h.children if g.dep_.startswith("nmod") and case(g) == "de"]
                result = any(c.lemma_.lower() in lemmas for c in heads)
        else:
            result = True
        return result != condition.negated

    def _class_of(self, token, context: Context) -> str:
        if token.i in context.places:
            return "place"
        ids = context.by_token.get(token.i) or [
            id for t in token.subtree if t.i in context.by_token and same_phrase(token, t)
            for id in context.by_token[t.i]
        ]  # "les terroristes de Daech": the phrase names an actor
        if ids:
            actor = context.actor(ids[0])
            return "person" if actor is not None and actor.kind == "person" else "actor"
        if token.ent_type_ in ("LOC", "GPE"):
            return "place"
        if token.ent_type_ == "PER":
            return "person"
        return "thing"

    # -- the event -----------------------------------------------------------------

    def _event(self, trigger: Trigger, head, tokens, sentence, context: Context) -> Event | None:
        source = self._slots(trigger.source, head, tokens, context, role="source")
        target = self._slots(trigger.target, head, tokens, context, role="target")
        if head.pos_ == "NOUN" and head.dep_ == "obj" and head.head.lemma_.lower() in WITHSTOOD:
            # "l'armée a repoussé une attaque de drones": the army was attacked
            own = tuple(slot for slot in trigger.source if not slot.startswith("governor-"))
            source = self._slots(own, head, tokens, context, role="source")
            target = self._slots(("governor-subj",), head, tokens, context, role="target")
        target = [t for t in target if t not in source]
        article = context.article
        text = article.text[sentence.start_char : sentence.end_char]
        fatalities = dead_in(text) if trigger.type == "ASSAULT" else None
        if not source and not (trigger.type in ("ASSAULT", "COERCE") and (target or fatalities)):
            return None  # who did it is unknown: only violence is worth recording so
        if trigger.type == "REJECT" and not target and head.dep_ == "conj" and head.head.lemma_.lower() in OFFERS:
            # "X avait proposé des opérations communes, mais Y a refusé": Y rejects X
            offerers = [c for c in head.head.children if c.dep_ == "nsubj"]
            target = [a for a in (self.actors(offerers[0], context, "nsubj") if offerers else []) if a not in source]
        if trigger.type == "CONSULT" and not target and len(source) < 2:
            partners = self._slots(("obl:avec", "nmod:avec", "obj"), head, tokens, context, role="target")
            target = [p for p in partners if p not in source]
        start, end = sentence.start_char, sentence.end_char
        claimant, said = claimant_of(self, head, sentence, context, source)
        modality, year = self.modality_of(head, sentence, article)
        day = year or date(text, article.published)
        if modality in ("asserted", "future") and (
            long_before(day, article.published)
            or (pluperfect(head) and before_the_month(day, article.published))
        ):
            modality = "historical"  # "s'était emparé de la ville le 11 décembre", in March
        event = Event(
            id=event_id(article.id, start, trigger.type, *source, "|", *target),
            type=trigger.type,
            sentence=text,
            start=start,
            end=end,
            mode=trigger.mode or mode(trigger.type, text),
            source=source,
            target=target,
            place=self.place_of(head, sentence, context),
            date=day,
            according_to=claimant,
            modality=modality,
            fatalities=fatalities,
            quantities=[
                {"number": c.number, "noun": c.noun, "text": c.text}
                for c in counts(text, self.cues) if c.noun and c.number != fatalities
            ],
            trigger=" ".join(t.text for t in tokens),
        )
        event.said = said
        event.abets = _abets(head, tokens, context)
        if event.type == "SUPPORT" and event.abets and trigger.lemmas[0] in BACKING:
            # backing an armed group is material help in PLOVER's terms, not praise
            event.type, event.mode = "AID", event.mode or "military"
        # what the event stands for in its speaker's words: "X doit faire Y" is the
        # speaker's request, harm to come announced or promised a threat
        return speech_act(event, head, context)

    def _slots(self, slots, head, tokens, context: Context, *, role: str) -> list[str]:
        found: list[str] = []
        # a noun's own complements ("la victoire de l'armée") before its governor's subject
        slots = sorted(slots, key=lambda slot: slot.startswith("governor-"))
        for slot in slots:
            for filler in fill(slot, head, tokens):
                if filler.i in context.places and filler.i not in context.by_token:
                    continue  # "à Ankara": where, not who
                if filler.i in context.places and slot.startswith(("obl", "nmod")) and case(filler) in LOCATIVE:
                    continue
                for actor in self.actors(filler, context, slot):
                    if actor not in found:
                        found.append(actor)
            if found:
                break
        return found

    def actors(self, token, context: Context, slot: str) -> list[str]:
        """The actors a slot's token stands for, with its conjuncts (and the names of
        an enumeration the parse hangs on the first one: "La Russie, l'Iran et la
        Turquie" as Russie ← Iran ← Turquie)."""
        out: list[str] = []
        listed = [c for c in token.children if _enumerated(c)]
        for t in [token, *token.conjuncts, *(n for c in listed for n in (c, *c.conjuncts))]:
            for actor in self.actor_of(t, context, slot):
                if actor not in out:
                    out.append(actor)
        return out

    def actor_of(self, token, context: Context, slot: str) -> list[str]:
        if token.i in context.by_token:
            return context.by_token[token.i]
        lower = token.lower_
        if lower in RELATIVES and token.dep_.startswith("nsubj"):
            if token.head.dep_ in ("acl:relcl", "acl") and token.head.head.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
                return self.actor_of(token.head.head, context, slot)
            antecedent = _antecedent(token)  # the parse hangs the clause on a verb
            return self.actor_of(antecedent, context, slot) if antecedent is not None else []
        if token.pos_ == "PRON" and lower in PRONOUNS and token.dep_.startswith("nsubj"):
            if _impersonal(token):
                return []  # "il y a eu des combats", "il faut": nobody
            return list(context.last_subjects)
        if slot == "poss" and token.pos_ == "DET":
            # "leur soutien à Damas dans sa lutte": the owner is the actor named last before
            for before in reversed(token.doc[token.sent.start : token.i]):
                if before.i in context.by_token:
                    return context.by_token[before.i]
            return []
        if slot == "amod" or token.dep_ == "amod":
            country = self.registry.demonym(token.text)
            if country:
                actor = self._country_actor(country, context)
                return [actor] if actor else []
        for child in token.subtree:
            if child.i in context.by_token and same_phrase(token, child):
                return context.by_token[child.i]
        return []

    def _country_actor(self, country: str, context: Context) -> str | None:
        article = context.article
        for sector in ("MIL", "GOV"):
            for actor in article.actors:
                if actor.country == country and actor.sector == sector and actor.kind != "person":
                    return actor.id
        state = self.registry.state(country)
        if state is None:
            return None
        if all(a.id != state.id for a in article.actors):
            article.actors.append(state.to_actor())
        return state.id

    # -- modality, place -----------------------------------------------------------

    def modality_of(self, head, sentence, article: Article) -> tuple[str, str | None]:
        reference = article.published.year if article.published else latest_year(article)
        return self.modality.read(head, sentence, reference)

    def place_of(self, head, sentence, context: Context) -> Place | None:
        for token in head.subtree:
            if token.i in context.places and token.sent == sentence:
                return context.places[token.i]
        places = {id(p): p for t in sentence if (p := context.places.get(t.i)) is not None}
        return next(iter(places.values())) if len(places) == 1 else None


#: Support that is backing, not praise: to an armed group it is material help (AID).
BACKING = {"soutenir", "soutien", "appuyer", "appui", "épauler", "parrainer", "parrainage", "sponsoriser", "armer"}


#: Verbs whose subject is on the receiving end of the event noun they govern.
WITHSTOOD = {
    "repousser", "déjouer", "contrer", "subir", "essuyer", "endurer", "encaisser",
    "intercepter", "neutraliser", "avorter", "mettre en échec", "résister",
}


#: Verbs of an offer or a demand another party can turn down.
OFFERS = {"proposer", "offrir", "suggérer", "demander", "appeler", "inviter", "exhorter", "réclamer"}


def _infinitive_after(verb, preposition: str) -> bool:
    """An infinitive introduced by ``preposition`` that the parse hangs on the verb's
    object rather than on the verb ("a appelé les Nations unies à assumer": on
    "unies")."""
    for mark in verb.subtree:
        infinitive = mark.head
        if mark.dep_ != "mark" or mark.lemma_.lower() != preposition or mark.i < verb.i:
            continue
        if "Inf" not in infinitive.morph.get("VerbForm"):
            continue
        node = infinitive.head
        for _ in range(3):
            if node.i == verb.i:
                return True
            if node.dep_ not in ("obj", "acl", "amod", "nmod", "flat:name") or node.head.i == node.i:
                break
            node = node.head
    return False


def _impersonal(pronoun) -> bool:
    """"il" of "il y a", "il faut", "il semble" (speech.IMPERSONAL): no one."""
    verb = pronoun.head
    return pronoun.lower_ == "il" and (
        any(c.lower_ == "y" for c in verb.children) or verb.lemma_.lower() in IMPERSONAL
    )


def _enumerated(name) -> bool:
    """A proper noun after a comma that the parse hangs on the name before it with no
    preposition: the next item of a list ("la Russie, l'Iran et la Turquie")."""
    if name.dep_ not in ("nmod", "appos") or name.pos_ != "PROPN" or case(name) is not None:
        return False
    before = [t for t in name.doc[max(name.i - 3, 0) : name.i] if t.pos_ != "DET"]
    return bool(before) and before[-1].text == ","


#: Nouns for the members of an armed group ("les combattants de X" are X).
FIGHTERS = {
    "terroriste", "rebelle", "combattant", "groupe", "milicien", "milice", "membre", "militant",
    "jihadiste", "djihadiste", "mercenaire", "insurgé", "homme", "élément", "unité", "faction",
}


def _abets(head, tokens, context: Context) -> bool:
    """Does the event go straight to an armed group ("soutenir les terroristes", "les
    terroristes soutenus par X", "le soutien aux groupes armés"), not to something of
    theirs ("soutenir la participation de l'opposition armée aux pourparlers")?"""
    fillers = [c for t in tokens for c in t.children if c.dep_.startswith(("obj", "iobj", "nmod", "obl", "conj"))]
    if head.dep_ == "acl":
        fillers.append(head.head)
    fillers += [c for f in fillers for c in f.conjuncts]
    # "le soutien de l'Occident et de ses alliés aux groupes": "à" hung on a backer;
    # "les terroristes de Daech": the group of the fighters named
    fillers += [
        g for f in fillers for g in f.children
        if g.dep_.startswith("nmod") and (case(g) == "à" or (case(g) == "de" and f.lemma_.lower() in FIGHTERS))
    ]  # fmt: skip
    return any(
        (actor := context.actor(id)) is not None and actor.sector == "REB"
        for f in fillers for id in context.by_token.get(f.i, [])
    )


def _antecedent(relative):
    """The noun phrase just before a relative pronoun ("les terroristes de « Daech »
    qui ont pris la fuite"): its head noun."""
    node = next((t for t in reversed(relative.doc[relative.sent.start : relative.i]) if not t.is_punct), None)
    if node is None or node.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    while node.dep_.startswith(("nmod", "flat", "amod")) and node.head.i < relative.i and node.head.pos_ in ("NOUN", "PROPN"):
        node = node.head
    return node
