"""The events tables: filled from each article's record, queried with filters.

Every kept article's events are copied from its record into ``events`` (one row
per event) and ``event_actors`` (its sources and targets), in the transaction
that saves the article; saving the article again replaces its rows, so a re-run
never duplicates. The record stays the reference: these tables only make
filtering, counting and paging fast.

:class:`EventFilter` holds every filter the API offers; :func:`find` pages
through the matching events in a stable order (newest first: date descending,
then row number), and :func:`actors`, :func:`places`, :func:`stats` and
:func:`network` aggregate the same selection. ``q`` is full-text search over
the event's sentence, with the same matching as ``Store.search`` (FTS5 on
SQLite, the ``veille_french`` configuration on PostgreSQL).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import (
    Connection,
    and_,
    bindparam,
    case,
    delete,
    distinct,
    exists,
    func,
    inspect,
    literal_column,
    or_,
    select,
    text,
)  # fmt: skip
from sqlalchemy.sql.elements import ColumnElement

from .schema import PG_SEARCH_CONFIG, articles, event_actors, events
from .search import terms

__all__ = [
    "EventFilter", "actors", "find", "network", "places", "replace", "stats", "stories",
]  # fmt: skip

#: SQLite: the FTS5 index over events' sentences (external content: ``events``, by ``key``).
SQLITE_EVENTS_SEARCH = "events_search"
#: PostgreSQL: the generated tsvector column over the sentence.
PG_EVENTS_SEARCH = "search"

ROLES = ("source", "target")
#: The stories tables this module reads when they exist (``veille/store/stories.py``).
STORY_EVENTS, STORY_REPORTS = "story_events", "story_reports"


# --- Writing -------------------------------------------------------------------------------


def rows_of(record: Mapping[str, Any]) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """(events row, its event_actors rows without the key) for each event of a kept record."""
    if record.get("rejected") or not record.get("id"):
        return []
    table = {a.get("id"): a for a in record.get("actors") or [] if isinstance(a, Mapping)}
    info = record.get("outlet_info") or {}
    out = []
    for event in record.get("events") or []:
        if not isinstance(event, Mapping) or not event.get("type"):
            continue
        place = _place(record, event.get("place"))
        claimant = event.get("according_to") or "outlet"
        row = {
            "id": str(event.get("id") or ""),
            "article_id": record["id"],
            "type": event["type"],
            "mode": event.get("mode"),
            "date": (event.get("date") or record.get("published") or None),
            "published": record.get("published"),
            "modality": event.get("modality"),
            "according_to": claimant,
            "according_to_name": (
                "outlet" if claimant == "outlet" else (table.get(claimant) or {}).get("name")
            ),
            "fatalities": _int(event.get("fatalities")),
            "place_name": place.get("name"),
            "place_lat": _float(place.get("lat")),
            "place_lon": _float(place.get("lon")),
            "place_country": place.get("country"),
            "sentence": event.get("sentence") or "",
            "start": _int(event.get("start")),
            "end": _int(event.get("end")),
            "language": record.get("language"),
            "outlet": record.get("outlet"),
            "outlet_affiliation": info.get("affiliation"),
            "story": _str(event.get("story")),
            "canonical": _str(event.get("canonical")),
            "pipeline_version": record.get("pipeline_version") or "",
        }
        people = []
        for role in ROLES:
            for actor_id in event.get(role) or []:
                actor = table.get(actor_id) or {}
                people.append({
                    "role": role,
                    "actor_id": str(actor_id),
                    "name": actor.get("name") or str(actor_id),
                    "kind": actor.get("kind"),
                    "country": actor.get("country"),
                    "sector": actor.get("sector"),
                })  # fmt: skip
        out.append((row, people))
    return out


def _place(record: Mapping, place: Any) -> dict[str, Any]:
    if isinstance(place, Mapping):
        return dict(place)
    if isinstance(place, str):
        for candidate in record.get("places") or []:
            if isinstance(candidate, Mapping) and candidate.get("name") == place:
                return dict(candidate)
        return {"name": place}
    return {}


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _float(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def replace(connection: Connection, records: Iterable[Mapping[str, Any]]) -> int:
    """Replace the events of these articles by those of their records; returns how many."""
    records = list(records)
    ids = [r["id"] for r in records if r.get("id")]
    if not ids or not inspect(connection).has_table("events"):  # before migration 0003
        return 0
    keys = select(events.c.key).where(events.c.article_id.in_(ids))
    connection.execute(delete(event_actors).where(event_actors.c.event_key.in_(keys)))
    connection.execute(delete(events).where(events.c.article_id.in_(ids)))
    pairs = [pair for record in records for pair in rows_of(record)]
    if not pairs:
        return 0
    statement = events.insert().returning(events.c.key, sort_by_parameter_order=True)
    new_keys = connection.execute(statement, [row for row, _ in pairs]).scalars().all()
    people = [
        {"event_key": key, **person}
        for key, (_, persons) in zip(new_keys, pairs, strict=True)
        for person in persons
    ]
    if people:
        connection.execute(event_actors.insert(), people)
    return len(pairs)


def backfill(connection: Connection, *, batch: int = 500) -> int:
    """Fill the events tables from the records already stored (the migration's second half)."""
    query = select(articles.c.record).where(articles.c.status == "ok").order_by(articles.c.id)
    done, chunk = 0, []
    for (record,) in connection.execute(query).all():
        chunk.append(json.loads(record))
        if len(chunk) >= batch:
            done += replace(connection, chunk)
            chunk = []
    return done + replace(connection, chunk)


def create_search(connection: Connection) -> None:
    """The full-text index over the events' sentences, kept in sync by the database."""
    if connection.dialect.name == "sqlite":
        name = SQLITE_EVENTS_SEARCH
        statements = [
            f"""CREATE VIRTUAL TABLE {name} USING fts5(sentence, content='events',
                content_rowid='key', tokenize = 'unicode61 remove_diacritics 2')""",
            f"""CREATE TRIGGER {name}_insert AFTER INSERT ON events BEGIN
                INSERT INTO {name}(rowid, sentence) VALUES (new.key, new.sentence); END""",
            f"""CREATE TRIGGER {name}_delete AFTER DELETE ON events BEGIN
                INSERT INTO {name}({name}, rowid, sentence)
                VALUES ('delete', old.key, old.sentence); END""",
            f"""CREATE TRIGGER {name}_update AFTER UPDATE ON events BEGIN
                INSERT INTO {name}({name}, rowid, sentence)
                VALUES ('delete', old.key, old.sentence);
                INSERT INTO {name}(rowid, sentence) VALUES (new.key, new.sentence); END""",
        ]
    else:
        statements = [
            f"""ALTER TABLE events ADD COLUMN {PG_EVENTS_SEARCH} tsvector GENERATED ALWAYS AS
                (to_tsvector('{PG_SEARCH_CONFIG}', sentence)) STORED""",
            f"CREATE INDEX events_search_idx ON events USING gin ({PG_EVENTS_SEARCH})",
        ]
    for statement in statements:
        connection.exec_driver_sql(statement)


# --- Reading -------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventFilter:
    """Which events: every field left as None matches everything.

    ``type``, ``mode``, ``modality`` and ``language`` take several values
    (any of them matches). ``actor`` is an actor id or name (any case), limited
    to sources or targets by ``role``; ``country`` is an actor's ISO3 code or
    the place's ISO2 code; ``bbox`` is (min lon, min lat, max lon, max lat);
    ``claimant`` is the ``according_to`` actor id or name, or ``outlet``.
    """

    date_from: str | None = None
    date_to: str | None = None
    type: Sequence[str] | None = None
    mode: Sequence[str] | None = None
    actor: str | None = None
    role: str | None = None
    country: str | None = None
    place: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    outlet: str | None = None
    affiliation: str | None = None
    claimant: str | None = None
    modality: Sequence[str] | None = None
    language: Sequence[str] | None = None
    story: str | None = None
    article: str | None = None
    q: str | None = None

    def __post_init__(self) -> None:
        if self.role is not None and self.role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}, not {self.role!r}")
        if self.role is not None and self.actor is None:
            raise ValueError("role needs an actor: give actor (an id or a name) as well")
        if self.q is not None and not terms(self.q):
            raise ValueError(f"q has no word to search for: {self.q!r}")
        if self.country is not None and len(self.country) not in (2, 3):
            raise ValueError(
                f"country must be an ISO 3166 code: 3 letters for an actor's country (SYR), "
                f"2 for a place's (SY), not {self.country!r}"
            )
        if self.bbox is not None:
            west, south, east, north = self.bbox
            if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
                raise ValueError(
                    "bbox must be min_lon,min_lat,max_lon,max_lat with min <= max, "
                    f"longitudes in [-180, 180] and latitudes in [-90, 90], not {self.bbox}"
                )

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in (None, (), []) for f in fields(self))


