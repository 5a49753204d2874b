"""Language identification with lingua, whose models ship inside its wheel.

One :class:`LanguageIdentifier` is built per run and passed to the stages that
need it. It chooses among a configured set of languages (``Settings.languages``):
lingua is sharper, faster and lighter when the candidates are few.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

from .errors import ConfigError

#: Writing systems that tell languages apart before any model is asked.
SCRIPTS = ("latin", "cyrillic", "arabic", "hebrew", "cjk", "greek")


class LanguageIdentifier:
    """Identify the language of a text among ``languages`` (ISO 639-1 codes)."""

    def __init__(self, languages: tuple[str, ...] | list[str]):
        chosen = []
        for code in languages:
            iso = getattr(IsoCode639_1, code.upper(), None)
            if iso is None:
                raise ConfigError(
                    f"unknown language code {code!r}: use ISO 639-1 codes lingua knows, "
                    f"e.g. fr, en, ar, ru"
                )
            chosen.append(Language.from_iso_code_639_1(iso))
        if len(chosen) < 2:
            raise ConfigError("language identification needs at least two candidate languages")
        self.codes = tuple(languages)
        self._detector = LanguageDetectorBuilder.from_languages(*chosen).build()

    def identify(self, text: str) -> tuple[str | None, float]:
        """The most likely language of ``text`` and lingua's confidence in it (0–1)."""
        if not any(ch.isalpha() for ch in text):
            return None, 0.0
        values = self._detector.compute_language_confidence_values(text)
        if not values:
            return None, 0.0
        best = values[0]
        return best.language.iso_code_639_1.name.lower(), float(best.value)


def script_of(text: str) -> str | None:
    """The writing system most of the letters of ``text`` belong to, or None without letters."""
    counts: Counter[str] = Counter()
    for ch in text:
        if not ch.isalpha():
            continue
        name = unicodedata.name(ch, "")
        if name.startswith("LATIN"):
            counts["latin"] += 1
        elif name.startswith("CYRILLIC"):
            counts["cyrillic"] += 1
        elif name.startswith(("ARABIC", "PERSIAN")):
            counts["arabic"] += 1
        elif name.startswith("HEBREW"):
            counts["hebrew"] += 1
        elif name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL")):
            counts["cjk"] += 1
        elif name.startswith("GREEK"):
            counts["greek"] += 1
        else:
            counts["other"] += 1
    if not counts:
        return None
    return counts.most_common(1)[0][0]
