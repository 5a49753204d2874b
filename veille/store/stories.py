"""The store's side of stories: signatures, LSH bands, reports and canonical events, kept up
to date incrementally (migration ``0004_stories``).

:func:`update` takes the output records of newly processed articles and, in one
transaction, compares them with what is stored through indexed keys only — the
LSH bands of their MinHash signatures, and the (type family + actor, day) keys
of their events — then rewrites the canonical events and stories they touch.
Nothing else is read or recomputed, so adding a day's articles to a store of a
million costs about what the day's articles cost.

A report, a canonical event and a story keep their ids once stored: new reports
join an existing canonical event under its id; when a new report bridges two
stored canonical events (or stories), the smaller id is kept. Removing reports
(an article processed again) never splits a canonical event.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np
from sqlalchemy import (
    Column,
    Connection,
    Integer,
    LargeBinary,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    delete,
    func,
    select,
)
from sqlalchemy import update as sql_update

from .. import reports as _reports
from .. import stories as _stories
from ..dedup import Copy, band_keys, link, signature
from .schema import metadata

story_articles = Table(
    "story_articles",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("doc", Text, nullable=False),
    Column("published", String(10)),
    Column("ord", Integer, nullable=False, index=True),  # the order articles were added, for ties
    Column("signature", LargeBinary),  # MinHash values, uint32 little-endian; null if too short
    Column("duplicate_of", String(40), index=True),  # the original's id
)
story_bands = Table(
    "story_bands",
    metadata,
    Column("band", String(24), nullable=False),
    Column("article_id", String(40), nullable=False),
    PrimaryKeyConstraint("band", "article_id"),
)
story_reports = Table(
    "story_reports",
    metadata,
    Column("event_id", String(100), primary_key=True),
    Column("article_id", String(40), nullable=False, index=True),
    Column("canonical", String(100), nullable=False, index=True),
    Column("record", Text, nullable=False),  # veille.stories.Report as JSON
)
story_report_keys = Table(
    "story_report_keys",
    metadata,
    Column("key", Text, nullable=False),  # type family | actor (or place) key
    Column("day", String(10), nullable=False),
    Column("event_id", String(100), nullable=False, index=True),
    PrimaryKeyConstraint("key", "day", "event_id"),
)
story_events = Table(
    "story_events",
    metadata,
    Column("id", String(100), primary_key=True),  # the canonical event
    Column("story", String(100), nullable=False, index=True),
    Column("day", String(10)),
    Column("record", Text, nullable=False),  # veille.stories.summarise() as JSON
)
story_event_keys = Table(
    "story_event_keys",
    metadata,
    Column("key", Text, nullable=False),
    Column("day", String(10), nullable=False),
    Column("event_id", String(100), nullable=False, index=True),
    PrimaryKeyConstraint("key", "day", "event_id"),
)
TABLES = [
    story_articles,
    story_bands,
    story_reports,
    story_report_keys,
    story_events,
    story_event_keys,
]
_CHUNK = 500  # values per IN (...)


def create(connection: Connection) -> None:
    """Migration ``0004_stories``: the tables (articles stored before it join on their next run)."""
    metadata.create_all(connection, tables=TABLES)


def _chunks(values: Iterable[Any]) -> Iterator[list[Any]]:
    values = sorted(set(values))
    for i in range(0, len(values), _CHUNK):
        yield values[i : i + _CHUNK]


def _rows(connection: Connection, table: Table, column, values: Iterable[Any]) -> list[Any]:
    found = []
    for chunk in _chunks(values):
        found.extend(connection.execute(select(table).where(column.in_(chunk))).all())
    return found


def _scalars(connection: Connection, query, column, values: Iterable[Any]) -> set[Any]:
    found: set[Any] = set()
    for chunk in _chunks(values):
        found.update(connection.scalars(query.where(column.in_(chunk))))
    return found


def _keyed(connection: Connection, table: Table, wanted: dict[str, set[str]]) -> set[str]:
    """The event ids filed in ``table`` under a key of ``wanted`` on one of its days.

    Keys are asked in chunks with the chunk's span of days, which the (key, day) index
    answers (a row-value ``IN`` would scan the table on SQLite); the days are then checked.
    """
    hits: set[str] = set()
    for chunk in _chunks(wanted):
        days = set().union(*(wanted[key] for key in chunk))
        if not days:
            continue
        query = select(table.c.key, table.c.day, table.c.event_id).where(
            table.c.key.in_(chunk), table.c.day.between(min(days), max(days))
        )
        hits.update(e for key, day, e in connection.execute(query) if day in wanted[key])
    return hits


def _copy(row) -> Copy:
    sig = np.frombuffer(row.signature, dtype="<u4") if row.signature else None
    return Copy(row.id, row.doc, row.published, row.ord, sig, row.duplicate_of)


def update(connection: Connection, records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Add these articles' records; returns ``{"duplicate_of": {id: doc | None},
    "canonical": {event id: canonical id}, "story": {canonical id: story id}}`` for them."""
    records = list({r["id"]: r for r in records if not r.get("rejected")}.values())  # once each
    if not records:
        return {"duplicate_of": {}, "canonical": {}, "story": {}}
    ids = [r["id"] for r in records]
    orders = {
        row.id: row.ord for row in _rows(connection, story_articles, story_articles.c.id, ids)
    }
    stale = _forget(connection, ids)
    start = (connection.scalar(select(func.max(story_articles.c.ord))) or 0) + 1
    new = [
        Copy(
            r["id"],
            r["doc"],
            r.get("published"),
            orders.get(r["id"], start + n),
            signature(r.get("text") or ""),
        )
        for n, r in enumerate(records)
    ]
    duplicates, moved = _link_copies(connection, new)
    # Reports and canonical events.
    fresh = [rep for copy, r in zip(new, records) for rep in _reports.reports(r, order=copy.order)]
    fresh = list({rep.event_id: rep for rep in fresh}.values())
    copy_of = {c.key: c.duplicate_of for c in new}
    for rep in fresh:
        rep.copy_of = copy_of.get(rep.article_id)
    stored = _stored_reports(connection, fresh, stale)
    for rep in stored:
        if rep.article_id in moved:  # a new, earlier original displaced its own
            rep.copy_of = moved[rep.article_id]
    before = {r.event_id: r.canonical for r in stored}
    groups = _stories.cluster(fresh + stored)
    touched = _write_canonicals(connection, groups, fresh, stored, before, stale)
    stories = _write_stories(connection, touched)
    return {
        "duplicate_of": duplicates,
        "canonical": {r.event_id: r.canonical for r in fresh},
        "story": {c: stories[c] for c in {r.canonical for r in fresh}},
    }


