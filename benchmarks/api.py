"""Latency of the API's main filtered queries on a SQLite store of a million synthetic events.

Run by hand (not a test)::

    .venv/bin/python benchmarks/api.py                 # 1,000,000 events in /tmp
    .venv/bin/python benchmarks/api.py --events 100000 --db /tmp/small.db --runs 50

The store is made by ``open_store`` (so it has the real schema, indexes and
migrations), then the events tables are filled in bulk with sqlite3: the indexes
and the sentence search triggers are dropped, the rows inserted, the indexes
made again and the search index rebuilt. The events are synthetic: 16 PLOVER
types, a few hundred actors and places with skewed frequencies, 14 years of
dates, 40 outlets; sentences are made of a small invented vocabulary. Articles
rows are not written (no query timed here reads them).

Each query runs ``--runs`` times with parameters drawn at random (a month, an
actor, a place...) through the whole HTTP stack (FastAPI's TestClient), and the
script prints p50 and p95 in milliseconds. An existing file at ``--db`` with
the requested number of events is reused.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fastapi.testclient import TestClient

from veille.api import create_app
from veille.store import open_store

TYPES = [
    "ASSAULT", "ACCUSE", "AGREE", "AID", "COERCE", "CONSULT", "DEMAND", "MOBILIZE", "PROTEST",
    "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN", "CONCEDE",
]  # fmt: skip
MODES = {
    "ASSAULT": ["aerial", "heavy-weapons", "explosives", "firearms", None],
    "PROTEST": ["riot", None],
}
MODALITIES = ["asserted"] * 8 + ["negated", "future", "hypothetical", "historical"]
AFFILIATIONS = ["private", "public", "state-affiliated"]
COUNTRIES3 = ["SYR", "RUS", "USA", "TUR", "IRN", "FRA", "GBR", "ISR", "SAU", "QAT", "IRQ", "LBN"]
COUNTRIES2 = ["SY", "SY", "SY", "SY", "IQ", "LB", "TR", "RU", "FR", "US", "JO", "IL"]
SECTORS = ["GOV", "MIL", "REB", "OPP", "CVL", "IGO", "MED"]
KINDS = ["state", "person", "organization", "armed_group"]
WORDS = [
    "frappe",
    "convoi",
    "colline",
    "village",
    "route",
    "poste",
    "barrage",
    "quartier",
    "aube",
    "nuit",
    "hôpital",
    "marché",
    "école",
    "pont",
    "usine",
    "caserne",
    "aéroport",
    "dépôt",
    "réunion",
    "accord",
    "trêve",
    "sommet",
    "négociation",
    "sanction",
    "aide",
    "colonne",
    "blindé",
    "roquette",
    "obus",
    "drone",
    "missile",
    "tir",
    "embuscade",
    "otage",
    "réfugié",
    "camp",
    "frontière",
]


def skewed(rng: random.Random, n: int) -> int:
    """An index in range(n), small ones much likelier (about Zipf's law)."""
    return min(int(n ** rng.random()) - 1, n - 1)


def fill(path: str, count: int, *, seed: int = 7) -> None:
    """Make the store at ``path`` and bulk-load ``count`` synthetic events."""
    open_store(path).close()
    rng = random.Random(seed)
    connection = sqlite3.connect(path)
    schema = connection.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name IN ('events', 'event_actors') "
        "AND type IN ('index', 'trigger') AND sql IS NOT NULL"
    ).fetchall()
    for kind, name, _sql in schema:
        connection.execute(f"DROP {kind.upper()} {name}")
    actors = [
        (f"actor_{i}", f"Acteur {i}", KINDS[i % 4], COUNTRIES3[i % len(COUNTRIES3)], SECTORS[i % 7])
        for i in range(600)
    ]
    places = [
        (
            f"Lieu {i}",
            32 + rng.random() * 5,
            35.5 + rng.random() * 6,
            COUNTRIES2[i % len(COUNTRIES2)],
        )
        for i in range(400)
    ]
    outlets = [(f"Journal {i}", AFFILIATIONS[i % 3]) for i in range(40)]
    start = time.perf_counter()
    first_day = 734_000  # 2010-08-08 as a proleptic ordinal
    events, people = [], []
    import datetime as dt

    for key in range(1, count + 1):
        article = key // 5
        kind = TYPES[skewed(rng, len(TYPES))]
        day = dt.date.fromordinal(first_day + rng.randrange(14 * 365)).isoformat()
        place = places[skewed(rng, len(places))] if rng.random() < 0.7 else None
        outlet = outlets[article % len(outlets)]
        source, target = actors[skewed(rng, len(actors))], actors[skewed(rng, len(actors))]
        claimant = "outlet" if rng.random() < 0.6 else actors[skewed(rng, 50)][0]
        sentence = " ".join(rng.choice(WORDS) for _ in range(12)) + "."
        events.append((
            key, f"e{key:015x}", f"a{article:015x}", kind, rng.choice(MODES.get(kind, [None])), day,
            day, rng.choice(MODALITIES), claimant, None if claimant == "outlet" else claimant,
            rng.randrange(20) if kind == "ASSAULT" and rng.random() < 0.3 else None,
            *(place if place else (None, None, None, None)), sentence, 0, len(sentence), "fr",
            outlet[0], outlet[1], None, None, "bench",
        ))  # fmt: skip
        people.append((key, "source", *source))
        if rng.random() < 0.8:
            people.append((key, "target", *target))
        if len(events) >= 100_000:
            _insert(connection, events, people)
            events, people = [], []
    _insert(connection, events, people)
    loaded = time.perf_counter()
    for _kind, _name, sql in schema:
        connection.execute(sql)
    connection.execute("INSERT INTO events_search(events_search) VALUES ('rebuild')")
    connection.execute("ANALYZE")
    connection.commit()
    connection.close()
    done = time.perf_counter()
    print(f"loaded {count:,} events in {loaded - start:.1f} s, indexed in {done - loaded:.1f} s")


