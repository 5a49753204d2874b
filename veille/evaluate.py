"""Scoring veille's output against gold annotations (``../shared/gold/GUIDELINES.md``).

Articles are paired by ``doc``. Within an article, actors, places, events and
quotes are matched one to one (maximum bipartite matching), with the rules of the
guidelines' section "A system's output, for scoring". The figures are
micro-averaged over all articles. Metrics whose fields the system does not
produce yet are reported as not available, never as zero.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError, VeilleError

PRF = (
    "boilerplate", "actors", "places", "events_type", "events_dyad", "events_full", "quotes",
)  # fmt: skip
ACCURACY = (
    "language", "outlet", "title", "published", "geocoding_25km", "geocoding_161km",
    "modality", "according_to",
)  # fmt: skip
METRICS = (
    "language", "outlet", "title", "published", "boilerplate", "actors", "places",
    "geocoding_25km", "geocoding_161km", "events_type", "events_dyad", "events_full",
    "modality", "according_to", "quotes",
)  # fmt: skip
#: The output field each metric needs.
NEEDS = {
    "language": "language", "outlet": "outlet", "title": "title", "published": "published",
    "boilerplate": "boilerplate", "actors": "actors", "places": "places",
    "geocoding_25km": "places", "geocoding_161km": "places", "events_type": "events",
    "events_dyad": "events", "events_full": "events", "modality": "events",
    "according_to": "events", "quotes": "quotes",
}  # fmt: skip


@dataclass
class Figure:
    name: str
    kind: str  # prf | accuracy
    available: bool = True
    tp: int = 0
    fp: int = 0
    fn: int = 0
    correct: int = 0
    total: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else (1.0 if not self.fp else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    @property
    def value(self) -> float | None:
        if not self.available:
            return None
        return self.f1 if self.kind == "prf" else self.accuracy

    def to_dict(self) -> dict[str, Any]:
        if not self.available:
            return {"available": False}
        if self.kind == "prf":
            return {
                "available": True, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn,
            }  # fmt: skip
        accuracy = self.accuracy
        return {
            "available": True, "accuracy": None if accuracy is None else round(accuracy, 4),
            "correct": self.correct, "total": self.total,
        }  # fmt: skip


@dataclass
class Report:
    articles: int = 0
    figures: dict[str, Figure] = field(default_factory=dict)

    def value(self, metric: str) -> float | None:
        return self.figures[metric].value

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.articles, **{n: f.to_dict() for n, f in self.figures.items()}}

    def format(self) -> str:
        lines = [f"{'metric':<17}{'P':>7}{'R':>7}{'F1/acc':>8}   counts", "-" * 60]
        for name, f in self.figures.items():
            if not f.available:
                lines.append(f"{name:<17}{'n/a':>7}{'n/a':>7}{'n/a':>8}   (stage not available yet)")
            elif f.kind == "prf":
                lines.append(
                    f"{name:<17}{f.precision:>7.3f}{f.recall:>7.3f}{f.f1:>8.3f}   tp={f.tp} fp={f.fp} fn={f.fn}"
                )
            else:
                acc = "n/a" if f.accuracy is None else f"{f.accuracy:.3f}"
                lines.append(f"{name:<17}{'':>7}{'':>7}{acc:>8}   {f.correct}/{f.total}")
        lines.append(f"articles: {self.articles}")
        return "\n".join(lines)


def load_jsonl(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    records = []
    for path in paths:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise InputError(f"no such file: {path}") from None
        except OSError as e:
            raise InputError(f"cannot read {path}: {e}") from None
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{path}:{number}: invalid JSON: {e}") from None
            if not isinstance(record, dict) or "doc" not in record:
                raise InputError(f"{path}:{number}: expected an object with a 'doc' field")
            records.append(record)
    return records


def normalise(name: str | None) -> str:
    """Case, accents, punctuation, apostrophes, hyphens and spaces ignored."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _squash(text: str | None) -> str:
    """For anchors: spaces collapsed, typographic quotes straightened, lower case."""
    text = (text or "").translate(str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "\u00a0": " "}))
    return " ".join(text.split()).lower()