def _forget(connection: Connection, ids: list[str]) -> set[str]:
    """Drop what is stored for articles added again; returns the canonical ids they touched."""
    stale: set[str] = set()
    for chunk in _chunks(ids):
        rows = connection.execute(
            select(story_reports.c.event_id, story_reports.c.canonical).where(
                story_reports.c.article_id.in_(chunk)
            )
        ).all()
        stale.update(c for _e, c in rows)
        for events in _chunks(e for e, _c in rows):
            connection.execute(
                delete(story_report_keys).where(story_report_keys.c.event_id.in_(events))
            )
        connection.execute(delete(story_reports).where(story_reports.c.article_id.in_(chunk)))
        connection.execute(delete(story_bands).where(story_bands.c.article_id.in_(chunk)))
        connection.execute(delete(story_articles).where(story_articles.c.id.in_(chunk)))
    return stale


def _link_copies(connection: Connection, new: list[Copy]) -> tuple[dict, dict]:
    """Link the new articles to stored copies; returns ``{new id: original doc or None}`` and
    ``{stored id: new original id}`` for stored articles whose original changed."""
    bands = {b: c for c in new if c.sig is not None for b in band_keys(c.sig)}
    hits = _scalars(connection, select(story_bands.c.article_id), story_bands.c.band, bands)
    candidates = _rows(connection, story_articles, story_articles.c.id, hits)
    roots = {row.duplicate_of or row.id for row in candidates}
    known = {row.id: row for row in _rows(connection, story_articles, story_articles.c.id, roots)}
    for row in _rows(connection, story_articles, story_articles.c.duplicate_of, roots):
        known[row.id] = row
    changed = link(new, [_copy(row) for row in known.values()])
    for copy in changed:
        connection.execute(
            sql_update(story_articles)
            .where(story_articles.c.id == copy.key)
            .values(duplicate_of=copy.duplicate_of)
        )
    connection.execute(
        story_articles.insert(),
        [
            {
                "id": c.key,
                "doc": c.doc,
                "published": c.published,
                "ord": c.order,
                "signature": c.sig.astype("<u4").tobytes() if c.sig is not None else None,
                "duplicate_of": c.duplicate_of,
            }
            for c in new
        ],
    )
    band_rows = [
        {"band": b, "article_id": c.key} for c in new if c.sig is not None for b in band_keys(c.sig)
    ]
    if band_rows:
        connection.execute(story_bands.insert(), band_rows)
    docs = {c.key: c.doc for c in new} | {row.id: row.doc for row in known.values()}
    found = {c.key: docs.get(c.duplicate_of) if c.duplicate_of else None for c in new}
    return found, {c.key: c.duplicate_of for c in changed}


def _window(day: dt.date | None, days: int) -> list[str]:
    if day is None:
        return []
    return [(day + dt.timedelta(days=d)).isoformat() for d in range(-days, days + 1)]


def _stored_reports(connection: Connection, fresh, stale: set[str]) -> list[_reports.Report]:
    """Stored reports that share a blocking key with a fresh one, with every report of their
    canonical events (a summary needs them all), and the rest of the stale ones."""
    wanted: dict[str, set[str]] = {}
    for r in fresh:
        for key in _reports.probe(r.keys()):
            wanted.setdefault(f"{r.family}|{key}", set()).update(_window(r.day, _reports.MAX_DAYS))
    hits = _keyed(connection, story_report_keys, wanted)
    canonicals = stale | _scalars(
        connection, select(story_reports.c.canonical), story_reports.c.event_id, hits
    )
    rows = _rows(connection, story_reports, story_reports.c.canonical, canonicals)
    return [_reports.Report.from_json(json.loads(row.record)) for row in rows]


