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

from collections.abc import Iterable
from dataclasses import dataclass, field

from .details import date, latest_year, mode
from .details import fatalities as dead_in
from .ids import event_id
from .lexicon import Cues, Trigger, Triggers, load_cues
from .modality import ModalityReader
from .model import Actor, Article, Event, Place
from .numbers import counts
from .registry import Registry
from .speech import DOCUMENTS, last_person, people_named, speech_verbs
from .speech import outlet_voice as _outlet_voice
from .syntax import (
    LOCATIVE, anaphoric, case, expression, fill, governors, negated, same_phrase, says_that,
)  # fmt: skip
from .textnorm import fold

PRONOUNS = {"il", "elle", "ils", "elles", "celui-ci", "celle-ci", "ceux-ci", "lui"}
RELATIVES = {"qui", "lequel", "laquelle", "lesquels", "lesquelles", "que"}


@dataclass
class Context:
    """What the coder knows of one article while it reads it."""

    article: Article
    by_token: dict[int, list[str]] = field(default_factory=dict)  # token index -> actor ids
    places: dict[int, Place] = field(default_factory=dict)  # token index -> place
    quotes: list[tuple[int, int, str | None]] = field(default_factory=list)  # quote spans, speaker
    last_subjects: list[str] = field(default_factory=list)
    people: list[tuple[int, str, bool]] = field(default_factory=list)  # speech.people_named
    last_speaker: str | None = None  # who "le communiqué ajoute que" speaks for


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
            found = _richest(self._sentence(sentence, context))
            found += [e for e in (_allegation(f, article) for f in found) if e is not None]
            events += found
        return _richest(_once(events, _headline(article)), across=True)

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
        found = [e for e in found if not _requested(heads[id(e)], e, found, heads)]
        found += self._joint_statements(sentence, context, found, used)
        found += self._verdicts(sentence, context)
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
            if token.dep_.startswith(("obl", "nmod")) and case(token) == "avec":
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
            if negated(verb) or _outlet_voice(verb):
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
                date=year or date(article.text[start:end], article.published),
                according_to="outlet",
                modality=modality,
                trigger=verb.text,
            ))  # fmt: skip
        return out

    def _verdicts(self, sentence, context: Context) -> list[Event]:
        """A speaker's verdict on an actor ("Lavrov a indiqué que la présence de la
        Coalition est illégale"): ACCUSE or SUPPORT from the speaker to the actors the
        adjective's subject names (``[verdicts]`` of cues.toml); not the outlet's own
        verdicts, nor a speaker's on their own country."""
        out = []
        accuse, support = self.cues.verdicts["accuse"], self.cues.verdicts["support"]
        for adjective in sentence:
            lemma = adjective.lemma_.lower()
            if adjective.pos_ != "ADJ" or lemma not in (*accuse, *support):
                continue
            if not any(c.dep_ == "cop" for c in adjective.children):
                continue
            subjects = [c for c in adjective.children if c.dep_ == "nsubj"]
            if not subjects and adjective.dep_ == "conj":  # "est illégitime et illégale"
                subjects = [c for c in adjective.head.children if c.dep_ == "nsubj"]
            speaker, said = self._claimant(adjective, sentence, context, [])
            if not subjects or not said or speaker in (None, "outlet"):
                continue
            kind = "ACCUSE" if lemma in accuse else "SUPPORT"
            if negated(adjective):
                if kind == "ACCUSE":
                    continue
                kind = "ACCUSE"
            targets = [
                a for a in _phrase_actors(subjects[0], context)
                if a != speaker and not _compatriots(context.article, speaker, a)
            ]  # fmt: skip
            if not targets:
                continue
            article = context.article
            start, end = sentence.start_char, sentence.end_char
            out.append(Event(
                id=event_id(article.id, start, kind, speaker, "|", *targets),
                type=kind,
                sentence=article.text[start:end],
                start=start,
                end=end,
                mode="verdict",
                source=[speaker],
                target=targets,
                date=date(article.text[start:end], article.published),
                according_to="outlet",
                modality="asserted",
                trigger=adjective.text,
            ))  # fmt: skip
        return out

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
                result = any(c.lemma_.lower() in lemmas for c in token.children if c.dep_ in deps)
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
            actor = _actor(context.article, ids[0])
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
            target = [a for a in (self._actors(offerers[0], context, "nsubj") if offerers else []) if a not in source]
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
            mode=trigger.mode or mode(trigger.type, text),
            source=source,
            target=target,
            place=self._place(head, sentence, context),
            date=year or date(text, article.published),
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
        event.abets = any(
            (a := _actor(article, t)) is not None and a.sector == "REB" for t in target
        )
        if event.type == "SUPPORT" and event.abets and trigger.lemmas[0] in BACKING:
            # backing an armed group is material help in PLOVER's terms, not praise
            event.type, event.mode = "AID", event.mode or "military"
        # "X doit faire Y", "il faut que X fasse Y" in what a speaker says: the speaker
        # asks X to do it
        if said and claimant not in (None, "outlet") and _obliged(head):
            return _statement("REQUEST", claimant, list(source), event)
        # harm to come announced by its own side ("Poutine a assuré que Moscou
        # frapperait les terroristes s'ils relèvent la tête") or promised ("a promis
        # de frapper"): a threat, not yet a strike
        if event.type in HARM_TO_COME and modality in ("future", "hypothetical") and event.target:
            if said and claimant not in (None, "outlet") and all(
                s == claimant or _compatriots(article, claimant, s) for s in source
            ):
                return _statement("THREATEN", claimant, event.target, event)
            if source and any(g.lemma_.lower() in PROMISES for g in governors(head)):
                return _statement("THREATEN", source[0], event.target, event, according_to=claimant)
        return event

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
        if lower in RELATIVES and token.dep_.startswith("nsubj"):
            if token.head.dep_ in ("acl:relcl", "acl") and token.head.head.pos_ in ("NOUN", "PROPN", "PRON"):
                return self._actor_of(token.head.head, context, slot)
            antecedent = _antecedent(token)  # the parse hangs the clause on a verb
            return self._actor_of(antecedent, context, slot) if antecedent is not None else []
        if token.pos_ == "PRON" and lower in PRONOUNS and token.dep_.startswith("nsubj"):
            return list(context.last_subjects)
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

    # -- claimant, modality, place -------------------------------------------------

    def _claimant(self, head, sentence, context: Context, source: list[str]) -> tuple[str, bool]:
        """Whose claim the event is, and whether that claimant *said* it (a speech
        verb or a quotation, rather than "selon X")."""
        # a speech verb the trigger depends on: "X a affirmé que ..."
        node = head
        while node.head.i != node.i:
            parent = node.head
            if node.dep_ in ("ccomp", "parataxis", "xcomp", "advcl") and parent.lemma_.lower() in speech_verbs():
                if _outlet_voice(parent):
                    return "outlet", False
                speaker = self._subject(parent, context)
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
            if token.lemma_.lower() not in speech_verbs() or token.i <= head.i:
                continue
            # "..., ont conclu les deux dirigeants": an inverted subject after a comma
            inverted = any(c.dep_ in ("nsubj", "obj", "expl:subj") and c.i > token.i for c in token.children)
            after_comma = any(t.text == "," for t in sentence.doc[max(token.i - 3, 0) : token.i])
            if token.dep_ == "parataxis" or (token.dep_ == "advcl" and inverted and after_comma):
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
            word = child.lower_.lstrip("-t").lstrip("-")
            pronoun = word in PRONOUNS and child.pos_ == "PRON"
            if child.dep_ in ("nsubj", "nsubj:pass", "expl:subj") and word in ("ils", "elles") and pronoun:
                if context.last_subjects:  # "ils affirment": the group last named as subject
                    return context.last_subjects[0]
            if child.dep_ in ("nsubj", "nsubj:pass", "expl:subj") and pronoun:
                person = last_person(context.people, child.idx)
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
        reference = article.published.year if article.published else latest_year(article)
        return self.modality.read(head, sentence, reference)

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


