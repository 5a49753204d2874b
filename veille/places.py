"""Where things happen: place mentions of an article resolved with the gazetteer.

Candidates come from three sources, because none is enough alone:

- spaCy's LOC and GPE entities (good on towns and countries, blind to villages it
  mislabels as people: "Kafaria");
- the curated gazetteer's names (the villages, districts, bases, crossings and
  rivers of the conflict) found directly in the text;
- capitalised words after a locative cue ("à", "près de", "la ville de", "le
  village de", "la base aérienne de").

Each candidate is resolved by :meth:`~veille.gazetteer.Gazetteer.resolve` with the
article's focus (the countries of its actors) and the places already resolved
(unambiguous ones first, then the rest near them), which is how "Homs" stays in
Syria and "Tripoli" goes to Lebanon in an article about Lebanon. A name the actors
stage read as a government ("Moscou et Damas doivent garantir") is not a place
there; a country is listed only when the article names no finer place in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .gazetteer import Entry, Gazetteer
from .mentions import PhraseIndex
from .model import Place
from .textnorm import name_key

_CUE = re.compile(
    r"\b(?:à|au|aux|en|dans|vers|depuis|près d['e]|autour d['e]|aux abords d['e]|"
    r"(?:la |les )?(?:ville|localité|village|bourg|région|province|gouvernorat|quartier|"
    r"quartiers|banlieue|périphérie|faubourg|camp|base(?: aérienne| navale)?|aéroport|"
    r"poste(?: frontalier)?|passage|prison|fleuve|rive(?: est| ouest)?) d(?:e |e l'|u |es |')|"
    r"(?:nord|sud|est|ouest|centre)(?:-(?:est|ouest))? d(?:e |e l'|u |')|(?:l'|la )?(?:entrée|sortie) d(?:e |')"
    r")\s*(?:la |le |les |l')?",
    re.IGNORECASE,
)
_PROPER = re.compile(
    r"(?:[A-ZÀ-ÖØ-Þ][\w'’\-]*)(?:\s+(?:(?:al|el|ez|es|ed|ad|as|ach|ech|an|ar|de|du)[\-\s])?[A-ZÀ-ÖØ-Þ][\w'’\-]*)*"
)
_LABELS = {"LOC", "GPE"}
#: A city this large is the same city in any article (with no context at all).
BIG_CITY = 500_000
#: ... as long as it is this many times larger than a namesake in the article's focus.
DWARFS = 20
#: A river is placed where the article's events on it are: at the nearest named place.
RIVER_KM = 150.0


@dataclass
class PlaceMention:
    start: int
    end: int
    text: str
    entry: Entry


class PlaceResolver:
    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self._curated = list(gazetteer.curated_entries())
        self.curated = PhraseIndex(
            (name, i)
            for i, entry in enumerate(self._curated)
            for name in (entry.name, *entry.aliases)
            if len(name_key(name)) > 3
        )

    def read(
        self,
        text: str,
        *,
        doc=None,
        focus: Iterable[str] = (),
        taken: Sequence[tuple[int, int]] = (),
    ) -> tuple[list[Place], list[PlaceMention]]:
        """The places of ``text``; ``focus`` are ISO2 codes, ``taken`` spans that name
        actors (a capital acting as its government)."""
        candidates = self._candidates(text, doc, taken)
        focus = {c for c in focus if c}
        resolved: list[PlaceMention] = []
        pending = []
        for start, end, surface, entries in candidates:
            if entries is not None:  # a curated name: no doubt about it
                resolved.append(PlaceMention(start, end, surface, entries))
            else:
                pending.append((start, end, surface))
        # big cities and countries first, with no context: "Paris" is not Paris, Texas
        # because the article's actors include the United States
        rest = []
        for start, end, surface in pending:
            entry = self.gazetteer.resolve(surface)
            if entry is not None and (entry.kind == "country" or self._dwarfs(entry, surface, focus)):
                resolved.append(PlaceMention(start, end, surface, entry))
            else:
                rest.append((start, end, surface))
        for start, end, surface in rest:
            near = [m.entry for m in resolved]
            entry = self.gazetteer.resolve(surface, focus=focus, near=near)
            if entry is not None:
                resolved.append(PlaceMention(start, end, surface, entry))
        resolved.sort(key=lambda m: m.start)
        return self._places(resolved), resolved

    def _candidates(self, text, doc, taken):
        spans: list[tuple[int, int, str, Entry | None]] = []

        def free(start: int, end: int) -> bool:
            return not any(a < end and start < b for a, b in [*taken, *((s[0], s[1]) for s in spans)])

        for match in self.curated.find(text):
            if free(match.start, match.end):
                spans.append((match.start, match.end, match.text, self._curated_entry(match.values)))
        if doc is not None:
            for ent in doc.ents:
                if ent.label_ in _LABELS and free(ent.start_char, ent.end_char):
                    surface = _trim(ent.text)
                    start = ent.start_char + ent.text.index(surface) if surface else ent.start_char
                    if surface:
                        spans.append((start, start + len(surface), surface, None))
        for cue in _CUE.finditer(text):
            proper = _PROPER.match(text, cue.end())
            if proper and free(proper.start(), proper.end()):
                surface = _trim(proper.group())
                if surface:
                    spans.append((proper.start(), proper.start() + len(surface), surface, None))
        return sorted(spans, key=lambda s: s[0])

    def _dwarfs(self, entry: Entry, surface: str, focus: set[str]) -> bool:
        """Is ``entry`` a big city that dwarfs its namesakes in the focus countries?
        Paris (2 million) over Paris, Texas, but not Tripoli of Libya over Tripoli
        of Lebanon in an article about Lebanon."""
        if entry.population < BIG_CITY:
            return False
        rivals = [
            e.population for e in self.gazetteer.candidates(surface)
            if e.country in focus and e.country != entry.country
        ]  # fmt: skip
        return not rivals or entry.population >= DWARFS * max(rivals)

    def _curated_entry(self, numbers) -> Entry:
        return self._curated[numbers[0]]

    @staticmethod
    def _places(mentions: list[PlaceMention]) -> list[Place]:
        """One place per entry, named as the article first names it; countries only
        when no finer place in them is named."""
        finer = {m.entry.country for m in mentions if m.entry.kind != "country"}
        places: dict[tuple, Place] = {}
        for mention in mentions:
            entry = mention.entry
            if entry.kind == "country" and entry.country in finer:
                continue
            key = (entry.geonames_id, entry.name, entry.country)
            if key not in places:
                places[key] = place = entry.to_place(mention.text)
                if entry.kind == "river":
                    _along(place, entry, [m.entry for m in mentions if m.entry.kind != "river"])
            elif mention.text not in (places[key].name, *places[key].aliases):
                places[key].aliases.insert(0, mention.text)
        return list(places.values())


def _along(place: Place, river: Entry, others: list[Entry]) -> None:
    """Put a river's point at the nearest place the article names, if one is close."""
    near = [(river.km_to(e), e) for e in others if e.kind not in ("country", "region")]
    near = [(d, e) for d, e in near if d <= RIVER_KM]
    if near:
        _, nearest = min(near, key=lambda pair: pair[0])
        place.lat, place.lon = round(nearest.lat, 4), round(nearest.lon, 4)


def _trim(text: str) -> str:
    text = re.sub(r"^(?:l'|la |le |les |d'|de |du )", "", text.strip(), flags=re.IGNORECASE)
    return text.strip(" ,.;:«»\"'()")
