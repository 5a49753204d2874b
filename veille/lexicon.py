"""The event lexicons: trigger words, speech verbs and modality cues.

Three files in ``veille/resources`` (described in its README, section "Event
lexicons"):

- ``triggers.csv``: French verbs, nouns and multi-word expressions that report a
  PLOVER event, with the syntactic slots that hold its source and target;
- ``speech_verbs.csv``: verbs and expressions of saying, for quotes and claimants;
- ``cues.toml``: negation, future, hypothetical and historical cues, claimant
  markers, number words and fatality words.

Each loader validates its file and raises ``ConfigError`` naming the file, the
line and the valid choices. The bundled files are loaded once and cached; pass a
``path`` to load another file (not cached).
"""

from __future__ import annotations

import csv
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from .errors import ConfigError

TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
"""PLOVER's 16 event types, from verbal cooperation to material conflict."""

MODES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "AGREE": ("ceasefire",),
    "CONSULT": ("visit", "phone", "third-party", "multilateral"),
    "SUPPORT": (),
    "CONCEDE": ("withdraw", "ceasefire"),
    "COOPERATE": (),
    "AID": ("economic", "military", "humanitarian", "asylum"),
    "RETREAT": (
        "withdraw", "release", "return", "disarm", "ceasefire", "access", "resign",
        "surrender", "evacuation",
    ),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "allege", "investigate"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "THREATEN": ("restrict", "ban", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike-gen", "strike-lim", "strike-hun", "boycott", "obstruct"),
    "SANCTION": ("convict", "cancel", "expel", "withdraw", "sever"),
    "MOBILIZE": ("troops", "weapons", "militia", "police"),
    "COERCE": (
        "confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport",
        "withhold", "seize",
    ),
    "ASSAULT": (
        "aerial", "drone", "heavy-weapons", "firearms", "explosives", "suicide-attack",
        "targeted", "abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy",
        "primitive", "unconventional",
    ),
})
"""The modes allowed for each type: PLOVER's codebook, plus ``surrender`` and
``evacuation`` for RETREAT and ``ceasefire`` for an announced truce (AGREE)."""

POS = ("VERB", "NOUN", "MWE")

PREPOSITIONS = (
    "à", "de", "avec", "contre", "par", "sur", "entre", "auprès", "vers", "chez", "dans",
    "en", "envers", "face", "devant", "pour",
)
"""Prepositions that may name an ``obl:`` or ``nmod:`` slot (the ``case`` child)."""

VERB_SLOTS = (
    "nsubj", "nsubj:pass", "obj", "iobj", "xcomp:obj",
    *(f"obl:{p}" for p in PREPOSITIONS),
    *(f"obj-nmod:{p}" for p in PREPOSITIONS),
)
"""Slots read on a verb: its dependents (``obl:avec`` is an ``obl``/``obl:arg``/
``obl:mod``/``obl:agent`` child whose ``case`` is *avec*; ``xcomp:obj`` is the
object of its infinitive complement; ``obj-nmod:de`` a ``de`` complement of its
object, as in *confisquer les biens de X*)."""

NOUN_SLOTS = (
    "amod", "poss",
    *(f"nmod:{p}" for p in PREPOSITIONS),
    "governor-subj", "governor-obj", "governor-iobj",
    *(f"governor-obl:{p}" for p in PREPOSITIONS),
)
"""Slots read on a noun: its dependents (``amod`` a demonym adjective, ``poss`` a
possessive) or, with ``governor-``, those of the verb that governs it."""

SLOTS = VERB_SLOTS + NOUN_SLOTS

CLASSES = ("person", "place", "actor", "thing", "none")
COMPLEMENTS = ("à", "de", "que", "sur", "avec")
_FLAG_KEYS = ("reflexive", "negated", "passive")
_CLASS_KEYS = ("obj", "obl", "nmod", "subj")
_LEMMA_KEYS = ("obj-lemma", "obl-lemma", "nmod-lemma", "subj-lemma", "governor-lemma")
REQUIRE_KEYS = (*_FLAG_KEYS, *_CLASS_KEYS, "comp", *_LEMMA_KEYS)
"""Keys of a ``requires`` condition; see :class:`Condition`."""

SPEECH_KINDS = ("speech", "claim", "source-prep")
STANCES = ("neutral", "assertive", "doubtful")

