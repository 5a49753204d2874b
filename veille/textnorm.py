"""Small text helpers shared by the stages: lines, words, shapes of lines, folding."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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


# --- names -----------------------------------------------------------------

_NAME_PUNCT = re.compile(r"[\-‐‑–—'’`ʼʿʾ.,()\"«»]+")
_NAME_ARTICLE = re.compile(r"^(?:(?:al|el|ad|ar|as|at|az|ash|ad|an|l|le|la|les)\s+)+")
#: Spelling variants of transliterated names (French, English and German habits),
#: applied in order to a folded name; see :func:`name_skeleton`.
_SKELETON_RULES = [
    (re.compile(r"tch"), "ch"),
    (re.compile(r"dj"), "j"),
    (re.compile(r"sch|sh|ch"), "s"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"ou"), "u"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"(?<=[aeiou])y(?=[aeiou])"), "i"),
    (re.compile(r"y"), "i"),
    (re.compile(r"[wv]"), "v"),
    (re.compile(r"ck|q|k|c(?=[aou])"), "k"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"z"), "s"),
    (re.compile(r"dh"), "d"),
    (re.compile(r"th"), "t"),
    (re.compile(r"gu(?=[ei])"), "g"),
    (re.compile(r"ei|ey|ai|ay|ee"), "e"),
    (re.compile(r"(?<=\w)h\b|(?<=[^\Wsc])h(?=[^aeiou\W])"), ""),
    (re.compile(r"(?<=\w)[e](?=\b)"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
]


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A name folded for look-up: case, accents, hyphens, apostrophes and dots ignored
    (remembered: registry names are keyed again and again).

    ``name_key("Hayat Tahrir al-Cham") == name_key("hayat tahrir al cham")``.
    """
    return " ".join(_NAME_PUNCT.sub(" ", fold(name)).split())


def name_skeleton(name: str) -> str:
    """A looser key that also forgets transliteration habits and Arabic articles.

    Chamkhani and Shamkhani, Sergueï and Sergey, Rohani and Rouhani, al-Bukamal and
    Boukamal share a skeleton. Vowel length and doubled letters are dropped too, so
    a skeleton is only compared between names of the same kind (two places, two
    people), never used alone to equate a short word with a name.
    """
    key = _NAME_ARTICLE.sub("", name_key(name))
    key = re.sub(r"\b(?:al|el|ad|ar|as|at|az|ash|an)\s+", "", key)
    for pattern, replacement in _SKELETON_RULES:
        key = pattern.sub(replacement, key)
    return key.replace(" ", "")
