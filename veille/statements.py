"""Events made of what speakers say: accusations, requests, threats, verdicts, agreements.

The guidelines code a speaker's words about others as the speaker's own act. The event
coder (:mod:`veille.events`) reads the events of a sentence; this module makes from them,
or from the sentence beside them:

- an **allegation**: a speaker who says that someone of another country did harm
  ("X a affirmé que la Coalition protège les terroristes") accuses them (ACCUSE);
- a **request**: what a speaker says someone must do ("X doit faire Y", "il faut que X
  fasse Y") is the speaker asking X to do it (REQUEST), and what a request of the
  sentence asks for ("a exhorté les rebelles à quitter la ville") has not happened:
  the request is the event;
- a **threat**: harm to come announced by its own side ("Moscou frapperait les
  terroristes s'ils relèvent la tête") or promised ("a promis de frapper") is a
  THREATEN, not yet a strike;
- a **verdict**: a speaker's verdict on an actor ("la présence de la Coalition est
  illégale") is an ACCUSE or a SUPPORT (``[verdicts]`` of cues.toml);
- a **joint statement**: two or more leaders stating something together ("Poutine et
  Pezeshkian ont souligné ...") agree (AGREE).

The functions that read the sentence take the :class:`~veille.events.EventCoder`, which
maps a token to the actors it stands for, and the context of the article it reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .claims import claimant_of
from .details import date, mode
from .ids import event_id
from .model import Event
from .speech import outlet_voice, speech_verbs
from .syntax import case, governors, negated

if TYPE_CHECKING:
    from .events import Context, EventCoder

#: Inner events that, claimed by a speaker about someone else, make the speaker's
#: statement an accusation; AID and SUPPORT count when they go to armed groups.
HARMFUL = {"ASSAULT", "COERCE", "THREATEN", "SANCTION", "REJECT", "ACCUSE"}
ABETTING = {"AID", "SUPPORT", "COOPERATE"}

#: Harm that, still to come, is a threat.
HARM_TO_COME = {"ASSAULT", "COERCE", "SANCTION"}
#: Verbs that make the harm they govern a threat ("a promis de frapper").
PROMISES = {"promettre", "jurer", "engager", "menacer", "avertir", "prévenir"}

#: Verbs that say what must be done ("doivent garantir", "il faut que").
OBLIGATIONS = {"devoir", "falloir"}

#: Verbs of stating a position: said by two or more together, an agreement.
JOINT_VERBS = {
    "souligner", "réitérer", "réaffirmer", "affirmer", "déclarer", "exprimer", "insister",
    "convenir", "appeler", "plaider", "estimer", "rappeler", "confirmer", "annoncer",
}


def allegation(event: Event, context: Context) -> Event | None:
    """The ACCUSE event of a speaker who claims that someone else did harm (not
    someone of the speaker's own country: that is a claim, not an accusation)."""
    speaker = event.according_to
    if speaker in (None, "outlet") or speaker in event.source or not event.source:
        return None
    if not getattr(event, "said", False):
        return None  # "selon X": X reports, X does not accuse
    if any(compatriots(context, speaker, s) for s in event.source):
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


def speech_act(event: Event, head, context: Context) -> Event:
    """The speaker's own act that an event coded at ``head`` stands for (a request, a
    threat), else the event itself."""
    claimant, said, source = event.according_to, event.said, event.source
    # "X doit faire Y", "il faut que X fasse Y" in what a speaker says: the speaker
    # asks X to do it
    if said and claimant not in (None, "outlet") and obliged(head):
        return statement("REQUEST", claimant, list(source), event)
    # harm to come announced by its own side ("Poutine a assuré que Moscou
    # frapperait les terroristes s'ils relèvent la tête") or promised ("a promis
    # de frapper"): a threat, not yet a strike
    if event.type in HARM_TO_COME and event.modality in ("future", "hypothetical") and event.target:
        if said and claimant not in (None, "outlet") and all(
            s == claimant or compatriots(context, claimant, s) for s in source
        ):
            return statement("THREATEN", claimant, event.target, event)
        if source and any(g.lemma_.lower() in PROMISES for g in governors(head)):
            return statement("THREATEN", source[0], event.target, event, according_to=claimant)
    return event


def statement(kind: str, speaker: str, target: list[str], event: Event, according_to: str = "outlet") -> Event:
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


def obliged(head) -> bool:
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


def requested(head, event: Event, found: list[Event], heads: dict[int, object]) -> bool:
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


def joint_statements(coder: EventCoder, sentence, context: Context, found: list[Event], used: set[int]) -> list[Event]:
    """Two or more leaders stating something together ("Poutine et Pezeshkian ont
    souligné l'importance de ...") express agreement: PLOVER's AGREE among them."""
    out = []
    for verb in sentence:
        if verb.lemma_.lower() not in JOINT_VERBS or verb.pos_ not in ("VERB", "AUX"):
            continue
        if verb.i in used or any(c.i in used for c in verb.children if c.dep_ == "obj"):
            continue  # "ont exprimé leur soutien": the support is the event
        if negated(verb) or outlet_voice(verb):
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        actors = coder.actors(subjects[0], context, "nsubj") if subjects else []
        speakers = [
            a for a in actors
            if (x := context.actor(a)) is not None and x.kind in ("person", "state")
        ]  # fmt: skip
        if len(speakers) < 2 or any(e.type == "AGREE" and set(speakers) <= set(e.source) for e in found):
            continue
        article = context.article
        start, end = sentence.start_char, sentence.end_char
        modality, year = coder.modality_of(verb, sentence, article)
        out.append(Event(
            id=event_id(article.id, start, "AGREE", *speakers),
            type="AGREE",
            sentence=article.text[start:end],
            start=start,
            end=end,
            source=speakers,
            target=[a for a in partners(coder, verb, context) if a not in speakers],
            place=coder.place_of(verb, sentence, context),
            date=year or date(article.text[start:end], article.published),
            according_to="outlet",
            modality=modality,
            trigger=verb.text,
        ))  # fmt: skip
    return out


def partners(coder: EventCoder, verb, context: Context) -> list[str]:
    """Actors named "avec X" anywhere in a verb's clause ("coordonner les efforts
    avec la Turquie")."""
    out: list[str] = []
    for token in verb.subtree:
        if token.dep_.startswith(("obl", "nmod")) and case(token) == "avec":
            for actor in coder.actors(token, context, "obl:avec"):
                if actor not in out:
                    out.append(actor)
    return out


def verdicts(coder: EventCoder, sentence, context: Context) -> list[Event]:
    """A speaker's verdict on an actor ("Lavrov a indiqué que la présence de la
    Coalition est illégale"): ACCUSE or SUPPORT from the speaker to the actors the
    adjective's subject names (``[verdicts]`` of cues.toml); not the outlet's own
    verdicts, nor a speaker's on their own country."""
    out = []
    accuse, support = coder.cues.verdicts["accuse"], coder.cues.verdicts["support"]
    for adjective in sentence:
        lemma = adjective.lemma_.lower()
        if adjective.pos_ != "ADJ" or lemma not in (*accuse, *support):
            continue
        if not any(c.dep_ == "cop" for c in adjective.children):
            continue
        subjects = [c for c in adjective.children if c.dep_ == "nsubj"]
        if not subjects and adjective.dep_ == "conj":  # "est illégitime et illégale"
            subjects = [c for c in adjective.head.children if c.dep_ == "nsubj"]
        speaker, said = claimant_of(coder, adjective, sentence, context, [])
        if not subjects or not said or speaker in (None, "outlet"):
            continue
        kind = "ACCUSE" if lemma in accuse else "SUPPORT"
        if negated(adjective):
            if kind == "ACCUSE":
                continue
            kind = "ACCUSE"
        targets = [
            a for a in phrase_actors(subjects[0], context)
            if a != speaker and not compatriots(context, speaker, a)
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
            mode="disapprove" if kind == "ACCUSE" else None,
            source=[speaker],
            target=targets,
            date=date(article.text[start:end], article.published),
            according_to="outlet",
            modality="asserted",
            trigger=adjective.text,
        ))  # fmt: skip
    return out


