"""The event filters every listing, aggregate and export takes, as query parameters."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import Query

from ..store.events import EventFilter

__all__ = ["BadRequest", "event_filter"]

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class BadRequest(ValueError):
    """A parameter the API cannot use; answered with 422 and this message."""


def _many(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = tuple(v.strip() for v in value.split(",") if v.strip())
    return items or None


def _date(name: str, value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if not _DATE.match(value):
        raise BadRequest(f"{name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}")
    return value


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None or value == "":
        return None
    parts = value.split(",")
    try:
        numbers = tuple(float(p) for p in parts)
    except ValueError:
        numbers = ()
    if len(numbers) != 4:
        raise BadRequest(
            f"bbox must be four numbers, min_lon,min_lat,max_lon,max_lat, not {value!r}"
        )
    return numbers  # type: ignore[return-value]


def event_filter(
    date_from: Annotated[
        str | None, Query(alias="from", description="First day (YYYY[-MM[-DD]]).")
    ] = None,
    date_to: Annotated[
        str | None, Query(alias="to", description="Last day, included (YYYY[-MM[-DD]]).")
    ] = None,
    type: Annotated[
        str | None, Query(description="PLOVER types, comma-separated (ASSAULT,ACCUSE).")
    ] = None,
    mode: Annotated[
        str | None, Query(description="PLOVER modes, comma-separated (aerial).")
    ] = None,
    actor: Annotated[
        str | None, Query(description="An actor id (putin) or name, any case.")
    ] = None,
    role: Annotated[str | None, Query(description="With actor: source or target only.")] = None,
    country: Annotated[
        str | None, Query(description="ISO3: an actor's country (SYR); ISO2: the place's (SY).")
    ] = None,
    place: Annotated[
        str | None, Query(description="The place's name as the articles spell it, any case.")
    ] = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")] = None,
    outlet: Annotated[str | None, Query(description="The outlet's canonical name.")] = None,
    affiliation: Annotated[
        str | None, Query(description="state-affiliated, public or private.")
    ] = None,
    claimant: Annotated[
        str | None, Query(description="according_to: an actor id or name, or 'outlet'.")
    ] = None,
    modality: Annotated[
        str | None,
        Query(description="asserted, negated, hypothetical, future, historical (comma-separated)."),
    ] = None,
    language: Annotated[str | None, Query(description="ISO 639-1 codes, comma-separated.")] = None,
    story: Annotated[str | None, Query(description="A story id (when stories are built).")] = None,
    article: Annotated[str | None, Query(description="An article id.")] = None,
    q: Annotated[
        str | None, Query(description="Words that must all be in the event's sentence.")
    ] = None,
) -> EventFilter:
    """The :class:`EventFilter` of the request's query parameters."""
    try:
        return EventFilter(
            date_from=_date("from", date_from), date_to=_date("to", date_to),
            type=_many(type), mode=_many(mode), actor=actor or None, role=role or None,
            country=country or None, place=place or None, bbox=_bbox(bbox),
            outlet=outlet or None, affiliation=affiliation or None, claimant=claimant or None,
            modality=_many(modality), language=_many(language), story=story or None,
            article=article or None, q=q if q is None or q.strip() else None,
        )  # fmt: skip
    except ValueError as e:
        raise BadRequest(str(e)) from None
