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

- its **claimant** (``according_to``): the subject of a speech verb the trigger
  depends on ("X a affirmé que ..."), a "selon X" / "d'après X" of its sentence, or
  the speaker of the quotation it is in; otherwise the outlet's own voice;
- its **modality**: negated (a negation on the trigger, or "refuser de"),
  future (future tense, "aller"/"devoir" + infinitive, "prévoir de"),
  hypothetical ("pourrait", a condition), historical (a year before the
  article's), else asserted;
- its **date** (a date in the sentence, a weekday or "aujourd'hui" resolved
  against the publication date, a bare year), **place** (a place named in the
  trigger's phrase, else the only place of the sentence), **mode** (from the
  lexicon or the words around: "aérien", "drone", "artillerie", "téléphonique")
  and **fatalities** (a number before "morts", "tués"...).

Statements about others are events too: when a speaker alleges that someone
did harm ("X a affirmé que la Coalition protège les terroristes"), the speaker's
own act is an ACCUSE event against that someone, as the guidelines ask.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .dates import find_dates, weekday_cue
from .ids import event_id
from .lexicon import Trigger, Triggers
from .model import Actor, Article, Event, Place
from .registry import Registry
from .speech import DOCUMENTS, speech_verbs
from .speech import outlet_voice as _outlet_voice
from .textnorm import fold

NEGATORS = {"pas", "jamais", "plus", "guère", "aucun", "aucune", "nullement", "ni", "rien"}
REFUSALS = {"refuser", "renoncer", "nier", "démentir", "exclure", "rejeter", "empêcher"}
FUTURE_HEADS = {"aller", "devoir", "prévoir", "compter", "envisager", "projeter", "s'apprêter", "apprêter", "promettre", "décider"}
HYPOTHETICAL_HEADS = {"pouvoir", "risquer", "menacer"}
PRONOUNS = {"il", "elle", "ils", "elles", "celui-ci", "celle-ci", "ceux-ci", "lui"}
RELATIVES = {"qui", "lequel", "laquelle", "lesquels", "lesquelles", "que"}
FATALITY_WORDS = re.compile(
    r"\b(morts?|tués?|tuées?|victimes|martyrs?|décès|ont péri|trouvé la mort|périssent|"
    r"sont morts|ont été tués|a été tué|tuant|tuer)\b",
    re.IGNORECASE,
)
NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
    "trente": 30, "quarante": 40, "cinquante": 50, "cent": 100, "mille": 1000,
    "dizaine": 10, "dizaines": 10, "vingtaine": 20, "trentaine": 30, "quarantaine": 40,
    "cinquantaine": 50, "centaine": 100, "centaines": 100, "millier": 1000, "milliers": 1000,
}  # fmt: skip
_NUMBER = re.compile(
    r"(?:(?:au moins|près de|environ|plus de|quelque|quelques)\s+)?"
    r"(\d{1,3}(?:[ .\u202f\u00a0]\d{3})+|\d+|(?:des |une )?(?:"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r"))\s+(?:de\s+|d')?(?:\w+\s+){0,3}?",
    re.IGNORECASE,
)
_MODES = (
    ("ASSAULT", "aerial", r"\b(aérien|aérienne|aériens|aériennes|aviation|avions?|bombardiers?|raids?)\b"),
    ("ASSAULT", "drone", r"\bdrones?\b"),
    ("ASSAULT", "heavy-weapons", r"\b(artillerie|obus|roquettes?|missiles?|mortiers?|chars?|blindés)\b"),
    ("ASSAULT", "suicide-attack", r"\b(kamikaze|attentat-suicide|voiture piégée)\b"),
    ("ASSAULT", "explosives", r"\b(explosifs?|engin explosif|bombe|mines?)\b"),
    ("ASSAULT", "targeted", r"\b(assassinat|assassiné|assassiner)\b"),
    ("CONSULT", "phone", r"\b(téléphoniques?|téléphone|au téléphone)\b"),
    ("CONSULT", "visit", r"\b(visite|s'est rendu|se rendra|en visite|a reçu|reçu par)\b"),
    ("CONSULT", "multilateral", r"\b(sommet|conférence|pourparlers|réunion tripartite|négociations)\b"),
)
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)  # fmt: skip
_MONTH_YEAR = re.compile(r"\b(" + "|".join(_MONTHS) + r")\s+(19[5-9]\d|20[0-4]\d)\b", re.IGNORECASE)
_TODAY = re.compile(r"\b(aujourd'hui|ce jour|en ce jour)\b", re.IGNORECASE)
_YESTERDAY = re.compile(r"\bhier\b", re.IGNORECASE)
_SELON = {"selon", "d'après", "après"}