def conditions(
    connection: Connection, f: EventFilter, *, ordered: bool = False
) -> list[ColumnElement]:
    """The WHERE conditions on ``events`` for a filter.

    ``ordered``: for a page in date order (not a count). On SQLite, a filter on
    actors, a bounding box or words then takes one of two forms, by a quick
    probe of how many events it matches: few, and their keys are looked up and
    sorted; many, and the events are walked newest first (the date index) and
    each checked, which finds a page long before it has seen them all.
    """
    c = events.c
    where: list[ColumnElement] = []
    if f.date_from:
        where.append(c.date >= f.date_from)
    if f.date_to:  # a whole day, month or year: "2018-04" takes in 2018-04-30
        where.append(c.date < _after(f.date_to))
    for column, values in ((c.type, f.type), (c.mode, f.mode), (c.modality, f.modality),
                           (c.language, f.language)):  # fmt: skip
        if values:
            where.append(column.in_(list(values)))
    for column, value in ((c.outlet, f.outlet), (c.outlet_affiliation, f.affiliation),
                          (c.article_id, f.article)):  # fmt: skip
        if value is not None:
            where.append(column == value)
    if f.story is not None:
        where.append(_story_condition(connection, f.story))
    if f.claimant is not None:
        where.append(or_(c.according_to == f.claimant,
                         func.lower(c.according_to_name) == f.claimant.lower()))  # fmt: skip
    ea = event_actors.c
    adaptive = ordered and connection.dialect.name == "sqlite"
    people = []
    if f.actor is not None:
        people.append(or_(ea.actor_id == f.actor, func.lower(ea.name) == f.actor.lower()))
        if f.role:
            people.append(ea.role == f.role)
    if f.country is not None and len(f.country) == 3:
        people.append(ea.country == f.country.upper())
    if people:
        keys = select(ea.event_key).where(*people)
        if adaptive and not _sparse(connection, keys):
            # Many events: walk them newest first and look each one's actors up.
            where.append(exists(select(ea.event_key).where(ea.event_key == c.key, *people)))
        else:
            where.append(c.key.in_(keys))
    if f.country is not None and len(f.country) == 2:
        where.append(c.place_country == f.country.upper())
    if f.place is not None:
        where.append(func.lower(c.place_name) == f.place.lower())
    if f.bbox is not None:
        west, south, east, north = f.bbox
        inside = and_(c.place_lon.between(west, east), c.place_lat.between(south, north))
        if adaptive and not _sparse(connection, select(c.key).where(inside)):
            # "+ 0" keeps the planner off the point index: the date order finds 50 sooner.
            inside = and_((c.place_lon + 0).between(west, east),
                          (c.place_lat + 0).between(south, north))  # fmt: skip
        where.append(inside)
    if f.q is not None:
        words = terms(f.q)
        if connection.dialect.name == "sqlite":
            match = " ".join(f'"{word}"' for word in words)
            table = SQLITE_EVENTS_SEARCH
            hits = text(f"SELECT rowid FROM {table} WHERE {table} MATCH :m").bindparams(m=match)
            hits = hits.columns(literal_column("rowid"))
            if adaptive and not _sparse(connection, hits):
                one = text(f"SELECT 1 FROM {table} WHERE {table} MATCH :m AND rowid = events.key")
                where.append(exists(one.bindparams(m=match).columns(literal_column("1"))))
            else:
                where.append(c.key.in_(hits))
        else:
            column = literal_column(f"events.{PG_EVENTS_SEARCH}")
            query = func.plainto_tsquery(literal_column(f"'{PG_SEARCH_CONFIG}'"), " ".join(words))
            where.append(column.op("@@")(query))
    return where


