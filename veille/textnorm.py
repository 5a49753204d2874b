"""Small text helpers shared by the stages: lines, words, shapes of lines, folding."""

from __future__ import annotations

import re
import unicodedata

from .model import Line

#: Typographic apostrophes and quotes mapped one-to-one, so offsets stay valid.
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "\u00a0": " "})

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?»\"”…:;)]\s*$|\.{3}\s*$")
_ELISION = re.compile(r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'")
_TERMINAL = re.compile(r"[.!?»\"”…]\s*$")


def straighten(text: str) -> str:
    """Map curly apostrophes and non-breaking spaces to plain ones (same length)."""
    return text.translate(_APOSTROPHES)


def fold(text: str) -> str:
    """Lower case, no accents, straight apostrophes, single spaces: for comparing names."""
    text = unicodedata.normalize("NFKD", straighten(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().split())


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def letter_words(text: str) -> list[str]:
    """Words with at least one letter (numbers and times are not evidence of a language)."""
    return [w for w in _WORD.findall(text) if not w.isdigit()]


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text``, stripped, with their offsets in ``text``."""
    lines = []
    offset = 0
    for number, chunk in enumerate(text.split("\n")):
        stripped = chunk.strip()
        if stripped:
            lines.append(Line(text=stripped, start=offset + chunk.index(stripped), number=number))
        offset += len(chunk) + 1
    return lines


def ends_sentence(line: str) -> bool:
    """Does the line end as prose does (a full stop, a closing quote, an ellipsis)?"""
    return bool(_TERMINAL.search(line))


def is_headline(line: str, *, min_words: int = 3, max_words: int = 30) -> bool:
    """A headline's shape: a few words, no sentence-final punctuation."""
    n = len(words(line))
    return min_words <= n <= max_words and not ends_sentence(line) and not line.endswith(":")


def content_words(text: str, *, min_length: int = 4) -> set[str]:
    """Folded words long enough to carry meaning (a cheap stand-in for stop-word lists)."""
    folded = (_ELISION.sub("", fold(w)) for w in words(text))
    return {w for w in folded if len(w) >= min_length and not w.isdigit()}


def overlap(part: str, whole: set[str]) -> float:
    """Share of the content words of ``part`` that also occur in ``whole``."""
    mine = content_words(part)
    if not mine:
        return 0.0
    return len(mine & whole) / len(mine)
