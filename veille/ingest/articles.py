"""How ingestion builds an ``Article``: one read from text, or one rejected with its reason."""

from __future__ import annotations

from typing import Any

from ..errors import Rejected
from ..ids import article_id, failure_id
from ..model import Article, Rejection
from .decode import decode
from .sniff import looks_like_html

__all__ = ["FORMATS", "make_article", "os_reason", "read_article", "rejected"]

FORMATS = ("text", "html")


def make_article(
    text: str,
    *,
    name: str,
    origin: str,
    format: str,
    url: str | None = None,
    hints: dict[str, Any] | None = None,
) -> Article:
    """An article read from ``text``; its id depends on the text and the URL only."""
    if format not in FORMATS:
        raise ValueError(f"unknown article format {format!r}: choose one of {', '.join(FORMATS)}")
    return Article(
        id=article_id(text, source=url),
        name=name,
        raw=text,
        format=format,
        origin=origin,
        url=url,
        hints=dict(hints or {}),
    )


def rejected(name: str, origin: str, reason: str, *, url: str | None = None) -> Article:
    """An input that could not be read: it keeps a name, an origin and the reason."""
    return Article(
        id=failure_id(origin, reason),
        name=name,
        origin=origin,
        url=url,
        rejection=Rejection("ingest", reason),
    )


def read_article(
    data: bytes,
    *,
    name: str,
    origin: str,
    format: str | None = None,
    url: str | None = None,
    hints: dict[str, Any] | None = None,
    charset: str | None = None,
    noun: str = "file",
) -> Article:
    """One article from the bytes of a text or HTML document.

    ``format`` None means: HTML if the text looks like HTML, else text;
    "text" or "html" is taken as said (a WARC record's content type);
    ``charset`` is a declared encoding (an HTTP header), tried after a BOM.
    """
    try:
        text = decode(data, charset=charset, noun=noun)
    except Rejected as e:
        return rejected(name, origin, e.reason, url=url)
    if format is None:
        format = "html" if looks_like_html(text) else "text"
    return make_article(text, name=name, origin=origin, format=format, url=url, hints=hints)


def os_reason(error: OSError) -> str:
    """An ``OSError`` without the file name it already names: "[Errno 13] Permission denied"."""
    if error.errno and error.strerror:
        return f"[Errno {error.errno}] {error.strerror}"
    return str(error)