#: Inner events that, claimed by a speaker about someone else, make the speaker's
#: statement an accusation; AID and SUPPORT count when they go to armed groups.
HARMFUL = {"ASSAULT", "COERCE", "THREATEN", "SANCTION", "REJECT", "ACCUSE"}
ABETTING = {"AID", "SUPPORT", "COOPERATE"}


def _once(events: list[Event], headline: int = 0) -> list[Event]:
    """Each event once per article: the same type between the same parties told again
    (a headline, a recap) is one event, coded from its most specific telling (dated,
    attributed, in the body); two different dates make two events. Two statements of
    the same kind are one only in the same words, or when one is the headline (the
    first ``headline`` characters) that sums up the other."""
    kept: list[Event] = []
    for event in events:
        key = _parties(event)
        same = next(
            (i for i, k in enumerate(kept) if _parties(k) == key
             and (k.date is None or event.date is None or k.date == event.date)
             and (event.type not in VERBAL or _stem(k.trigger) == _stem(event.trigger)
                  or min(k.start, event.start) < headline)),
            None,
        )  # fmt: skip
        if same is None:
            kept.append(event)
        elif _specificity(event) > _specificity(kept[same]):
            kept[same] = event
    return kept


def _parties(event: Event) -> tuple:
    """What makes two tellings the same event: its type and parties (a meeting has no
    direction: "X reçoit Y" and "une rencontre de Y avec X" are one)."""
    if event.type == "CONSULT":
        return (event.type, frozenset(event.source) | frozenset(event.target))
    return (event.type, frozenset(event.source), frozenset(event.target))


