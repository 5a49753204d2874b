"""Dates written in text: explicit dates found by shape, parsed by dateparser, and
weekday words ("ce samedi") resolved against a date the text fixes.

dateparser is never run over whole text (it finds false dates: "93%" → 1993);
spans shaped as a full date are cut out first and only those are parsed.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import dateparser

_FULL_DATES = [
    # 18 décembre 2016, 1er mars 2020, 9 December 2016, 18 декабря 2016
    re.compile(r"\b\d{1,2}(?:er|st|nd|rd|th)?\s+(?:de\s+)?[^\W\d_]{3,}\.?,?\s+(?:de\s+)?\d{4}\b"),
    # December 9, 2016 / March 08, 2019
    re.compile(r"\b[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"),
    # 2016-12-18
    re.compile(r"\b\d{4}-\d{2}-\d{2}(?!\d)"),
    # 18/12/2016, 18.12.2016 (day first, as outside the US)
    re.compile(r"\b\d{1,2}[./]\d{1,2}[./]\d{4}\b"),
]
_URL_DATE = re.compile(r"/(20\d{2}|19\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")
_PARSER_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
    "DATE_ORDER": "DMY",
}


@dataclass(frozen=True)
class FoundDate:
    date: dt.date
    start: int
    end: int
    text: str


def find_dates(text: str, *, languages: list[str] | None = None) -> list[FoundDate]:
    """Every explicit full date (day, month, year) in ``text``, in order."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    for pattern in _FULL_DATES:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            parsed = _parse(match.group(0), tuple(languages or ()))
            if parsed:
                found.append(FoundDate(parsed, match.start(), match.end(), match.group(0)))
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)


@lru_cache(maxsize=4096)
def _parse(span: str, languages: tuple[str, ...]) -> dt.date | None:
    kwargs = {"languages": list(languages)} if languages else {}
    try:
        value = dateparser.parse(span, settings=_PARSER_SETTINGS, **kwargs)
    except (ValueError, OverflowError):
        return None
    if value is None or not 1900 <= value.year <= 2100:
        return None
    return value.date()


def date_from_url(url: str | None) -> dt.date | None:
    """A date written in a URL's path (``/2016/12/18/``), if any."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _calendar() -> dict[str, dict[str, list[str]]]:
    text = resources.files("veille.resources").joinpath("calendar.toml").read_text("utf-8")
    return tomllib.loads(text)


def weekday_cue(text: str, language: str | None, *, bare: bool = False) -> tuple[int, str] | None:
    """The first weekday the text names as "this" day ("ce samedi"), as (0=Monday, words).

    With ``bare``, a weekday without a determiner counts too ("s'est entretenu lundi").
    """
    table = _calendar().get(language or "")
    if not table:
        return None
    names = "|".join(re.escape(w) for w in table["weekdays"])
    this = "|".join(re.escape(w) for w in sorted(table["this"], key=len, reverse=True))
    prefix = rf"(?:{this})\s+" if not bare else rf"(?:(?:{this})\s+)?"
    match = re.search(rf"(?<!\w){prefix}({names})(?!\w)", text, re.IGNORECASE)
    if not match:
        return None
    return table["weekdays"].index(match.group(1).lower()), match.group(0)


def is_stamp(line: str, found: FoundDate, language: str | None) -> bool:
    """Is the line a publication stamp: a date (and time) alone, or after "Publié le"?"""
    rest = (line[: found.start] + line[found.end :]).strip(" -–—|,:.")
    if len(re.sub(r"\d{1,2}[:h]\d{2}|[\W\d_]", "", rest)) <= 3:  # only a time and punctuation
        return True
    words = _calendar().get(language or "", {}).get("stamp", [])
    head = line[: found.start].strip().lower()
    return any(head.startswith(w) for w in words)


def next_weekday(anchor: dt.date, weekday: int) -> dt.date:
    """The first day on or after ``anchor`` that falls on ``weekday`` (0=Monday)."""
    return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)


def parse_iso(value: object) -> dt.date | None:
    """A date from an ISO string or datetime given by an input's metadata, else None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        found = find_dates(value)
        return found[0].date if found else None