#: A probe counts up to this many matches; below it, a filter is "few".
PROBE = 2000


def _sparse(connection: Connection, query) -> bool:
    """Whether ``query`` (one column) has fewer than PROBE rows, counting no further."""
    first = select(literal_column("1")).select_from(query.subquery()).limit(PROBE)
    probe = select(func.count()).select_from(first.subquery())
    return connection.execute(probe).scalar() < PROBE


def has_stories(connection: Connection) -> bool:
    """Whether the store has story tables (migration ``0004_stories``)."""
    return inspect(connection).has_table(STORY_EVENTS)


def _story_condition(connection: Connection, story: str) -> ColumnElement:
    """Events of a story or a canonical event: by the stories tables, else the record's fields."""
    c = events.c
    own = or_(c.story == story, c.canonical == story)
    if not has_stories(connection):
        return own
    linked = text(
        f"SELECT r.event_id FROM {STORY_REPORTS} r JOIN {STORY_EVENTS} s ON s.id = r.canonical "
        "WHERE s.story = :story OR r.canonical = :story"
    ).bindparams(story=story)
    return or_(own, c.id.in_(linked.columns(literal_column("event_id"))))


def _after(day: str) -> str:
    """The first date string after a day, month (YYYY-MM) or year (YYYY)."""
    if len(day) == 4:
        return f"{int(day) + 1:04d}"
    if len(day) == 7:
        year, month = int(day[:4]), int(day[5:7])
        return f"{year + month // 12:04d}-{month % 12 + 1:02d}"
    return day + "!"  # "!" sorts before every digit and "-": the day and nothing after it


