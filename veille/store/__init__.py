"""Where processed articles are kept: an embedded SQLite file by default, or PostgreSQL.

``open_store("veille.db")``, ``open_store("sqlite:///path.db")`` or
``open_store("postgresql://user:password@host/dbname")`` (the driver is
psycopg 3: ``postgresql+psycopg://`` is the same). Both backends have the same
tables, migrations and behaviour. Every row carries the ``pipeline_version``
that produced it; ids are deterministic, so saving the same article again
replaces its row rather than adding one. ``Store.search`` is full-text search
over titles and texts (``veille/store/search.py`` says how the backends differ).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import unquote

from sqlalchemy import create_engine, event, func, select
from sqlalchemy.dialects import postgresql as postgresql_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from ..errors import StoreError
from ..model import Article
from . import events as _events
from . import search as _search
from .schema import MIGRATIONS, articles, metadata, migrations_table

__all__ = ["Store", "open_store"]

#: backend: the drivers accepted after its ``+`` (None is the backend's plain URL).
_BACKENDS = {"sqlite": (None, "pysqlite"), "postgresql": (None, "psycopg")}
_INSERTS = {"sqlite": sqlite_dialect.insert, "postgresql": postgresql_dialect.insert}
#: An arbitrary key for PostgreSQL's advisory lock: one process migrates at a time.
_MIGRATION_LOCK = 0x7665696C6C65  # "veille"
_CONNECT_TIMEOUT = 10  # seconds, PostgreSQL only


def open_store(db: str) -> Store:
    """Open (and create or migrate) the store at ``db``: a file path or a database URL."""
    url = _parse(db)
    shown = db if url.password is None else unquote(url.render_as_string(hide_password=True))
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(
            url, pool_pre_ping=True, connect_args={"connect_timeout": _CONNECT_TIMEOUT}
        )
    store = Store(engine)
    try:
        store.migrate()
    except SQLAlchemyError as e:
        store.close()
        raise StoreError(f"cannot open store {shown!r}: {_explain(e, url)}") from None
    return store


def _parse(db: str) -> URL:
    choices = (
        "valid choices are a SQLite file path, sqlite:///PATH, "
        "or postgresql://USER:PASSWORD@HOST:PORT/DBNAME (also postgresql+psycopg://)"
    )
    if "://" not in db:
        return make_url(f"sqlite:///{db}")
    scheme = db.split("://", 1)[0]
    if scheme == "postgres":  # as Heroku and others write it
        db = "postgresql" + db[len(scheme) :]
    backend, _, driver = db.split("://", 1)[0].partition("+")
    if (driver or None) not in _BACKENDS.get(backend, ()):
        raise StoreError(f"unsupported store {scheme + '://...'!r}: {choices}")
    try:
        url = make_url(db)
    except (ArgumentError, ValueError) as e:
        shown = scheme + "://..."
        raise StoreError(f"cannot read the store URL {shown!r}: {e}; {choices}") from None
    if backend == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url


def _explain(error: SQLAlchemyError, url: URL) -> str:
    """The driver's reason on one line, with a hint for the usual PostgreSQL failures."""
    reason = _reason(error)
    if url.password:
        reason = reason.replace(url.password, "***")
    if url.get_backend_name() != "postgresql":
        return reason
    socket = url.query.get("host")
    where = url.host or (f"the socket in {socket}" if socket else "the local socket")
    where += f":{url.port or url.query.get('port') or 5432}"
    lowered = reason.lower()
    if "authentication failed" in lowered:
        hint = f"authentication failed for user {url.username!r}: check the user name and password"
    elif f'database "{url.database}" does not exist' in reason:
        hint = (
            f"database {url.database!r} does not exist on {where}: "
            f"create it (createdb {url.database})"
        )
    elif f'role "{url.username}" does not exist' in reason:
        hint = f"user {url.username!r} does not exist on {where}"
    elif "resolve host" in lowered or "could not translate host" in lowered:
        hint = f"cannot find the host {url.host!r}: check its name"
    elif any(s in lowered for s in ("connection refused", "no such file", "timeout", "timed out")):
        hint = f"no PostgreSQL server answers at {where}: is it running, and is this its address?"
    elif "unaccent" in lowered:
        hint = (
            "the search index needs the unaccent extension (PostgreSQL's contrib): "
            "install it, or have an administrator run CREATE EXTENSION unaccent in this database"
        )
    else:
        return reason
    return f"{hint} ({reason})"


