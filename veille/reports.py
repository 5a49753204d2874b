"""Reports: one event as one article tells it, and when two reports tell the same event.

Each event of each output record becomes a :class:`Report` carrying what
comparing needs — type, modality, date and whether the sentence spells the day
out, actor keys (registry id, normalised names and aliases, a state's country),
the place with its coordinates, the claimant, the numbers — and what showing
versions needs (article, outlet and its affiliation, sentence). :func:`same_event`
is the rule that says two reports are one real-world event; ``veille/stories.py``
groups reports with it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from .evaluate import distance_km, normalise
from .numbers import counts

__all__ = ["Report", "actor_agreement", "place_agreement", "probe", "reports", "same_event"]

PLACE_KM = 50.0  # two places this close are the same place
MAX_DAYS = 3  # an undated report stands for its article's publication, up to 3 days before
TEXT_SIMILAR = 0.35  # word-set Jaccard of two sentences that, with other agreement, settles a pair

#: Types that one report can code where another codes the other.
FAMILY = {"COERCE": "ASSAULT", "AGREE": "RETREAT"}
#: Modalities whose reports can be one event (a claim and its denial are versions).
_MODALITY = {"asserted": "real", "negated": "real", "future": "planned", "hypothetical": "planned"}
#: Group nouns (veille.actors.COLLECTIVES): too vague to make two reports one event alone.
WEAK_ACTORS = frozenset({"rebels", "opposition", "government_forces", "civilians", "west"})

_CONTENT = re.compile(r"\w{4,}")


@dataclass(slots=True)
class Report:
    """One event as one article reports it: everything clustering and display need."""

    event_id: str
    article_id: str
    doc: str
    outlet: str | None
    affiliation: str | None
    language: str | None
    published: str | None
    order: int  # input order of the article
    type: str
    mode: str | None
    modality: str
    date: str | None  # as the event has it: YYYY-MM-DD, YYYY-MM, YYYY or None
    exact: bool  # the sentence spells out the day (else it was resolved, or is the publication)
    sources: list[list[str]]  # actor keys of each source
    targets: list[list[str]]
    source_names: list[str]
    target_names: list[str]
    place: dict[str, Any] | None  # {name, keys, lat, lon}
    claimant: str  # the claimant's name, or the outlet's
    fatalities: int | None
    quantities: list[list[Any]]  # [number, unit] counted in the sentence
    sentence: str
    canonical: str | None = None
    copy_of: str | None = None  # the id of the article this report's article copies

    @property
    def family(self) -> str:
        return FAMILY.get(self.type, self.type)

    @property
    def day(self) -> dt.date | None:
        """The day the report stands for: its date, else its article's publication."""
        for value in (self.date, self.published):
            if value and len(value) == 10:
                try:
                    return dt.date.fromisoformat(value)
                except ValueError:
                    continue
        return None

    @property
    def dated(self) -> bool:
        return bool(self.date) and len(self.date) == 10

    @property
    def rank(self) -> tuple:
        return (self.published is None, self.published or "", self.order, self.event_id)

    def keys(self) -> list[str]:
        """Blocking keys without the day: one per actor but group nouns, and the place; group
        nouns only when there is nothing else."""
        found = [k[0] for k in self.sources + self.targets if k and k[0] not in _WEAK_KEYS]
        if self.place:
            found.append(_place_key(self.place))
        found = [k for k in found if k]
        if not found:
            found = [k[0] for k in self.sources + self.targets if k]
        return sorted(set(found))

    def lookups(self) -> tuple[list[str], int]:
        """The keys and the days either side to look for partners under, in one batch: a
        report with a named actor looks by actor only (a partner with none finds it by place),
        a dated one within a day (an undated partner looks three days wide)."""
        keys = self.keys()
        strong = [k for k in keys if k.startswith(("id:", "n:", "c:"))]
        return (
            strong if strong and any(k not in _WEAK_KEYS for k in strong) else probe(keys),
            1 if self.dated else MAX_DAYS,
        )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Report:
        return cls(**data)


_WEAK_KEYS = frozenset(f"id:{a}" for a in WEAK_ACTORS)
_CELL = 0.5  # degrees (about 55 km): places are filed by grid cell, and looked up in the 3x3 around