def _order(connection: Connection) -> list[ColumnElement]:
    date = events.c.date.desc()
    if connection.dialect.name == "postgresql":  # SQLite already puts NULLs last when descending
        date = date.nulls_last()
    return [date, events.c.key.desc()]


_EVENT_COLUMNS = [c for c in events.c if c.name not in ("key", "pipeline_version")]


#: ``find`` counts matches up to this many; past it, ``total`` is this and ``total_exact`` false.
COUNT_CAP = 1_000


def find(
    connection: Connection, f: EventFilter, *, limit: int = 50, offset: int = 0, total: bool = True
) -> dict[str, Any]:
    """One page of matching events, newest first: ``{"total", "total_exact", "events"}``.

    Each event has its fields, ``source`` and ``target`` (lists of
    ``{id, name, kind, country, sector}``) and ``place`` (``{name, lat, lon,
    country}`` or None). ``total`` counts the matches up to :data:`COUNT_CAP`
    (``total_exact`` says whether it is below it; ``stats`` gives exact counts),
    and is None when not asked for.
    """
    where = conditions(connection, f, ordered=True)
    query = (
        select(events.c.key, *_EVENT_COLUMNS)
        .where(*where)
        .order_by(*_order(connection))
        .limit(limit)
        .offset(offset)
    )
    rows = connection.execute(query).mappings().all()
    people = _actors_of(connection, [r["key"] for r in rows])
    found = [_event(row, people.get(row["key"], {})) for row in rows]
    _add_stories(connection, found)
    count, exact = None, None
    if total:
        # The plain forms: a key list is quicker to count than events walked by date.
        where = conditions(connection, f)
        first = select(literal_column("1")).select_from(events).where(*where).limit(COUNT_CAP + 1)
        count = connection.execute(select(func.count()).select_from(first.subquery())).scalar()
        exact = count <= COUNT_CAP
        count = min(count, COUNT_CAP)
    return {"total": count, "total_exact": exact, "events": found}