@dataclass
class Context:
    """What the coder knows of one article while it reads it."""

    article: Article
    by_token: dict[int, list[str]] = field(default_factory=dict)  # token index -> actor ids
    places: dict[int, Place] = field(default_factory=dict)  # token index -> place
    quotes: list[tuple[int, int, str | None]] = field(default_factory=list)  # quote spans, speaker
    last_subjects: list[str] = field(default_factory=list)
    last_person: str | None = None  # the last person who was a subject: who "il a dit" is
    last_speaker: str | None = None  # who "le communiqué ajoute que" speaks for


class EventCoder:
    """Codes the events of a French article (see the module's docstring)."""

    def __init__(self, triggers: Triggers, registry: Registry):
        self.triggers = triggers
        self.registry = registry

    def code(self, article: Article, quotes: Iterable[tuple[int, int, str | None]] = ()) -> list[Event]:
        doc = article.doc
        if doc is None:
            return []
        context = Context(article, quotes=list(quotes))
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
            found = _richest(self._sentence(sentence, context))
            found += [e for e in (_allegation(f, article) for f in found) if e is not None]
            events += found
        return _richest(_once(events), across=True)

    # -- one sentence ------------------------------------------------------------

    def _sentence(self, sentence, context: Context) -> list[Event]:
        found = []
        used: set[int] = set()
        for token in sentence:
            if token.i in used or token.pos_ not in ("VERB", "NOUN", "AUX", "ADJ"):
                continue
            if token.pos_ == "NOUN" and _anaphoric(token):
                continue  # "cet entretien", "la rencontre en question": an event told already
            for trigger, tokens in self._triggers_at(token, sentence):
                if not self._holds(trigger, token, tokens, context):
                    continue
                if trigger.type in SAYING_TYPES and _says_that(token):
                    continue  # "l'armée a reconnu que ...": the claim of what follows
                event = self._event(trigger, token, tokens, sentence, context)
                if event is not None:
                    found.append(event)
                    used.update(t.i for t in tokens)
                    break
        found += self._joint_statements(sentence, context, found, used)
        for event in found:
            if event.type == "ASSAULT" and event.source and not event.target:
                self._opponents(event, sentence, context)
        self._subjects(sentence, context)
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
                actor = _actor(article, id)
                if actor is None or id in event.source or id in seen:
                    continue
                if (rebel_source and actor.sector == "MIL") or (not rebel_source and actor.sector == "REB"):
                    seen.append(id)
        if seen:
            event.target = seen
            event.target_inferred = True

    def _partners(self, verb, context: Context) -> list[str]:
        """Actors named "avec X" anywhere in a verb's clause ("coordonner les efforts
        avec la Turquie")."""
        out: list[str] = []
        for token in verb.subtree:
            if token.dep_.startswith(("obl", "nmod")) and _case(token) == "avec":
                for actor in self._actors(token, context, "obl:avec"):
                    if actor not in out:
                        out.append(actor)
        return out

    def _joint_statements(self, sentence, context: Context, found: list[Event], used: set[int]) -> list[Event]:
        """Two or more leaders stating something together ("Poutine et Pezeshkian ont
        souligné l'importance de ...") express agreement: PLOVER's AGREE among them."""
        out = []
        for verb in sentence:
            if verb.lemma_.lower() not in JOINT_VERBS or verb.pos_ not in ("VERB", "AUX"):
                continue
            if verb.i in used or any(c.i in used for c in verb.children if c.dep_ == "obj"):
                continue  # "ont exprimé leur soutien": the support is the event
            if _negated(verb) or _outlet_voice(verb):
                continue
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            actors = self._actors(subjects[0], context, "nsubj") if subjects else []
            speakers = [
                a for a in actors
                if (x := _actor(context.article, a)) is not None and x.kind in ("person", "state")
            ]  # fmt: skip
            if len(speakers) < 2 or any(e.type == "AGREE" and set(speakers) <= set(e.source) for e in found):
                continue
            article = context.article
            start, end = sentence.start_char, sentence.end_char
            modality, year = self._modality(verb, sentence, article)
            out.append(Event(
                id=event_id(article.id, start, "AGREE", *speakers),
                type="AGREE",
                sentence=article.text[start:end],
                start=start,
                end=end,
                source=speakers,
                target=[a for a in self._partners(verb, context) if a not in speakers],
                place=self._place(verb, sentence, context),
                date=year or _date(article.text[start:end], article.published),
                according_to="outlet",
                modality=modality,
                trigger=verb.text,
            ))  # fmt: skip
        return out

    def _triggers_at(self, token, sentence) -> list[tuple[Trigger, list]]:
        lemma = token.lemma_.lower()
        out = []
        for trigger in self.triggers.starting_with(lemma):
            tokens = _expression(token, trigger.lemmas, sentence)
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
            result = _negated(token)
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
            )
        elif key.endswith("-lemma"):
            lemmas = set((value or "").split(","))
            where = key.split("-")[0]
            if where == "governor":
                result = token.head.lemma_.lower() in lemmas
            else:
                deps = {"obj": ("obj",), "obl": ("obl", "obl:arg", "obl:mod"), "nmod": ("nmod",), "subj": ("nsubj", "nsubj:pass")}[where]
                result = any(c.lemma_.lower() in lemmas for c in token.children if c.dep_ in deps)
        else:
            result = True
        return result != condition.negated

    def _class_of(self, token, context: Context) -> str:
        if token.i in context.places:
            return "place"
        ids = context.by_token.get(token.i) or [
            id for t in token.subtree if t.i in context.by_token and _same_phrase(token, t)
            for id in context.by_token[t.i]
        ]  # "les terroristes de Daech": the phrase names an actor
        if ids:
            actor = _actor(context.article, ids[0])
            return "person" if actor is not None and actor.kind == "person" else "actor"
        if token.ent_type_ in ("LOC", "GPE"):
            return "place"
        if token.ent_type_ == "PER":
            return "person"
        return "thing"

    # -- the event -----------------------------------------------------------------

    def _event(self, trigger: Trigger, token, tokens, sentence, context: Context) -> Event | None:
        head = tokens[0] if trigger.is_mwe and tokens[0].pos_ in ("VERB", "AUX") else token
        source = self._slots(trigger.source, head, tokens, context, role="source")
        target = self._slots(trigger.target, head, tokens, context, role="target")
        target = [t for t in target if t not in source]
        article = context.article
        text = article.text[sentence.start_char : sentence.end_char]
        fatalities = _fatalities(text) if trigger.type == "ASSAULT" else None
        if not source and not (trigger.type in ("ASSAULT", "COERCE") and (target or fatalities)):
            return None  # who did it is unknown: only violence is worth recording so
        if trigger.type == "CONSULT" and not target and len(source) < 2:
            partners = self._slots(("obl:avec", "nmod:avec", "obj"), head, tokens, context, role="target")
            target = [p for p in partners if p not in source]
        start, end = sentence.start_char, sentence.end_char
        claimant, said = self._claimant(head, sentence, context, source)
        modality, year = self._modality(head, sentence, article)
        event = Event(
            id=event_id(article.id, start, trigger.type, *source, "|", *target),
            type=trigger.type,
            sentence=text,
            start=start,
            end=end,
            mode=trigger.mode or _mode(trigger.type, text),
            source=source,
            target=target,
            place=self._place(head, sentence, context),
            date=year or _date(text, article.published),
            according_to=claimant,
            modality=modality,
            fatalities=fatalities,
            trigger=" ".join(t.text for t in tokens),
        )
        event.said = said
        event.abets = any(
            (a := _actor(article, t)) is not None and a.sector == "REB" for t in target
        )
        if event.type == "SUPPORT" and event.abets and trigger.type == "SUPPORT":
            # backing an armed group is material help in PLOVER's terms, not praise
            event.type, event.mode = "AID", event.mode or "military"
        # 1. "X doit/doivent faire Y" in what a speaker says: the speaker asks X to do it
        if said and claimant not in (None, "outlet") and any(
            g.lemma_.lower() == "devoir" for g in [head.head, *_governors(head)] if g.i != head.i
        ):
            return Event(
                id=event_id(article.id, start, "REQUEST", claimant, "|", *source),
                type="REQUEST",
                sentence=text,
                start=start,
                end=end,
                source=[claimant],
                target=list(source),
                place=event.place,
                date=event.date,
                according_to="outlet",
                modality="asserted",
                trigger=event.trigger,
            )
        return event

    def _slots(self, slots, head, tokens, context: Context, *, role: str) -> list[str]:
        found: list[str] = []
        # a noun's own complements ("la victoire de l'armée") before its governor's subject
        slots = sorted(slots, key=lambda slot: slot.startswith("governor-"))
        for slot in slots:
            for filler in _fill(slot, head, tokens):
                if filler.i in context.places and filler.i not in context.by_token:
                    continue  # "à Ankara": where, not who
                if filler.i in context.places and slot.startswith(("obl", "nmod")) and _case(filler) in LOCATIVE:
                    continue
                for actor in self._actors(filler, context, slot):
                    if actor not in found:
                        found.append(actor)
            if found:
                break
        return found

    def _actors(self, token, context: Context, slot: str) -> list[str]:
        """The actors a slot's token stands for, with its conjuncts."""
        out: list[str] = []
        for t in [token, *token.conjuncts]:
            for actor in self._actor_of(t, context, slot):
                if actor not in out:
                    out.append(actor)
        return out

    def _actor_of(self, token, context: Context, slot: str) -> list[str]:
        if token.i in context.by_token:
            return context.by_token[token.i]
        lower = token.lower_
        if lower in RELATIVES and token.head.dep_ in ("acl:relcl", "acl") and token.dep_.startswith("nsubj"):
            return self._actor_of(token.head.head, context, slot)
        if token.pos_ == "PRON" and lower in PRONOUNS and token.dep_.startswith("nsubj"):
            return list(context.last_subjects)
        if slot == "amod" or token.dep_ == "amod":
            country = self.registry.demonym(token.text)
            if country:
                actor = self._country_actor(country, context)
                return [actor] if actor else []
        for child in token.subtree:
            if child.i in context.by_token and _same_phrase(token, child):
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

    # -- claimant, modality, place -------------------------------------------------

    def _claimant(self, head, sentence, context: Context, source: list[str]) -> tuple[str, bool]:
        """Whose claim the event is, and whether that claimant *said* it (a speech
        verb or a quotation, rather than "selon X")."""
        # a speech verb the trigger depends on: "X a affirmé que ..."
        node = head
        while node.head.i != node.i:
            parent = node.head
            if node.dep_ in ("ccomp", "parataxis", "xcomp", "advcl", "conj") and parent.lemma_.lower() in speech_verbs():
                if _outlet_voice(parent):
                    return "outlet", False
                speaker = self._subject(parent, context)
                if speaker:
                    context.last_speaker = speaker
                if speaker and speaker not in source:
                    return speaker, True
                if speaker:
                    return "outlet", False
            node = parent
        for token in sentence:
            if token.lower_ in ("selon", "d'après") or (token.lower_ == "après" and token.i > 0 and token.nbor(-1).lower_ in ("d'", "d")):
                governed = token.head
                actors = [a for a in self._actor_of(governed, context, "obl") if a not in source]
                if not actors and governed.lemma_.lower() in DOCUMENTS:
                    # "selon un communiqué publié par le Kremlin", "d'après le rapport de l'ONU"
                    for inner in governed.subtree:
                        actors = [a for a in context.by_token.get(inner.i, []) if a not in source]
                        if actors:
                            break
                if actors:
                    return actors[0], False
        for start, end, speaker in context.quotes:
            if start <= head.idx < end and speaker and speaker not in source:
                return speaker, True
        # an incise: "Rien que samedi, 20 000 personnes sont parties, a indiqué X"
        for token in sentence:
            if token.dep_ == "parataxis" and token.lemma_.lower() in speech_verbs() and token.i > head.i:
                speaker = self._subject(token, context)
                if speaker and speaker not in source:
                    return speaker, True
                subjects = [c for c in token.children if c.dep_ in ("nsubj", "obj") and c.i > token.i]
                for subject in subjects:
                    actors = [a for a in self._actors(subject, context, "nsubj") if a not in source]
                    if actors:
                        return actors[0], True
        return "outlet", False

    def _subject(self, verb, context: Context) -> str | None:
        """Who speaks through ``verb``; a pronoun is the last person who was a subject."""
        for child in verb.children:
            pronoun = child.lower_.lstrip("-t").lstrip("-") in PRONOUNS and child.pos_ == "PRON"
            if child.dep_ in ("nsubj", "nsubj:pass", "expl:subj") and pronoun:
                person = _last_person(context.article, child.idx)
                if person:
                    return person
            if child.dep_ == "nsubj" and child.lemma_.lower() in DOCUMENTS and child.i not in context.by_token:
                if context.last_speaker:
                    return context.last_speaker  # "le communiqué ajoute que": its author
            if child.dep_ in ("nsubj", "nsubj:pass"):
                actors = self._actors(child, context, "nsubj")
                if actors:
                    return actors[0]
        if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
            return self._subject(verb.head, context)
        return None

    def _modality(self, head, sentence, article: Article) -> tuple[str, str | None]:
        text = sentence.text
        # only years that date the event's own clause ("est intervenue en 2015"), not a
        # noun inside it ("les quartiers occupés depuis 2012")
        years = [int(t.text) for t in sentence if _YEAR.fullmatch(t.text) and _dates_clause(t, head)]
        published = article.published
        if years:
            latest = max(years)
            reference = published.year if published else _latest_year(article)
            if reference and latest < reference:
                month = _MONTH_YEAR.search(text)
                if month and int(month.group(2)) == latest:
                    return "historical", f"{latest}-{_MONTHS.index(month.group(1).lower()) + 1:02d}"
                return "historical", str(latest)
        if _in_reminder(head) and any(_pluperfect(v) for v in [head, *_governors(head), head.head]):
            return "historical", None  # "il convient de rappeler que Damas avait appelé"
        if _negated(head) or any(
            a.lemma_.lower() in REFUSALS for a in _governors(head)
        ):
            return "negated", None
        morph = head.morph
        for verb in [head, *_governors(head)]:
            lemma = verb.lemma_.lower()
            if lemma in HYPOTHETICAL_HEADS and "Cnd" in verb.morph.get("Mood"):
                return "hypothetical", None
            if "Fut" in verb.morph.get("Tense") or lemma in FUTURE_HEADS and verb.i != head.i:
                return "future", None
        if any(c.lower_ in ("si",) and c.dep_ == "mark" for c in head.children):
            return "hypothetical", None
        if "Fut" in morph.get("Tense"):
            return "future", None
        return "asserted", None

    def _place(self, head, sentence, context: Context) -> Place | None:
        for token in head.subtree:
            if token.i in context.places and token.sent == sentence:
                return context.places[token.i]
        places = {id(p): p for t in sentence if (p := context.places.get(t.i)) is not None}
        return next(iter(places.values())) if len(places) == 1 else None

    def _subjects(self, sentence, context: Context) -> None:
        """Remember the last actor that was a subject, for pronouns further on, and
        the last one who spoke, for the documents that speak for them."""
        for token in sentence:
            if token.lemma_.lower() in speech_verbs() and token.pos_ in ("VERB", "AUX") and not _outlet_voice(token):
                speaker = self._subject(token, context)
                if speaker:
                    context.last_speaker = speaker
            if token.dep_ in ("nsubj", "nsubj:pass"):
                actors = self._actors(token, context, "nsubj")
                if actors:
                    context.last_subjects = actors
                    people = [a for a in actors if (x := _actor(context.article, a)) and x.kind == "person"]
                    if people:
                        context.last_person = people[0]


