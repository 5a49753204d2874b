"""The actor registry: states, people with their offices, organisations, armed groups.

Two versioned files in ``veille/resources/`` feed it:

- ``states.csv``, generated from pycountry by ``scripts/build_states.py``: every UN
  member state with its French, English, Arabic and Russian names, its capital
  (a press metonym for its government) and its French demonyms, which let
  "le président russe" find Russia;
- ``actors.csv``, written by hand as facts: people with the office they held and
  its dates, ministries, armies, armed groups, international bodies, outlets, and
  extra aliases for the states.

Names are looked up by :func:`~veille.textnorm.name_key` (case, accents, hyphens
and apostrophes ignored) and, for people, by
:func:`~veille.textnorm.name_skeleton` as well (Chamkhani = Shamkhani).

    registry = load_registry()
    registry.lookup("Sergueï Lavrov")[0].id            # 'lavrov'
    registry.holder("head_of_state", "RUS", date(2016, 12, 18)).name
    registry.demonym("iraniennes")                     # 'IRN'
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from .errors import ConfigError
from .model import Actor
from .textnorm import fold, name_key, name_skeleton

KINDS = ("person", "organization", "state", "armed_group")
SECTORS = (
    "GOV", "MIL", "REB", "IGO", "MED", "CVL", "OPP", "UNK",
    "BUS", "CRM", "JUD", "LEG", "PTY", "REL", "NGO", "SPY", "COP", "EDU", "HLH", "LAB",
)  # fmt: skip

_LATIN = re.compile(r"^[\x00-\u024f\u1e00-\u1eff'’«» .\-]+$")


@dataclass(frozen=True)
class Office:
    role: str
    country: str | None
    start: dt.date | None
    end: dt.date | None

    def held_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Entity:
    """One actor of the registry."""

    id: str
    name: str
    kind: str
    country: str | None = None  # ISO3
    sector: str | None = None
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()
    parent: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def to_actor(self, *, id: str | None = None, seen: Iterable[str] = ()) -> Actor:
        """The output actor: the article's own spellings first, then the Latin-script aliases."""
        aliases = list(_unique([*seen, *(a for a in self.aliases if _LATIN.match(a))], skip=self.name))
        return Actor(
            id=id or self.id,
            name=self.name,
            aliases=aliases,
            kind=self.kind,
            country=self.country,
            sector=self.sector,
            wikidata=self.wikidata,
        )


@dataclass
class Registry:
    entities: dict[str, Entity]
    _by_key: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _by_skeleton: dict[str, list[str]] = field(default_factory=dict, repr=False)
    _demonyms: dict[str, str] = field(default_factory=dict, repr=False)
    _states: dict[str, str] = field(default_factory=dict, repr=False)
    _holders: dict[tuple[str, str | None], list[tuple[Office, str]]] = field(
        default_factory=dict, repr=False
    )

    def __post_init__(self) -> None:
        by_key: dict[str, list[str]] = defaultdict(list)
        by_skeleton: dict[str, list[str]] = defaultdict(list)
        holders: dict[tuple[str, str | None], list[tuple[Office, str]]] = defaultdict(list)
        for entity in self.entities.values():
            for name in entity.names:
                key = name_key(name)
                if key and entity.id not in by_key[key]:
                    by_key[key].append(entity.id)
                if entity.kind == "person" and len(key) >= 5:
                    skeleton = name_skeleton(name)
                    if len(skeleton) >= 4 and entity.id not in by_skeleton[skeleton]:
                        by_skeleton[skeleton].append(entity.id)
            if entity.kind == "state" and entity.country:
                self._states.setdefault(entity.country, entity.id)
            for office in entity.offices:
                holders[(office.role, office.country)].append((office, entity.id))
        self._by_key = dict(by_key)
        self._by_skeleton = dict(by_skeleton)
        self._holders = dict(holders)

    def __len__(self) -> int:
        return len(self.entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.entities.values())

    def __getitem__(self, id: str) -> Entity:
        return self.entities[id]

    def keys(self) -> Iterator[tuple[str, list[str]]]:
        """Every look-up key with the ids it names (for building a text matcher)."""
        return iter(self._by_key.items())

    def lookup(self, name: str) -> list[Entity]:
        """Actors named ``name``: exact key first, else a person by transliteration skeleton."""
        ids = self._by_key.get(name_key(name))
        if not ids and len(name_key(name)) >= 5:
            ids = self._by_skeleton.get(name_skeleton(name))
        return [self.entities[i] for i in ids or ()]

    def state(self, country: str) -> Entity | None:
        """The state actor of an ISO3 code."""
        id = self._states.get(country.upper())
        return self.entities[id] if id else None

    def demonym(self, word: str) -> str | None:
        """The ISO3 country of a French (or English) demonym in any gender and number."""
        return self._demonyms.get(fold(word))

    def holder(self, role: str, country: str | None, day: dt.date | None) -> Entity | None:
        """Who held ``role`` in ``country`` on ``day``; without a day, only a sole holder."""
        terms = self._holders.get((role, country), [])
        if day is None:
            people = {id for _, id in terms}
            return self.entities[people.pop()] if len(people) == 1 else None
        for office, id in terms:
            if office.held_on(day):
                return self.entities[id]
        return None

    def holders(self, role: str, country: str | None) -> list[Entity]:
        """Everyone who held ``role`` in ``country``, once each."""
        ids = dict.fromkeys(id for _, id in self._holders.get((role, country), []))
        return [self.entities[id] for id in ids]