_CUE_SECTIONS = (
    "negation", "future", "hypothetical", "historical", "claimant", "numbers", "fatalities",
    "verdicts",
)


@dataclass(frozen=True)
class Condition:
    """One test in a trigger's ``requires``: ``[not-]key[:value]``.

    ``reflexive``, ``negated``, ``passive`` are flags. ``obj:person`` (``obl``,
    ``nmod``, ``subj``) tests the class of that dependent: person, place, actor
    (person, organisation, state or armed group), thing or none. ``comp:à`` tests
    for a complement introduced by *à* (also *de*, *que*, *sur*, *avec*).
    ``obj-lemma:a,b`` (``obl-``, ``nmod-``, ``subj-``, ``governor-lemma``) tests
    the dependent's (or the governing verb's) lemma against a list.
    """

    key: str
    value: str | None = None
    negated: bool = False

    def __str__(self) -> str:
        text = self.key if self.value is None else f"{self.key}:{self.value}"
        return f"not-{text}" if self.negated else text


@dataclass(frozen=True)
class Trigger:
    """One row of ``triggers.csv``.

    ``requires`` is a conjunction of alternatives: every inner tuple must have at
    least one condition that holds (``a|b;c`` is ``(a or b) and c``).
    """

    lemma: str
    pos: str
    type: str
    mode: str | None
    source: tuple[str, ...]
    target: tuple[str, ...]
    requires: tuple[tuple[Condition, ...], ...] = ()
    priority: int = 0
    alt_lemmas: tuple[str, ...] = ()
    note: str = ""
    line: int = 0

    @property
    def lemmas(self) -> tuple[str, ...]:
        """The lemmas of the expression, in order (one for a single word)."""
        return tuple(self.lemma.split())

    @property
    def is_mwe(self) -> bool:
        return self.pos == "MWE"

    @property
    def keys(self) -> tuple[str, ...]:
        """The lemma and its alternatives (what spaCy may produce instead)."""
        return (self.lemma, *self.alt_lemmas)


class Triggers:
    """All triggers, indexed by lemma (single words) and by first lemma (MWEs)."""

    def __init__(self, triggers: list[Trigger]):
        self.triggers = tuple(triggers)
        by_lemma: dict[str, list[Trigger]] = {}
        by_first: dict[str, list[Trigger]] = {}
        for trigger in self.triggers:
            index = by_first if trigger.is_mwe else by_lemma
            for key in {k.split()[0] if trigger.is_mwe else k for k in trigger.keys}:
                index.setdefault(key, []).append(trigger)
        order = _by_priority
        self._by_lemma = {k: tuple(sorted(v, key=order)) for k, v in by_lemma.items()}
        self._by_first = {k: tuple(sorted(v, key=order)) for k, v in by_first.items()}

    def __len__(self) -> int:
        return len(self.triggers)

    def __iter__(self) -> Iterator[Trigger]:
        return iter(self.triggers)

    def lookup(self, lemma: str, pos: str | None = None) -> tuple[Trigger, ...]:
        """Single-word triggers for a token's ``lemma``, highest priority first.

        ``pos`` is the token's spaCy ``pos_``: a NOUN token gets NOUN triggers;
        any other (VERB, AUX, and the ADJ, ADV, PROPN that spaCy gives to
        participles and to verb forms it does not know) gets VERB triggers.
        Without ``pos``, both.
        """
        found = self._by_lemma.get(lemma, ())
        if pos is None:
            return found
        wanted = "NOUN" if pos == "NOUN" else "VERB"
        return tuple(t for t in found if t.pos == wanted)

    def starting_with(self, lemma: str) -> tuple[Trigger, ...]:
        """Multi-word triggers whose first lemma is ``lemma``, highest priority
        first (longer expressions first among equals)."""
        return self._by_first.get(lemma, ())

    def of_type(self, type: str) -> tuple[Trigger, ...]:
        return tuple(t for t in self.triggers if t.type == type)


def _by_priority(trigger: Trigger) -> tuple[int, int, int]:
    return (-trigger.priority, -len(trigger.lemmas), trigger.line)


