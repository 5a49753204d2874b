"""Scoring veille's output against gold annotations (``../shared/gold/GUIDELINES.md``).

The rules are those of the guidelines' section "A system's output, for scoring".
Articles are paired by ``doc`` (exactly, else by base name without extension); a
gold article the system did not output is scored as an empty one. Within an
article, actors, places, events and quotes are matched one to one by a maximum
bipartite matching, and every figure is micro-averaged over all articles.
Metrics whose fields the system does not produce are reported as not available
(n/a), never as zero.

    report = score(load_jsonl(["gold.jsonl"]), load_jsonl(["system.jsonl"]))
    print(report.format())
    failures = check_floors(report, {"boilerplate": 0.9})
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from .errors import InputError, VeilleError

#: The output fields a system may produce (``available=`` of :func:`score`).
FIELDS = (
    "language", "outlet", "title", "published", "boilerplate",
    "actors", "places", "events", "quotes",
)  # fmt: skip
#: Every metric, in report order, with the output field it needs.
NEEDS = {
    "language": "language", "outlet": "outlet", "title": "title", "published": "published",
    "boilerplate": "boilerplate", "actors": "actors", "places": "places",
    "geocoding_25km": "places", "geocoding_161km": "places", "events_type": "events",
    "events_dyad": "events", "events_full": "events", "modality": "events",
    "according_to": "events", "quotes": "quotes",
}  # fmt: skip
METRICS: tuple[str, ...] = tuple(NEEDS)
PRF = ("boilerplate", "actors", "places", "events_type", "events_dyad", "events_full", "quotes")

PLACE_KM = 50.0  # an event's place within this distance of the gold place is right
GEOCODING_KM = {"geocoding_25km": 25.0, "geocoding_161km": 161.0}
_KEEP = {"Lu", "Ll", "Lt", "Lo", "Nd", "Nl", "No"}  # letters (not modifier letters: ʼ) and digits
_STRAIGHT = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "‟": '"'}
)


@dataclass
class Figure:
    """One metric: its counts and the figures computed from them."""

    name: str
    kind: str  # "prf" (tp, fp, fn) or "accuracy" (correct, total)
    available: bool = True  # False when the system does not produce the field
    annotated: bool = True  # False when no gold record annotates the field
    tp: int = 0
    fp: int = 0
    fn: int = 0
    correct: int = 0
    total: int = 0

    @property
    def precision(self) -> float | None:
        if not self.available:
            return None
        found = self.tp + self.fp
        return self.tp / found if found else (0.0 if self.fn else 1.0)

    @property
    def recall(self) -> float | None:
        if not self.available:
            return None
        expected = self.tp + self.fn
        return self.tp / expected if expected else (0.0 if self.fp else 1.0)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float | None:
        """None when n/a: the field is not produced, or there was nothing to judge."""
        return self.correct / self.total if self.available and self.total else None

    @property
    def value(self) -> float | None:
        """The headline number: F1 or accuracy; None when n/a."""
        if not self.annotated:
            return None
        return self.f1 if self.kind == "prf" else self.accuracy

    @property
    def why_na(self) -> str | None:
        if not self.available:
            return f"the system does not produce {NEEDS[self.name]!r}"
        if not self.annotated:
            return f"the gold does not annotate {NEEDS[self.name]!r}"
        if self.kind == "accuracy" and not self.total:
            return "nothing to judge"
        return None

    def to_dict(self) -> dict[str, Any]:
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 4)

        counts = self.available or None  # counts of an unavailable field mean nothing
        if self.kind == "prf":
            return {
                "kind": "prf", "available": self.available, "precision": r(self.precision),
                "recall": r(self.recall), "f1": r(self.f1), "tp": counts and self.tp,
                "fp": counts and self.fp, "fn": counts and self.fn,
            }  # fmt: skip
        return {
            "kind": "accuracy", "available": self.available, "accuracy": r(self.accuracy),
            "correct": counts and self.correct, "total": counts and self.total,
        }  # fmt: skip


@dataclass
class Report:
    """Every metric's :class:`Figure`, in :data:`METRICS` order."""

    articles: int = 0
    figures: dict[str, Figure] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # gold docs with no system output

    def figure(self, metric: str) -> Figure:
        try:
            return self.figures[metric]
        except KeyError:
            raise VeilleError(
                f"unknown metric {metric!r}; valid metrics: {', '.join(METRICS)}"
            ) from None

    def value(self, metric: str) -> float | None:
        return self.figure(metric).value

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles, "missing": list(self.missing),
            **{name: f.to_dict() for name, f in self.figures.items()},
        }  # fmt: skip

    def format(self) -> str:
        """A plain-text table, one line per metric."""
        lines = [f"{'metric':<17}{'P':>7}{'R':>7}{'F1/acc':>8}   counts", "-" * 62]
        for name, f in self.figures.items():
            if f.value is None:
                pr = "n/a" if f.kind == "prf" else ""
                lines.append(f"{name:<17}{pr:>7}{pr:>7}{'n/a':>8}   ({f.why_na})")
            elif f.kind == "prf":
                prf = f"{f.precision:>7.3f}{f.recall:>7.3f}{f.f1:>8.3f}"
                lines.append(f"{name:<17}{prf}   tp={f.tp} fp={f.fp} fn={f.fn}")
            else:
                lines.append(f"{name:<17}{'':>7}{'':>7}{f.accuracy:>8.3f}   {f.correct}/{f.total}")
        lines.append(f"articles: {self.articles}")
        if self.missing:
            lines.append(f"no system output for {len(self.missing)}: {', '.join(self.missing)}")
        return "\n".join(lines)


