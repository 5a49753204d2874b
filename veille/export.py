"""Exports of the events in the terms of the tools analysts load them into.

- **PLOVER** (JSON Lines, one event a line): ``event``, ``mode``, ``context``,
  ``actor`` and ``recipient`` (with country, sector and Wikidata id), ``event_loc``,
  ``date``, the ``text`` span (sentence and offsets in the cleaned text) and the
  ``source`` (article, outlet, its affiliation, URL), plus veille's own
  ``according_to`` and ``modality``.
- **ACLED** (CSV with ACLED's column names): event type and sub-event type mapped
  from PLOVER type and mode, actor1/actor2 with their ACLED actor-type codes
  (inter1/inter2) and the interaction code, location, coordinates and geo and
  time precision, fatalities, source and notes. ACLED codes political violence,
  demonstrations and strategic developments only: verbal events (CONSULT,
  ACCUSE, SUPPORT...) are not ACLED events and are left out; so are events whose
  modality is negated, hypothetical or future.
- **GeoJSON**: a FeatureCollection of the events that have a place, one Point
  feature each (longitude, latitude), with the event's fields as properties.

All three read the records ``veille extract`` writes and the store keeps.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

FORMATS = ("plover", "acled", "geojson")

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip

#: PLOVER type (and mode) to ACLED event type and sub-event type; None: not an ACLED event.
_ACLED_ASSAULT = {
    "aerial": ("Explosions/Remote violence", "Air/drone strike"),
    "drone": ("Explosions/Remote violence", "Air/drone strike"),
    "heavy-weapons": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "explosives": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "suicide-attack": ("Explosions/Remote violence", "Suicide bomb"),
}
_ACLED_OTHER = {
    "PROTEST": ("Protests", "Peaceful protest"),
    "AGREE": ("Strategic developments", "Agreement"),
    "MOBILIZE": ("Strategic developments", "Headquarters or base established"),
    "RETREAT": ("Strategic developments", "Non-violent transfer of territory"),
    "COERCE": ("Strategic developments", "Other"),
    "SANCTION": ("Strategic developments", "Other"),
    "AID": None,
}
#: ACLED's actor-type codes by PLOVER sector (state forces at home are 1, abroad 8).
_INTER = {"GOV": 1, "MIL": 1, "COP": 1, "REB": 2, "OPP": 6, "CVL": 7, "IGO": 8, "MED": 0, "UNK": 0}
_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_PRECISION = {"city": 1, "village": 1, "district": 1, "site": 1, "river": 2, "region": 2, "country": 3}


def events(records: Iterable[Mapping[str, Any]]) -> Iterator[tuple[Mapping, Mapping]]:
    """(article record, event) for every event of every kept article."""
    for record in records:
        if record.get("rejected"):
            continue
        for event in record.get("events") or []:
            yield record, event


def _actors(record: Mapping, ids: Iterable[str]) -> list[dict[str, Any]]:
    table = {a["id"]: a for a in record.get("actors") or []}
    out = []
    for id in ids:
        actor = table.get(id, {"id": id, "name": id})
        out.append({k: actor.get(k) for k in ("id", "name", "kind", "country", "sector", "wikidata")})
    return out


def _place(record: Mapping, place: Any) -> dict[str, Any] | None:
    if isinstance(place, Mapping):
        return dict(place)
    if isinstance(place, str):
        for candidate in record.get("places") or []:
            if candidate.get("name") == place:
                return dict(candidate)
        return {"name": place}
    return None


def _source(record: Mapping) -> dict[str, Any]:
    info = record.get("outlet_info") or {}
    return {
        "doc": record.get("doc"),
        "article_id": record.get("id"),
        "url": record.get("url"),
        "outlet": record.get("outlet"),
        "outlet_country": info.get("country"),
        "affiliation": info.get("affiliation"),
        "published": record.get("published"),
        "language": record.get("language"),
    }


def to_plover(records: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    """One PLOVER-shaped object per event."""
    for record, event in events(records):
        place = _place(record, event.get("place"))
        yield {
            "id": event.get("id"),
            "event": event.get("type"),
            "mode": event.get("mode"),
            "context": [],
            "actor": _actors(record, event.get("source") or []),
            "recipient": _actors(record, event.get("target") or []),
            "event_loc": place,
            "date": event.get("date"),
            "text": {"sentence": event.get("sentence"), "start": event.get("start"), "end": event.get("end")},
            "source": _source(record),
            "according_to": event.get("according_to") or "outlet",
            "modality": event.get("modality"),
            "fatalities": event.get("fatalities"),
            "canonical": event.get("canonical"),
            "story": event.get("story"),
        }


def acled_types(event: Mapping[str, Any], record: Mapping[str, Any]) -> tuple[str, str] | None:
    """ACLED's (event_type, sub_event_type) for a PLOVER event, or None."""
    kind, mode = event.get("type"), event.get("mode")
    if kind == "ASSAULT":
        if mode in _ACLED_ASSAULT:
            return _ACLED_ASSAULT[mode]
        targets = _actors(record, event.get("target") or [])
        if targets and all(t.get("sector") == "CVL" for t in targets):
            return ("Violence against civilians", "Attack")
        return ("Battles", "Armed clash")
    if kind == "PROTEST" and mode == "riot":
        return ("Riots", "Violent demonstration")
    if kind == "COERCE" and mode == "arrest":
        return ("Strategic developments", "Arrests")
    return _ACLED_OTHER.get(kind)