def _insert(connection: sqlite3.Connection, events: list, people: list) -> None:
    connection.executemany(
        "INSERT INTO events (key, id, article_id, type, mode, date, published, modality, "
        "according_to, according_to_name, fatalities, place_name, place_lat, place_lon, "
        'place_country, sentence, start, "end", language, outlet, outlet_affiliation, story, '
        "canonical, pipeline_version) VALUES (" + ", ".join("?" * 24) + ")",
        events,
    )
    connection.executemany(
        "INSERT INTO event_actors (event_key, role, actor_id, name, kind, country, sector) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        people,
    )
    connection.commit()


def month(rng: random.Random) -> dict[str, str]:
    year, number = rng.randrange(2011, 2024), rng.randrange(1, 13)
    return {"from": f"{year}-{number:02d}", "to": f"{year}-{number:02d}"}


QUERIES = {
    "latest page": lambda r: {},
    "type": lambda r: {"type": r.choice(TYPES[:8])},
    "month": month,
    "type + month": lambda r: {"type": r.choice(TYPES[:4]), **month(r)},
    "actor (id)": lambda r: {"actor": f"actor_{skewed(r, 600)}"},
    "actor (name) as target": lambda r: {"actor": f"acteur {skewed(r, 600)}", "role": "target"},
    "actor country (ISO3)": lambda r: {"country": r.choice(COUNTRIES3)},
    "place country + type": lambda r: {"country": r.choice(COUNTRIES2), "type": "ASSAULT"},
    "place name": lambda r: {"place": f"lieu {skewed(r, 400)}"},
    "bbox": lambda r: {
        "bbox": f"{36 + r.random():.2f},{33 + r.random():.2f},"
        f"{37.5 + r.random():.2f},{34.5 + r.random():.2f}"
    },
    "outlet + affiliation": lambda r: {
        "outlet": f"Journal {r.randrange(40)}",
        "affiliation": r.choice(AFFILIATIONS),
    },
    "claimant + modality": lambda r: {"claimant": f"actor_{skewed(r, 50)}", "modality": "negated"},
    "text (q)": lambda r: {"q": r.choice(WORDS)},
    "text (q) + month": lambda r: {"q": r.choice(WORDS), **month(r)},
    "deep page (offset 5000)": lambda r: {"type": "ASSAULT", "offset": 5000},
}
AGGREGATES = {
    "stats, one month": ("/api/stats", month),
    "actors, one type": ("/api/actors", lambda r: {"type": r.choice(TYPES[:8]), **month(r)}),
    "places, one month": ("/api/places", month),
}


def percentiles(times: list[float]) -> tuple[float, float]:
    times = sorted(times)
    return statistics.median(times), times[max(0, round(0.95 * len(times)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", default="/tmp/veille-bench-api.db")
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--total", action="store_true", help="Count the matches too (total=true).")
    args = parser.parse_args()
    path = Path(args.db)
    if path.exists():
        with sqlite3.connect(path) as connection:
            try:
                have = connection.execute("SELECT count(*) FROM events").fetchone()[0]
            except sqlite3.Error:
                have = -1
        if have != args.events:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
    if not path.exists():
        fill(str(path), args.events)
    rng = random.Random(11)
    with open_store(str(path)) as store:
        client = TestClient(create_app(store))
        rows = []
        jobs = [("/api/events", name, make) for name, make in QUERIES.items()]
        jobs += [(route, name, make) for name, (route, make) in AGGREGATES.items()]
        for route, name, make in jobs:
            times, sizes = [], []
            client.get(route, params=make(rng))  # warm the page cache
            for _ in range(args.runs):
                params = make(rng)
                if route == "/api/events":
                    params = {**params, "limit": 50, "total": str(args.total).lower()}
                started = time.perf_counter()
                response = client.get(route, params=params)
                times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, response.text
                body = response.json()
                sizes.append(len(body.get("events", body.get("actors", body.get("places", [])))))
            p50, p95 = percentiles(times)
            rows.append((f"{route} {name}", p50, p95, statistics.mean(sizes)))
    total = "with" if args.total else "without"
    print(f"{args.events:,} events, {args.runs} runs per query, pages of 50, {total} total counts")
    print(f"{'query':<48} {'p50 ms':>8} {'p95 ms':>8} {'rows':>6}")
    for name, p50, p95, size in rows:
        print(f"{name:<48} {p50:>8.1f} {p95:>8.1f} {size:>6.0f}")


if __name__ == "__main__":
    main()
