"""Articles as the API gives them: the stored record, listings, and posted articles.

An article is its stored record (``docs/output.md``): the cleaned ``text`` that
every offset refers to, the ``boilerplate`` lines removed, and the actors,
places, events and quotes. Events and quotes carry their offsets in the record;
the record keeps no offsets for actors and places, so each gets ``spans``: where
its name or one of its aliases appears in the text as a whole word (a string
search made here, not the pipeline's own mentions).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Connection, func, select

from ..model import Article
from ..store.schema import articles

__all__ = ["get", "ingest", "listing", "spans"]

_SUMMARY = [
    articles.c.id, articles.c.doc, articles.c.title, articles.c.outlet,
    articles.c.outlet_affiliation, articles.c.published, articles.c.language, articles.c.status,
    articles.c.words,
]  # fmt: skip


def spans(text: str, names: Iterable[str]) -> list[list[int]]:
    """[start, end] of every whole-word occurrence of any of ``names`` in ``text``, in order."""
    names = sorted({n for n in names if n and n.strip()}, key=len, reverse=True)
    if not names or not text:
        return []
    pattern = r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)"
    return [[m.start(), m.end()] for m in re.finditer(pattern, text)]


def get(connection: Connection, article_id: str) -> dict[str, Any] | None:
    """The stored record of an article with its status, and spans for actors and places."""
    query = select(articles.c.record, articles.c.status).where(articles.c.id == article_id)
    row = connection.execute(query).first()
    if row is None:
        return None
    record = json.loads(row.record)
    record["status"] = row.status
    text = record.get("text") or ""
    for item in (record.get("actors") or []) + (record.get("places") or []):
        item["spans"] = spans(text, [item.get("name") or "", *(item.get("aliases") or [])])
    return record


def listing(
    connection: Connection, *, status: str | None, limit: int, offset: int
) -> dict[str, Any]:
    """A page of articles, newest first (publication date, then id)."""
    where = [articles.c.status == status] if status else []
    published = articles.c.published.desc()
    if connection.dialect.name == "postgresql":
        published = published.nulls_last()
    query = (
        select(*_SUMMARY).where(*where).order_by(published, articles.c.id)
        .limit(limit).offset(offset)
    )  # fmt: skip
    total = connection.execute(select(func.count()).select_from(articles).where(*where)).scalar()
    return {"total": total, "articles": [dict(r) for r in connection.execute(query).mappings()]}


def ingest(
    items: list[dict[str, Any]], *, process: Callable[[list[Article]], Any], save: Callable
) -> list[dict[str, Any]]:
    """Posted article objects (the JSON Lines input fields) through the pipeline into the store."""
    from ..ingest.jsonl import read_jsonl_text

    lines = "\n".join(json.dumps(item, ensure_ascii=False) for item in items)
    batch = list(read_jsonl_text(lines, name="api", origin="POST /api/articles"))
    process(batch)  # the pipeline passes over articles already rejected
    save(batch)
    return [
        {
            "id": a.id,
            "doc": a.name,
            "status": "rejected" if a.rejected else "ok",
            "rejected": {"stage": a.rejection.stage, "reason": a.rejection.reason}
            if a.rejection
            else None,
            "events": len(a.events),
        }
        for a in batch
    ]