@dataclass(frozen=True)
class SpeechVerb:
    """One row of ``speech_verbs.csv``: a way of saying (``speech``), of claiming
    (``claim``) or a preposition that names a source (``source-prep``)."""

    lemma: str
    kind: str
    stance: str
    note: str = ""
    line: int = 0

    @property
    def lemmas(self) -> tuple[str, ...]:
        return tuple(self.lemma.split())


class SpeechVerbs:
    """Speech verbs and expressions, indexed by lemma and by first lemma."""

    def __init__(self, verbs: list[SpeechVerb]):
        self.verbs = tuple(verbs)
        by_lemma: dict[str, SpeechVerb] = {}
        by_first: dict[str, list[SpeechVerb]] = {}
        for verb in self.verbs:
            if len(verb.lemmas) == 1:
                by_lemma[verb.lemma] = verb
            else:
                by_first.setdefault(verb.lemmas[0], []).append(verb)
        self._by_lemma = by_lemma
        self._by_first = {
            k: tuple(sorted(v, key=lambda s: -len(s.lemmas))) for k, v in by_first.items()
        }

    def __len__(self) -> int:
        return len(self.verbs)

    def __iter__(self) -> Iterator[SpeechVerb]:
        return iter(self.verbs)

    def __contains__(self, lemma: object) -> bool:
        return lemma in self._by_lemma

    def get(self, lemma: str) -> SpeechVerb | None:
        """The single-word entry for ``lemma``."""
        return self._by_lemma.get(lemma)

    def starting_with(self, lemma: str) -> tuple[SpeechVerb, ...]:
        """Multi-word entries whose first lemma is ``lemma``, longest first."""
        return self._by_first.get(lemma, ())


@dataclass(frozen=True)
class Cues:
    """The tables of ``cues.toml``, read-only, one attribute per section."""

    negation: Mapping
    future: Mapping
    hypothetical: Mapping
    historical: Mapping
    claimant: Mapping
    numbers: Mapping
    fatalities: Mapping
    verdicts: Mapping

    def verb_tense(self, form: str, lemma: str) -> str | None:
        """``"future"`` or ``"conditional"`` when ``form`` is ``lemma``'s future stem
        plus a future or conditional ending (``frappera``, ``bombarderait``,
        ``rendront``, ``pourrait``), else None. Catches what spaCy's morphology
        misses (it tags ``céderons`` present and ``bombarderait`` imperfect)."""
        form, lemma = form.lower(), lemma.lower()
        stems = [s for s, _, l in (p.partition(":") for p in self.future["irregular_stems"])
                 if l == lemma]
        if not stems:
            stems = [lemma[:-1] if lemma.endswith("re") else lemma]
        for stem in stems:
            if form.startswith(stem):
                ending = form[len(stem):]
                if ending in self.future["endings"]:
                    return "future"
                if ending in self.future["conditional_endings"]:
                    return "conditional"
        return None

    def number(self, word: str) -> int | None:
        """The value of a French number word or approximate noun (``vingt`` → 20,
        ``dizaines`` → 10, ``milliers`` → 1000), else None."""
        word = word.lower().strip()
        for table in ("words", "approximate"):
            values = self.numbers[table]
            if word in values:
                return values[word]
            if word.endswith("s") and word[:-1] in values:
                return values[word[:-1]]
        return None


# --- loading ---------------------------------------------------------------------


def load_triggers(path: str | Path | None = None) -> Triggers:
    """Read and validate ``triggers.csv`` (the bundled one by default)."""
    if path is None:
        return _bundled_triggers()
    return _parse_triggers(Path(path).read_text("utf-8"), Path(path).name)


def load_speech_verbs(path: str | Path | None = None) -> SpeechVerbs:
    """Read and validate ``speech_verbs.csv`` (the bundled one by default)."""
    if path is None:
        return _bundled_speech_verbs()
    return _parse_speech_verbs(Path(path).read_text("utf-8"), Path(path).name)


def load_cues(path: str | Path | None = None) -> Cues:
    """Read and validate ``cues.toml`` (the bundled one by default)."""
    if path is None:
        return _bundled_cues()
    return _parse_cues(Path(path).read_text("utf-8"), Path(path).name)


def _resource(name: str) -> str:
    return resources.files("veille.resources").joinpath(name).read_text("utf-8")


@lru_cache(maxsize=1)
def _bundled_triggers() -> Triggers:
    return _parse_triggers(_resource("triggers.csv"), "triggers.csv")


