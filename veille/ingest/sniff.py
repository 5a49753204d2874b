"""What an input is, from its first bytes: HTML, JSON Lines, WARC, a feed, or a binary file."""

from __future__ import annotations

import re
import zlib

__all__ = ["binary_kind", "is_gzip", "looks_like_feed", "looks_like_html", "looks_like_jsonl",
           "looks_like_warc"]

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x1f\x8b", "application/gzip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "application/msword"),
    (b"SQLite format 3\x00", "application/vnd.sqlite3"),
    (b"\x7fELF", "application/x-executable"),
)
_HTML_START = re.compile(r"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAG = re.compile(r"<(html|head|body|p)[\s>]", re.IGNORECASE)
_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]")
_WARC_START = (b"WARC/", b"filedesc://")


def binary_kind(data: bytes) -> str:
    """A MIME type for well-known binary formats, else ``"unknown"``."""
    if data[4:8] == b"ftyp":
        return "video/mp4"
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return "image/webp"
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), "unknown")


def looks_like_html(text: str) -> bool:
    """Starts like an HTML document, or has ``<html>``, ``<body>`` or ``<p>`` in the first 2 KB."""
    head = text[:2048]
    return bool(_HTML_START.match(head) or _HTML_TAG.search(head))


def looks_like_jsonl(text: str) -> bool:
    """Every non-empty line starts with ``{`` (and there is at least one)."""
    lines = [line for line in text.split("\n") if line.strip()]
    return bool(lines) and all(line.lstrip().startswith("{") for line in lines)


def is_gzip(data: bytes) -> bool:
    return data.startswith(b"\x1f\x8b")


def looks_like_warc(data: bytes) -> bool:
    """A WARC or ARC archive, plain or gzip-compressed (judged from its first record's start)."""
    if is_gzip(data):
        try:
            data = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(data[:4096], 64)
        except zlib.error:
            return False
    return data.startswith(_WARC_START)


def looks_like_feed(data: bytes) -> bool:
    """An RSS, RDF or Atom document: its root element appears in the first 2 KB."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"<") and bool(_FEED_ROOT.search(head))
