"""Ingestion: every input becomes ``Article`` objects, and nothing raises for a bad one.

An input is a file (plain text, HTML, JSON Lines, WARC), a folder (read
recursively), a glob pattern, an ``http(s)://`` URL of a page or an RSS/Atom
feed, or ``-`` for standard input. Whatever cannot be read becomes an article
rejected by stage ``ingest`` with the reason, so the runner stores and counts it.
"""

from __future__ import annotations

import glob
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..ids import article_id, failure_id
from ..model import Article, Rejection
from .decode import decode, looks_like_html

__all__ = ["read", "EXTENSIONS"]

TEXT = (".txt", ".text")
HTML = (".html", ".htm", ".xhtml")
JSONL = (".jsonl", ".ndjson")
WARC = (".warc", ".warc.gz", ".arc", ".arc.gz")
EXTENSIONS = TEXT + HTML + JSONL + WARC


def read(
    inputs: Iterable[str],
    *,
    stdin: BinaryIO | None = None,
    timeout: float = 20.0,
    follow_feeds: bool = True,
) -> Iterator[Article]:
    """Articles from each input, in order."""
    for item in inputs:
        if item == "-":
            data = (stdin or sys.stdin.buffer).read()
            yield from _from_bytes(data, name="<stdin>", origin="<stdin>", sniff=True)
        elif item.startswith(("http://", "https://")):
            from .web import read_url

            yield from read_url(item, timeout=timeout, follow_feeds=follow_feeds)
        elif any(ch in item for ch in "*?["):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield rejected(item, item, f"no file matches {item}")
            for match in matches:
                if Path(match).is_file():
                    yield from read_path(Path(match))
        else:
            path = Path(item)
            if path.is_dir():
                for child in _walk(path):
                    yield from read_path(child)
            else:
                yield from read_path(path)


def _walk(folder: Path) -> Iterator[Path]:
    """Files below ``folder`` with a known extension, sorted; hidden entries skipped."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and path.name.lower().endswith(EXTENSIONS):
            yield path


def read_path(path: Path) -> Iterator[Article]:
    """Articles from one file, by its extension (content sniffed for unknown ones)."""
    name = path.name
    origin = str(path)
    if not path.exists():
        yield rejected(name, origin, f"no such file or directory: {path}")
        return
    lower = name.lower()
    if lower.endswith(WARC):
        from .warc import read_warc

        yield from read_warc(path)
        return
    try:
        data = path.read_bytes()
    except OSError as e:
        yield rejected(name, origin, f"cannot read {path}: {e.strerror or e}")
        return
    if lower.endswith(JSONL):
        yield from read_jsonl(data, name=name, origin=origin)
    else:
        yield from _from_bytes(
            data, name=name, origin=origin, html=lower.endswith(HTML), sniff=not lower.endswith(TEXT)
        )


def _from_bytes(
    data: bytes, *, name: str, origin: str, html: bool = False, sniff: bool = False,
    url: str | None = None, hints: dict | None = None, charset: str | None = None,
) -> Iterator[Article]:
    text, problem = decode(data, charset=charset)
    if problem:
        yield rejected(name, origin, problem)
        return
    if sniff and not html:
        lines = [ln for ln in text.splitlines() if ln.strip()]
        if lines and all(ln.lstrip().startswith("{") for ln in lines):
            yield from read_jsonl(data, name=name, origin=origin)
            return
        html = looks_like_html(text)
    yield make_article(text, name=name, origin=origin, html=html, url=url, hints=hints)


def make_article(
    text: str, *, name: str, origin: str, html: bool = False, url: str | None = None, hints: dict | None = None
) -> Article:
    return Article(
        id=article_id(text, source=url),
        name=name,
        raw=text,
        format="html" if html else "text",
        origin=origin,
        url=url,
        hints=dict(hints or {}),
    )


def rejected(name: str, origin: str, reason: str) -> Article:
    """An article that could not be read: it keeps a name, an origin and the reason."""
    article = Article(id=failure_id(origin, reason), name=name, origin=origin)
    article.rejection = Rejection("ingest", reason)
    return article


_HINTS = ("title", "published", "outlet")


def read_jsonl(data: bytes, *, name: str, origin: str) -> Iterator[Article]:
    """One article per JSON line: ``text`` or ``html`` plus optional doc, url, title, published, outlet."""
    text, problem = decode(data)
    if problem:
        yield rejected(name, origin, problem)
        return
    for number, line in enumerate(io.StringIO(text), start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        default = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield rejected(default, where, f"line {number}: invalid JSON: {e}")
            continue
        if not isinstance(record, dict):
            yield rejected(default, where, f"line {number}: expected a JSON object, got {type(record).__name__}")
            continue
        doc = str(record.get("doc") or default)
        body = record.get("text") or record.get("html")
        if not isinstance(body, str):
            fields = ", ".join(sorted(record)) or "none"
            yield rejected(doc, where, f"line {number}: no 'text' or 'html' field (fields: {fields})")
            continue
        if not body.strip():
            yield rejected(doc, where, f"line {number}: empty text")
            continue
        hints = {k: record[k] for k in _HINTS if record.get(k)}
        url = record.get("url") or None
        yield make_article(
            body.replace("\r\n", "\n"), name=doc, origin=where,
            html=bool(record.get("html")) and not record.get("text"), url=url, hints=hints,
        )
