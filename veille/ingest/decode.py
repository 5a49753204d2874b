"""Bytes to text: encodings are detected, not assumed; binary and empty inputs are named."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_COMMON = ("cp1252", "latin_1", "iso8859_15", "utf_8")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_MAGIC = {
    b"\x89PNG": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
    b"GIF8": "image/gif",
    b"%PDF": "application/pdf",
    b"PK\x03\x04": "application/zip",
    b"\x1f\x8b": "application/gzip",
}


def decode(data: bytes, *, charset: str | None = None) -> tuple[str, str | None]:
    """``(text, None)``, or ``("", reason)`` when the bytes are empty or not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace").lstrip("\ufeff")
            return _checked(text)
    head = data[:8192]
    if b"\x00" in head:
        kind = next((k for magic, k in _MAGIC.items() if data.startswith(magic)), "unknown")
        return "", f"binary file: no text encoding detected (looks like {kind})"
    declared = [charset] if charset else []
    match = _META_CHARSET.search(head)
    if match:
        declared.append(match.group(1).decode("ascii", "replace"))
    for encoding in [*declared, "utf-8"]:
        try:
            return _checked(data.decode(encoding))
        except (UnicodeDecodeError, LookupError):
            continue
    candidates = list(charset_normalizer.from_bytes(data))
    if not candidates:
        return "", "binary file: no text encoding detected"
    # least chaos; among equals, the Western encodings news pages use most, then coherence
    best = min(
        candidates,
        key=lambda m: (round(m.chaos, 2), m.encoding not in _COMMON, -m.coherence),
    )
    return _checked(str(best))


def _checked(text: str) -> tuple[str, str | None]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not text.strip():
        return "", "empty file"
    return text, None


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head or "<p>" in head
