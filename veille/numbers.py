"""Counts in press text, in digits and in words: "20 000 individus", "près de
18.000 personnes", "des dizaines de soldats", "vingt-trois civils", "1,5 million de
réfugiés", "des centaines de milliers d'habitants".

The words come from the ``[numbers]`` tables of ``cues.toml`` (French, with the
English of wire copy). A count keeps the figure the text gives, the lower bound of
a range: "des dizaines" is 10, "au moins 20" is 20, "entre 10 et 15" is 10.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import Cues, load_cues


@dataclass(frozen=True)
class Count:
    number: int
    noun: str  # the word counted, as the text has it ("individus"); "" when none follows
    text: str  # the count as written ("près de 18.000 personnes")
    start: int  # offsets in the text
    end: int


_DIGITS = r"\d{1,3}(?:[ .\u202f\u00a0]\d{3})+(?![\d])|\d+(?:,\d+)?"
_MONTHS = re.compile(
    r"^(janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    r"novembre|décembre|decembre|january|february|march|april|june|july|august|september|"
    r"october|november|december)$",
    re.IGNORECASE,
)
#: Units that make a number a measure, a time or a rank rather than a count.
_NOT_COUNTED = re.compile(
    r"^(h|heures?|minutes?|km|kilomètres?|mètres?|m|%|pour|ans?|années?|jours?|mois|semaines?|"
    r"er|e|ème|fois|hours?|years?|days?|km2)$",
    re.IGNORECASE,
)
_SKIP = {"de", "d'", "d", "of", "les", "des"}


_PATTERNS: dict[int, tuple[Cues, re.Pattern[str]]] = {}


def _pattern(cues: Cues) -> re.Pattern[str]:
    """The count pattern of these cues, built once per ``Cues`` object."""
    cached = _PATTERNS.get(id(cues))
    if cached is None or cached[0] is not cues:
        cached = _PATTERNS[id(cues)] = (cues, _build(cues))
    return cached[1]


def _build(cues: Cues) -> re.Pattern[str]:
    tables = cues.numbers
    words = sorted({*tables["words"], *tables["approximate"]}, key=len, reverse=True)
    word = "(?:" + "|".join(re.escape(w) for w in words) + ")s?"
    spelled = rf"{word}(?:(?:-|\s+|\s+et\s+|-et-)(?:de\s+|d')?{word})*"
    qualifiers = sorted(
        {*tables["lower_bound"], *tables["approximately"], *tables["upper_bound"]},
        key=len, reverse=True,
    )  # fmt: skip
    qualifier = "(?:" + "|".join(re.escape(q) for q in qualifiers if q != "une") + r")\s+"
    return re.compile(
        rf"(?<![\w.,])(?:{qualifier})?(?:des\s+|plusieurs\s+|une\s+|un\s+)?"
        rf"(?P<number>(?:{_DIGITS})(?:\s+(?:millions?|milliards?|million|billion))?|{spelled})"
        rf"(?![\w])(?:\s+(?:de\s+|d'|of\s+)?(?P<noun>[^\W\d_][\w-]*))?",
        re.IGNORECASE,
    )


def value(phrase: str, cues: Cues | None = None) -> int | None:
    """The number a count phrase says: "20 000" → 20000, "18.000" → 18000, "1,5 million"
    → 1500000, "vingt-trois" → 23, "deux cents" → 200, "des dizaines" → 10, "des
    centaines de milliers" → 100000. None when it is no number."""
    cues = cues or load_cues()
    phrase = phrase.strip().lower()
    digits = re.match(rf"^({_DIGITS})(?:\s+(millions?|milliards?|billion))?$", phrase)
    if digits:
        figure = float(re.sub(r"[ .\u202f\u00a0]", "", digits.group(1)).replace(",", "."))
        scale = (digits.group(2) or "").rstrip("s")
        return int(figure * {"million": 10**6, "milliard": 10**9, "billion": 10**9}.get(scale, 1))
    total, current, seen = 0, 0, False
    words = [w for w in phrase.replace("d'", "de ").split() if w not in ("et", "de", "des", "plusieurs")]
    if len(words) > 1 and words[0] in ("un", "une"):
        words = words[1:]  # "une vingtaine": an article
    for number in (n for w in words for n in _parts(w, cues)):
        if number is None:
            return None
        seen = True
        if number == 100:
            current = (current or 1) * 100
        elif number >= 1000:
            total += (current or 1) * number
            current = 0
        else:
            current += number
    return total + current if seen else None


def _parts(word: str, cues: Cues) -> list[int | None]:
    """The numbers of one written word, longest known compounds first:
    "quatre-vingt-dix" is 90, "quatre-vingt-douze" 80 and 12, "vingt-et-un" 20 and 1."""
    pieces = [p for p in word.split("-") if p != "et"]
    out: list[int | None] = []
    while pieces:
        for size in range(len(pieces), 0, -1):
            number = cues.number("-".join(pieces[:size]))
            if number is not None or size == 1:
                out.append(number)
                pieces = pieces[size:]
                break
    return out


def counts(text: str, cues: Cues | None = None) -> list[Count]:
    """Every count in ``text`` with the noun it counts, leaving out years, days of the
    month, times, distances and ranks."""
    cues = cues or load_cues()
    found = []
    for match in _pattern(cues).finditer(text):
        number_text, noun = match.group("number"), match.group("noun") or ""
        if noun.lower() in _SKIP:
            noun = ""
        if _MONTHS.match(noun) or _NOT_COUNTED.match(noun):
            continue
        if re.fullmatch(r"(19|20)\d\d", number_text):
            continue  # a year
        number = value(number_text, cues)
        if number is None or number_text.lower() in ("un", "une", "one"):
            continue  # an article, not a count
        found.append(Count(number, noun, match.group(0), match.start(), match.end()))
    return found