def fire_support(event: Event, found: list[Event], context: Context) -> Event:
    """Armed forces backing another force in its assault take part in it ("les forces
    syriennes, appuyées par l'aviation russe, ont repris Palmyre aux jihadistes"): the
    support is an ASSAULT of its own on the same target, as ACLED and PLOVER code air
    support. Other support stays what it is."""
    if event.type not in ("SUPPORT", "AID") or not event.source or not event.target:
        return event
    armed = [context.actor(a) for a in (*event.source, *event.target)]
    if not all(a is not None and a.sector == "MIL" for a in armed):
        return event
    assault = next(
        (a for a in found if a.type == "ASSAULT" and a.target and set(a.source) & set(event.target)), None
    )
    if assault is None:
        return event
    return Event(
        id=event_id(event.id, event.start, "ASSAULT", *event.source, "|", *assault.target),
        type="ASSAULT",
        sentence=event.sentence,
        start=event.start,
        end=event.end,
        mode=mode("ASSAULT", event.sentence),
        source=list(event.source),
        target=list(assault.target),
        place=assault.place,
        date=assault.date or event.date,
        according_to=event.according_to,
        modality=assault.modality,
        trigger=event.trigger,
    )


def compatriots(context: Context, one: str, other: str) -> bool:
    a, b = context.actor(one), context.actor(other)
    return bool(a and b and a.country and a.country == b.country)


def phrase_actors(noun, context: Context) -> list[str]:
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