@lru_cache(maxsize=1)
def _bundled_speech_verbs() -> SpeechVerbs:
    return _parse_speech_verbs(_resource("speech_verbs.csv"), "speech_verbs.csv")


@lru_cache(maxsize=1)
def _bundled_cues() -> Cues:
    return _parse_cues(_resource("cues.toml"), "cues.toml")


TRIGGER_COLUMNS = (
    "lemma", "pos", "type", "mode", "source", "target", "requires", "priority", "alt_lemmas",
    "note",
)
SPEECH_COLUMNS = ("lemma", "kind", "stance", "note")


def _rows(text: str, name: str, columns: tuple[str, ...]) -> Iterator[tuple[int, dict]]:
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in columns if c not in (reader.fieldnames or ())]
    if missing:
        raise ConfigError(
            f"{name} line 1: missing column(s) {', '.join(missing)}; "
            f"the columns are {', '.join(columns)}"
        )
    for number, row in enumerate(reader, start=2):
        if None in row:
            raise ConfigError(f"{name} line {number}: more fields than the {len(columns)} columns")
        yield number, {k: (v or "").strip() for k, v in row.items()}


def _choice(value: str, choices, what: str, where: str) -> str:
    if value not in choices:
        raise ConfigError(
            f"{where}: {what} {value!r} is not one of {', '.join(c for c in choices) or '(none)'}"
        )
    return value


def _parse_triggers(text: str, name: str) -> Triggers:
    triggers = []
    seen: dict[tuple[str, str, str], int] = {}
    for number, row in _rows(text, name, TRIGGER_COLUMNS):
        where = f"{name} line {number}"
        lemma = " ".join(row["lemma"].split())
        if not lemma:
            raise ConfigError(f"{where}: empty lemma")
        pos = _choice(row["pos"], POS, "pos", where)
        if (pos == "MWE") != (" " in lemma):
            raise ConfigError(
                f"{where}: lemma {lemma!r} with pos {pos}: a multi-word expression has pos MWE "
                "and lemmas separated by spaces; VERB and NOUN are single words"
            )
        type_ = _choice(row["type"], TYPES, "type", where)
        mode = row["mode"] or None
        if mode is not None:
            _choice(mode, MODES[type_], f"mode for {type_}", where)
        allowed = {"VERB": VERB_SLOTS, "NOUN": NOUN_SLOTS, "MWE": SLOTS}[pos]
        source = _slots(row["source"], allowed, f"{where}: source", pos)
        target = _slots(row["target"], allowed, f"{where}: target", pos)
        requires = parse_requires(row["requires"], where)
        try:
            priority = int(row["priority"] or 0)
        except ValueError:
            raise ConfigError(f"{where}: priority {row['priority']!r} is not an integer") from None
        alt = tuple(" ".join(a.split()) for a in row["alt_lemmas"].split("|") if a.strip())
        key = (lemma, pos, type_)
        if key in seen:
            raise ConfigError(
                f"{where}: duplicate of line {seen[key]} ({lemma}, {pos}, {type_}); "
                "merge the rows (slots and requires take alternatives with |)"
            )
        seen[key] = number
        triggers.append(
            Trigger(
                lemma=lemma, pos=pos, type=type_, mode=mode, source=source, target=target,
                requires=requires, priority=priority, alt_lemmas=alt, note=row["note"],
                line=number,
            )
        )
    return Triggers(triggers)


def _slots(value: str, allowed: tuple[str, ...], where: str, pos: str) -> tuple[str, ...]:
    slots = tuple(s.strip() for s in value.split("|") if s.strip())
    for slot in slots:
        if slot not in allowed:
            kind = {"VERB": "a verb", "NOUN": "a noun", "MWE": "an expression"}[pos]
            raise ConfigError(
                f"{where}: slot {slot!r} is not a slot of {kind}; valid slots: "
                f"{', '.join(allowed)}"
            )
    return slots


def parse_requires(text: str, where: str = "requires") -> tuple[tuple[Condition, ...], ...]:
    """Parse a ``requires`` field: conditions joined by ``;`` (and), alternatives
    by ``|`` (or), each ``[not-]key[:value]``. Raises ConfigError."""
    groups = []
    for group in filter(None, (g.strip() for g in text.split(";"))):
        alternatives = []
        for item in filter(None, (a.strip() for a in group.split("|"))):
            alternatives.append(_condition(item, where))
        groups.append(tuple(alternatives))
    return tuple(groups)


