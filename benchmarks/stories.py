"""Cost of near-duplicates and story clustering on synthetic articles (no spaCy), run by hand.

    .venv/bin/python benchmarks/stories.py                       # 10k, 30k and 100k articles
    .venv/bin/python benchmarks/stories.py --sizes 100000 --store 5000

Each synthetic record has a ~150-word body drawn from a 5,000-word vocabulary (5% are
lightly edited copies of an earlier article) and three events; ~137 articles a day, in
publication order (100k articles are two years; smaller runs have the same density per
day); actors from a pool of 300, places from a pool of 200 on a map of Syria; 30% of events
told again by a later article within three weeks (same actors, place, day; another toll).
Printed: seconds per phase, articles per second, and memory: the process's peak RSS once
the synthetic records are made, and after clustering (sizes run in increasing order, so
each peak is its own). ``--store N`` also adds N articles to a SQLite store in batches of
1,000 and prints the time of each tenth batch: flat means incremental.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from veille.dedup import find_duplicates  # noqa: E402
from veille.stories import cluster, link_stories, reports, summarise  # noqa: E402

PER_DAY = 137  # articles a day: 100k articles are two years of a busy monitoring feed
TYPES = ["ASSAULT", "CONSULT", "ACCUSE", "REQUEST", "AGREE", "RETREAT", "SUPPORT", "MOBILIZE"]


def synthetic(n: int, *, seed: int = 5) -> list[dict]:
    rng = random.Random(seed)
    vocabulary = [f"mot{i}" for i in range(5000)]
    actors = [
        {
            "id": f"actor{i}",
            "name": f"Acteur {i}",
            "aliases": [f"A{i}"],
            "kind": "organization",
            "country": "SYR",
            "sector": "GOV",
        }
        for i in range(300)
    ]
    places = [
        {
            "name": f"Lieu {i}",
            "aliases": [],
            "lat": 32.5 + rng.random() * 4.5,
            "lon": 35.7 + rng.random() * 6.5,
            "country": "SY",
            "kind": "city",
        }
        for i in range(200)
    ]
    start = 17000  # days since 1970: 2016
    records: list[dict] = []
    for i in range(n):
        if records and rng.random() < 0.05:  # a lightly edited copy
            original = rng.choice(records[-2000:])
            words = original["text"].split()
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
            text = " ".join(words[: len(words) - rng.randrange(10)])
        else:
            text = " ".join(rng.choices(vocabulary, k=150))
        day = start + i // PER_DAY + rng.randrange(2)  # a feed: later articles, later days
        events, used = [], {}
        for j in range(3):
            if records and rng.random() < 0.3:  # another article's event, told again
                event = dict(rng.choice(rng.choice(records[-3000:])["events"] or [{}]) or {})
                if not event:
                    continue
                event["fatalities"] = rng.choice([None, 3, 5, 8])
            else:
                src, tgt = rng.sample(actors, 2)
                event = {
                    "type": rng.choice(TYPES),
                    "source": [src["id"]],
                    "target": [tgt["id"]],
                    "place": rng.choice(places),
                    "modality": "asserted",
                    "date": _iso(day - rng.randrange(2)),
                    "according_to": None,
                    "fatalities": None,
                    "sentence": f"phrase {i} {j} le {day}",
                }
            event["id"] = f"e{i}_{j}"
            for a in event["source"] + event["target"]:
                used[a] = actors[int(a[5:])]
            events.append(event)
        records.append(
            {
                "id": f"a{i}",
                "doc": f"doc{i}.txt",
                "published": _iso(day),
                "language": "fr",
                "outlet": f"Outlet {i % 40}",
                "outlet_info": {"affiliation": "private"},
                "text": text,
                "actors": list(used.values()),
                "places": [],
                "events": events,
            }
        )
    return records


def _iso(days: int) -> str:
    import datetime as dt

    return (dt.date(1970, 1, 1) + dt.timedelta(days=days)).isoformat()


def measure(n: int) -> dict[str, float]:
    records = synthetic(n)
    before = _rss()
    times = {}
    t = time.perf_counter()
    originals = find_duplicates(records)
    times["near-duplicates"] = time.perf_counter() - t
    t = time.perf_counter()
    items = [r for k, record in enumerate(records) for r in reports(record, order=k)]
    times["reports"] = time.perf_counter() - t
    t = time.perf_counter()
    groups = cluster(items)
    times["canonical events"] = time.perf_counter() - t
    t = time.perf_counter()
    events = [summarise(c, members) for c, members in groups.items()]
    stories = link_stories(events)
    times["summaries + stories"] = time.perf_counter() - t
    peak = _rss()
    total = sum(times.values())
    copies = sum(v is not None for v in originals.values())
    print(
        f"\n{n:,} articles, {len(items):,} reports → {copies:,} copies, "
        f"{len(groups):,} canonical events, {len(set(stories.values())):,} stories"
    )
    for phase, seconds in times.items():
        print(f"  {phase:<22} {seconds:7.1f} s")
    print(
        f"  {'total':<22} {total:7.1f} s  ({n / total:,.0f} articles/s, "
        f"{total / n * 1e6:.0f} µs per article)"
    )
    print(
        f"  peak RSS               {peak:7.0f} MB ({before:.0f} MB with the records alone, "
        f"+{peak - before:.0f} MB)"
    )
    return {"n": n, "seconds": total, "peak": peak}


def _rss() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def store_batches(n: int, batch: int = 1000) -> None:
    from veille.store import open_store

    records = sorted(synthetic(n, seed=9), key=lambda r: r["published"])  # as a feed brings them
    with tempfile.TemporaryDirectory() as folder, open_store(str(Path(folder) / "b.db")) as store:
        print(f"\nstore: {n:,} articles added in batches of {batch:,}")
        started = time.perf_counter()
        for k in range(0, n, batch):
            t = time.perf_counter()
            store.add_to_stories(records[k : k + batch])
            if (k // batch) % max(1, n // batch // 10) == 0:
                print(f"  batch {k // batch + 1:>4}: {time.perf_counter() - t:5.2f} s")
        print(f"  total {time.perf_counter() - started:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--store", type=int, default=0, help="also add this many to a store")
    args = parser.parse_args()
    results = [measure(int(n)) for n in args.sizes.split(",")]
    if len(results) > 1:
        a, b = results[0], results[-1]
        print(f"\n{b['n'] / a['n']:.0f}x the articles: {b['seconds'] / a['seconds']:.1f}x the time")
    if args.store:
        store_batches(args.store)


if __name__ == "__main__":
    main()
