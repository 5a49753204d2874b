"""Exports of a filtered selection of events, through ``veille/export.py``.

The matching events are found in the events table; their articles' records are
read and cut down to those events, then written by the same functions as
``veille export``: PLOVER JSON Lines, ACLED CSV, GeoJSON. Parquet (pyarrow) has
one row per event with the PLOVER fields flattened.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, select

from .. import export
from ..store.events import EventFilter, selection
from ..store.schema import articles

__all__ = ["FORMATS", "MEDIA_TYPES", "export_events"]

FORMATS = (*export.FORMATS, "parquet")
MEDIA_TYPES = {
    "plover": ("application/x-ndjson", "jsonl"),
    "acled": ("text/csv; charset=utf-8", "csv"),
    "geojson": ("application/geo+json", "geojson"),
    "parquet": ("application/vnd.apache.parquet", "parquet"),
}
_CHUNK = 500


def records(connection: Connection, f: EventFilter, *, limit: int) -> Iterator[dict[str, Any]]:
    """The matching events' article records, each holding only its matching events.

    Articles come in the order of their first matching event, and each article's
    events in the selection's order (newest first).
    """
    pairs = selection(connection, f, limit=limit)
    wanted: dict[str, dict[str, int]] = {}  # article: {event id: rank in the selection}
    for rank, (article_id, event_id) in enumerate(pairs):
        wanted.setdefault(article_id, {}).setdefault(event_id, rank)
    order = list(wanted)
    for i in range(0, len(order), _CHUNK):
        ids = order[i : i + _CHUNK]
        query = select(articles.c.id, articles.c.record).where(articles.c.id.in_(ids))
        found = dict(connection.execute(query).all())
        for article_id in ids:
            if article_id not in found:
                continue
            record = json.loads(found[article_id])
            ranks = wanted[article_id]
            chosen = [e for e in record.get("events") or [] if e.get("id") in ranks]
            record["events"] = sorted(chosen, key=lambda e: ranks[e["id"]])
            yield record


def export_events(
    connection: Connection, f: EventFilter, format: str, *, limit: int
) -> tuple[bytes, int]:
    """The export's bytes and how many selected events the format left out."""
    chosen = records(connection, f, limit=limit)
    if format == "parquet":
        return _parquet(chosen), 0
    stream = io.StringIO()
    skipped = export.write(chosen, format, stream)
    return stream.getvalue().encode("utf-8"), skipped


def _names(actors: list[dict[str, Any]], key: str) -> list[str]:
    return [str(a.get(key) or "") for a in actors]


def _parquet(chosen: Iterator[dict[str, Any]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = []
    for item in export.to_plover(chosen):
        place = item.get("event_loc") or {}
        text, source = item.get("text") or {}, item.get("source") or {}
        rows.append({
            "id": item.get("id"), "event": item.get("event"), "mode": item.get("mode"),
            "date": item.get("date"), "modality": item.get("modality"),
            "according_to": item.get("according_to"), "fatalities": item.get("fatalities"),
            "actor_ids": _names(item["actor"], "id"), "actor_names": _names(item["actor"], "name"),
            "recipient_ids": _names(item["recipient"], "id"),
            "recipient_names": _names(item["recipient"], "name"),
            "place": place.get("name"), "latitude": place.get("lat"), "longitude": place.get("lon"),
            "place_country": place.get("country"),
            "sentence": text.get("sentence"), "start": text.get("start"), "end": text.get("end"),
            "article_id": source.get("article_id"), "doc": source.get("doc"),
            "url": source.get("url"), "outlet": source.get("outlet"),
            "affiliation": source.get("affiliation"), "published": source.get("published"),
            "language": source.get("language"), "story": item.get("story"),
            "canonical": item.get("canonical"),
        })  # fmt: skip
    schema = pa.schema([
        ("id", pa.string()), ("event", pa.string()), ("mode", pa.string()), ("date", pa.string()),
        ("modality", pa.string()), ("according_to", pa.string()), ("fatalities", pa.int64()),
        ("actor_ids", pa.list_(pa.string())), ("actor_names", pa.list_(pa.string())),
        ("recipient_ids", pa.list_(pa.string())), ("recipient_names", pa.list_(pa.string())),
        ("place", pa.string()), ("latitude", pa.float64()), ("longitude", pa.float64()),
        ("place_country", pa.string()), ("sentence", pa.string()), ("start", pa.int64()),
        ("end", pa.int64()), ("article_id", pa.string()), ("doc", pa.string()),
        ("url", pa.string()),
        ("outlet", pa.string()), ("affiliation", pa.string()), ("published", pa.string()),
        ("language", pa.string()), ("story", pa.string()), ("canonical", pa.string()),
    ])  # fmt: skip
    table = pa.Table.from_pylist(rows, schema=schema)
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()
