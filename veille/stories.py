"""One event, many reports: canonical events, story clusters and conflicting versions.

Each event of each article is a report (``veille/reports.py``). Reports of the
same real-world event are grouped into one canonical event by ``same_event``,
a rule over type, actors, place, date, numbers and — only when those leave it
open — the wording of the sentences; text alone never merges two reports,
because different days of one war are told with the same words. Two reports of
one article are never merged (the events stage codes each event once per
article).

Candidates are found by blocking, never by all pairs: a report is filed under
(type family, day, key) for each of its actors but group nouns and for its
place's grid cell (0.5°, looked up in the 3×3 cells around), and compared only
with reports filed under the same keys within ``MAX_DAYS`` days. Canonical
events are then linked into stories by :func:`same_story` (two shared actors, a
shared actor at the same place, or the same type at the same place, within
:data:`STORY_DAYS` days): connected components with a time window.

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
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from .dedup import find_duplicates
from .evaluate import distance_km
from .reports import PLACE_KM, Report, actor_agreement, reports, same_event

__all__ = [
    "assign",
    "cluster",
    "format_story",
    "link_stories",
    "list_stories",
    "same_story",
    "story_list",
    "summarise",
]

STORY_DAYS = 3  # events of one story follow one another within this many days
STORY_SPAN = 10  # and a story spans at most this many days from its first event to its last


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


def cluster(items: Sequence[Report]) -> dict[str, list[Report]]:
    """Group reports into canonical events; ``{canonical id: reports, earliest first}``.

    A report that already has a ``canonical`` (read from a store) keeps it, and
    its group keeps that id; a new group is named after its earliest report.
    """
    blocks: dict[tuple[str, str, int], list[Report]] = defaultdict(list)
    looks: list[tuple[Report, list[tuple[str, str, int]]]] = []
    for r in items:
        day = r.day
        if day is None:
            continue
        ordinal, family = day.toordinal(), r.family
        for key in r.keys():
            blocks[(family, key, ordinal)].append(r)
        keys, days = r.lookups()
        looks.append((r, [(family, k, ordinal + d) for k in keys for d in range(-days, days + 1)]))
    components = _Components(items)
    by_canonical: dict[str, list[Report]] = defaultdict(list)
    for r in items:
        if r.canonical:
            by_canonical[r.canonical].append(r)
    for members in by_canonical.values():
        for r in members[1:]:
            components.join(members[0].event_id, r.event_id)
    pairs = set()
    for r, wanted in looks:
        for block in wanted:
            for other in blocks.get(block, ()):
                if other.event_id < r.event_id:
                    pairs.add((other.event_id, r.event_id))
    index = {r.event_id: r for r in items}
    # Pairs agreeing on named actors first, so a doubtful link cannot take a report a sure
    # one wants; a pair already in one group is not compared again.
    pairs_sorted = sorted(pairs)
    for sure in (True, False):
        for x, y in pairs_sorted:
            if components.root(x) == components.root(y):
                continue
            a, b = index[x], index[y]
            if (actor_agreement(a, b) == "strong") is sure and same_event(a, b):
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


def _story_view(e: dict[str, Any]) -> tuple:
    """What :func:`same_story` compares, computed once per canonical event."""
    actors = frozenset(k for k in e["keys"] if not k.startswith(("place:", "geo:")))
    place = e.get("place")
    names = frozenset(place["keys"]) if place else frozenset()
    day = dt.date.fromisoformat(e["day"]).toordinal() if e["day"] else None
    point = None
    if place and place.get("lat") is not None and place.get("lon") is not None:
        point = {"lat": place["lat"], "lon": place["lon"]}
    return day, actors, names, place, e["type"], point


def same_story(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two canonical events belong to one story: within STORY_DAYS, and two shared actors, a
    shared actor at the same place (by name or within PLACE_KM), or the same type at a place
    of the same name."""
    return _same_story(_story_view(a), _story_view(b))


def _same_story(a: tuple, b: tuple) -> bool:
    day_a, actors_a, names_a, place_a, type_a, point_a = a
    day_b, actors_b, names_b, place_b, type_b, point_b = b
    if day_a is None or day_b is None or abs(day_a - day_b) > STORY_DAYS:
        return False
    shared = len(actors_a & actors_b)
    if shared >= 2:
        return True
    if not place_a or not place_b:
        return False
    named_alike = not names_a.isdisjoint(names_b)
    if not shared:  # the same type at a place of the same name
        return type_a == type_b and named_alike
    if named_alike:
        return True
    if point_a is None or point_b is None:
        return False
    # ~0.5° of latitude is 55 km: farther apart than that on either axis is not "close"
    if abs(point_a["lat"] - point_b["lat"]) > 0.5 or abs(point_a["lon"] - point_b["lon"]) > 0.7:
        return False
    km = distance_km(point_a, point_b)
    return km is not None and km <= PLACE_KM


def story_keys(event: dict[str, Any]) -> list[str]:
    """A canonical event's filing keys for stories: its actors', and its type at each name of
    its place (the rules of :func:`same_story` need one or the other)."""
    keys = [k for k in event["keys"] if not k.startswith(("geo:", "place:"))]
    place = event.get("place")
    keys += [f"{event['type']}@{name}" for name in (place["keys"] if place else [])]
    return keys


