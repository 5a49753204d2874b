"""One event told several times in one article is coded once.

An article tells an event in its headline, again in its body, again in a recap, and a
parse may read one telling twice, once without its target. :func:`richest` keeps the
events no other one includes; :func:`once` keeps one event per type and parties, coded
from its most specific telling (dated, attributed, in the body). Copies of an article
and reports of one event across articles are another matter, for :mod:`veille.dedup`
and :mod:`veille.stories`.
"""

from __future__ import annotations

from .model import Event
from .textnorm import fold

#: Statements: two of the same kind between the same parties are two statements unless
#: they use the same words (a headline "accuse" and the body's "a accusé").
VERBAL = {"ACCUSE", "REQUEST", "SUPPORT", "REJECT", "THREATEN", "CONCEDE", "AGREE"}


def once(events: list[Event], headline: int = 0) -> list[Event]:
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


def _stem(trigger: str | None) -> str:
    return fold(trigger or "")[:5]


def _specificity(event: Event) -> tuple[int, int, int]:
    return (event.date is not None, event.according_to not in (None, "outlet"), len(event.sentence))


def richest(events: list[Event], *, across: bool = False) -> list[Event]:
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
