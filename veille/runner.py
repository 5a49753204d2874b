"""Running the pipeline over inputs: ingestion, batching, storage, progress, summary.

The stages do no I/O; this module does all of it. A run can be killed and run
again: articles already stored by the same pipeline version are skipped, and
every write is an upsert by deterministic id, so nothing is duplicated.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from . import ingest
from .model import Article
from .pipeline import PIPELINE_VERSION, Pipeline, available_fields
from .settings import Settings
from .store import Store

if TYPE_CHECKING:
    from .evaluate import Report


@dataclass
class Summary:
    """What a run did, for the closing message."""

    read: int = 0
    kept: int = 0
    skipped: int = 0
    words: int = 0
    seconds: float = 0.0
    rejected: Counter[str] = field(default_factory=Counter)

    def add(self, article: Article) -> None:
        if article.rejection:
            self.rejected[_reason_kind(article.rejection.stage, article.rejection.reason)] += 1
        else:
            self.kept += 1
            self.words += article.word_count

    def format(self) -> str:
        lines = [
            f"articles read: {self.read}",
            f"  kept: {self.kept}",
            f"  already stored (skipped): {self.skipped}",
            f"  rejected: {sum(self.rejected.values())}",
        ]
        for reason, n in self.rejected.most_common():
            lines.append(f"    {n:>5}  {reason}")
        rate = self.kept / self.seconds if self.seconds else 0.0
        lines.append(f"time: {self.seconds:.1f} s ({rate:.1f} articles/s, {self.words} words kept)")
        return "\n".join(lines)


def _reason_kind(stage: str, reason: str) -> str:
    """A rejection's reason without the parts that differ per article (paths, lines)."""
    kind = re.split(r"[:(]", reason, maxsplit=1)[0]
    kind = re.sub(r"\s\S*[/\\]\S*", "", kind)
    kind = re.sub(r"^line \d+", "line", kind)
    return f"{stage}: {kind.strip()}"


def batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def run(
    inputs: Iterable[str],
    *,
    store: Store,
    settings: Settings | None = None,
    force: bool = False,
    on_article: Callable[[Article], None] | None = None,
) -> Summary:
    """Process ``inputs`` into ``store``; ``on_article`` is called after each (progress)."""
    settings = settings or Settings()
    pipeline = Pipeline(settings)
    summary = Summary()
    started = time.perf_counter()
    articles = ingest.read(inputs, timeout=settings.timeout)
    for batch in batched(articles, settings.batch_size):
        summary.read += len(batch)
        todo = _not_stored(batch, store, force=force)
        summary.skipped += len(batch) - len(todo)
        pipeline.process(todo)
        _add_to_stories(todo, store)
        store.save(todo)
        for article in todo:
            summary.add(article)
            article.doc = None  # the spaCy Doc is not kept once stored
        if on_article:
            for article in batch:
                on_article(article)
    summary.seconds = time.perf_counter() - started
    return summary


def _add_to_stories(batch: list[Article], store: Store) -> None:
    """Compare the batch with what is stored (``veille/store/stories.py``) and set
    ``duplicate_of`` on its articles, ``canonical`` and ``story`` on their events."""
    kept = [a for a in batch if not a.rejected]
    found = store.add_to_stories([a.to_record() for a in kept])
    for article in kept:
        article.duplicate_of = found["duplicate_of"].get(article.id)
        for event in article.events:
            event.canonical = found["canonical"].get(event.id)
            event.story = found["story"].get(event.canonical) if event.canonical else None


def extract_records(
    inputs: Iterable[str], *, settings: Settings | None = None, stdin=None
) -> list[dict]:
    """Process ``inputs`` without a store into output records, in input order, with
    ``duplicate_of`` on each and ``canonical`` and ``story`` on each event (``veille.stories``)."""
    from .stories import assign

    records = [a.to_record() for a in extract(inputs, settings=settings, stdin=stdin)]
    assign(records)
    return records


def _not_stored(batch: list[Article], store: Store, *, force: bool) -> list[Article]:
    """The articles of ``batch`` to process: new ids (each once), or all with ``force``."""
    unique: dict[str, Article] = {}
    for article in batch:
        unique.setdefault(article.id, article)
    if force:
        return list(unique.values())
    stored = store.stored_versions(unique)
    return [a for i, a in unique.items() if stored.get(i) != PIPELINE_VERSION]


def extract(
    inputs: Iterable[str], *, settings: Settings | None = None, stdin=None
) -> Iterator[Article]:
    """Process ``inputs`` without a store, yielding each article in input order."""
    pipeline = Pipeline(settings)
    yield from pipeline.pipe(ingest.read(inputs, stdin=stdin, timeout=pipeline.settings.timeout))


def evaluate(
    gold_paths: Iterable[str | Path],
    *,
    texts: str | Path | None = None,
    system: Iterable[str | Path] = (),
    settings: Settings | None = None,
) -> Report:
    """Score veille against gold files: on the texts in ``texts`` (run now), or on
    ``system`` output files written earlier by ``veille extract --jsonl``."""
    from .evaluate import load_jsonl, score

    gold = load_jsonl(gold_paths)
    if system:
        return score(gold, load_jsonl(system))
    if texts is None:
        raise ValueError("give texts (a folder of the gold's articles) or system output files")
    folder = Path(texts)
    paths = [str(folder / record["doc"]) for record in gold]
    records = []
    for record, article in zip(gold, extract(paths, settings=settings), strict=True):
        article.name = record["doc"]
        records.append(article.to_record())
    return score(gold, records, available=available_fields())


def progress_bar(*, enabled: bool) -> Callable[[Article], None] | None:
    """A tqdm progress callback on standard error, or None when disabled."""
    if not enabled:
        return None
    from tqdm import tqdm

    bar = tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True)

    def update(article: Article) -> None:
        bar.update(1)

    return update