def _names(entity: Mapping[str, Any]) -> set[str]:
    names = {normalise(entity.get("name"))} | {normalise(a) for a in entity.get("aliases") or []}
    return {n for n in names if n}


def actors_match(a: Mapping[str, Any] | None, b: Mapping[str, Any] | None) -> bool:
    if not a or not b:
        return False
    if _names(a) & _names(b):
        return True
    return a.get("kind") == b.get("kind") == "state" and bool(a.get("country")) and a.get("country") == b.get("country")


def match(gold: list, system: list, fits: Callable[[Any, Any], bool]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching (augmenting paths): pairs (gold index, system index)."""
    edges = [[j for j, s in enumerate(system) if fits(g, s)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def _haversine_km(a: Mapping[str, Any], b: Mapping[str, Any]) -> float | None:
    try:
        lat1, lon1, lat2, lon2 = (math.radians(float(v)) for v in (a["lat"], a["lon"], b["lat"], b["lon"]))
    except (KeyError, TypeError, ValueError):
        return None
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _base(doc: str) -> str:
    return re.sub(r"\.[A-Za-z0-9]{1,5}$", "", doc)


def score(
    gold: list[dict[str, Any]], system: list[dict[str, Any]], *, available: Collection[str] | None = None
) -> Report:
    by_doc: dict[str, dict[str, Any]] = {}
    for record in system:
        by_doc.setdefault(record["doc"], record)
        by_doc.setdefault(_base(record["doc"]), record)
    report = Report(articles=len(gold))
    for name in METRICS:
        kind = "prf" if name in PRF else "accuracy"
        report.figures[name] = Figure(name, kind, available=available is None or NEEDS[name] in available)
    f = report.figures
    for g in gold:
        s = by_doc.get(g["doc"]) or by_doc.get(_base(g["doc"])) or {}
        _metadata(g, s, f)
        _boilerplate(g, s, f["boilerplate"])
        _prf(f["actors"], g.get("actors") or [], s.get("actors") or [], actors_match)
        _places(g, s, f)
        _events(g, s, f)
        _quotes(g, s, f["quotes"])
    return report


def _prf(figure: Figure, gold: list, system: list, fits: Callable[[Any, Any], bool]) -> list[tuple[int, int]]:
    pairs = match(gold, system, fits)
    figure.tp += len(pairs)
    figure.fp += len(system) - len(pairs)
    figure.fn += len(gold) - len(pairs)
    return pairs


def _metadata(g: dict, s: dict, f: dict[str, Figure]) -> None:
    for name, same in (
        ("language", lambda a, b: a == b),
        ("outlet", lambda a, b: normalise(a) == normalise(b)),
        ("title", lambda a, b: normalise(a) == normalise(b)),
        ("published", lambda a, b: (a or None) == (b or None)),
    ):
        f[name].total += 1
        f[name].correct += bool(same(g.get(name), s.get(name)))


def _boilerplate(g: dict, s: dict, figure: Figure) -> None:
    gold = Counter(line.strip() for line in g.get("boilerplate") or [])
    system = Counter(line.strip() for line in s.get("boilerplate") or [])
    tp = sum((gold & system).values())
    figure.tp += tp
    figure.fp += sum(system.values()) - tp
    figure.fn += sum(gold.values()) - tp


def _places(g: dict, s: dict, f: dict[str, Figure]) -> None:
    gold, system = g.get("places") or [], s.get("places") or []
    pairs = _prf(f["places"], gold, system, lambda a, b: bool(_names(a) & _names(b)))
    for i, j in pairs:
        km = _haversine_km(gold[i], system[j])
        if km is None:
            continue
        for name, limit in (("geocoding_25km", 25), ("geocoding_161km", 161)):
            f[name].total += 1
            f[name].correct += km <= limit


def _events(g: dict, s: dict, f: dict[str, Figure]) -> None:
    gold_actors = {a["id"]: a for a in g.get("actors") or []}
    sys_actors = {a["id"]: a for a in s.get("actors") or []}
    gold_places = {p["name"]: p for p in g.get("places") or []}

    def resolve(ids: Iterable[str], table: dict) -> list[dict]:
        return [table[i] for i in ids or [] if i in table]

    def dyad(ge: dict, se: dict) -> bool:
        if ge.get("type") != se.get("type"):
            return False
        g_src, g_tgt = resolve(ge.get("source"), gold_actors), resolve(ge.get("target"), gold_actors)
        s_src, s_tgt = resolve(se.get("source"), sys_actors), resolve(se.get("target"), sys_actors)
        if ge.get("type") == "CONSULT":
            s_src = s_tgt = s_src + s_tgt
        if not any(actors_match(a, b) for a in g_src for b in s_src):
            return False
        return not ge.get("target") or any(actors_match(a, b) for a in g_tgt for b in s_tgt)

    def full(ge: dict, se: dict) -> bool:
        return dyad(ge, se) and _same_place(ge, se, gold_places) and _same_date(ge.get("date"), se.get("date"))

    def typed(ge: dict, se: dict) -> bool:
        return ge.get("type") == se.get("type") and _squash(ge.get("anchor")) in _squash(se.get("sentence"))

    historical = [e for e in g.get("events") or [] if e.get("modality") == "historical"]
    gold = [e for e in g.get("events") or [] if e.get("modality") != "historical"]
    system = [e for e in s.get("events") or [] if e.get("modality") != "historical"]
    # a system event that codes an (unscored) historical gold event is neither right nor wrong
    taken = {j for _i, j in match(historical, system, dyad)}
    system = [e for j, e in enumerate(system) if j not in taken]
    pairs = _prf(f["events_dyad"], gold, system, dyad)
    _prf(f["events_type"], gold, system, typed)
    _prf(f["events_full"], gold, system, full)
    for i, j in pairs:
        ge, se = gold[i], system[j]
        f["modality"].total += 1
        f["modality"].correct += ge.get("modality") == se.get("modality")
        f["according_to"].total += 1
        f["according_to"].correct += _same_claimant(ge, se, gold_actors, sys_actors)


def _same_place(ge: dict, se: dict, gold_places: dict[str, dict]) -> bool:
    if not ge.get("place"):
        return True
    place = se.get("place")
    if not place:
        return False
    sp = place if isinstance(place, dict) else {"name": place}
    gp = gold_places.get(ge["place"], {"name": ge["place"]})
    if _names(gp) & _names(sp):
        return True
    km = _haversine_km(gp, sp)
    return km is not None and km <= 50


def _same_date(gold: str | None, system: str | None) -> bool:
    if not gold:
        return True
    return bool(system) and str(system)[: len(gold)] == gold


def _same_claimant(ge: dict, se: dict, gold_actors: dict, sys_actors: dict) -> bool:
    g, s = ge.get("according_to") or "outlet", se.get("according_to") or "outlet"
    if g == "outlet" or s == "outlet":
        return g == s
    return actors_match(gold_actors.get(g), sys_actors.get(s))


def _quotes(g: dict, s: dict, figure: Figure) -> None:
    gold_actors = {a["id"]: a for a in g.get("actors") or []}
    sys_actors = {a["id"]: a for a in s.get("actors") or []}

    def fits(gq: dict, sq: dict) -> bool:
        return actors_match(gold_actors.get(gq.get("speaker")), sys_actors.get(sq.get("speaker"))) and (
            _squash(gq.get("anchor")) in _squash(sq.get("text"))
        )

    _prf(figure, g.get("quotes") or [], s.get("quotes") or [], fits)


def check_floors(report: Report, floors: Mapping[str, float]) -> list[str]:
    """One message per metric below its floor (a floor on an n/a metric fails too)."""
    failures = []
    for name, floor in floors.items():
        if name not in report.figures:
            raise VeilleError(f"unknown metric {name!r}; valid metrics: {', '.join(METRICS)}")
        value = report.value(name)
        if value is None:
            failures.append(f"{name} is not available (floor {floor})")
        elif value < floor:
            failures.append(f"{name} {value:.3f} < floor {floor}")
    return failures