#: Inner events that, claimed by a speaker about someone else, make the speaker's
#: statement an accusation; AID and SUPPORT count when they go to armed groups.
HARMFUL = {"ASSAULT", "COERCE", "THREATEN", "SANCTION", "REJECT", "ACCUSE"}
ABETTING = {"AID", "SUPPORT", "COOPERATE"}


def _once(events: list[Event]) -> list[Event]:
    """Each event once per article: the same type between the same parties told again
    (a headline, a recap) is one event, coded from its most specific telling (dated,
    attributed, in the body); two different dates make two events."""
    kept: list[Event] = []
    for event in events:
        key = (event.type, set(event.source), set(event.target))
        same = next(
            (i for i, k in enumerate(kept) if (k.type, set(k.source), set(k.target)) == key
             and (k.date is None or event.date is None or k.date == event.date)
             and (event.type not in VERBAL or _stem(k.trigger) == _stem(event.trigger))),
            None,
        )  # fmt: skip
        if same is None:
            kept.append(event)
        elif _specificity(event) > _specificity(kept[same]):
            kept[same] = event
    return kept


#: Statements: two of the same kind between the same parties are two statements unless
#: they use the same words (a headline "accuse" and the body's "a accusé").
VERBAL = {"ACCUSE", "REQUEST", "SUPPORT", "REJECT", "THREATEN", "CONCEDE", "AGREE"}


