"""The tables, and the named migrations that create or change them.

A migration runs once per database, in order, and is recorded by name in
``migrations``; later issues add migrations, never edit applied ones. A
migration is one function for every backend: it branches on
``connection.dialect.name`` where SQLite and PostgreSQL differ.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Column, Connection, Float, Index, Integer, MetaData, String, Table, Text, func,
)  # fmt: skip

metadata = MetaData()

migrations_table = Table(
    "migrations",
    metadata,
    Column("name", String(100), primary_key=True),
    Column("applied", String(40), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("doc", Text, nullable=False),
    Column("origin", Text),
    Column("url", Text),
    Column("language", String(8)),
    Column("outlet", Text),
    Column("outlet_country", String(3)),
    Column("outlet_affiliation", String(20)),
    Column("title", Text),
    Column("published", String(10)),
    Column("status", String(10), nullable=False),  # ok | rejected
    Column("rejected_stage", String(20)),
    Column("rejected_reason", Text),
    Column("words", Integer, nullable=False, default=0),
    Column("record", Text, nullable=False),  # the whole output record, JSON
    Column("pipeline_version", String(40), nullable=False),
)

#: One row per event of every kept article, for filtering (``veille/store/events.py``
#: fills them from the record on every save and queries them). ``key`` is a row number:
#: an article saved again gets new rows, and the event's own ``id`` stays the same.
events = Table(
    "events",
    metadata,
    Column("key", Integer, primary_key=True, autoincrement=True),
    Column("id", String(40), nullable=False),
    Column("article_id", String(40), nullable=False),
    Column("type", String(20), nullable=False),
    Column("mode", String(30)),
    Column("date", String(10)),  # the event's date, else the article's publication date
    Column("published", String(10)),
    Column("modality", String(20)),
    Column("according_to", Text),  # an actor id, or "outlet"
    Column("according_to_name", Text),
    Column("fatalities", Integer),
    Column("place_name", Text),
    Column("place_lat", Float),
    Column("place_lon", Float),
    Column("place_country", String(2)),  # ISO2
    Column("sentence", Text, nullable=False),
    Column("start", Integer),
    Column("end", Integer),
    Column("language", String(8)),
    Column("outlet", Text),
    Column("outlet_affiliation", String(20)),
    Column("story", Text),
    Column("canonical", Text),
    Column("pipeline_version", String(40), nullable=False),
    Index("events_date_idx", "date", "key"),
    Index("events_article_idx", "article_id"),
    Index("events_id_idx", "id"),
    Index("events_type_idx", "type", "date"),
    Index("events_mode_idx", "mode", "date"),
    Index("events_place_country_idx", "place_country", "date"),
    Index("events_place_point_idx", "place_lon", "place_lat"),
    Index("events_outlet_idx", "outlet", "date"),
    Index("events_affiliation_idx", "outlet_affiliation", "date"),
    Index("events_claimant_idx", "according_to", "date"),
    Index("events_modality_idx", "modality", "date"),
    Index("events_language_idx", "language", "date"),
    Index("events_story_idx", "story"),
)

#: The source and target actors of each event (``role`` is ``source`` or ``target``).
event_actors = Table(
    "event_actors",
    metadata,
    Column("event_key", Integer, nullable=False),
    Column("role", String(6), nullable=False),
    Column("actor_id", Text, nullable=False),
    Column("name", Text),
    Column("kind", String(20)),
    Column("country", String(3)),  # ISO3
    Column("sector", String(10)),
    Index("event_actors_event_idx", "event_key"),
    Index("event_actors_actor_idx", "actor_id", "event_key"),
    Index("event_actors_country_idx", "country", "event_key"),
)
# Case-insensitive look-ups by name.
Index("events_place_name_idx", func.lower(events.c.place_name))
Index("events_claimant_name_idx", func.lower(events.c.according_to_name))
Index("event_actors_name_idx", func.lower(event_actors.c.name), event_actors.c.event_key)

#: The full-text index, by backend (see ``veille/store/search.py`` for the queries).
#: SQLite: an FTS5 table whose rowid is ``articles_search_rows.rowid`` (a stable
#: INTEGER PRIMARY KEY: the implicit rowid of ``articles`` may change on VACUUM),
#: filled by triggers on ``articles``, so every write keeps it in sync.
SQLITE_SEARCH_TABLE = "articles_search"
SQLITE_SEARCH_ROWS = "articles_search_rows"
#: PostgreSQL: a generated ``tsvector`` column on ``articles`` with a GIN index,
#: in a text search configuration that is ``french`` (stemming, stop words)
#: with accents removed first (the ``unaccent`` extension).
PG_SEARCH_CONFIG = "veille_french"
PG_SEARCH_COLUMN = "search"

_SQLITE_ARTICLE_TEXT = "json_extract({row}.record, '$.text')"


def _0001_articles(connection: Connection) -> None:
    metadata.create_all(connection, tables=[articles])


def _0002_search(connection: Connection) -> None:
    """Full-text search over each article's title and cleaned text (``record.text``)."""
    if connection.dialect.name == "sqlite":
        _sqlite_search(connection)
    else:
        _postgresql_search(connection)


