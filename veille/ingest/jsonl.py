"""JSON Lines: one article per line, a bad line rejected on its own.

Each line is an object with a ``text`` (plain text) or ``html`` field, and
optionally ``doc`` (the article's name, by default ``<file name>:<line>``),
``url``, and ``title``, ``published`` and ``outlet``, which become hints for
the metadata stage. Blank lines are skipped. Files are read line by line, so a
large dump is never held in memory whole.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import Rejected
from ..model import Article
from .articles import make_article, os_reason, rejected
from .decode import HEAD, binary_reason, decode, normalise

__all__ = ["HINTS", "read_jsonl_file", "read_jsonl_text"]

#: Fields copied to ``Article.hints`` when present and not empty.
HINTS = ("title", "published", "outlet")
_BODIES = ("text", "html")
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", int: "a number",
               float: "a number", bool: "a boolean", type(None): "null"}
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # UTF-32's BOMs start with these


def read_jsonl_file(path: Path) -> Iterator[Article]:
    """The articles of a JSON Lines file, line by line."""
    name, origin = path.name, str(path)
    number = 0
    try:
        with path.open("rb") as stream:
            head = stream.read(HEAD)
            if head.startswith(_WIDE_BOMS):  # lines cannot be split as bytes: read it whole
                yield from read_jsonl_text(
                    _decoded(head + stream.read(), noun="file"), name=name, origin=origin
                )
                return
            if b"\x00" in head:
                yield rejected(name, origin, binary_reason(head))
                return
            stream.seek(0)
            for number, article in _articles(stream, name=name, origin=origin):
                yield article
    except Rejected as e:
        yield rejected(name, origin, e.reason)
    except OSError as e:
        where = f" after line {number}" if number else ""
        yield rejected(name, origin, f"cannot read {path}{where}: {os_reason(e)}")


def read_jsonl_text(text: str, *, name: str, origin: str) -> Iterator[Article]:
    """The articles of JSON Lines already decoded (standard input)."""
    for _, article in _articles(text.split("\n"), name=name, origin=origin):
        yield article


def _articles(
    lines: Iterable[str | bytes], *, name: str, origin: str
) -> Iterator[tuple[int, Article]]:
    seen = False
    for number, line in enumerate(lines, start=1):
        if isinstance(line, bytes):
            try:
                line = _line_text(line, first=number == 1)
            except Rejected as e:
                seen = True
                reason = f"line {number}: {e.reason}"
                yield number, rejected(f"{name}:{number}", f"{origin}:{number}", reason)
                continue
        if not line.strip():
            continue
        seen = True
        yield number, _article(line, number, name=name, origin=origin)
    if not seen:
        yield 0, rejected(name, origin, "empty file")


def _article(line: str, number: int, *, name: str, origin: str) -> Article:
    default, where = f"{name}:{number}", f"{origin}:{number}"
    try:
        record = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as e:
        message = e.msg.removesuffix(" at")  # "Invalid control character at"
        reason = f"line {number}: invalid JSON: {message} at column {e.colno}"
        return rejected(default, where, reason)
    if not isinstance(record, dict):
        reason = f"line {number}: expected a JSON object, got {_kind(record)}"
        return rejected(default, where, reason)
    doc = record.get("doc")
    doc = str(doc) if isinstance(doc, (str, int)) and str(doc).strip() else default
    fields = [f for f in _BODIES if record.get(f) is not None]
    if not fields:
        found = ", ".join(sorted(record)) or "none"
        return rejected(doc, where, f"line {number}: no 'text' or 'html' field (fields: {found})")
    field = next((f for f in fields if isinstance(record[f], str) and record[f].strip()), fields[0])
    body = record[field]
    if not isinstance(body, str):
        return rejected(doc, where, f"line {number}: '{field}' must be a string, got {_kind(body)}")
    text = normalise(body)
    if not text.strip():
        return rejected(doc, where, f"line {number}: empty text")
    url = record.get("url")
    return make_article(
        text,
        name=doc,
        origin=where,
        format="html" if field == "html" else "text",
        url=url if isinstance(url, str) and url.strip() else None,
        hints={key: record[key] for key in HINTS if _present(record.get(key))},
    )


def _line_text(raw: bytes, *, first: bool) -> str:
    if first:
        raw = raw.removeprefix(codecs.BOM_UTF8)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:  # not UTF-8 as JSON Lines should be: detect this line's encoding
        return _decoded(raw, noun="line")


def _decoded(data: bytes, *, noun: str) -> str:
    try:
        return decode(data, noun=noun)
    except Rejected as e:
        if e.reason == f"empty {noun}":
            return ""
        raise


def _present(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None and value != [] and value != {}


def _kind(value: Any) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)