def _stem(trigger: str | None) -> str:
    return fold(trigger or "")[:5]


def _specificity(event: Event) -> tuple[int, int, int]:
    return (event.date is not None, event.according_to not in (None, "outlet"), len(event.sentence))


def _richest(events: list[Event], *, across: bool = False) -> list[Event]:
    """Keep the events no other one includes: same type, sources and targets within
    the other's ("soutenus" read twice, once without its target; a headline that
    names fewer parties than the body). ``across`` an article, events of two
    different days stay apart."""
    kept = []
    for event in events:
        if any(
            other is not event and other.type == event.type
            and set(event.source) <= set(other.source) and set(event.target) <= set(other.target)
            and (set(event.source), set(event.target)) != (set(other.source), set(other.target))
            and (not across or event.date is None or other.date in (None, event.date))
            for other in events
        ):  # fmt: skip
            continue
        kept.append(event)
    return kept


def _allegation(event: Event, article: Article) -> Event | None:
    """The ACCUSE event of a speaker who claims that someone else did harm (not
    someone of the speaker's own country: that is a claim, not an accusation)."""
    speaker = event.according_to
    if speaker in (None, "outlet") or speaker in event.source or not event.source:
        return None
    if not getattr(event, "said", False):
        return None  # "selon X": X reports, X does not accuse
    who = _actor(article, speaker)
    if who is not None and who.country and any(
        (a := _actor(article, s)) is not None and a.country == who.country for s in event.source
    ):
        return None
    if event.type not in HARMFUL and not (event.type in ABETTING and event.abets):
        return None
    return Event(
        id=event_id(event.id, event.start, "ACCUSE", speaker),
        type="ACCUSE",
        sentence=event.sentence,
        start=event.start,
        end=event.end,
        mode="allege",
        source=[speaker],
        target=list(event.source),
        place=None,
        date=event.date,
        according_to="outlet",
        modality="asserted",
        trigger=event.trigger,
    )