def _sqlite_search(connection: Connection) -> None:
    new_text = _SQLITE_ARTICLE_TEXT.format(row="new")
    index_new = f"""
        INSERT INTO {SQLITE_SEARCH_ROWS}(id) SELECT new.id
        WHERE NOT EXISTS (SELECT 1 FROM {SQLITE_SEARCH_ROWS} WHERE id = new.id);
        INSERT INTO {SQLITE_SEARCH_TABLE}(rowid, title, text)
        SELECT rowid, new.title, {new_text} FROM {SQLITE_SEARCH_ROWS} WHERE id = new.id;
    """
    unindex_old = f"""
        DELETE FROM {SQLITE_SEARCH_TABLE}
        WHERE rowid = (SELECT rowid FROM {SQLITE_SEARCH_ROWS} WHERE id = old.id);
    """
    for statement in [
        f"CREATE TABLE {SQLITE_SEARCH_ROWS} (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE)",
        f"""CREATE VIRTUAL TABLE {SQLITE_SEARCH_TABLE} USING fts5(
            title, text, tokenize = 'unicode61 remove_diacritics 2')""",
        f"""CREATE TRIGGER {SQLITE_SEARCH_TABLE}_insert AFTER INSERT ON articles
            BEGIN {index_new} END""",
        f"""CREATE TRIGGER {SQLITE_SEARCH_TABLE}_update AFTER UPDATE ON articles
            BEGIN {unindex_old} {index_new} END""",
        f"""CREATE TRIGGER {SQLITE_SEARCH_TABLE}_delete AFTER DELETE ON articles BEGIN {unindex_old}
            DELETE FROM {SQLITE_SEARCH_ROWS} WHERE id = old.id; END""",
        # The rows stored before this migration.
        f"INSERT INTO {SQLITE_SEARCH_ROWS}(id) SELECT id FROM articles ORDER BY id",
        f"""INSERT INTO {SQLITE_SEARCH_TABLE}(rowid, title, text)
            SELECT r.rowid, a.title, {_SQLITE_ARTICLE_TEXT.format(row="a")}
            FROM articles a JOIN {SQLITE_SEARCH_ROWS} r ON r.id = a.id""",
    ]:
        connection.exec_driver_sql(statement)


def _postgresql_search(connection: Connection) -> None:
    document = (
        f"setweight(to_tsvector('{PG_SEARCH_CONFIG}', coalesce(title, '')), 'A') || "
        f"setweight(to_tsvector('{PG_SEARCH_CONFIG}', coalesce(record::json ->> 'text', '')), 'B')"
    )
    for statement in [
        "CREATE EXTENSION IF NOT EXISTS unaccent",
        f"CREATE TEXT SEARCH CONFIGURATION {PG_SEARCH_CONFIG} (COPY = french)",
        f"""ALTER TEXT SEARCH CONFIGURATION {PG_SEARCH_CONFIG}
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem""",
        # Computed for the rows already there, and on every insert or update.
        f"""ALTER TABLE articles ADD COLUMN {PG_SEARCH_COLUMN} tsvector
            GENERATED ALWAYS AS ({document}) STORED""",
        f"CREATE INDEX articles_search_idx ON articles USING gin ({PG_SEARCH_COLUMN})",
    ]:
        connection.exec_driver_sql(statement)


def _0003_events(connection: Connection) -> None:
    """The events tables, their sentence search index, and the events of the rows already stored."""
    from . import events as _events  # it imports this module

    metadata.create_all(connection, tables=[events, event_actors])
    _events.create_search(connection)
    _events.backfill(connection)


def _0004_stories(connection: Connection) -> None:
    """Signatures, LSH bands, reports, canonical events and stories (``veille/store/stories.py``)."""
    from . import stories as _stories  # it imports this module

    _stories.create(connection)


#: (name, function) in the order they apply.
MIGRATIONS: list[tuple[str, Callable[[Connection], None]]] = [
    ("0001_articles", _0001_articles),
    ("0002_search", _0002_search),
    ("0003_events", _0003_events),
    ("0004_stories", _0004_stories),
]
