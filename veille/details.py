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
from .lexicon import load_cues
from .model import Article
from .numbers import counts

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


#: "le 11 décembre", "le 1er mars": a day of a month, the year left to the reader.
_DAY_MONTH = re.compile(
    r"\b(1er|[12]?\d|3[01])\s+(" + "|".join(MONTHS) + r")\b(?!\s+(?:19|20)\d\d)", re.IGNORECASE
)


#: "en janvier", "au mois de décembre", "fin décembre", "début mars": a month alone.
_MONTH_ALONE = re.compile(
    r"\b(?:en|au mois de|fin|début|mi-)\s*(" + "|".join(MONTHS) + r")\b(?!\s+(?:19|20)\d\d)",
    re.IGNORECASE,
)


def date(text: str, published: dt.date | None) -> str | None:
    """The day the sentence dates its event: a full date, else a day of a month in the
    year that puts it nearest the publication ("le 11 décembre" in an article of March
    2017 is 2016-12-11), else a month alone, the last one not after publication ("en
    janvier": 2017-01), else "aujourd'hui", "hier" or a weekday before publication."""
    found = find_dates(text, languages=["fr"])
    if found:
        return found[0].date.isoformat()
    if published is None:
        return None
    day_month = _dating(_DAY_MONTH, text)
    if day_month:
        day = 1 if day_month.group(1) == "1er" else int(day_month.group(1))
        month = MONTHS.index(day_month.group(2).lower()) + 1
        candidates = []
        for year in (published.year - 1, published.year, published.year + 1):
            try:
                candidates.append(dt.date(year, month, day))
            except ValueError:
                continue  # 30 février
        if candidates:
            return min(candidates, key=lambda d: abs((d - published).days)).isoformat()
    month = _dating(_MONTH_ALONE, text)
    if month:  # "en janvier": the month nearest publication, not after it
        number = MONTHS.index(month.group(1).lower()) + 1
        year = published.year if number <= published.month else published.year - 1
        return f"{year}-{number:02d}"
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


def _dating(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match that dates an event, not the start of a situation still going
    on ("soumis depuis la fin avril à des bombardements")."""
    for match in pattern.finditer(text):
        if not re.search(r"\b(?:depuis|dès)\s+(?:le\s+|la\s+|l')?$", text[max(0, match.start() - 16) : match.start()]):
            return match
    return None


def latest_year(article: Article) -> int | None:
    years = [int(y) for y in YEAR.findall(article.text)]
    return max(years) if years else None


#: Words just before a count that make it a count of the dead: "ont tué 32 personnes",
#: "coûté la vie à une vingtaine de civils", "faisant 20 victimes".
_KILLED_BEFORE = re.compile(
    r"\b(?:tué|tuée|tués|tuées|tuant|tue|tuent|tuer|abattu|abattant|massacré|coûté la vie à|"
    r"fauché|faisant|killing|killed)\s+$",
    re.IGNORECASE,
)
#: ... and just after it: "une dizaine de soldats ont été tués", "20 personnes ont péri".
_KILLED_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+){0,3}?(?:ont été tués|ont été tuées|a été tué|ont péri|ont trouvé la mort|"
    r"sont morts|sont mortes|ont perdu la vie|tués|tuées|were killed|died)\b",
    re.IGNORECASE,
)


def fatalities(text: str) -> int | None:
    """The number of dead the sentence gives (the lower bound: 10 for "des dizaines"):
    a count of a noun of the dead ("32 morts", cues.toml [fatalities]) or next to a
    verb of killing; counts of the wounded, missing or displaced never."""
    cues = load_cues()
    table = cues.fatalities
    dead = {n for n in table["nouns"] if n not in ("bilan", "perte", "corps")}
    for count in counts(text, cues):
        noun = count.noun.lower()
        singular = noun[:-1] if noun.endswith("s") else noun
        if singular in table["not_fatal"] or noun in table["not_fatal"]:
            continue
        if (
            noun in dead or singular in dead
            or _KILLED_BEFORE.search(text[: count.start])
            or _KILLED_AFTER.match(text[count.end :])
        ):  # fmt: skip
            return count.number
    return None