#: Verbs that talk about an event without taking part in it.
MENTIONING = {
    "évoquer", "souligner", "rappeler", "détailler", "mentionner", "citer", "qualifier",
    "saluer", "féliciter", "commenter", "décrire", "analyser", "aborder", "discuter",
    "examiner", "dénoncer", "condamner", "critiquer", "regretter", "déplorer",
}

#: Types whose verbs, with a "que" clause, only introduce a claim ("reconnaître que").
SAYING_TYPES = {"CONCEDE", "SUPPORT", "AGREE", "CONSULT", "COOPERATE"}


def _dates_clause(year, head) -> bool:
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


def _pluperfect(verb) -> bool:
    """"avait appelé", "étaient partis": an auxiliary in the imperfect before a participle."""
    return any(
        c.dep_.startswith("aux") and c.lemma_ in ("avoir", "être") and "Imp" in c.morph.get("Tense")
        for c in verb.children
    )


def _in_reminder(token) -> bool:
    """Is ``token`` inside what the outlet reminds its readers of ("rappelons que",
    "il convient de rappeler que", "pour rappel")?"""
    node = token
    for _ in range(6):
        if node.lemma_.lower() == "rappeler" and _outlet_voice(node):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    sentence = token.sent.text.lower()
    return sentence.startswith(("pour rappel", "rappel :", "rappelons"))