def _add_stories(connection: Connection, found: list[dict[str, Any]]) -> None:
    """Each event's canonical event and story from the stories tables, when there are some."""
    ids = [e["id"] for e in found]
    if not ids or not has_stories(connection):
        return
    query = text(
        f"SELECT r.event_id, r.canonical, s.story FROM {STORY_REPORTS} r "
        f"LEFT JOIN {STORY_EVENTS} s ON s.id = r.canonical WHERE r.event_id IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    links = {row.event_id: row for row in connection.execute(query, {"ids": ids})}
    for event in found:
        link = links.get(event["id"])
        if link is not None:
            event["canonical"] = event["canonical"] or link.canonical
            event["story"] = event["story"] or link.story


def _actors_of(connection: Connection, keys: list[int]) -> dict[int, dict[str, list]]:
    out: dict[int, dict[str, list]] = {}
    if not keys:
        return out
    ea = event_actors.c
    query = select(event_actors).where(ea.event_key.in_(keys))
    for row in connection.execute(query).mappings():
        actor = {"id": row["actor_id"], "name": row["name"], "kind": row["kind"],
                 "country": row["country"], "sector": row["sector"]}  # fmt: skip
        out.setdefault(row["event_key"], {}).setdefault(row["role"], []).append(actor)
    return out


def _event(row: Mapping[str, Any], people: Mapping[str, list]) -> dict[str, Any]:
    event = {k: v for k, v in row.items() if k != "key" and not k.startswith("place_")}
    event["source"] = people.get("source", [])
    event["target"] = people.get("target", [])
    event["place"] = (
        {
            "name": row["place_name"],
            "lat": row["place_lat"],
            "lon": row["place_lon"],
            "country": row["place_country"],
        }
        if row["place_name"] or row["place_lat"] is not None
        else None
    )
    return event


def selection(connection: Connection, f: EventFilter, *, limit: int) -> list[tuple[str, str]]:
    """(article id, event id) of the first ``limit`` matching events, in ``find``'s order."""
    query = (
        select(events.c.article_id, events.c.id)
        .where(*conditions(connection, f, ordered=True))
        .order_by(*_order(connection))
        .limit(limit)
    )
    return [tuple(row) for row in connection.execute(query)]


def actors(
    connection: Connection, f: EventFilter, *, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """The actors of the matching events, most events first, with counts by role."""
    ea = event_actors.c
    query = (
        select(
            ea.actor_id.label("id"),
            func.max(ea.name).label("name"),
            func.max(ea.kind).label("kind"),
            func.max(ea.country).label("country"),
            func.max(ea.sector).label("sector"),
            func.count(distinct(ea.event_key)).label("events"),
            func.sum(case((ea.role == "source", 1), else_=0)).label("as_source"),
            func.sum(case((ea.role == "target", 1), else_=0)).label("as_target"),
        )
        .select_from(event_actors.join(events, events.c.key == ea.event_key))
        .where(*conditions(connection, f))
        .group_by(ea.actor_id)
        .order_by(literal_column("events").desc(), ea.actor_id)
        .limit(limit)
        .offset(offset)
    )
    return [dict(row) for row in connection.execute(query).mappings()]


def places(
    connection: Connection, f: EventFilter, *, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """The places of the matching events, most events first, with coordinates."""
    c = events.c
    query = (
        select(
            c.place_name.label("name"),
            c.place_country.label("country"),
            func.max(c.place_lat).label("lat"),
            func.max(c.place_lon).label("lon"),
            func.count().label("events"),
            func.sum(func.coalesce(c.fatalities, 0)).label("fatalities"),
        )
        .where(c.place_name.is_not(None), *conditions(connection, f))
        .group_by(c.place_name, c.place_country)
        .order_by(literal_column("events").desc(), c.place_name)
        .limit(limit)
        .offset(offset)
    )
    return [dict(row) for row in connection.execute(query).mappings()]


def stats(connection: Connection, f: EventFilter, *, top: int = 20) -> dict[str, Any]:
    """Counts of the matching events: in all, by day, by type, and the top actors and places."""
    c = events.c
    where = conditions(connection, f)

    def counted(column: ColumnElement, *, limit: int | None = None) -> list[dict[str, Any]]:
        query = select(column.label("key"), func.count().label("events")).where(*where)
        query = query.group_by(column)
        if limit is None:
            query = query.order_by(column)
        else:
            query = query.order_by(literal_column("events").desc(), column).limit(limit)
        return [{"key": k, "events": n} for k, n in connection.execute(query)]

    total = connection.execute(select(func.count()).select_from(events).where(*where)).scalar()
    return {
        "total": total,
        "by_day": [{"day": d["key"], "events": d["events"]} for d in counted(c.date)],
        "by_type": [{"type": d["key"], "events": d["events"]} for d in counted(c.type)],
        "by_actor": [
            {k: a[k] for k in ("id", "name", "events")} for a in actors(connection, f, limit=top)
        ],
        "by_place": [
            {k: p[k] for k in ("name", "country", "events")}
            for p in places(connection, f, limit=top)
        ],
    }


def network(connection: Connection, f: EventFilter, *, limit: int = 200) -> list[dict[str, Any]]:
    """Who acts on whom: (source, target, type) with the number of matching events."""
    source, target = event_actors.alias("s"), event_actors.alias("t")
    query = (
        select(
            source.c.actor_id.label("source"),
            func.max(source.c.name).label("source_name"),
            target.c.actor_id.label("target"),
            func.max(target.c.name).label("target_name"),
            events.c.type,
            func.count(distinct(events.c.key)).label("events"),
        )
        .select_from(
            events.join(
                source, and_(source.c.event_key == events.c.key, source.c.role == "source")
            ).join(target, and_(target.c.event_key == events.c.key, target.c.role == "target"))
        )
        .where(*conditions(connection, f))
        .group_by(source.c.actor_id, target.c.actor_id, events.c.type)
        .order_by(
            literal_column("events").desc(), source.c.actor_id, target.c.actor_id, events.c.type
        )
        .limit(limit)
    )
    return [dict(row) for row in connection.execute(query).mappings()]


def stories(connection: Connection, *, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """Stories, latest first, each with its canonical events (versions and conflicts included).

    Empty, with a note, when the store has no stories tables.
    """
    if not has_stories(connection):
        note = "this store has no stories tables yet (migration 0004_stories adds them)"
        return {"total": 0, "stories": [], "note": note}
    total = connection.execute(text(f"SELECT count(DISTINCT story) FROM {STORY_EVENTS}")).scalar()
    page = connection.execute(
        text(
            f"SELECT story, min(day) AS first_day, max(day) AS last_day, count(*) AS events "
            f"FROM {STORY_EVENTS} GROUP BY story ORDER BY max(day) DESC, story "
            "LIMIT :limit OFFSET :offset"
        ),
        {"limit": limit, "offset": offset},
    ).all()
    found = {row.story: {"id": row.story, "first_day": row.first_day, "last_day": row.last_day,
                         "events": []} for row in page}  # fmt: skip
    if found:
        query = text(
            f"SELECT story, record FROM {STORY_EVENTS} WHERE story IN :ids ORDER BY day, id"
        ).bindparams(bindparam("ids", expanding=True))
        for row in connection.execute(query, {"ids": list(found)}):
            found[row.story]["events"].append(json.loads(row.record))
    return {"total": total, "stories": list(found.values())}