def load_jsonl(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    """The JSON objects of gold or system files, one per non-blank line."""
    records = []
    for path in map(Path, paths):
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise InputError(f"no such file: {path}") from None
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(f"cannot read {path}: {e}") from None
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{path}:{number}: invalid JSON: {e}") from None
            if not isinstance(record, dict) or not isinstance(record.get("doc"), str):
                raise InputError(f"{path}:{number}: expected an object with a 'doc' string")
            records.append(record)
    return records


def normalise(name: str | None) -> str:
    """A name with case, accents, punctuation, apostrophes, hyphens and spaces ignored."""
    text = unicodedata.normalize("NFKD", (name or "").casefold())
    return "".join(ch for ch in text if unicodedata.category(ch) in _KEEP)


def _flat(text: str | None) -> str:
    """For anchors: whitespace collapsed, curly quotes straightened, case ignored."""
    text = unicodedata.normalize("NFKC", text or "").translate(_STRAIGHT)
    return " ".join(text.split()).casefold()


def _contains(text: str | None, anchor: str | None) -> bool:
    anchor = _flat(anchor)
    return bool(anchor) and anchor in _flat(text)


def _names(entity: Mapping[str, Any]) -> set[str]:
    names = {normalise(entity.get("name"))} | {
        normalise(a) for a in entity.get("aliases") or [] if isinstance(a, str)
    }
    return names - {""}


def actors_match(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> bool:
    """A shared normalised name or alias, or two states of the same country."""
    if not a or not b:
        return False
    if _names(a) & _names(b):
        return True
    country_a, country_b = (str(x.get("country") or "").upper() for x in (a, b))
    return a.get("kind") == b.get("kind") == "state" and bool(country_a) and country_a == country_b


def places_match(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """A shared normalised name or alias."""
    return bool(_names(a) & _names(b))


def match(
    gold: Sequence, system: Sequence, fits: Callable[[Any, Any], bool]
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching, as sorted (gold index, system index) pairs.

    Augmenting paths, gold items taken in order: an item once matched stays
    matched, so the first items' matching is maximum before later ones join.
    """
    edges = [[j for j, s in enumerate(system) if fits(g, s)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def distance_km(a: Mapping[str, Any], b: Mapping[str, Any]) -> float | None:
    """Haversine distance between two objects with ``lat``/``lon``; None without both."""
    try:
        lat1, lon1, lat2, lon2 = (
            math.radians(float(v)) for v in (a["lat"], a["lon"], b["lat"], b["lon"])
        )
    except (KeyError, TypeError, ValueError):
        return None
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _stem(doc: str) -> str:
    name = PurePath(doc.replace("\\", "/")).name
    return name.rsplit(".", 1)[0] if "." in name.strip(".") else name


def score(
    gold: list[dict[str, Any]],
    system: list[dict[str, Any]],
    *,
    available: Collection[str] | None = None,
) -> Report:
    """Score ``system`` records against ``gold`` records (both in the guidelines' shape).

    ``available`` names the fields the system produces (see :data:`FIELDS`);
    None means all of them. The others' metrics are n/a.
    """
    if isinstance(available, str):
        available = [available]
    if available is not None and not set(available) <= set(FIELDS):
        unknown = sorted(set(available) - set(FIELDS))
        raise VeilleError(
            f"unknown output field(s) {', '.join(map(repr, unknown))}; "
            f"valid fields: {', '.join(FIELDS)}"
        )
    exact: dict[str, dict[str, Any]] = {}
    by_stem: dict[str, dict[str, Any]] = {}
    for record in system:
        if isinstance(record.get("doc"), str):
            exact.setdefault(record["doc"], record)
            by_stem.setdefault(_stem(record["doc"]), record)
    f = {name: Figure(name, "prf" if name in PRF else "accuracy") for name in METRICS}
    for figure in f.values():
        figure.available = available is None or NEEDS[figure.name] in available
    for figure in f.values():
        field = NEEDS[figure.name]
        figure.annotated = field in ("language", "outlet", "title", "published") or any(
            field in g for g in gold
        )
    report = Report(articles=len(gold), figures=f)
    for number, g in enumerate(gold, start=1):
        if not isinstance(g.get("doc"), str):
            raise InputError(f"gold record {number} has no 'doc' string")
        s = exact.get(g["doc"]) or by_stem.get(_stem(g["doc"]))
        if s is None:
            report.missing.append(g["doc"])
            s = {}
        _metadata(g, s, f)
        if "boilerplate" in g:
            _boilerplate(g, s, f["boilerplate"])
        if "actors" in g:
            _count(f["actors"], g["actors"] or [], s.get("actors") or [], actors_match)
        if "places" in g:
            _places(g, s, f)
        if "events" in g:
            _events(g, s, f)
        if "quotes" in g:
            _quotes(g, s, f["quotes"])
    return report


def _count(
    figure: Figure, gold: Sequence, system: Sequence, fits: Callable[[Any, Any], bool]
) -> list[tuple[int, int]]:
    pairs = match(gold, system, fits)
    figure.tp += len(pairs)
    figure.fp += len(system) - len(pairs)
    figure.fn += len(gold) - len(pairs)
    return pairs


def _same_name(a: str | None, b: str | None) -> bool:
    # null, "" and a name of punctuation alone are all "no name"
    return normalise(a) == normalise(b)


def _metadata(g: dict, s: dict, f: dict[str, Figure]) -> None:
    for name, same in (
        ("language", lambda a, b: (a or None) == (b or None)),
        ("outlet", _same_name),
        ("title", _same_name),
        ("published", lambda a, b: (a or None) == (b or None)),
    ):
        if name in g:  # a gold file may leave a field out: not annotated, not scored
            f[name].total += 1
            f[name].correct += bool(same(g[name], s.get(name)))


def _boilerplate(g: dict, s: dict, figure: Figure) -> None:
    def lines(record: dict) -> Counter[str]:
        return Counter(line.strip() for line in record.get("boilerplate") or [] if line.strip())

    gold, system = lines(g), lines(s)
    tp = sum((gold & system).values())
    figure.tp += tp
    figure.fp += sum(system.values()) - tp
    figure.fn += sum(gold.values()) - tp


def _places(g: dict, s: dict, f: dict[str, Figure]) -> None:
    gold, system = g["places"] or [], s.get("places") or []
    for i, j in _count(f["places"], gold, system, places_match):
        km = distance_km(gold[i], system[j])
        if km is not None:
            for name, limit in GEOCODING_KM.items():
                f[name].total += 1
                f[name].correct += km <= limit


class _Article:
    """One gold/system pair, with ids resolved to actor and place objects."""

    def __init__(self, g: dict, s: dict):
        self.gold_actors = {a.get("id"): a for a in g.get("actors") or []}
        self.sys_actors = {a.get("id"): a for a in s.get("actors") or []}
        self.gold_places = g.get("places") or []
        self.sys_places = s.get("places") or []

    @staticmethod
    def _resolve(ids: Any, table: dict) -> list[dict]:
        ids = [ids] if isinstance(ids, str) else ids or []
        return [table[i] for i in ids if isinstance(i, str) and i in table]  # unknown: nothing

    def dyad(self, ge: dict, se: dict) -> bool:
        if ge.get("type") != se.get("type"):
            return False
        g_src = self._resolve(ge.get("source"), self.gold_actors)
        g_tgt = self._resolve(ge.get("target"), self.gold_actors)
        s_src = self._resolve(se.get("source"), self.sys_actors)
        s_tgt = self._resolve(se.get("target"), self.sys_actors)
        if ge.get("type") == "CONSULT":  # no direction: a meeting of A and B either way round
            s_src = s_tgt = s_src + s_tgt
        if not any(actors_match(a, b) for a in g_src for b in s_src):
            return False
        return not ge.get("target") or any(actors_match(a, b) for a in g_tgt for b in s_tgt)

    def typed(self, ge: dict, se: dict) -> bool:
        sentence = se.get("sentence") or se.get("anchor")
        return ge.get("type") == se.get("type") and _contains(sentence, ge.get("anchor"))

    def full(self, ge: dict, se: dict) -> bool:
        return (
            self.dyad(ge, se)
            and self.same_place(ge.get("place"), se.get("place"))
            and _same_date(ge.get("date"), se.get("date"))
        )

    def same_place(self, gold: str | None, system: Any) -> bool:
        if not gold:
            return True  # the gold fixes no place: any is fine
        if not system:
            return False
        gp = self._place(gold, self.gold_places)
        sp = system if isinstance(system, Mapping) else self._place(str(system), self.sys_places)
        if places_match(gp, sp):
            return True
        km = distance_km(gp, sp)
        return km is not None and km <= PLACE_KM

    @staticmethod
    def _place(name: str, places: list[dict]) -> Mapping[str, Any]:
        """The place object an event's place name refers to (for its aliases and coordinates)."""
        for place in places:
            if place.get("name") == name:
                return place
        key = normalise(name)
        for place in places:
            if key and key in _names(place):
                return place
        return {"name": name}

    def same_claimant(self, ge: dict, se: dict) -> bool:
        g, s = ge.get("according_to") or "outlet", se.get("according_to") or "outlet"
        if g == "outlet" or s == "outlet":
            return g == s
        return actors_match(self.gold_actors.get(g), self.sys_actors.get(s))


def _events(g: dict, s: dict, f: dict[str, Figure]) -> None:
    pair = _Article(g, s)
    gold_events = [e for e in g["events"] or [] if e.get("modality") != "historical"]
    historical = [e for e in g["events"] or [] if e.get("modality") == "historical"]
    system = [e for e in s.get("events") or [] if e.get("modality") != "historical"]

    def background(ge: dict, se: dict) -> bool:
        return pair.dyad(ge, se) or pair.typed(ge, se)

    # Scored gold events first, then historical ones: a system event that codes a
    # historical gold event (and is not needed by a scored one) is neither tp nor fp.
    metrics = (("events_dyad", pair.dyad), ("events_type", pair.typed), ("events_full", pair.full))
    for name, fits in metrics:
        rows = [(e, fits) for e in gold_events] + [(e, background) for e in historical]
        pairs = match(rows, system, lambda row, se: row[1](row[0], se))
        scored = [(i, j) for i, j in pairs if i < len(gold_events)]
        figure = f[name]
        figure.tp += len(scored)
        figure.fp += len(system) - len(pairs)
        figure.fn += len(gold_events) - len(scored)
        if name == "events_dyad":
            for i, j in scored:
                ge, se = gold_events[i], system[j]
                f["modality"].total += 1
                f["modality"].correct += ge.get("modality") == se.get("modality")
                f["according_to"].total += 1
                f["according_to"].correct += pair.same_claimant(ge, se)


def _same_date(gold: str | None, system: Any) -> bool:
    """Equal at the gold's precision: gold 2016-12 takes 2016-12-18, gold 2016-12-18 needs it."""
    if not gold:
        return True
    return str(system or "")[: len(gold)] == gold


def _quotes(g: dict, s: dict, figure: Figure) -> None:
    pair = _Article(g, s)

    def fits(gq: dict, sq: dict) -> bool:
        speakers = pair.gold_actors.get(gq.get("speaker")), pair.sys_actors.get(sq.get("speaker"))
        text = sq.get("text") or sq.get("anchor")
        return actors_match(*speakers) and _contains(text, gq.get("anchor"))

    _count(figure, g["quotes"] or [], s.get("quotes") or [], fits)


def check_floors(report: Report, floors: Mapping[str, float]) -> list[str]:
    """One readable message per metric below its floor; a floor on an n/a metric fails too."""
    failures = []
    for name, floor in floors.items():
        figure = report.figure(name)
        if isinstance(floor, bool) or not isinstance(floor, int | float) or not 0 <= floor <= 1:
            raise VeilleError(f"floor for {name} must be a number from 0 to 1, got {floor!r}")
        label = "f1" if figure.kind == "prf" else "accuracy"
        value = figure.value
        if value is None:
            failures.append(f"{name} {label} n/a ({figure.why_na}), floor {_show(floor)}")
        elif value < floor:
            failures.append(f"{name} {label} {_show(value, below=floor)} < floor {_show(floor)}")
    return failures


def _show(x: float, *, below: float | None = None) -> str:
    """Two decimals, or as many more as it takes to show ``x`` exactly or below ``below``."""
    for digits in range(2, 9):
        text = f"{x:.{digits}f}"
        if (float(text) < below) if below is not None else float(text) == x:
            return text
    return repr(x)