def _condition(item: str, where: str) -> Condition:
    negated = item.startswith("not-")
    body = item[4:] if negated else item
    key, _, value = body.partition(":")
    if key not in REQUIRE_KEYS:
        raise ConfigError(
            f"{where}: requires {item!r}: unknown condition {key!r}; valid conditions: "
            f"{', '.join(REQUIRE_KEYS)} (each may start with not-)"
        )
    if key in _FLAG_KEYS:
        if value:
            raise ConfigError(f"{where}: requires {item!r}: {key} takes no value")
        return Condition(key, None, negated)
    if key in _CLASS_KEYS:
        _choice(value, CLASSES, f"requires {item!r}: class", where)
    elif key == "comp":
        _choice(value, COMPLEMENTS, f"requires {item!r}: complement", where)
    elif not value or any(not v.strip() for v in value.split(",")):
        raise ConfigError(f"{where}: requires {item!r}: {key} needs a comma-separated lemma list")
    return Condition(key, value, negated)


def _parse_speech_verbs(text: str, name: str) -> SpeechVerbs:
    verbs = []
    seen: dict[str, int] = {}
    for number, row in _rows(text, name, SPEECH_COLUMNS):
        where = f"{name} line {number}"
        lemma = " ".join(row["lemma"].split())
        if not lemma:
            raise ConfigError(f"{where}: empty lemma")
        kind = _choice(row["kind"], SPEECH_KINDS, "kind", where)
        stance = _choice(row["stance"] or "neutral", STANCES, "stance", where)
        if lemma in seen:
            raise ConfigError(f"{where}: duplicate of line {seen[lemma]} ({lemma})")
        seen[lemma] = number
        verbs.append(SpeechVerb(lemma, kind, stance, row["note"], number))
    return SpeechVerbs(verbs)


_CUE_SCHEMA: dict[str, dict[str, str]] = {
    "negation": {"particles": "words", "verbs": "words", "expressions": "words"},
    "future": {"morph": "words", "verbs": "words", "expressions": "words", "endings": "words",
               "conditional_endings": "words", "irregular_stems": "pairs"},
    "hypothetical": {"morph": "words", "markers": "words", "verbs": "words"},
    "historical": {"expressions": "words", "patterns": "regexes"},
    "claimant": {"prepositions": "words", "expressions": "words"},
    "numbers": {
        "words": "integers", "approximate": "integers", "lower_bound": "words",
        "approximately": "words", "upper_bound": "words",
    },
    "fatalities": {"nouns": "words", "verbs": "words", "expressions": "words",
                   "not_fatal": "words"},
    "verdicts": {"accuse": "words", "support": "words"},
}
"""Required keys of each cues.toml table and what they hold (other keys allowed)."""


def _parse_cues(text: str, name: str) -> Cues:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{name}: {e}") from None
    for section in _CUE_SECTIONS:
        if not isinstance(data.get(section), dict):
            raise ConfigError(
                f"{name}: missing table [{section}]; the tables are {', '.join(_CUE_SECTIONS)}"
            )
        for key, kind in _CUE_SCHEMA[section].items():
            where = f"{name} [{section}] {key}"
            if key not in data[section]:
                raise ConfigError(
                    f"{name} [{section}]: missing key {key!r}; required keys: "
                    f"{', '.join(_CUE_SCHEMA[section])}"
                )
            _check_cue_value(data[section][key], kind, where)
    return Cues(**{s: _freeze(data[s]) for s in _CUE_SECTIONS})


def _check_cue_value(value, kind: str, where: str) -> None:
    if kind == "integers":
        if not isinstance(value, dict) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in value.values()
        ):
            raise ConfigError(f"{where}: expected a table of words to integers")
        return
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"{where}: expected a list of non-empty strings")
    if kind == "pairs" and not all(re.fullmatch(r"[^:\s]+:[^:\s]+", v) for v in value):
        raise ConfigError(f"{where}: expected items of the form stem:lemma")
    if kind == "regexes":
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as e:
                raise ConfigError(f"{where}: pattern {pattern!r}: {e}") from None


def _freeze(value):
    if isinstance(value, dict):
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value
