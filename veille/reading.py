"""The reading of one article: its actors, the mentions that name them, and the
small operations every actor rule shares (overlap test, pruning, merging, focus).

:mod:`veille.actors` builds a :class:`Reading`; :mod:`veille.references` and
:mod:`veille.actor_cleanup` add mentions to it and take mentions out of it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Actor
from .textnorm import name_key

#: Articles, determiners and possessives before a name, left out of the aliases learnt.
DETERMINERS = re.compile(
    r"^(?:l'|le |la |les |un |une |des |du |de la |de l'|d'|aux? |son |sa |ses |leur |leurs |"
    r"ce |cette |ces |notre |nos )+",
    re.IGNORECASE,
)


@dataclass
class Mention:
    start: int
    end: int
    text: str
    actor: str  # id of the article's actor
    how: str  # registry | office | collective | ner | surname | homologue


@dataclass
class Reading:
    """The actors of one article and where the text names them."""

    actors: dict[str, Actor] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # actor id -> office role, when known

    def add(self, actor: Actor, start: int, end: int, text: str, how: str) -> None:
        known = self.actors.get(actor.id)
        if known is None:
            self.actors[actor.id] = known = actor
        surface = DETERMINERS.sub("", text).strip()
        if surface and name_key(surface) not in {name_key(n) for n in (known.name, *known.aliases)}:
            known.aliases.insert(0, surface)
        self.mentions.append(Mention(start, end, text, actor.id, how))

    def mentioned(self, actor_id: str) -> bool:
        return actor_id in self.actors

    def spans(self) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self.mentions]


def overlaps(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    """Does ``start``-``end`` overlap one of ``spans``?"""
    return any(a < end and start < b for a, b in spans)


def prune(reading: Reading) -> None:
    """Forget the actors no mention names any more."""
    named = {m.actor for m in reading.mentions}
    for id in [id for id in reading.actors if id not in named]:
        del reading.actors[id]


def merge(reading: Reading, old: str, new: str) -> None:
    """Fold actor ``old`` into ``new``: its mentions and spellings move over."""
    if old == new or old not in reading.actors or new not in reading.actors:
        return
    gone, into = reading.actors.pop(old), reading.actors[new]
    for alias in (gone.name, *gone.aliases):
        if name_key(alias) not in {name_key(n) for n in (into.name, *into.aliases)}:
            into.aliases.append(alias)
    for mention in reading.mentions:
        if mention.actor == old:
            mention.actor = new


def focus_countries(reading: Reading, *, top: int = 2) -> list[str]:
    """The ISO3 countries the article's actors belong to, most mentioned first."""
    counts = Counter(
        reading.actors[m.actor].country for m in reading.mentions if reading.actors[m.actor].country
    )
    return [c for c, _ in counts.most_common(top)]


__all__ = ["DETERMINERS", "Mention", "Reading", "focus_countries", "merge", "overlaps", "prune"]
