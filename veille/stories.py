"""One event, many reports: canonical events, story clusters and conflicting versions.

Each event of each article is a :class:`Report`. Reports of the same real-world
event are grouped into one canonical event by :func:`same_event`, a rule over
type, actors, place, date, numbers and — only when those leave it open — the
wording of the sentences; text alone never merges two reports, because
different days of one war are told with the same words. Two reports of one
article are never merged (the events stage codes each event once per article).

Candidates are found by blocking, never by all pairs: a report is filed under
(type family, day, actor key) for each of its actors (or its place when it has
none) and compared only with reports filed under the same keys within
:data:`MAX_DAYS` days. Canonical events are then linked into stories by
:func:`same_story` (shared actors and place, or two shared actors, within
:data:`STORY_DAYS` days), connected components with a time window.

Within a canonical event, versions that disagree — fatalities, counted
quantities ("8 079 personnes" vs "6 462 personnes"), asserted vs denied — are
all kept, each with its claimant, outlet and the outlet's affiliation, and the
event is flagged ``conflict``. Nothing is averaged.

:func:`assign` does it all for records in memory (``veille extract`` of several
inputs); ``veille/store/stories.py`` does it incrementally for a store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from .dedup import find_duplicates
from .evaluate import distance_km, normalise

__all__ = ["Report", "assign", "cluster", "reports", "same_event", "same_story", "summarise"]

PLACE_KM = 50.0  # two places this close are the same place
MAX_DAYS = 3  # an undated report stands for its article's publication, up to 3 days before
STORY_DAYS = 3  # events of one story follow one another within this many days
TEXT_SIMILAR = 0.35  # word-set Jaccard of two sentences that, with other agreement, settles a pair

#: Types that one report can code where another codes the other.
FAMILY = {"COERCE": "ASSAULT", "AGREE": "RETREAT"}
#: Modalities whose reports can be one event (a claim and its denial are versions).
_MODALITY = {"asserted": "real", "negated": "real", "future": "planned", "hypothetical": "planned"}
#: Group nouns (veille.actors.COLLECTIVES): too vague to make two reports one event alone.
WEAK_ACTORS = frozenset({"rebels", "opposition", "government_forces", "civilians", "west"})

_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:[  .,]\d{3})+|\d+)(?![\w])\s*([^\W\d]{3,})?")
_MONTHS = re.compile(
    r"^(janv|f[eé]vr|mars|avr|mai|juin|juil|ao[uû]t|sept|oct|nov|d[eé]c|jan|feb|mar|apr|may|jun"
    r"|jul|aug|sep|dec|heure|h$|km|kilom|ans?$|year)",
    re.IGNORECASE,
)
_CONTENT = re.compile(r"\w{4,}")


@dataclass
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
        if key.startswith("geo:"):
            _, lat, lon = key.split(":")
            found.update(f"geo:{int(lat) + i}:{int(lon) + j}" for i in (-1, 0, 1) for j in (-1, 0, 1))
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
    """Numbers the sentence counts, with the word after them: [[8079, "perso"], ...]."""
    found = []
    for match in _NUMBER.finditer(sentence):
        digits = re.sub(r"\D", "", match.group(1))
        unit = (match.group(2) or "").casefold()
        if not digits or not unit or _MONTHS.match(unit):
            continue
        number = int(digits)
        if 1900 <= number <= 2100 and len(match.group(1)) == 4:
            continue  # a year
        found.append([number, normalise(unit)[:5]])
    return found


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
                source_names=[(actors.get(a) or {}).get("name", a) for a in event.get("source") or []],
                target_names=[(actors.get(a) or {}).get("name", a) for a in event.get("target") or []],
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


def same_event(a: Report, b: Report) -> bool:
    """Whether two reports (of two articles) tell the same real-world event.

    Type (or its family), modality and date first; then actors; then place;
    numbers and wording only settle pairs whose actors alone are not enough.
    """
    if a.article_id == b.article_id or a.family != b.family:
        return False
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
    if undated:  # only with very strong agreement
        return a.type == b.type and actors == "strong" and place == "same"
    if actors == "strong":
        return True
    evidence = numbers_agree(a, b) or text_similarity(a, b) >= TEXT_SIMILAR
    if actors == "weak":
        return place == "same" or evidence
    return place == "same" and (a.type == b.type or evidence)  # no actors on one side


# -- clustering -------------------------------------------------------------------------------


class _Components:
    """Union-find that refuses to join two groups holding reports of the same article."""

    def __init__(self, items: Iterable[Report]):
        self.parent: dict[str, str] = {}
        self.articles: dict[str, set[str]] = {}
        for r in items:
            self.parent[r.event_id] = r.event_id
            self.articles[r.event_id] = {r.article_id}

    def root(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> bool:
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return True
        if not self.articles[ra].isdisjoint(self.articles[rb]):
            return False
        self.parent[rb] = ra
        self.articles[ra] |= self.articles.pop(rb)
        return True


def _day_keys(report: Report) -> list[tuple[str, str, dt.date]]:
    day = report.day
    return [] if day is None else [(report.family, key, day) for key in report.keys()]


def cluster(items: Sequence[Report]) -> dict[str, list[Report]]:
    """Group reports into canonical events; ``{canonical id: reports, earliest first}``.

    A report that already has a ``canonical`` (read from a store) keeps it, and
    its group keeps that id; a new group is named after its earliest report.
    """
    blocks: dict[tuple[str, str, dt.date], list[Report]] = defaultdict(list)
    for r in items:
        for key in _day_keys(r):
            blocks[key].append(r)
    components = _Components(items)
    by_canonical: dict[str, list[Report]] = defaultdict(list)
    for r in items:
        if r.canonical:
            by_canonical[r.canonical].append(r)
    for members in by_canonical.values():
        for r in members[1:]:
            components.join(members[0].event_id, r.event_id)
    pairs = set()
    for r in items:
        day = r.day
        for key in probe(r.keys()) if day else ():
            family = r.family
            for delta in range(-MAX_DAYS, MAX_DAYS + 1):
                for other in blocks.get((family, key, day + dt.timedelta(days=delta)), ()):
                    if other.event_id < r.event_id:
                        pairs.add((other.event_id, r.event_id))
    index = {r.event_id: r for r in items}
    # Strongest evidence first, so a doubtful link cannot take a report a sure one wants.
    scored = []
    for x, y in sorted(pairs):
        a, b = index[x], index[y]
        if same_event(a, b):
            strength = (actor_agreement(a, b) == "strong", place_agreement(a, b) == "same")
            scored.append((not strength[0], not strength[1], x, y))
    for *_rank, x, y in sorted(scored):
        components.join(x, y)
    groups: dict[str, list[Report]] = defaultdict(list)
    for r in items:
        groups[components.root(r.event_id)].append(r)
    result = {}
    for members in groups.values():
        members.sort(key=lambda r: r.rank)
        stored = sorted({r.canonical for r in members if r.canonical})
        canonical = stored[0] if stored else "c" + _short(members[0].event_id)
        for r in members:
            r.canonical = canonical
        result[canonical] = members
    return result


def _short(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


# -- canonical events and their versions ------------------------------------------------------


def summarise(canonical: str, members: Sequence[Report]) -> dict[str, Any]:
    """A canonical event: its main reading, every report, and the versions that disagree."""
    first = members[0]
    dated = [r for r in members if r.dated]
    versions = [
        {
            "event": r.event_id,
            "article": r.article_id,
            "doc": r.doc,
            "outlet": r.outlet,
            "affiliation": r.affiliation,
            "language": r.language,
            "claimant": r.claimant,
            "modality": r.modality,
            "date": r.date,
            "fatalities": r.fatalities,
            "quantities": r.quantities,
            "sentence": r.sentence,
        }
        for r in members
    ]
    conflicts = []
    deaths = sorted({r.fatalities for r in members if r.fatalities is not None})
    if len(deaths) > 1:
        conflicts.append({"field": "fatalities", "values": deaths})
    units: dict[str, set[int]] = defaultdict(set)
    for r in members:
        if len({u for _n, u in r.quantities}) == len(r.quantities):  # one number per unit
            for number, unit in r.quantities:
                units[unit].add(number)
    counted = [r for r in members if r.quantities]
    for unit, numbers in sorted(units.items()):
        if len(numbers) > 1 and len(counted) > 1:
            conflicts.append({"field": "quantity", "unit": unit, "values": sorted(numbers)})
    modalities = sorted({r.modality for r in members})
    if len(modalities) > 1:
        conflicts.append({"field": "modality", "values": modalities})
    place = next((r.place for r in members if r.place), None)
    return {
        "id": canonical,
        "type": first.type,
        "date": (min(dated, key=lambda r: r.rank).date if dated else first.date),
        "day": _first_day(dated or members),
        "place": place,
        "source": sorted({n for r in members for n in r.source_names}),
        "target": sorted({n for r in members for n in r.target_names}),
        "keys": sorted({k for r in members for k in r.keys()}),
        "reports": len(members),
        "articles": sorted({r.article_id for r in members}),
        "outlets": sorted({r.outlet for r in members if r.outlet}),
        "languages": sorted({r.language for r in members if r.language}),
        "conflict": bool(conflicts),
        "conflicts": conflicts,
        "versions": versions,
        "story": None,
    }


def _first_day(members: Sequence[Report]) -> str | None:
    days = [r.day for r in members if r.day]
    return min(days).isoformat() if days else None


def same_story(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two canonical events belong to one story: within STORY_DAYS, and two shared actors, a
    shared actor at the same place, or the same type at the same place."""
    if not a["day"] or not b["day"]:
        return False
    gap = abs((dt.date.fromisoformat(a["day"]) - dt.date.fromisoformat(b["day"])).days)
    if gap > STORY_DAYS:
        return False
    shared = {k for k in set(a["keys"]) & set(b["keys"]) if not k.startswith(("place:", "geo:"))}
    if len(shared) >= 2:
        return True
    if not (shared or a["type"] == b["type"]) or not a["place"] or not b["place"]:
        return False
    pa, pb = a["place"], b["place"]
    if not set(pa["keys"]).isdisjoint(pb["keys"]):
        return True
    km = distance_km(pa, pb)
    return km is not None and km <= PLACE_KM