def _place_key(place: dict[str, Any]) -> str | None:
    """A place's blocking key: its grid cell, or its name when it has no coordinates."""
    if place.get("lat") is not None and place.get("lon") is not None:
        return f"geo:{int(place['lat'] // _CELL)}:{int(place['lon'] // _CELL)}"
    return f"place:{place['keys'][0]}" if place.get("keys") else None


def probe(keys: Iterable[str]) -> list[str]:
    """The keys to look up for these filing keys: a grid cell's neighbours as well."""
    found = set()
    for key in keys:
        head, geo, cell = key.partition("geo:")
        if geo:
            lat, lon = (int(x) for x in cell.split(":"))
            found.update(f"{head}geo:{lat + i}:{lon + j}" for i in (-1, 0, 1) for j in (-1, 0, 1))
        else:
            found.add(key)
    return sorted(found)


def _actor_keys(actor: dict[str, Any] | None, fallback: str) -> list[str]:
    """An actor's match keys: registry id first, then its normalised names, then its country."""
    if not actor:
        return [f"id:{fallback}"]
    keys = []
    if not str(actor.get("id", "")).startswith("local_"):
        keys.append(f"id:{actor['id']}")
    for name in [actor.get("name"), *(actor.get("aliases") or [])]:
        if isinstance(name, str) and (n := normalise(name)) and f"n:{n}" not in keys:
            keys.append(f"n:{n}")
    if actor.get("kind") == "state" and actor.get("country"):
        keys.append(f"c:{actor['country']}")
    return keys or [f"id:{actor.get('id')}"]


def _place(place: Any, places: list[dict[str, Any]]) -> dict[str, Any] | None:
    if isinstance(place, str):
        place = next((p for p in places if p.get("name") == place), {"name": place})
    if not isinstance(place, dict) or not place.get("name"):
        return None
    names = [place["name"], *(place.get("aliases") or [])]
    return {
        "name": place["name"],
        "keys": [n for n in dict.fromkeys(normalise(x) for x in names if isinstance(x, str)) if n],
        "lat": place.get("lat"),
        "lon": place.get("lon"),
    }


def _exact(date: str | None, sentence: str) -> bool:
    """Whether the sentence spells out the day of ``date`` ("le 9 novembre", "9/11")."""
    if not date or len(date) != 10:
        return False
    day = int(date[8:])
    return re.search(rf"(?<!\d)0?{day}(?:er)?(?!\d)(?!\s*(?:h|heures|km|%))", sentence) is not None


def quantities(sentence: str) -> list[list[Any]]:
    """What the sentence counts, with the first letters of the noun counted:
    [[8079, "perso"], ...] (words and digits alike: "près de 18.000", "des dizaines")."""
    return [[c.number, normalise(c.noun)[:5]] for c in counts(sentence) if c.noun]


def reports(record: dict[str, Any], *, order: int = 0) -> list[Report]:
    """The reports of one output record (``Article.to_record()``), one per event."""
    actors = {a["id"]: a for a in record.get("actors") or []}
    outlet = record.get("outlet")
    affiliation = (record.get("outlet_info") or {}).get("affiliation")
    result = []
    for event in record.get("events") or []:
        if event.get("modality") == "historical":
            continue  # background, not news of this article
        claimant_id = event.get("according_to")
        if claimant_id in (None, "outlet"):
            claimant = outlet or "outlet"
        else:
            claimant = (actors.get(claimant_id) or {}).get("name") or claimant_id
        sentence = event.get("sentence") or ""
        result.append(
            Report(
                event_id=event["id"],
                article_id=record["id"],
                doc=record["doc"],
                outlet=outlet,
                affiliation=affiliation,
                language=record.get("language"),
                published=record.get("published"),
                order=order,
                type=event["type"],
                mode=event.get("mode"),
                modality=event.get("modality") or "asserted",
                date=event.get("date"),
                exact=_exact(event.get("date"), sentence),
                sources=[_actor_keys(actors.get(a), a) for a in event.get("source") or []],
                targets=[_actor_keys(actors.get(a), a) for a in event.get("target") or []],
                source_names=[
                    (actors.get(a) or {}).get("name", a) for a in event.get("source") or []
                ],
                target_names=[
                    (actors.get(a) or {}).get("name", a) for a in event.get("target") or []
                ],
                place=_place(event.get("place"), record.get("places") or []),
                claimant=claimant,
                fatalities=event.get("fatalities"),
                quantities=quantities(sentence),
                sentence=sentence,
            )
        )
    return result