def _anaphoric(noun) -> bool:
    """Does this noun refer back to an event already told ("cet entretien")?"""
    if any(c.dep_ == "det" and c.lower_ in ("ce", "cet", "cette", "ces") for c in noun.children):
        return True
    following = noun.doc[noun.i + 1 : noun.i + 3]
    return " ".join(t.lower_ for t in following) == "en question"


#: Verbs of stating a position: said by two or more together, an agreement.
JOINT_VERBS = {
    "souligner", "réitérer", "réaffirmer", "affirmer", "déclarer", "exprimer", "insister",
    "convenir", "appeler", "plaider", "estimer", "rappeler", "confirmer", "annoncer",
}

#: Verbs whose object, not subject, would do what their infinitive says.
OBJECT_CONTROL = {
    "appeler", "exhorter", "inviter", "demander", "pousser", "forcer", "contraindre",
    "obliger", "autoriser", "permettre", "encourager", "inciter", "enjoindre", "sommer",
    "convaincre", "aider", "empêcher", "interdire",
}

#: Prepositions that place rather than name a participant.
LOCATIVE = {"à", "en", "dans", "près", "vers", "depuis", "sur"}


def _says_that(token) -> bool:
    return token.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "ccomp" and any(m.lower_ in ("que", "qu'") for m in c.children)
        for c in token.children
    )


