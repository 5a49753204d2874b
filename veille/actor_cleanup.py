"""Clean-up passes over an article's reading: mentions that are no actors of the
article are dropped, and actors that are one are folded together.

Run by :class:`veille.actors.ActorResolver` after the references are read:

* a body named inside someone's title ("le porte-parole du Kremlin, Dmitri Peskov")
  is part of the title, not an actor;
* a group noun is the registry's group of the same name when the article names it,
  and "les forces gouvernementales" the army of the country in focus;
* an armed group under its former name is its successor;
* collectives named only in passing ("au troisième jour des civils") are dropped;
* the publisher named in its own article, and agencies in photo credits, are no actors.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .reading import Mention, Reading, focus_countries, merge, prune
from .registry import Registry
from .textnorm import name_key

#: Nouns of a title: a name inside "porte-parole du ministère russe de la Défense"
#: belongs to the title of the person, not to the events of the sentence.
_TITLE_BEFORE = re.compile(
    r"\b(?:secrétaire|porte-parole|chef|cheffe|ministre|vice-ministre|président|présidente|"
    r"directeur|directrice|commandant|représentant|représentante|responsables?|ambassadeur|"
    r"ambassadrice|envoyé|envoyée|émissaire|conseiller|conseillère|adjoint|dirigeant|"
    r"membres?|délégation|délégué|porte-parole|haut représentant|numéro deux)"
    r"(?:\s+[^\W\d_]+){0,2}\s+(?:de la |de l'|du |des |de |d')$",
    re.IGNORECASE,
)


def drop_titles(text: str, reading: Reading) -> None:
    """Forget mentions that are part of someone's title, then actors left with none."""
    kept = []
    for mention in reading.mentions:
        before = text[max(0, mention.start - 60) : mention.start]
        if mention.how == "registry" and _TITLE_BEFORE.search(before) and (
            _NAME_AFTER.match(text, mention.end) or titled(reading, text, mention)
        ):
            continue  # "le porte-parole du Kremlin, Dmitri Peskov", "X, secrétaire du Conseil"
        kept.append(mention)
    reading.mentions = kept
    prune(reading)


def titled(reading: Reading, text: str, mention: Mention) -> bool:
    """Is the mention inside the title of a person named just before it, after a comma
    ("Ali Chamkhani, secrétaire du Conseil suprême ...")?"""
    for other in reading.mentions:
        gap = text[other.end : mention.start]
        if reading.actors[other.actor].kind == "person" and 0 <= len(gap) < 60 and gap.lstrip().startswith(","):
            return True
    return False


#: A person's name right after a title ("..., Dmitri Peskov", "... M. Haddad"); without
#: one, "un porte-parole du Pentagone a rejeté" is the Pentagon speaking.
_NAME_AFTER = re.compile(r"(?:\s*,)?\s+(?:M\.\s+|Mme\s+)?[A-ZÉÈ][\w'’-]+(?:\s+(?:al-|el-|de\s+|d')?[A-ZÉÈ][\w'’-]+)")


def drop_credits(text: str, reading: Reading, outlet: set[str]) -> None:
    """The publisher named in its own article, and agencies in photo credits, are no actors."""
    kept = []
    for mention in reading.mentions:
        actor = reading.actors[mention.actor]
        if actor.sector == "MED":
            names = {name_key(n) for n in (actor.name, *actor.aliases)}
            line_start = text.rfind("\n", 0, mention.start) + 1
            if names & outlet or "©" in text[line_start : mention.start]:
                continue
        kept.append(mention)
    reading.mentions = kept
    prune(reading)


def fold_collectives(reading: Reading, registry: Registry, collectives: Sequence) -> None:
    """A group named by a common noun is the registry's group of the same name when the
    article names that too ("les rebelles" and "les rebelles syriens"), and "les forces
    gouvernementales" are the army of the country the article is about. ``collectives``
    are :data:`veille.actors.COLLECTIVES` (passed in: that module imports this one)."""
    for collective in collectives:
        if collective.id not in reading.actors:
            continue
        head = name_key(collective.name)
        same = [
            a for a in reading.actors.values()
            if not a.id.startswith(collective.id) and a.sector == collective.sector
            and a.id not in {c.id for c in collectives}
            and any(name_key(n).split()[:1] == head.split()[:1] for n in (a.name, *a.aliases))
        ]  # fmt: skip
        if len(same) == 1:
            merge(reading, collective.id, same[0].id)
    if "government_forces" in reading.actors:
        focus = focus_countries(reading, top=1)
        armies = [
            a for a in reading.actors.values()
            if a.sector == "MIL" and a.country and a.country in focus and a.id != "government_forces"
        ]  # fmt: skip
        if not armies and focus:
            army = registry.entities.get(f"{focus[0].lower()}_army")
            if army is not None:
                reading.actors[army.id] = army.to_actor()
                armies = [reading.actors[army.id]]
        if armies:
            merge(reading, "government_forces", armies[0].id)


def fold_successors(reading: Reading, registry: Registry) -> None:
    """An armed group named by its former name (al-Nosra) when the article names its
    successor (Hayat Tahrir al-Cham) is the same actor for the article."""
    for id in list(reading.actors):
        entity = registry.entities.get(id)
        if entity and entity.kind == "armed_group" and entity.parent in reading.actors:
            merge(reading, id, entity.parent)


#: Dependency relations of a mention that takes part in what the sentence reports.
_ACTIVE = {"nsubj", "nsubj:pass", "obj", "iobj", "obl:agent", "obl:arg", "appos", "ROOT", "conj"}


def drop_bystanders(doc, reading: Reading) -> None:
    """Collectives named only in passing ("au troisième jour des civils") are dropped;
    named actors are kept, since an event may use them in any relation."""
    active: set[str] = set()
    for mention in reading.mentions:
        if mention.how != "collective":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and len(span):
            root = span.root
            # "des milliers d'habitants ont manifesté": the group heads a subject
            if root.dep_ in _ACTIVE or (root.dep_ == "nmod" and root.head.dep_ in _ACTIVE):
                active.add(mention.actor)
    for collective in ("civilians",):
        if collective in reading.actors and collective not in active:
            reading.mentions = [m for m in reading.mentions if m.actor != collective]
    prune(reading)


__all__ = [
    "drop_bystanders", "drop_credits", "drop_titles", "fold_collectives", "fold_successors", "titled",
]
