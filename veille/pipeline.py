"""The stages, in order, and the one place where their errors are handled.

Every stage is a callable ``(article) -> article``; a stage that gains from
batching also has ``pipe(articles, *, batch_size)`` and ``accepts(article)``.
``STAGES`` lists them once, each with what it ``requires`` from earlier stages
and what it ``assigns``; :func:`check_order` verifies the list when a pipeline
is built, the way spaCy checks ``requires=``/``assigns=``.

The error policy lives here: a stage raising :class:`~veille.errors.Rejected`
stops that article with a recorded reason, always. Any other exception is a bug
or a bad input the stage did not foresee: with ``on_error="record"`` (the
default in production) the reason is recorded the same way and the run goes on;
with ``on_error="raise"`` (tests) it propagates.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from . import __version__
from .errors import ConfigError, Rejected
from .langid import LanguageIdentifier
from .model import Article, Rejection
from .outlets import OutletRegistry
from .settings import Settings
from .registry import Registry, load_registry
from .stages.actors import Actors
from .stages.places import Places
from .stages.events import Events
from .stages.clean import Clean
from .stages.extract import Extract
from .stages.language import Language
from .stages.metadata import Metadata
from .stages.nlp import NLP

log = logging.getLogger(__name__)

#: What ingestion fills on every article.
INGESTED = ("id", "name", "raw", "format", "url", "hints")

#: Bump when a stage's output changes: stored rows of an older version are redone.
PIPELINE_VERSION = f"{__version__}/4"


@dataclass(frozen=True)
class StageSpec:
    name: str
    build: Callable[[Resources], Callable[[Article], Article]]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    doc: str


class Resources:
    """The services stages share, built once on first use (models, registries)."""

    def __init__(self, settings: Settings):
        self.settings = settings

    @cached_property
    def identifier(self) -> LanguageIdentifier:
        return LanguageIdentifier(self.settings.languages)

    @cached_property
    def outlets(self) -> OutletRegistry:
        return OutletRegistry.load()

    @cached_property
    def registry(self) -> Registry:
        return load_registry()

    @cached_property
    def triggers(self):
        from .lexicon import load_triggers

        return load_triggers()

    @cached_property
    def gazetteer(self):
        from .gazetteer import load_gazetteer

        return load_gazetteer()


STAGES: tuple[StageSpec, ...] = (
    StageSpec(
        "extract",
        lambda r: Extract(),
        requires=("raw", "format"),
        assigns=("raw_text", "lines"),
        doc="HTML to text (trafilatura, htmldate); text split into lines",
    ),
    StageSpec(
        "language",
        lambda r: Language(r.identifier),
        requires=("lines",),
        assigns=("language", "lines.language"),
        doc="language of each line and of the article (lingua)",
    ),
    StageSpec(
        "clean",
        lambda r: Clean(outlets=r.outlets),
        requires=("lines", "language", "lines.language"),
        assigns=("text", "boilerplate", "title", "lines.boilerplate"),
        doc="line-level boilerplate filter; the headline",
    ),
    StageSpec(
        "metadata",
        lambda r: Metadata(outlets=r.outlets),
        requires=("lines.boilerplate", "language", "url", "hints"),
        assigns=("outlet", "published", "title"),
        doc="outlet (registry), publication date, headline from the input's metadata",
    ),
    StageSpec(
        "nlp",
        lambda r: NLP(r.settings.models, n_process=r.settings.n_process),
        requires=("text", "language"),
        assigns=("doc",),
        doc="spaCy parse per language; other languages go on unparsed (events not coded)",
    ),
    StageSpec(
        "actors",
        lambda r: Actors(r.registry),
        requires=("text", "doc", "published", "outlet"),
        assigns=("actors", "actor_mentions"),
        doc="actor mentions: registry names, offices at the article's date, collectives, NER",
    ),
    StageSpec(
        "places",
        lambda r: Places(r.gazetteer),
        requires=("text", "doc", "actors", "actor_mentions"),
        assigns=("places", "place_mentions"),
        doc="place mentions geocoded with the offline gazetteer, in the article's context",
    ),
    StageSpec(
        "events",
        lambda r: Events(r.triggers, r.registry),
        requires=("doc", "actors", "actor_mentions", "places", "place_mentions", "published"),
        assigns=("events", "quotes", "events_coded"),
        doc="quotes with their speakers; PLOVER events with claimant, modality, place, date",
    ),
)

#: Output fields of the gold format, and the attribute a stage must assign to fill each.
OUTPUT_FIELDS = {
    "language": "language",
    "outlet": "outlet",
    "title": "title",
    "published": "published",
    "boilerplate": "boilerplate",
    "actors": "actors",
    "places": "places",
    "events": "events",
    "quotes": "quotes",
}


def check_order(specs: Iterable[StageSpec]) -> None:
    """Raise ConfigError if a stage requires something no earlier stage assigns."""
    available = set(INGESTED)
    for spec in specs:
        missing = [r for r in spec.requires if r not in available]
        if missing:
            raise ConfigError(
                f"stage {spec.name!r} requires {missing}, which no earlier stage assigns "
                f"(available then: {sorted(available)})"
            )
        available.update(spec.assigns)


def available_fields(specs: Iterable[StageSpec] = STAGES) -> set[str]:
    """The output fields the pipeline fills (for ``veille eval``'s "not available")."""
    assigned = {a for spec in specs for a in spec.assigns}
    return {name for name, attribute in OUTPUT_FIELDS.items() if attribute in assigned}


class Pipeline:
    """Stages applied in order to batches of articles, with one error policy."""

    def __init__(self, settings: Settings | None = None, *, specs: Iterable[StageSpec] = STAGES):
        self.settings = settings or Settings()
        self.specs = tuple(specs)
        check_order(self.specs)
        self.resources = Resources(self.settings)
        self.stages = [(spec.name, spec.build(self.resources)) for spec in self.specs]

    def __call__(self, article: Article) -> Article:
        return self.process([article])[0]

    def pipe(self, articles: Iterable[Article]) -> Iterator[Article]:
        """Process articles in batches of ``settings.batch_size``; yields each, in order."""
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= self.settings.batch_size:
                yield from self.process(batch)
                batch = []
        if batch:
            yield from self.process(batch)

    def process(self, batch: list[Article]) -> list[Article]:
        for article in batch:
            article.pipeline_version = PIPELINE_VERSION
        for name, stage in self.stages:
            if hasattr(stage, "pipe"):
                self._apply_batched(name, stage, batch)
            else:
                for article in batch:
                    if not article.rejected:
                        self._guard(name, stage, article)
        return batch

    def _apply_batched(self, name: str, stage, batch: list[Article]) -> None:
        ready = [a for a in batch if not a.rejected and self._guard(name, stage.accepts, a)]
        try:
            for _ in stage.pipe(ready, batch_size=self.settings.batch_size):
                pass
        except Exception:
            if self.settings.on_error == "raise":
                raise
            log.warning("stage %s failed on a batch; retrying its articles one by one", name)
            for article in ready:
                self._guard(name, stage, article)

    def _guard(self, name: str, func: Callable[[Article], object], article: Article) -> bool:
        """Run ``func(article)`` under the error policy; False if the article was rejected."""
        try:
            func(article)
            return True
        except Rejected as e:
            article.rejection = Rejection(name, e.reason)
        except Exception as e:
            if self.settings.on_error == "raise":
                raise
            log.exception("stage %s failed on %s", name, article.name)
            article.rejection = Rejection(name, f"unexpected {type(e).__name__}: {e}")
        return False
