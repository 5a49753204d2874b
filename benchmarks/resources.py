"""Load time and memory of the actor registry and the gazetteer (run by hand).

    .venv/bin/python benchmarks/resources.py

Prints the seconds each takes to load, with the resolvers built on them, and the
growth of the process's peak RSS. Each figure comes from a fresh interpreter, so
nothing is cached from an earlier load.
"""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, resource, time
start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
from veille.registry import load_registry
from veille.gazetteer import load_gazetteer
from veille.actors import ActorResolver
from veille.places import PlaceResolver
t1 = time.perf_counter(); registry = load_registry()
t2 = time.perf_counter(); gazetteer = load_gazetteer()
t3 = time.perf_counter(); ActorResolver(registry); PlaceResolver(gazetteer)
t4 = time.perf_counter()
print(json.dumps({
    "import_s": t1 - t0, "registry_s": t2 - t1, "gazetteer_s": t3 - t2,
    "resolvers_s": t4 - t3, "total_s": t4 - t0,
    "rss_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - start) / 1024,
    "actors": len(registry), "places": len(gazetteer),
}))
"""


def main(runs: int = 3) -> None:
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
        results.append(json.loads(out.stdout))
    first = results[0]
    print(f"registry: {first['actors']} actors; gazetteer: {first['places']} places; {runs} runs")
    for key in ("registry_s", "gazetteer_s", "resolvers_s", "total_s", "rss_mb"):
        values = sorted(r[key] for r in results)
        print(f"{key:12} min {values[0]:8.2f}  max {values[-1]:8.2f}")


if __name__ == "__main__":
    main()
