"""Bytes to text: encodings are detected, not assumed; binary and empty inputs are named.

The order is the one browsers follow, with one correction for stale declarations:

1. a byte order mark wins;
2. a declared charset (the HTTP ``Content-Type`` header, then ``<meta charset>``,
   ``<meta http-equiv>`` or ``<?xml encoding>`` in the first 8 KB) is tried next,
   except that bytes which are valid UTF-8 with non-ASCII letters are read as
   UTF-8 even when a single-byte charset is declared (templates keep
   ``ISO-8859-1`` long after the site moved to UTF-8);
3. otherwise strict UTF-8, then charset-normalizer's guess.

NUL bytes in the first 8 KB mean binary, unless a BOM or a declared UTF-16/32
explains them. The text keeps its lines as they were, with ``\\r\\n`` and ``\\r``
turned into ``\\n`` and a leading BOM character removed.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from ..errors import Rejected
from .sniff import binary_kind

__all__ = ["binary_reason", "charset_of", "decode", "normalise"]

HEAD = 8192

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)"""
    rb"""|<\?xml[^>]+?encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)
_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
# What browsers read for these labels (WHATWG Encoding): Windows-1252, whose
# 0x80-0x9F are ’ œ € … and not control characters.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii",
              "ascii", "cp819", "ibm819", "windows-1252", "cp1252"}
# Among guesses equally free of chaos, the encodings French pages are written in.
_WESTERN = ("utf_8", "ascii", "cp1252", "latin_1", "iso8859_15", "mac_roman")


def charset_of(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a ``Content-Type`` header, if any."""
    match = _CHARSET_PARAM.search(content_type or "")
    return match.group(1) if match else None


def decode(data: bytes, *, charset: str | None = None, noun: str = "file") -> str:
    """The text of ``data``; raises ``Rejected`` for empty or binary input.

    ``charset`` is an encoding declared outside the bytes (an HTTP header);
    ``noun`` names the input in reasons ("empty file", "binary page").
    """
    text = _decoded(data, charset=charset, noun=noun)
    text = normalise(text)
    if not text.strip():
        raise Rejected(f"empty {noun}")
    return text


def binary_reason(data: bytes, *, noun: str = "file") -> str:
    """Why ``data`` is not read as text, with its likely type when its magic bytes tell."""
    kind = binary_kind(data)
    looks = f" (looks like {kind})" if kind != "unknown" else ""
    return f"binary {noun}: no text encoding detected{looks}"


def normalise(text: str) -> str:
    """``\\n`` line ends and no leading BOM; nothing else is touched."""
    return text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")


def _decoded(data: bytes, *, charset: str | None, noun: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    head = data[:HEAD]
    declared = [_label(c) for c in (charset, *_declared_in(head)) if c]
    for encoding in declared:
        if encoding.startswith(("utf-16", "utf-32", "utf16", "utf32")):
            text = _try(data, encoding)
            if text is not None:
                return text
    if b"\x00" in head:
        raise Rejected(binary_reason(data, noun=noun))
    utf8 = _try(data, "utf-8")
    for encoding in declared:
        if utf8 is not None and not utf8.isascii() and _is_single_byte(encoding):
            return utf8
        text = _try(data, encoding)
        if text is not None:
            return text
    if utf8 is not None:
        return utf8
    return _guess(data, noun=noun)


def _declared_in(head: bytes) -> list[str]:
    return [
        (m.group(1) or m.group(2)).decode("ascii", "replace") for m in _DECLARED.finditer(head)
    ][:2]


def _label(name: str) -> str:
    name = name.strip().lower()
    return "cp1252" if name in _AS_CP1252 else name


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _is_single_byte(encoding: str) -> bool:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    return name.startswith(("cp", "iso8859", "latin", "mac", "koi8", "windows", "ascii"))


def _guess(data: bytes, *, noun: str) -> str:
    candidates = list(charset_normalizer.from_bytes(data))
    if not any(m.encoding == "cp1252" for m in candidates):
        # charset-normalizer stops early on a chaos-free guess, which for a short
        # text is often a far-fetched one (johab for "<p>été</p>"): weigh cp1252 too
        candidates += charset_normalizer.from_bytes(data, cp_isolation=["cp1252"])
    if not candidates:
        raise Rejected(binary_reason(data, noun=noun))
    # best() picks cp1250 for a short French text in cp1252 ("cśur" for "cœur"):
    # both decode without chaos, so prefer the Western encodings, then coherence.
    best = min(
        candidates,
        key=lambda m: (round(m.chaos, 2), m.encoding not in _WESTERN, -m.coherence),
    )
    return str(best)