def _inter(actor: Mapping[str, Any] | None, country: str | None) -> int:
    if not actor:
        return 0
    code = _INTER.get(actor.get("sector") or "UNK", 0)
    if code == 1 and country and actor.get("country") and actor["country"][:2] != country:
        alpha3 = actor["country"]
        code = 8 if not _same_country(alpha3, country) else 1
    return code


def _same_country(alpha3: str, alpha2: str) -> bool:
    import pycountry

    found = pycountry.countries.get(alpha_3=alpha3)
    return bool(found) and found.alpha_2 == alpha2


def to_acled(records: Iterable[Mapping[str, Any]]) -> tuple[str, int]:
    """The ACLED CSV text and how many events were left out (not ACLED's kind)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    skipped = 0
    for record, event in events(records):
        types = acled_types(event, record)
        if types is None or event.get("modality") not in (None, "asserted", "historical"):
            skipped += 1
            continue
        place = _place(record, event.get("place")) or {}
        country = place.get("country")
        sources = _actors(record, event.get("source") or [])
        targets = _actors(record, event.get("target") or [])
        inter1 = _inter(sources[0] if sources else None, country)
        inter2 = _inter(targets[0] if targets else None, country)
        date = event.get("date") or record.get("published") or ""
        precision = 1 if len(date) == 10 else 2 if len(date) == 7 else 3
        claim = event.get("according_to")
        notes = event.get("sentence") or ""
        if claim and claim != "outlet":
            claimant = _actors(record, [claim])[0]["name"]
            notes = f"According to {claimant}: {notes}"
        writer.writerow({
            "event_id_cnty": event.get("id"),
            "event_date": date,
            "year": date[:4],
            "time_precision": precision,
            "disorder_type": _DISORDER.get(types[0], ""),
            "event_type": types[0],
            "sub_event_type": types[1],
            "actor1": sources[0]["name"] if sources else "Unidentified Armed Group",
            "assoc_actor_1": "; ".join(a["name"] for a in sources[1:]),
            "inter1": inter1,
            "actor2": targets[0]["name"] if targets else "",
            "assoc_actor_2": "; ".join(a["name"] for a in targets[1:]),
            "inter2": inter2 if targets else "",
            "interaction": int("".join(str(c) for c in sorted((inter1, inter2)))) if targets else inter1 * 10,
            "civilian_targeting": "Civilian targeting" if inter2 == 7 else "",
            "iso": country or "",
            "region": "",
            "country": country or "",
            "admin1": place.get("admin1") or "",
            "admin2": "",
            "admin3": "",
            "location": place.get("name") or "",
            "latitude": place.get("lat") if place.get("lat") is not None else "",
            "longitude": place.get("lon") if place.get("lon") is not None else "",
            "geo_precision": _PRECISION.get(place.get("kind") or "", 3) if place else "",
            "source": record.get("outlet") or record.get("doc") or "",
            "source_scale": "",
            "notes": notes,
            "fatalities": event.get("fatalities") or 0,
            "tags": event.get("modality") or "",
            "timestamp": "",
        })  # fmt: skip
    return out.getvalue(), skipped


def to_geojson(records: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection of the events that have coordinates."""
    features = []
    for item in to_plover(records):
        place = item["event_loc"] or {}
        if place.get("lat") is None or place.get("lon") is None:
            continue
        properties = {k: v for k, v in item.items() if k != "event_loc"}
        properties["place"] = place.get("name")
        properties["place_country"] = place.get("country")
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(place["lon"]), float(place["lat"])]},
            "properties": properties,
        })  # fmt: skip
    return {"type": "FeatureCollection", "features": features}


def write(records: Iterable[Mapping[str, Any]], format: str, stream: io.TextIOBase) -> int:
    """Write ``records``' events to ``stream`` in ``format``; returns the events left out."""
    if format == "plover":
        for item in to_plover(records):
            stream.write(json.dumps(item, ensure_ascii=False) + "\n")
        return 0
    if format == "acled":
        text, skipped = to_acled(records)
        stream.write(text)
        return skipped
    if format == "geojson":
        json.dump(to_geojson(records), stream, ensure_ascii=False)
        stream.write("\n")
        return 0
    raise ValueError(f"unknown export format {format!r}; valid: {', '.join(FORMATS)}")
