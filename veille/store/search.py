"""Full-text search over the stored articles' titles and cleaned texts.

A query is plain words, all required, in any case; punctuation is ignored. Each
hit comes back as ``{"id", "doc", "title", "status", "snippet", "rank"}``, best
first; the snippet is a short passage of the text with the matched words
between ``[`` and ``]``, and a higher rank is a better match (ranks are not
comparable from one backend to the other). The backends match words alike up to
this difference:

- **PostgreSQL** uses the ``french`` text search configuration with accents
  removed (``unaccent``): French stemming, so ``frappes`` finds ``frappe`` and
  ``frappé``, and French stop words (``le``, ``de``...) are ignored.
- **SQLite** uses FTS5 with the ``unicode61 remove_diacritics 2`` tokenizer:
  case and accents are ignored (``defense`` finds ``défense``) but there is no
  stemming (``frappes`` does not find ``frappe``) and no stop word list.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, text

from .schema import PG_SEARCH_COLUMN, PG_SEARCH_CONFIG, SQLITE_SEARCH_ROWS, SQLITE_SEARCH_TABLE

__all__ = ["MARK", "search", "terms"]

#: What the snippet puts around each matched word.
MARK = ("[", "]")
#: About how many words a snippet has.
SNIPPET_WORDS = 16
#: Title matches weigh this much more than text matches.
TITLE_WEIGHT = 2.0

_SQLITE = text(f"""
    SELECT a.id, a.doc, a.title, a.status,
           snippet({SQLITE_SEARCH_TABLE}, 1, :start, :stop, '…', {SNIPPET_WORDS}) AS snippet,
           -bm25({SQLITE_SEARCH_TABLE}, {TITLE_WEIGHT}, 1.0) AS score
    FROM {SQLITE_SEARCH_TABLE}
    JOIN {SQLITE_SEARCH_ROWS} r ON r.rowid = {SQLITE_SEARCH_TABLE}.rowid
    JOIN articles a ON a.id = r.id
    WHERE {SQLITE_SEARCH_TABLE} MATCH :match
    ORDER BY score DESC, a.id
    LIMIT :limit
""")

# ts_rank's default weights give an 'A' (title) lexeme 1.0 and a 'B' (text) one 0.4.
_POSTGRESQL = text(f"""
    WITH hits AS (
        SELECT a.id, a.doc, a.title, a.status, a.record, q.query,
               ts_rank(a.{PG_SEARCH_COLUMN}, q.query) AS score
        FROM articles a, plainto_tsquery('{PG_SEARCH_CONFIG}', :words) AS q(query)
        WHERE a.{PG_SEARCH_COLUMN} @@ q.query
        ORDER BY score DESC, a.id
        LIMIT :limit
    )
    SELECT id, doc, title, status,
           ts_headline('{PG_SEARCH_CONFIG}', coalesce(record::json ->> 'text', ''), query,
                       :options) AS snippet,
           score
    FROM hits
    ORDER BY score DESC, id
""")
_HEADLINE = (
    f"StartSel={MARK[0]}, StopSel={MARK[1]}, MaxWords={SNIPPET_WORDS}, "
    f"MinWords={SNIPPET_WORDS // 2}, MaxFragments=1"
)


def terms(query: str) -> list[str]:
    """The words of a query, as both backends read it."""
    return re.findall(r"\w+", query)


def search(connection: Connection, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """The articles matching every word of ``query``, best first (see the module doc)."""
    words = terms(query)
    if not words or limit <= 0:
        return []
    if connection.dialect.name == "sqlite":
        match = " ".join(f'"{word}"' for word in words)
        params = {"match": match, "start": MARK[0], "stop": MARK[1], "limit": limit}
        rows = connection.execute(_SQLITE, params)
    else:
        params = {"words": " ".join(words), "options": _HEADLINE, "limit": limit}
        rows = connection.execute(_POSTGRESQL, params)
    return [
        {
            "id": row.id,
            "doc": row.doc,
            "title": row.title,
            "status": row.status,
            "snippet": row.snippet or "",
            "rank": float(row.score),
        }
        for row in rows
    ]
