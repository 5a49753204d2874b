"""Throughput and peak memory of the veille pipeline against bare spaCy on the same text.

Run by hand (not a test):

    .venv/bin/python benchmarks/throughput.py [--articles 400] [--n-process 1] [INPUT...]

INPUT defaults to the bundled sample. Its articles are repeated (with a counter
appended so each article's id differs) up to ``--articles``. Each mode runs in
its own process so its peak RSS is its own:

- ``nlp``: bare ``nlp.pipe`` of fr_core_news_md over the cleaned French texts
  (the ceiling for the pipeline's throughput);
- ``pipeline``: every veille stage, from the raw text, on the same articles
  (articles in other languages are cleaned, dated and rejected by nlp, as in a run);
- ``run``: ``veille run`` end to end: model loading, ingestion from files, the pipeline and
  writes to a SQLite store.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _articles(inputs: list[str], n: int):
    from veille.ingest import read

    base = [a for a in read(inputs) if not a.rejected]
    if not base:
        sys.exit(f"no readable article in {inputs}")
    out = []
    for i in range(n):
        a = base[i % len(base)]
        copy = type(a)(id=f"{a.id}-{i}", name=f"{i}-{a.name}", raw=a.raw + f"\n{i}", format=a.format, url=a.url, hints=dict(a.hints))
        out.append(copy)
    return out


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(mode: str, inputs: list[str], n: int, n_process: int, batch_size: int) -> dict:
    from veille.pipeline import Pipeline
    from veille.settings import Settings

    settings = Settings(n_process=n_process, batch_size=batch_size)
    articles = _articles(inputs, n)
    if mode == "nlp":
        import spacy

        # the same cleaned French texts the pipeline parses
        from veille.pipeline import STAGES

        before_nlp = STAGES[: [s.name for s in STAGES].index("nlp")]
        prep = Pipeline(settings, specs=before_nlp)
        texts = [a.text for a in prep.process(articles) if a.language == "fr" and not a.rejected]
        nlp = spacy.load("fr_core_news_md")
        started = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=64, n_process=n_process):
            pass
        seconds = time.perf_counter() - started
        words = sum(len(t.split()) for t in texts)
        return {"mode": mode, "articles": len(texts), "words": words, "seconds": seconds, "peak_mb": _peak_mb()}
    if mode == "pipeline":
        pipeline = Pipeline(settings)
        started = time.perf_counter()
        done = list(pipeline.pipe(articles))
        seconds = time.perf_counter() - started
        parsed = [a for a in done if a.doc is not None]
        words = sum(a.word_count for a in parsed)
        return {"mode": mode, "articles": len(done), "parsed": len(parsed), "words": words, "seconds": seconds, "peak_mb": _peak_mb()}
    if mode == "run":
        from veille.runner import run
        from veille.store import open_store

        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            for i, a in enumerate(articles):
                suffix = ".html" if a.format == "html" else ".txt"
                (folder / f"{i:06d}{suffix}").write_text(a.raw, encoding="utf-8")
            with open_store(str(Path(tmp) / "b.db")) as store:
                started = time.perf_counter()
                summary = run([str(folder)], store=store, settings=settings)
                seconds = time.perf_counter() - started
        return {"mode": mode, "articles": summary.read, "parsed": summary.kept, "words": summary.words, "seconds": seconds, "peak_mb": _peak_mb()}
    raise SystemExit(f"unknown mode {mode!r}: nlp, pipeline or run")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", default=[str(ROOT / "sample")])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--n-process", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--mode", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        print(json.dumps(measure(args.mode, args.inputs, args.articles, args.n_process, args.batch_size)))
        return
    rows = []
    for mode in ("nlp", "pipeline", "run"):
        command = [sys.executable, __file__, "--mode", mode, "--articles", str(args.articles), "--n-process", str(args.n_process), "--batch-size", str(args.batch_size), *args.inputs]
        result = subprocess.run(command, capture_output=True, text=True, check=True)
        rows.append(json.loads(result.stdout.strip().splitlines()[-1]))
    print(f"{args.articles} articles from {', '.join(args.inputs)}; n_process={args.n_process}")
    print(f"{'mode':<10}{'articles':>9}{'parsed':>8}{'words':>9}{'seconds':>9}{'art/s':>8}{'words/s':>9}{'peak MB':>9}")
    for r in rows:
        parsed = r.get("parsed", r["articles"])
        print(
            f"{r['mode']:<10}{r['articles']:>9}{parsed:>8}{r['words']:>9}{r['seconds']:>9.1f}"
            f"{r['articles'] / r['seconds']:>8.1f}{r['words'] / r['seconds']:>9.0f}{r['peak_mb']:>9.0f}"
        )
    nlp, pipeline = rows[0], rows[1]
    print(f"pipeline words/s as a share of bare nlp.pipe: {(pipeline['words'] / pipeline['seconds']) / (nlp['words'] / nlp['seconds']):.0%}")


if __name__ == "__main__":
    main()
