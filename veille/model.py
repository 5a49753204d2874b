"""The objects that flow through veille's stages.

One :class:`Article` is created by ingestion and passed, in order, through every
stage listed in :mod:`veille.pipeline`. Each stage reads the fields it
``requires`` and fills the fields it ``assigns``; nothing is kept in parallel
lists beside it. The spaCy ``Doc`` lives on the article as ``article.doc``.

``Article.to_record()`` gives the JSON shape defined in the gold guidelines
("A system's output, for scoring"), which is also what the store keeps.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any


#: How far into the text (in characters) a headline may start.
HEADLINE_REACH = 300


@dataclass
class Rejection:
    """Why an article left the pipeline early: the stage and a readable reason."""

    stage: str
    reason: str

    def __str__(self) -> str:
        return f"{self.stage}: {self.reason}"


@dataclass
class Line:
    """One line of the input text, with where it sits and what the cleaner decided."""

    text: str
    start: int  # offset of the stripped text in Article.raw_text
    number: int  # 0-based line number in the input
    language: str | None = None
    boilerplate: str | None = None  # the rule that removed it, or None for body


@dataclass
class Outlet:
    """A publisher from the outlet registry (``resources/outlets.csv``)."""

    name: str
    country: str | None = None  # ISO 3166-1 alpha-3
    affiliation: str | None = None  # state-affiliated | public | private
    languages: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    owner: str | None = None
    source: str | None = None


@dataclass
class Actor:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    kind: str | None = None  # person | organization | state | armed_group
    country: str | None = None  # ISO3
    sector: str | None = None  # PLOVER sector code
    wikidata: str | None = None


@dataclass
class Place:
    name: str
    aliases: list[str] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO2
    kind: str | None = None
    geonames_id: int | None = None


@dataclass
class Event:
    id: str
    type: str
    sentence: str
    start: int
    end: int
    mode: str | None = None
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    place: Place | str | None = None
    date: str | None = None
    according_to: str | None = None
    modality: str = "asserted"
    fatalities: int | None = None
    #: other counts of its sentence: {"number": 20000, "noun": "individus", "text": "20 000 individus"}
    quantities: list[dict] = field(default_factory=list)
    trigger: str | None = None  # the words that coded it, as the text has them
    target_inferred: bool = False  # target taken from the context, not from the syntax
    canonical: str | None = None  # the canonical event every report of it shares (stories)
    story: str | None = None  # the story it belongs to (stories)
    abets: bool = field(default=False, repr=False, compare=False)  # goes to an armed group
    said: bool = field(default=False, repr=False, compare=False)  # its claimant said it


@dataclass
class Quote:
    speaker: str | None
    direct: bool
    text: str
    start: int
    end: int


@dataclass
class Article:
    """A news article on its way from raw input to coded events.

    ``raw`` is what ingestion read (HTML or plain text) and ``format`` says
    which. ``hints`` carries metadata the input itself gave (a JSON Lines
    ``title``, ``published`` or ``outlet``, an HTTP header's date); the
    metadata stage prefers them to what it infers from the text.
    """

    id: str
    name: str  # the name the article is reported under ("doc" in the output)
    raw: str = ""
    format: str = "text"  # text | html
    origin: str | None = None  # file path, URL or "<stdin>", for messages
    url: str | None = None
    hints: dict[str, Any] = field(default_factory=dict)

    # clean
    raw_text: str = ""  # text before line filtering (HTML extracted to text)
    lines: list[Line] = field(default_factory=list)
    text: str = ""  # the cleaned body, the text every offset refers to
    boilerplate: list[str] = field(default_factory=list)
    # language
    language: str | None = None
    language_confidence: float | None = None
    # metadata
    title: str | None = None
    outlet: Outlet | None = None
    published: dt.date | None = None
    published_from: str | None = None  # the cue that fixed the date
    # nlp
    doc: Any = None  # spacy.tokens.Doc
    # later stages
    actors: list[Actor] = field(default_factory=list)
    actor_mentions: list[Any] = field(default_factory=list)  # veille.actors.Mention
    places: list[Place] = field(default_factory=list)
    place_mentions: list[Any] = field(default_factory=list)  # veille.places.PlaceMention
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events_coded: bool | None = None  # False: a language the event coder does not cover yet
    duplicate_of: str | None = None  # the doc of the article this one copies (stories)

    rejection: Rejection | None = None
    pipeline_version: str | None = None

    @property
    def rejected(self) -> bool:
        return self.rejection is not None

    @property
    def headline_span(self) -> tuple[int, int]:
        """Where the headline sits in ``text`` when the text opens with it (within
        its first 300 characters), else (0, 0): a telegraphic restatement of what
        the body reports, where the quotes and events are counted."""
        title = (self.title or "").strip()
        at = self.text.find(title, 0, HEADLINE_REACH + len(title)) if title else -1
        return (at, at + len(title)) if at >= 0 else (0, 0)

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def to_record(self) -> dict[str, Any]:
        """The article as one JSON-ready object (the guidelines' output shape)."""
        return {
            "doc": self.name,
            "id": self.id,
            "url": self.url,
            "language": self.language,
            "outlet": self.outlet.name if self.outlet else None,
            "outlet_info": _outlet_info(self.outlet),
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "boilerplate": list(self.boilerplate),
            "text": self.text,
            "actors": [asdict(a) for a in self.actors],
            "places": [asdict(p) for p in self.places],
            "events": [_event_record(e) for e in self.events],
            "quotes": [asdict(q) for q in self.quotes],
            "events_coded": self.events_coded,
            "duplicate_of": self.duplicate_of,
            "rejected": (
                {"stage": self.rejection.stage, "reason": self.rejection.reason}
                if self.rejection
                else None
            ),
            "pipeline_version": self.pipeline_version,
        }


def _outlet_info(outlet: Outlet | None) -> dict[str, Any] | None:
    if outlet is None:
        return None
    return {
        "country": outlet.country,
        "affiliation": outlet.affiliation,
        "source": outlet.source,
    }


def _event_record(event: Event) -> dict[str, Any]:
    record = asdict(event)
    record.pop("abets", None)
    record.pop("said", None)
    if isinstance(event.place, Place):
        record["place"] = asdict(event.place)
    return record