@cache
def load_registry(folder: str | None = None) -> Registry:
    """The registry from the package's resources (or ``folder``), loaded once."""
    base = Path(folder) if folder else Path(str(resources.files("veille.resources")))
    entities: dict[str, Entity] = {}
    demonyms: dict[str, str] = {}
    states = base / "states.csv"
    if states.exists():
        for row in _rows(states):
            entity = _state(row)
            entities[entity.id] = entity
            for word in _split(row.get("demonyms_fr")) + _split(row.get("demonyms_en")):
                demonyms.setdefault(fold(word), entity.country)
    for row in _rows(base / "actors.csv"):
        entity = _entity(row, base / "actors.csv")
        if entity.kind == "state" and entity.country:
            known = next(
                (e for e in entities.values() if e.kind == "state" and e.country == entity.country),
                None,
            )
            if known is not None:  # extra aliases for a generated state: merge, keep its id
                del entities[known.id]
                entity = Entity(
                    id=entity.id,
                    name=entity.name,
                    kind="state",
                    country=entity.country,
                    sector=entity.sector or "GOV",
                    wikidata=entity.wikidata or known.wikidata,
                    aliases=_unique([*entity.aliases, *known.names], skip=entity.name),
                )
        if entity.id in entities:
            raise ConfigError(f"{base / 'actors.csv'}: duplicate actor id {entity.id!r}")
        entities[entity.id] = entity
    registry = Registry(entities)
    registry._demonyms = demonyms
    return registry


def _rows(path: Path) -> Iterator[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as f:
            yield from csv.DictReader(f)
    except FileNotFoundError:
        raise ConfigError(f"actor registry file missing: {path}") from None


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _date(value: str | None, path: Path, id: str) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    for pattern, fill in ((r"^\d{4}-\d{2}-\d{2}$", ""), (r"^\d{4}-\d{2}$", "-01"), (r"^\d{4}$", "-01-01")):
        if re.match(pattern, value):
            return dt.date.fromisoformat(value + fill)
    raise ConfigError(f"{path}: actor {id!r}: date {value!r} is not YYYY[-MM[-DD]]")


def _state(row: dict[str, str]) -> Entity:
    iso3 = row["iso3"].strip().upper()
    names = [row.get(k, "") for k in ("name_en", "name_ar", "name_ru")]
    names += _split(row.get("official_names")) + _split(row.get("official_fr"))
    names += _split(row.get("official_en")) + _split(row.get("metonyms"))
    if (row.get("capital_metonym") or "").strip() in ("1", "true", "yes"):
        names += _split(row.get("capital_fr")) + _split(row.get("capital_en"))
    return Entity(
        id=f"{iso3.lower()}_gov",
        name=row["name_fr"].strip(),
        kind="state",
        country=iso3,
        sector="GOV",
        wikidata=(row.get("wikidata") or "").strip() or None,
        aliases=_unique(names, skip=row["name_fr"]),
    )


def _entity(row: dict[str, str], path: Path) -> Entity:
    id = (row.get("id") or "").strip()
    kind = (row.get("kind") or "").strip()
    if not id:
        raise ConfigError(f"{path}: a row has no id: {row}")
    if kind not in KINDS:
        raise ConfigError(f"{path}: actor {id!r}: kind {kind!r}; valid kinds: {', '.join(KINDS)}")
    sector = (row.get("sector") or "").strip() or None
    if sector and sector not in SECTORS:
        raise ConfigError(f"{path}: actor {id!r}: sector {sector!r}; valid: {', '.join(SECTORS)}")
    country = (row.get("country") or "").strip().upper() or None
    offices = []
    role = (row.get("role") or "").strip()
    if role:
        offices.append(
            Office(role, country, _date(row.get("start"), path, id), _date(row.get("end"), path, id))
        )
    for item in _split(row.get("offices")):
        parts = (item.split(":") + ["", "", "", ""])[:4]
        offices.append(
            Office(
                parts[0].strip(),
                parts[1].strip().upper() or country,
                _date(parts[2], path, id),
                _date(parts[3], path, id),
            )
        )
    return Entity(
        id=id,
        name=row["name"].strip(),
        kind=kind,
        country=country,
        sector=sector,
        wikidata=(row.get("wikidata") or "").strip() or None,
        aliases=_unique(_split(row.get("aliases")), skip=row["name"]),
        offices=tuple(offices),
        parent=(row.get("parent") or "").strip() or None,
    )


def _unique(names: Iterable[str], *, skip: str = "") -> tuple[str, ...]:
    seen = {name_key(skip)}
    out = []
    for name in names:
        name = name.strip()
        key = name_key(name)
        if key and key not in seen:
            seen.add(key)
            out.append(name)
    return tuple(out)