# -- helpers ------------------------------------------------------------------------


def _last_person(article: Article, before: int) -> str | None:
    """Who "il a ajouté" is: the last person who was a subject in the text just
    before (about three sentences), else the last person the article named."""
    people = {a.id for a in article.actors if a.kind == "person"}
    doc = article.doc
    found = [m for m in article.actor_mentions if m.start < before and m.actor in people]
    if doc is not None:
        for mention in reversed(found):
            if before - mention.start > 600:
                break
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None and any(
                t.dep_ in ("nsubj", "nsubj:pass")
                or (t.dep_ in ("flat:name", "appos") and t.head.dep_ in ("nsubj", "nsubj:pass"))
                for t in span
            ):
                return mention.actor
    return found[-1].actor if found else None


def _actor(article: Article, id: str) -> Actor | None:
    return next((a for a in article.actors if a.id == id), None)


def _expression(first, lemmas: tuple[str, ...], sentence) -> list | None:
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


def _fill(slot: str, head, tokens) -> list:
    """The tokens of ``head``'s parse that fill ``slot`` (see lexicon.VERB_SLOTS)."""
    kind, _, prep = slot.partition(":")
    passive_participle = head.dep_ == "acl" and "Part" in head.morph.get("VerbForm")
    if passive_participle:  # "les terroristes soutenus par les Etats-Unis"
        if slot == "nsubj":
            return []
        if slot in ("obj", "nsubj:pass"):
            return [head.head]
    if slot in ("nsubj", "nsubj:pass", "obj", "iobj"):
        found = [c for c in head.children if c.dep_ == slot]
        if not found and slot == "nsubj":
            found = _inherited_subject(head)
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
        return [c for c in head.children if c.dep_.startswith("obl") and _case(c) == prep]
    if kind == "nmod":
        found = [c for c in head.children if c.dep_.startswith("nmod") and _case(c) == prep]
        for token in tokens[1:]:
            found += [c for c in token.children if c.dep_.startswith("nmod") and _case(c) == prep]
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
        if governor.lemma_.lower() in MENTIONING and via.dep_ == "obj":
            return []  # "X a évoqué la victoire de Y": X only talks about it
        if governor.pos_ in ("VERB", "AUX") and governor.i != head.i:
            found = [c for c in governor.children if c.dep_ in ("nsubj", "nsubj:pass")]
            return found or _inherited_subject(governor)
        return []
    if kind.startswith("governor-"):
        relation = kind.split("-", 1)[1]
        governor = head.head
        if relation == "obl":
            return [c for c in governor.children if c.dep_.startswith("obl") and _case(c) == prep]
        return [c for c in governor.children if c.dep_ == relation]
    if kind == "xcomp":
        return [g for c in head.children if c.dep_ == "xcomp" for g in c.children if g.dep_ == "obj"]
    if kind == "obj-nmod":
        return [g for c in head.children if c.dep_ == "obj" for g in c.children if g.dep_.startswith("nmod") and _case(g) == prep]
    return []


