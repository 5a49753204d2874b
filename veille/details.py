"""An event's details read from its sentence: date, mode and number of dead.

Relative dates resolve against the publication date ("ce samedi", "hier",
"aujourd'hui"); modes come from the words around the trigger ("aérien",
"drone", "téléphonique"); fatalities are read in digits and in words, as the
lower bound of a range ("des dizaines de morts" is 10).
"""

from __future__ import annotations

import datetime as dt
import re

from .dates import find_dates, weekday_cue
from .model import Article

FATALITY_WORDS = re.compile(
    r"\b(morts?|tués?|tuées?|victimes|martyrs?|décès|ont péri|trouvé la mort|périssent|"
    r"sont morts|ont été tués|a été tué|tuant|tuer)\b",
    re.IGNORECASE,
)


NUMBER_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20,
    "trente": 30, "quarante": 40, "cinquante": 50, "cent": 100, "mille": 1000,
    "dizaine": 10, "dizaines": 10, "vingtaine": 20, "trentaine": 30, "quarantaine": 40,
    "cinquantaine": 50, "centaine": 100, "centaines": 100, "millier": 1000, "milliers": 1000,
}  # fmt: skip


_NUMBER = re.compile(
    r"(?:(?:au moins|près de|environ|plus de|quelque|quelques)\s+)?"
    r"(\d{1,3}(?:[ .\u202f\u00a0]\d{3})+|\d+|(?:des |une )?(?:"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r"))\s+(?:de\s+|d')?(?:\w+\s+){0,3}?",
    re.IGNORECASE,
)


_MODES = (
    ("ASSAULT", "aerial", r"\b(aérien|aérienne|aériens|aériennes|aviation|avions?|bombardiers?|raids?)\b"),
    ("ASSAULT", "drone", r"\bdrones?\b"),
    ("ASSAULT", "heavy-weapons", r"\b(artillerie|obus|roquettes?|missiles?|mortiers?|chars?|blindés)\b"),
    ("ASSAULT", "suicide-attack", r"\b(kamikaze|attentat-suicide|voiture piégée)\b"),
    ("ASSAULT", "explosives", r"\b(explosifs?|engin explosif|bombe|mines?)\b"),
    ("ASSAULT", "targeted", r"\b(assassinat|assassiné|assassiner)\b"),
    ("CONSULT", "phone", r"\b(téléphoniques?|téléphone|au téléphone)\b"),
    ("CONSULT", "visit", r"\b(visite|s'est rendu|se rendra|en visite|a reçu|reçu par)\b"),
    ("CONSULT", "multilateral", r"\b(sommet|conférence|pourparlers|réunion tripartite|négociations)\b"),
)


YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)  # fmt: skip


MONTH_YEAR = re.compile(r"\b(" + "|".join(MONTHS) + r")\s+(19[5-9]\d|20[0-4]\d)\b", re.IGNORECASE)


_TODAY = re.compile(r"\b(aujourd'hui|ce jour|en ce jour)\b", re.IGNORECASE)


_YESTERDAY = re.compile(r"\bhier\b", re.IGNORECASE)


def mode(type: str, text: str) -> str | None:
    for kind, mode, pattern in _MODES:
        if kind == type and re.search(pattern, text, re.IGNORECASE):
            return mode
    return None


def date(text: str, published: dt.date | None) -> str | None:
    found = find_dates(text, languages=["fr"])
    if found:
        return found[0].date.isoformat()
    if published is None:
        return None
    if _TODAY.search(text):
        return published.isoformat()
    if _YESTERDAY.search(text):
        return (published - dt.timedelta(days=1)).isoformat()
    cue = weekday_cue(text, "fr", bare=True)
    if cue is not None:
        weekday, _ = cue
        back = (published.weekday() - weekday) % 7
        return (published - dt.timedelta(days=back)).isoformat()
    return None


def latest_year(article: Article) -> int | None:
    years = [int(y) for y in YEAR.findall(article.text)]
    return max(years) if years else None


_COUNT = (
    r"(\d{1,3}(?:[ .\u202f\u00a0]\d{3})+|\d+|(?:des |une |un |quelques )?(?:"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r"))"
)


_APPROX = r"(?:(?:au moins|près de|environ|plus de|quelque|pas moins de)\s+)?"


#: "ont tué 32 personnes", "coûté la vie à une vingtaine de civils"
_KILLED_N = re.compile(
    r"\b(?:tué|tuée|tués|tuées|tuant|tue|tuent|tuer|coûté la vie à|fauché)\s+" + _APPROX + _COUNT + r"\b",
    re.IGNORECASE,
)


#: "32 morts", "des dizaines de morts", "20 000 victimes", "une dizaine de soldats ont été tués"
_N_KILLED = re.compile(
    _APPROX + _COUNT + r"\s+(?:de\s+|d')?(?:[\w-]+\s+){0,3}?"
    r"(?:morts|tués|victimes|martyrs|ont péri|ont été tués|ont été tuées|ont trouvé la mort|sont morts|décès)\b",
    re.IGNORECASE,
)


def _count(value: str) -> int | None:
    value = value.lower()
    for prefix in ("des ", "une ", "un ", "quelques "):
        value = value.removeprefix(prefix)
    digits = re.sub(r"[ .\u202f\u00a0]", "", value)
    if digits.isdigit():
        return int(digits)
    return NUMBER_WORDS.get(value)


def fatalities(text: str) -> int | None:
    """The number of dead the sentence gives (the lower bound: 10 for "des dizaines")."""
    for pattern in (_KILLED_N, _N_KILLED):
        match = pattern.search(text)
        if match:
            value = _count(match.group(1))
            if value:
                return value
    return None
