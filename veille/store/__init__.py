"""Where processed articles are kept: an embedded SQLite file by default.

``open_store("veille.db")`` or ``open_store("sqlite:///path.db")``; any
SQLAlchemy URL the backends support. Every row carries the
``pipeline_version`` that produced it; ids are deterministic, so saving the
same article again replaces its row rather than adding one.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import create_engine, event, func, select
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from ..model import Article
from .schema import MIGRATIONS, articles, metadata, migrations_table

__all__ = ["Store", "open_store"]

_BACKENDS = ("sqlite",)


def open_store(db: str) -> Store:
    """Open (and create or migrate) the store at ``db``: a file path or a database URL."""
    url = db if "://" in db else f"sqlite:///{db}"
    backend = url.split(":", 1)[0].split("+", 1)[0]
    if backend not in _BACKENDS:
        raise StoreError(
            f"unsupported store {db!r}: valid choices are a SQLite file path "
            f"or a URL starting with {', '.join(b + '://' for b in _BACKENDS)}"
        )
    try:
        engine = create_engine(url)
        if backend == "sqlite":
            event.listen(engine, "connect", _sqlite_pragmas)
        store = Store(engine)
        store.migrate()
    except SQLAlchemyError as e:
        raise StoreError(f"cannot open store {db!r}: {e.__class__.__name__}: {e.orig or e}") from None
    return store


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine

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
        statement = sqlite_dialect.insert(articles)
        statement = statement.on_conflict_do_update(
            index_elements=[articles.c.id],
            set_={c.name: statement.excluded[c.name] for c in articles.c if c.name != "id"},
        )
        try:
            with self.engine.begin() as connection:
                connection.execute(statement, rows)
        except SQLAlchemyError as e:
            raise StoreError(f"cannot save {len(rows)} article(s): {e}") from None
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