def story_keys(event: dict[str, Any]) -> list[str]:
    """A canonical event's filing keys for stories: its actors' and its place's."""
    return event["keys"]


def link_stories(events: Sequence[dict[str, Any]]) -> dict[str, str]:
    """``{canonical id: story id}``: connected components of :func:`same_story`, blocked by
    actor and day. A canonical event that already has a ``story`` keeps its group's id."""
    parent = {e["id"]: e["id"] for e in events}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    blocks: dict[tuple[str, dt.date], list[dict]] = defaultdict(list)
    for e in events:
        if e["day"]:
            for key in story_keys(e):
                blocks[(key, dt.date.fromisoformat(e["day"]))].append(e)
    stored: dict[str, list[str]] = defaultdict(list)
    for e in events:
        if e.get("story"):
            stored[e["story"]].append(e["id"])
    for ids in stored.values():
        for other in ids[1:]:
            parent[root(other)] = root(ids[0])
    for e in events:
        if not e["day"]:
            continue
        day = dt.date.fromisoformat(e["day"])
        for key in probe(story_keys(e)):
            for delta in range(-STORY_DAYS, STORY_DAYS + 1):
                for other in blocks.get((key, day + dt.timedelta(days=delta)), ()):
                    if other["id"] < e["id"] and root(other["id"]) != root(e["id"]):
                        if same_story(e, other):
                            parent[root(other["id"])] = root(e["id"])
    groups: dict[str, list[dict]] = defaultdict(list)
    for e in events:
        groups[root(e["id"])].append(e)
    result = {}
    for members in groups.values():
        old = sorted({e["story"] for e in members if e.get("story")})
        story = old[0] if old else "s" + min(e["id"] for e in members)[1:]
        for e in members:
            result[e["id"]] = story
    return result