def _inherited_subject(verb) -> list:
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
            found = [c for c in node.children if c.dep_ in ("nsubj",)]
            if found:
                return found
            if node.dep_ == "acl" or verb.dep_ == "acl":
                return [node] if node.pos_ in ("NOUN", "PROPN") else []
        else:
            break
    return []


def _case(token) -> str | None:
    for child in token.children:
        if child.dep_ in ("case", "mark"):
            word = child.lemma_.lower()
            if word in ("du", "des", "d'", "d"):
                return "de"
            if word in ("au", "aux"):
                return "à"
            return word
    return None


def _same_phrase(head, token) -> bool:
    """Is ``token`` part of ``head``'s noun phrase (not of a clause inside it)?"""
    node = token
    while node.i != head.i:
        if node.dep_ in ("acl", "acl:relcl", "advcl", "ccomp", "parataxis", "conj", "nmod", "obl"):
            if not (node.dep_ == "nmod" and node.head.i == head.i and _case(node) in ("de",)):
                return False
        node = node.head
    return True


def _negated(token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in NEGATORS for c in token.children) or any(
        c.lower_ in ("ne", "n'") and c.dep_ == "advmod" for c in token.children
    ) and any(c.lower_ in NEGATORS for c in token.children)


def _governors(token) -> list:
    """The verbs above ``token`` through infinitive or clausal complements."""
    out = []
    node = token
    while node.dep_ in ("xcomp", "ccomp", "obj", "obl:arg") and node.head.i != node.i and len(out) < 3:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            out.append(node)
    return out


def _mode(type: str, text: str) -> str | None:
    for kind, mode, pattern in _MODES:
        if kind == type and re.search(pattern, text, re.IGNORECASE):
            return mode
    return None


def _date(text: str, published: dt.date | None) -> str | None:
    found = find_dates(text, languages=["fr"])
    if found:
        return found[0].date.isoformat()
    if published is None:
        return None
    if _TODAY.search(text):
        return published.isoformat()
    if _YESTERDAY.search(text):
        return (published - dt.timedelta(days=1)).isoformat()
    cue = weekday_cue(text, "fr", bare=True)
    if cue is not None:
        weekday, _ = cue
        back = (published.weekday() - weekday) % 7
        return (published - dt.timedelta(days=back)).isoformat()
    return None


def _latest_year(article: Article) -> int | None:
    years = [int(y) for y in _YEAR.findall(article.text)]
    return max(years) if years else None


_COUNT = (
    r"(\d{1,3}(?:[ .\u202f\u00a0]\d{3})+|\d+|(?:des |une |un |quelques )?(?:"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r"))"
)
_APPROX = r"(?:(?:au moins|près de|environ|plus de|quelque|pas moins de)\s+)?"
#: "ont tué 32 personnes", "coûté la vie à une vingtaine de civils"
_KILLED_N = re.compile(
    r"\b(?:tué|tuée|tués|tuées|tuant|tue|tuent|tuer|coûté la vie à|fauché)\s+" + _APPROX + _COUNT + r"\b",
    re.IGNORECASE,
)
#: "32 morts", "des dizaines de morts", "20 000 victimes", "une dizaine de soldats ont été tués"
_N_KILLED = re.compile(
    _APPROX + _COUNT + r"\s+(?:de\s+|d')?(?:[\w-]+\s+){0,3}?"
    r"(?:morts|tués|victimes|martyrs|ont péri|ont été tués|ont été tuées|ont trouvé la mort|sont morts|décès)\b",
    re.IGNORECASE,
)


def _count(value: str) -> int | None:
    value = value.lower()
    for prefix in ("des ", "une ", "un ", "quelques "):
        value = value.removeprefix(prefix)
    digits = re.sub(r"[ .\u202f\u00a0]", "", value)
    if digits.isdigit():
        return int(digits)
    return NUMBER_WORDS.get(value)


def _fatalities(text: str) -> int | None:
    """The number of dead the sentence gives (the lower bound: 10 for "des dizaines")."""
    for pattern in (_KILLED_N, _N_KILLED):
        match = pattern.search(text)
        if match:
            value = _count(match.group(1))
            if value:
                return value
    return None
