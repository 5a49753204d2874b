"""Language identification with lingua, whose models ship inside its wheel.

One :class:`LanguageIdentifier` is built per run and passed to the stages that
need it. It chooses among a configured set of languages (``Settings.languages``):
lingua is sharper, faster and lighter when the candidates are few.
"""

from __future__ import annotations

import re

from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

from .errors import ConfigError


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


_SCRIPT_LETTERS = {
    "latin": re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]"),
    "cyrillic": re.compile(r"[\u0400-\u052F]"),
    "arabic": re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]"),
    "hebrew": re.compile(r"[\u0590-\u05FF]"),
    "cjk": re.compile(r"[\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7AF]"),
    "greek": re.compile(r"[\u0370-\u03FF]"),
}


def script_of(text: str) -> str | None:
    """The writing system most of the letters of ``text`` belong to, or None without letters."""
    counts = {name: len(p.findall(text)) for name, p in _SCRIPT_LETTERS.items()}
    name = max(counts, key=counts.__getitem__)
    return name if counts[name] else None