# -- records in memory ------------------------------------------------------------------------


def assign(records: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Set ``duplicate_of`` on each record and ``canonical``/``story`` on each event, in place;
    returns the canonical events (with their story, versions and conflicts).

    Example: ``assign([a.to_record() for a in articles])``.
    """
    originals = find_duplicates(records)
    docs = {r["id"]: r["doc"] for r in records}
    for record in records:
        original = originals.get(record["id"])
        record["duplicate_of"] = docs[original] if original else None
    items = [r for n, record in enumerate(records) if not record.get("rejected")
             for r in reports(record, order=n)]
    groups = cluster(items)
    events = [summarise(c, members) for c, members in groups.items()]
    stories = link_stories(events)
    for e in events:
        e["story"] = stories[e["id"]]
    canonical = {r.event_id: r.canonical for r in items}
    for record in records:
        for event in record.get("events") or []:
            event["canonical"] = canonical.get(event["id"])
            event["story"] = stories.get(event["canonical"]) if event["canonical"] else None
    return events


def story_list(events: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Canonical events grouped by story, biggest first: what ``veille stories`` prints."""
    by_story: dict[str, list[dict]] = defaultdict(list)
    for e in events:
        by_story[e["story"]].append(e)
    result = []
    for story, members in by_story.items():
        members.sort(key=lambda e: (e["day"] or "", e["id"]))
        result.append(
            {
                "id": story,
                "first": members[0]["day"],
                "last": members[-1]["day"],
                "events": members,
                "articles": sorted({a for e in members for a in e["articles"]}),
                "outlets": sorted({o for e in members for o in e["outlets"]}),
                "languages": sorted({lang for e in members for lang in e["languages"]}),
                "conflicts": sum(e["conflict"] for e in members),
            }
        )
    result.sort(key=lambda s: (-len(s["articles"]), -len(s["events"]), s["first"] or "", s["id"]))
    return result