def link_stories(events: Sequence[dict[str, Any]]) -> dict[str, str]:
    """``{canonical id: story id}``: connected components of :func:`same_story`, blocked by
    actor and day, taken day by day; two components are not joined when the story would span
    more than STORY_SPAN days (a year of strikes on one town is not one story). A canonical
    event that already has a ``story`` keeps its group's id."""
    parent = {e["id"]: e["id"] for e in events}
    span: dict[str, tuple[int, int]] = {}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def join(a: str, b: str, *, force: bool = False) -> None:
        ra, rb = root(a), root(b)
        if ra == rb:
            return
        (la, ha), (lb, hb) = span.get(ra, (None, None)), span.get(rb, (None, None))
        days = [d for d in (la, ha, lb, hb) if d is not None]
        if days and max(days) - min(days) > STORY_SPAN and not force:
            return
        parent[rb] = ra
        if days:
            span[ra] = (min(days), max(days))

    blocks: dict[tuple[str, int], list[dict]] = defaultdict(list)
    looks = []
    for e in events:
        if e["day"]:
            ordinal = dt.date.fromisoformat(e["day"]).toordinal()
            span[e["id"]] = (ordinal, ordinal)
            keys = story_keys(e)
            for key in keys:
                blocks[(key, ordinal)].append(e)
            wanted = [(k, ordinal + d) for k in keys for d in range(-STORY_DAYS, STORY_DAYS + 1)]
            looks.append((ordinal, e["id"], e, wanted))
    looks.sort(key=lambda x: x[:2])
    stored: dict[str, list[str]] = defaultdict(list)
    for e in events:
        if e.get("story"):
            stored[e["story"]].append(e["id"])
    for ids in stored.values():
        for other in ids[1:]:
            join(ids[0], other, force=True)
    views = {e["id"]: _story_view(e) for e in events}
    position = {look[1]: n for n, look in enumerate(looks)}
    for n, (_day, _id, e, wanted) in enumerate(looks):
        view = views[e["id"]]
        for block in wanted:
            for other in blocks.get(block, ()):
                # each pair once, when its later event comes
                if position[other["id"]] < n and root(other["id"]) != root(e["id"]):
                    if _same_story(view, views[other["id"]]):
                        join(e["id"], other["id"])
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
    first: dict[str, dict[str, Any]] = {}  # the same article given twice counts once
    for record in records:
        first.setdefault(record["id"], record)
    unique = list(first.values())
    originals = find_duplicates(unique)
    for record in records:
        original = originals.get(record["id"])
        if first[record["id"]] is not record:
            original = record["id"]
        record["duplicate_of"] = first[original]["doc"] if original else None
    items = [
        r
        for n, record in enumerate(unique)
        if not record.get("rejected")
        for r in reports(record, order=n)
    ]
    items = list({r.event_id: r for r in items}.values())
    for r in items:
        r.copy_of = originals.get(r.article_id)
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


def list_stories(
    *,
    db: str | None = None,
    records: Sequence[dict[str, Any]] | None = None,
    min_articles: int = 1,
) -> list[dict[str, Any]]:
    """The stories of a store (kept up to date by ``veille run``), or of output records
    (clustered now), told by at least ``min_articles`` articles; biggest first.

    Example: ``list_stories(db="veille.db", min_articles=2)``.
    """
    if records is not None:
        events = assign(list(records))
    else:
        from .store import open_store

        with open_store(db or "veille.db") as store:
            events = store.canonical_events()
    return [s for s in story_list(events) if len(s["articles"]) >= min_articles]


def format_story(story: dict[str, Any]) -> str:
    """A story as text: a header line, then each canonical event with its versions."""
    span = (
        story["first"] if story["first"] == story["last"] else f"{story['first']} → {story['last']}"
    )
    lines = [
        f"story {story['id']}  {span}  {len(story['events'])} events, "
        f"{len(story['articles'])} articles; outlets: {', '.join(story['outlets']) or '-'}; "
        f"languages: {', '.join(story['languages']) or '-'}"
        + (f"; {story['conflicts']} with conflicting versions" if story["conflicts"] else "")
    ]
    for e in story["events"]:
        who = " + ".join(e["source"]) or "?"
        whom = f" → {' + '.join(e['target'])}" if e["target"] else ""
        where = f" at {e['place']['name']}" if e.get("place") else ""
        flag = "  CONFLICT" if e["conflict"] else ""
        lines.append(
            f"  {e['date'] or e['day'] or '?'}  {e['type']}  {who}{whom}{where}"
            f"  ({e['reports']} reports){flag}"
        )
        for c in e["conflicts"]:
            what = " ".join(str(x) for x in (c["field"], c.get("unit"), c["values"]) if x)
            lines.append(f"      differs: {what}")
        if e["conflict"] or e["reports"] > 1:
            for v in e["versions"]:
                numbers = [f"{v['fatalities']} dead"] if v["fatalities"] is not None else []
                numbers += [f"{n} {u}" for n, u in v["quantities"]]
                outlet = v["outlet"] or "?"
                if v["affiliation"]:
                    outlet += f", {v['affiliation']}"
                lines.append(
                    f"      {v['doc']} ({outlet}; {v['language'] or '?'}) according to "
                    f"{v['claimant']}: {'; '.join(numbers) or v['modality']}"
                )
    return "\n".join(lines)