# -- same event -------------------------------------------------------------------------------


def _match(a: list[str], b: list[str]) -> bool:
    return not set(a).isdisjoint(b)


def _matched(side: list[list[str]], other: list[list[str]]) -> int:
    return sum(any(_match(a, b) for b in other) for a in side)


def _strong(side: list[list[str]]) -> bool:
    return any(keys and keys[0] not in _WEAK_KEYS for keys in side)


def actor_agreement(a: Report, b: Report) -> str:
    """'conflict', 'none' (no actors to compare), 'weak' or 'strong'."""
    if a.family == "CONSULT":  # as in PLOVER: parties pooled, no direction
        pa, pb = a.sources + a.targets, b.sources + b.targets
        if not pa or not pb:
            return "none"
        small, big = (pa, pb) if len(pa) <= len(pb) else (pb, pa)
        n = _matched(small, big)
        if n < len(small):
            return "conflict" if len(small) >= 2 or n == 0 else "weak"
        return "strong" if len(small) >= 2 else "weak"
    sides = []
    for x, y in ((a.sources, b.sources), (a.targets, b.targets)):
        if x and y:
            shared = [k for k in x if any(_match(k, o) for o in y)]
            if not shared:
                return "conflict"  # another author, or another victim
            sides.append(_strong(shared))
    if not sides:
        return "none"
    return "strong" if any(sides) else "weak"


def place_agreement(a: Report, b: Report) -> str:
    """'same' (a shared name or within PLACE_KM), 'different', or 'unknown' (one is missing)."""
    if not a.place or not b.place:
        return "unknown"
    if not set(a.place["keys"]).isdisjoint(b.place["keys"]):
        return "same"
    km = distance_km(a.place, b.place)
    if km is None:
        return "unknown"
    return "same" if km <= PLACE_KM else "different"


def numbers_agree(a: Report, b: Report) -> bool:
    if a.fatalities is not None and a.fatalities == b.fatalities:
        return True
    return any(q in b.quantities for q in a.quantities)


def text_similarity(a: Report, b: Report) -> float:
    wa, wb = (set(_CONTENT.findall(normalise_words(r.sentence))) for r in (a, b))
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def normalise_words(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _copies(a: Report, b: Report) -> bool:
    """Whether the two reports' articles are copies of one text (one is the other's copy, or
    both copy a third)."""
    return bool(
        a.copy_of == b.article_id
        or b.copy_of == a.article_id
        or (a.copy_of and a.copy_of == b.copy_of)
    )


def _words(sentence: str) -> list[str]:
    return _CONTENT.findall(normalise_words(sentence))


def same_event(a: Report, b: Report) -> bool:
    """Whether two reports (of two articles) tell the same real-world event.

    Type (or its family), modality and date first; then actors; then place;
    numbers and wording only settle pairs whose actors alone are not enough.
    """
    if a.article_id == b.article_id or a.family != b.family:
        return False
    if _copies(a, b) and a.type == b.type and _words(a.sentence) == _words(b.sentence):
        return True  # one text republished: the same sentence is the same event
    if _MODALITY.get(a.modality) != _MODALITY.get(b.modality):
        return False
    da, db = a.day, b.day
    if da is None or db is None:
        return False
    gap = abs((da - db).days)
    undated = not (a.dated and b.dated)
    if undated:
        if gap > MAX_DAYS:
            return False
    elif gap > (0 if a.exact and b.exact else 1):
        return False
    actors = actor_agreement(a, b)
    place = place_agreement(a, b)
    if actors == "conflict" or place == "different":
        return False
    if undated:  # only with very strong agreement: same type and place, and named actors or,
        # within a day (a headline's "42 civils tués"), the same numbers
        if a.type != b.type or place != "same":
            return False
        return actors == "strong" or (gap <= 1 and numbers_agree(a, b))
    if actors == "strong":
        return True
    evidence = numbers_agree(a, b) or text_similarity(a, b) >= TEXT_SIMILAR
    if actors == "weak":
        return place == "same" or evidence
    return place == "same" and (a.type == b.type or evidence)  # no actors on one side
