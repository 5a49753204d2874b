"""Finding known names in text: a phrase index over folded words.

The registry and the gazetteer hold tens of thousands of names. Rather than one
regular expression per name, the text is cut into words once and every run of
up to ``max_words`` words is looked up by its :func:`~veille.textnorm.name_key`;
the longest run that names something wins, left to right. Matching ignores case,
accents, hyphens and apostrophes, with two exceptions that keep common words out:
an acronym (``EI``, ``HTS``, ``US``) matches only in capitals, and a name that
starts with a capital matches only a capitalised word in the text, unless it goes
on with lowercase words ("Armée arabe syrienne" is often written "l'armée arabe
syrienne").

    index = PhraseIndex([("Sergueï Lavrov", "lavrov"), ("Lavrov", "lavrov")])
    [(m.text, m.values) for m in index.find("Serguei Lavrov a dit")]
    # [('Serguei Lavrov', ('lavrov',))]
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from .textnorm import fold, name_key

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_ACRONYM_MAX = 6

# how a name must be written in the text to count
_ANY, _CAPITAL, _UPPER = 0, 1, 2


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    text: str
    values: tuple[Hashable, ...]


def words(text: str) -> list[tuple[int, int, str]]:
    """The words of ``text`` with their offsets (apostrophes and hyphens split words)."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


@lru_cache(maxsize=65536)
def _fold_word(word: str) -> str:
    """``fold`` of one word of the text, remembered: the same words come back in every
    article."""
    return fold(word)


def _case_rule(name: str) -> int:
    letters = [c for c in name if c.isalpha()]
    if letters and len(letters) <= _ACRONYM_MAX and all(c.isupper() for c in letters):
        return _UPPER
    found = _WORD.findall(name)
    first = found[0] if found else ""
    if len(found) >= 3 and any(w[:1].islower() and len(w) >= 4 for w in found[1:]):
        return _ANY  # a description more than a name: "Armée arabe syrienne" as "l'armée arabe syrienne"
    return _CAPITAL if first[:1].isupper() else _ANY


def _written_as(text: str, rule: int) -> bool:
    if rule == _UPPER:
        letters = [c for c in text if c.isalpha()]
        return all(c.isupper() for c in letters)
    if rule == _CAPITAL:
        first = _WORD.search(text)
        return bool(first) and first.group()[:1].isupper()
    return True


class PhraseIndex:
    """Names to values; :meth:`find` returns the longest non-overlapping matches."""

    def __init__(self, entries: Iterable[tuple[str, Hashable]] = (), *, max_words: int = 12):
        self.max_words = max_words
        self.longest = 0  # words in the longest name indexed: no longer run is looked up
        self._index: dict[str, list[tuple[int, Hashable]]] = {}
        for name, value in entries:
            self.add(name, value)

    def add(self, name: str, value: Hashable) -> None:
        key = name_key(name)
        if not key or len(key.split()) > self.max_words:
            return
        rule = _case_rule(name)
        self.longest = max(self.longest, len(key.split()))
        entries = self._index.setdefault(key, [])
        for i, (old_rule, old_value) in enumerate(entries):
            if old_value == value:
                entries[i] = (min(old_rule, rule), value)  # the most permissive spelling
                return
        entries.append((rule, value))

    def __len__(self) -> int:
        return len(self._index)

    def __contains__(self, name: str) -> bool:
        return name_key(name) in self._index

    def get(self, name: str) -> tuple[Hashable, ...]:
        """The values of a name written as ``name`` (the case rules apply)."""
        return tuple(v for rule, v in self._index.get(name_key(name), ()) if _written_as(name, rule))

    def find(self, text: str, *, start: int = 0, end: int | None = None) -> list[Match]:
        """Known names in ``text[start:end]``, longest first, left to right, no overlaps."""
        end = len(text) if end is None else end
        spans = [w for w in words(text[start:end])]
        folded = [_fold_word(w[2]) for w in spans]
        matches = []
        i = 0
        while i < len(spans):
            found = None
            for n in range(min(self.longest, len(spans) - i), 0, -1):
                key = " ".join(folded[i : i + n])
                entries = self._index.get(key)
                if not entries:
                    continue
                a, b = spans[i][0] + start, spans[i + n - 1][1] + start
                surface = text[a:b]
                values = tuple(v for rule, v in entries if _written_as(surface, rule))
                if values:
                    found = (n, Match(a, b, surface, values))
                    break
            if found:
                matches.append(found[1])
                i += found[0]
            else:
                i += 1
        return matches
