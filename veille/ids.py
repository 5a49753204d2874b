"""Deterministic ids, so that re-running the same input neither duplicates nor loses rows."""

from __future__ import annotations

import hashlib


def _digest(*parts: str | bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8") if isinstance(part, str) else part)
        h.update(b"\x00")
    return h.hexdigest()[:16]


def article_id(content: str | bytes, *, source: str | None = None) -> str:
    """An article's id from its content and its source (URL or outlet), not its file name.

    The same page read twice, from any path, gets the same id; the same text
    published under two URLs gets two ids.
    """
    if isinstance(content, str):
        content = " ".join(content.split())
    return "a" + _digest(source or "", content)


def failure_id(origin: str, reason: str) -> str:
    """The id of an input that could not even be read (no content to hash)."""
    return "x" + _digest(origin, reason)


def event_id(article: str, start: int, *fillers: str) -> str:
    """An event's id from its article, its sentence offset and its role fillers."""
    return "e" + _digest(article, str(start), *fillers)