def _report_keys(r: _reports.Report) -> list[dict[str, str]]:
    day = r.day
    if day is None:
        return []
    return [
        {"key": f"{r.family}|{k}", "day": day.isoformat(), "event_id": r.event_id} for k in r.keys()
    ]


def _write_canonicals(connection, groups, fresh, stored, before, stale) -> list[dict[str, Any]]:
    """Rewrite the reports and canonical events these groups changed (a new report, a merge,
    a report gone); returns their summaries with the story each had (None for a new one).
    ``before``: the stored reports' canonical before clustering."""
    groups = {
        canonical: members
        for canonical, members in groups.items()
        if canonical in stale or any(before.get(r.event_id, None) != canonical for r in members)
    }
    old_ids = {before[r.event_id] for ms in groups.values() for r in ms if r.event_id in before}
    old_ids |= stale
    old_stories = {}
    for row in _rows(connection, story_events, story_events.c.id, old_ids):
        old_stories[row.id] = row.story
    for r in stored:
        if r.canonical != before[r.event_id]:
            connection.execute(
                sql_update(story_reports)
                .where(story_reports.c.event_id == r.event_id)
                .values(canonical=r.canonical, record=json.dumps(r.to_json(), ensure_ascii=False))
            )
    if fresh:
        connection.execute(
            story_reports.insert(),
            [
                {
                    "event_id": r.event_id,
                    "article_id": r.article_id,
                    "canonical": r.canonical,
                    "record": json.dumps(r.to_json(), ensure_ascii=False),
                }
                for r in fresh
            ],
        )
        keys = [k for r in fresh for k in _report_keys(r)]
        if keys:
            connection.execute(story_report_keys.insert(), keys)
    for chunk in _chunks(old_ids | set(groups)):
        connection.execute(delete(story_events).where(story_events.c.id.in_(chunk)))
        connection.execute(delete(story_event_keys).where(story_event_keys.c.event_id.in_(chunk)))
    touched = []
    for canonical, members in groups.items():
        summary = _stories.summarise(canonical, members)
        stories = sorted(
            {old_stories[c] for c in {before.get(r.event_id) for r in members} if c in old_stories}
        )
        summary["story"] = stories[0] if stories else None
        touched.append(summary)
    return touched


def _event_keys(e: dict[str, Any]) -> list[dict[str, str]]:
    if not e["day"]:
        return []
    return [{"key": k, "day": e["day"], "event_id": e["id"]} for k in _stories.story_keys(e)]


def _write_stories(connection: Connection, touched: list[dict[str, Any]]) -> dict[str, str]:
    """Link the touched canonical events with stored ones into stories and write them all."""
    wanted: dict[str, set[str]] = {}
    for e in touched:
        day = dt.date.fromisoformat(e["day"]) if e["day"] else None
        for key in _stories.story_keys(e):
            wanted.setdefault(key, set()).update(_window(day, _stories.STORY_DAYS))
    hits = _keyed(connection, story_event_keys, wanted)
    story_ids = {e["story"] for e in touched if e["story"]} | _scalars(
        connection, select(story_events.c.story), story_events.c.id, hits
    )
    neighbours = {
        row.id: json.loads(row.record)
        for row in _rows(connection, story_events, story_events.c.story, story_ids)
    }
    for e in touched:
        neighbours.pop(e["id"], None)
    events = touched + list(neighbours.values())
    stories = _stories.link_stories(events)
    for e in neighbours.values():
        if stories[e["id"]] != e["story"]:
            e["story"] = stories[e["id"]]
            connection.execute(
                sql_update(story_events)
                .where(story_events.c.id == e["id"])
                .values(story=e["story"], record=json.dumps(e, ensure_ascii=False))
            )
    for e in touched:
        e["story"] = stories[e["id"]]
    if touched:
        connection.execute(
            story_events.insert(),
            [
                {
                    "id": e["id"],
                    "story": e["story"],
                    "day": e["day"],
                    "record": json.dumps(e, ensure_ascii=False),
                }
                for e in touched
            ],
        )
        keys = [k for e in touched for k in _event_keys(e)]
        if keys:
            connection.execute(story_event_keys.insert(), keys)
    return stories


def canonical_events(connection: Connection) -> Iterator[dict[str, Any]]:
    """Every stored canonical event (with its story, versions and conflicts)."""
    for (record,) in connection.execute(select(story_events.c.record).order_by(story_events.c.id)):
        yield json.loads(record)


def duplicates(connection: Connection) -> dict[str, str]:
    """``{doc: doc of its original}`` for every stored copy."""
    original = story_articles.alias("original")
    query = select(story_articles.c.doc, original.c.doc).join(
        original, original.c.id == story_articles.c.duplicate_of
    )
    return dict(connection.execute(query).all())