def _headline(article: Article) -> int:
    """Where the headline ends in the article's text (0 when it has none there)."""
    title = (article.title or "").strip()
    position = article.text.find(title[:60]) if title else -1
    return position + len(title) if 0 <= position < 200 else 0


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
    if any(_compatriots(article, speaker, s) for s in event.source):
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


def _obliged(head) -> bool:
    """Is ``head`` what a "devoir" or a "falloir" above it in its clause says must be
    done ("doivent garantir", "il ne fallait pas permettre aux groupes de bénéficier")?"""
    node = head
    for _ in range(6):
        parent = node.head
        if parent.i == node.i or node.dep_.startswith("nsubj"):
            return False
        if parent.lemma_.lower() in OBLIGATIONS:
            return True  # "doivent garantir", "il faut que X fasse"
        if node.dep_ in ("ccomp", "parataxis") or parent.lemma_.lower() in speech_verbs():
            return False
        node = parent
    return False


OBLIGATIONS = {"devoir", "falloir"}


def _requested(head, event: Event, found: list[Event], heads: dict[int, object]) -> bool:
    """Is ``event`` what a request of its sentence asks for ("a exhorté les rebelles à
    quitter la ville", "la nécessité de libérer les otages")? Then it has not happened:
    the request is the event."""
    for other in found:
        if other is event or other.type != "REQUEST":
            continue
        asker = heads[id(other)]
        node = head
        for _ in range(5):
            if node.head.i == node.i or node.dep_.startswith("nsubj"):
                break
            node = node.head
            if node.i == asker.i:
                return True
    return False


#: Types whose verbs, with a "que" clause, only introduce a claim ("reconnaître que").
SAYING_TYPES = {"CONCEDE", "SUPPORT", "AGREE", "CONSULT", "COOPERATE"}


#: Support that is backing, not praise: to an armed group it is material help (AID).
BACKING = {"soutenir", "soutien", "appuyer", "appui", "épauler", "parrainer", "parrainage", "sponsoriser", "armer"}


#: Verbs whose subject is on the receiving end of the event noun they govern.
WITHSTOOD = {
    "repousser", "déjouer", "contrer", "subir", "essuyer", "endurer", "encaisser",
    "intercepter", "neutraliser", "avorter", "mettre en échec", "résister",
}


#: Verbs of an offer or a demand another party can turn down.
OFFERS = {"proposer", "offrir", "suggérer", "demander", "appeler", "inviter", "exhorter", "réclamer"}


#: Verbs of stating a position: said by two or more together, an agreement.
JOINT_VERBS = {
    "souligner", "réitérer", "réaffirmer", "affirmer", "déclarer", "exprimer", "insister",
    "convenir", "appeler", "plaider", "estimer", "rappeler", "confirmer", "annoncer",
}


def _antecedent(relative):
    """The noun phrase just before a relative pronoun ("les terroristes de « Daech »
    qui ont pris la fuite"): its head noun."""
    node = next((t for t in reversed(relative.doc[relative.sent.start : relative.i]) if not t.is_punct), None)
    if node is None or node.pos_ not in ("NOUN", "PROPN"):
        return None
    while node.dep_.startswith(("nmod", "flat", "amod")) and node.head.i < relative.i and node.head.pos_ in ("NOUN", "PROPN"):
        node = node.head
    return node


def _statement(kind: str, speaker: str, target: list[str], event: Event, according_to: str = "outlet") -> Event:
    """The speaker's own act that an inner event stands for (a request, a threat)."""
    return Event(
        id=event_id(event.id, event.start, kind, speaker, "|", *target),
        type=kind,
        sentence=event.sentence,
        start=event.start,
        end=event.end,
        source=[speaker],
        target=list(target),
        place=event.place,
        date=event.date,
        according_to=according_to,
        modality="asserted",
        trigger=event.trigger,
    )


#: Harm that, still to come, is a threat.
HARM_TO_COME = {"ASSAULT", "COERCE", "SANCTION"}
#: Verbs that make the harm they govern a threat ("a promis de frapper").
PROMISES = {"promettre", "jurer", "engager", "menacer", "avertir", "prévenir"}


def _compatriots(article: Article, one: str, other: str) -> bool:
    a, b = _actor(article, one), _actor(article, other)
    return bool(a and b and a.country and a.country == b.country)


def _phrase_actors(noun, context: Context) -> list[str]:
    """Every actor a noun phrase names, through its "de" complements and their
    conjuncts ("la présence de la Russie et de l'Iran")."""
    out: list[str] = []
    for token in noun.subtree:
        node = token
        while node.i != noun.i and (node.dep_ == "conj" or (node.dep_.startswith("nmod") and case(node) == "de")):
            node = node.head
        if node.i != noun.i:
            continue
        for id in context.by_token.get(token.i, []):
            if id not in out:
                out.append(id)
    return out


def _actor(article: Article, id: str) -> Actor | None:
    return next((a for a in article.actors if a.id == id), None)


