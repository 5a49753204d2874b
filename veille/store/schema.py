"""The tables, and the named migrations that create or change them.

A migration runs once per database, in order, and is recorded by name in
``migrations``; later issues add migrations, never edit applied ones.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Column, Connection, Integer, MetaData, String, Table, Text

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


def _0001_articles(connection: Connection) -> None:
    metadata.create_all(connection, tables=[articles])


#: (name, function) in the order they apply.
MIGRATIONS: list[tuple[str, Callable[[Connection], None]]] = [
    ("0001_articles", _0001_articles),
]