def _reason(error: SQLAlchemyError) -> str:
    """The driver's error, its class and message on one line (no SQL, no parameters)."""
    cause = getattr(error, "orig", None) or error
    message = " ".join(str(cause).split())
    return f"{cause.__class__.__name__}: {message}" if message else cause.__class__.__name__


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class Store:
    """The articles table and its search index, behind one interface for every backend."""

    def __init__(self, engine: Engine):
        self.engine = engine
        #: "sqlite" or "postgresql".
        self.backend = engine.dialect.name

    @property
    def address(self) -> str:
        """Where the store is, as a URL with any password hidden: safe to print or log."""
        return unquote(self.engine.url.render_as_string(hide_password=True))

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def migrate(self) -> list[str]:
        """Apply the migrations this database has not seen; returns their names."""
        applied = []
        with self.engine.begin() as connection:
            if self.backend == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})")
            metadata.create_all(connection, tables=[migrations_table])
            done = set(connection.scalars(select(migrations_table.c.name)))
            for name, migration in MIGRATIONS:
                if name in done:
                    continue
                migration(connection)
                connection.execute(
                    migrations_table.insert().values(
                        name=name, applied=dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
                    )
                )
                applied.append(name)
        return applied

    def stored_versions(self, ids: Iterable[str]) -> dict[str, str]:
        """``{id: pipeline_version}`` for those of ``ids`` already stored."""
        ids = list(ids)
        if not ids:
            return {}
        query = select(articles.c.id, articles.c.pipeline_version).where(articles.c.id.in_(ids))
        with self.engine.connect() as connection:
            return dict(connection.execute(query).all())

    def save(self, batch: Iterable[Article]) -> int:
        """Insert or replace these articles in one transaction; returns how many."""
        rows = [_row(a) for a in batch]
        if not rows:
            return 0
        statement = _INSERTS[self.backend](articles)
        statement = statement.on_conflict_do_update(
            index_elements=[articles.c.id],
            set_={c.name: statement.excluded[c.name] for c in articles.c if c.name != "id"},
        )
        try:
            with self.engine.begin() as connection:
                connection.execute(statement, rows)
                _events.replace(connection, [json.loads(row["record"]) for row in rows])
        except SQLAlchemyError as e:
            raise StoreError(f"cannot save {len(rows)} article(s): {_reason(e)}") from None
        return len(rows)

    def records(self, *, status: str | None = None) -> Iterator[dict[str, Any]]:
        """The stored output records, in id order; ``status`` 'ok' or 'rejected' filters."""
        query = select(articles.c.record).order_by(articles.c.id)
        if status is not None:
            query = query.where(articles.c.status == status)
        with self.engine.connect() as connection:
            for (record,) in connection.execute(query):
                yield json.loads(record)

    def counts(self) -> dict[str, int]:
        """Stored articles by status."""
        query = select(articles.c.status, func.count()).group_by(articles.c.status)
        with self.engine.connect() as connection:
            return dict(connection.execute(query).all())

    def add_to_stories(self, records: Iterable[dict[str, Any]]) -> dict[str, Any]:
        """Compare these output records with the stored ones and update duplicates, canonical
        events and stories incrementally (``veille/store/stories.py``); returns, for them,
        ``{"duplicate_of": {id: doc}, "canonical": {event id: id}, "story": {canonical: id}}``.
        """
        from . import stories as _stories

        try:
            with self.engine.begin() as connection:
                return _stories.update(connection, list(records))
        except SQLAlchemyError as e:
            raise StoreError(f"cannot update stories: {_reason(e)}") from None

    def canonical_events(self) -> list[dict[str, Any]]:
        """Every canonical event with its story, reports (versions) and conflicts."""
        from . import stories as _stories

        with self.engine.connect() as connection:
            return list(_stories.canonical_events(connection))

    def search(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Articles whose title or text has every word of ``query``, best first.

        Each hit is ``{"id", "doc", "title", "status", "snippet", "rank"}``; the
        snippet marks matched words as ``[word]``. Example:
        ``store.search("frappes Idleb", limit=5)``.
        """
        try:
            with self.engine.connect() as connection:
                return _search.search(connection, query, limit=limit)
        except SQLAlchemyError as e:
            raise StoreError(f"cannot search for {query!r}: {_reason(e)}") from None


def _row(article: Article) -> dict[str, Any]:
    record = article.to_record()
    outlet = article.outlet
    return {
        "id": article.id,
        "doc": article.name,
        "origin": article.origin,
        "url": article.url,
        "language": article.language,
        "outlet": outlet.name if outlet else None,
        "outlet_country": outlet.country if outlet else None,
        "outlet_affiliation": outlet.affiliation if outlet else None,
        "title": article.title,
        "published": record["published"],
        "status": "rejected" if article.rejected else "ok",
        "rejected_stage": article.rejection.stage if article.rejection else None,
        "rejected_reason": article.rejection.reason if article.rejection else None,
        "words": article.word_count,
        "record": json.dumps(record, ensure_ascii=False, sort_keys=True),
        "pipeline_version": article.pipeline_version or "",
    }
