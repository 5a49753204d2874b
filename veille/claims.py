"""Whose claim an event is: the claimant the event coder gives each event.

An event is the claim (``according_to``) of the subject of a speech verb its trigger
depends on ("X a affirmé que ..."), of a "selon X" / "d'après X" / an opening "Pour X," of its sentence (the
author of a document: "selon un communiqué publié par le Kremlin"), of the speaker of
the quotation it is in, or of an incise after it ("..., a indiqué X", "..., ont conclu
les deux dirigeants"); otherwise it is the outlet's own voice. Whether the claimant
*said* it (a speech verb, a quotation) or is only reported ("selon X") is kept too: only
what a speaker says can be an accusation (:mod:`veille.statements`).

Who speaks through a verb is its subject; a pronoun is the last person named before
it, "ils" the group last named as a subject, and a document ("le communiqué ajoute
que") the last one who spoke, which :func:`remember_subjects` keeps on the coder's
:class:`~veille.events.Context` sentence after sentence.

These functions take the :class:`~veille.events.EventCoder`, which maps a token to the
actors it stands for, and the context of the article it reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .speech import DOCUMENTS, last_person, outlet_voice, source_marker, speech_verbs

if TYPE_CHECKING:
    from .events import Context, EventCoder

PRONOUNS = {"il", "elle", "ils", "elles", "celui-ci", "celle-ci", "ceux-ci", "lui"}

#: Types whose verbs, with a "que" clause, only introduce a claim ("reconnaître que").
SAYING_TYPES = {"CONCEDE", "SUPPORT", "AGREE", "CONSULT", "COOPERATE"}


def claimant_of(coder: EventCoder, head, sentence, context: Context, source: list[str]) -> tuple[str, bool]:
    """Whose claim the event is, and whether that claimant *said* it (a speech
    verb or a quotation, rather than "selon X")."""
    # a speech verb the trigger depends on: "X a affirmé que ..."
    node = head
    while node.head.i != node.i:
        parent = node.head
        completive = _completive(node)
        if completive and parent.pos_ == "NOUN" and parent.dep_.startswith("obl"):
            parent = parent.head  # "a indiqué dans un communiqué que ...", hung on the noun
        if (completive or node.dep_ in ("ccomp", "parataxis", "xcomp", "advcl")) and parent.lemma_.lower() in speech_verbs():
            if outlet_voice(parent):
                return "outlet", False
            speaker = speaker_of(coder, parent, context)
            if speaker and speaker not in source:
                return speaker, True
            if speaker:
                return "outlet", False
        node = parent
    for token in sentence:
        if source_marker(token):
            governed = token.head
            actors = [a for a in coder.actor_of(governed, context, "obl") if a not in source]
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
            speaker = speaker_of(coder, token, context)
            if speaker and speaker not in source:
                return speaker, True
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "obj") and c.i > token.i]
            for subject in subjects:
                actors = [a for a in coder.actors(subject, context, "nsubj") if a not in source]
                if actors:
                    return actors[0], True
    return "outlet", False


def _completive(clause) -> bool:
    """A "que" clause, whatever the parse attaches it to."""
    return clause.pos_ in ("VERB", "AUX", "ADJ", "NOUN") and any(
        c.dep_ == "mark" and c.lower_ in ("que", "qu'", "qu’") for c in clause.children
    )


def speaker_of(coder: EventCoder, verb, context: Context) -> str | None:
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
            actors = coder.actors(child, context, "nsubj")
            if actors:
                return actors[0]
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
        return speaker_of(coder, verb.head, context)
    return None


def remember_subjects(coder: EventCoder, sentence, context: Context) -> None:
    """Remember the last actor that was a subject, for pronouns further on, and
    the last one who spoke, for the documents that speak for them."""
    for token in sentence:
        if token.lemma_.lower() in speech_verbs() and token.pos_ in ("VERB", "AUX") and not outlet_voice(token):
            speaker = speaker_of(coder, token, context)
            if speaker:
                context.last_speaker = speaker
        if token.dep_ in ("nsubj", "nsubj:pass"):
            actors = coder.actors(token, context, "nsubj")
            if actors:
                context.last_subjects = actors
