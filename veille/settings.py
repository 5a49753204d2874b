"""One settings object, one name per setting.

A setting has the same name as a TOML key (in ``veille.toml`` or the file given
to ``--config``), as an environment variable (``VEILLE_`` + upper-case name)
and as a CLI flag (``--`` + name with dashes). Precedence: flag, environment,
file, default.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

#: Languages the identifier chooses among (ISO 639-1). Restricting the set keeps
#: lingua's memory small and its answers sharp; add a code to recognise more.
DEFAULT_LANGUAGES = (
    "fr", "en", "ar", "ru", "de", "es", "it", "pt", "tr", "fa", "uk", "nl", "pl", "he", "zh",
)  # fmt: skip


@dataclass(frozen=True)
class Settings:
    db: str = field(
        default="veille.db",
        metadata={"help": "Store: a SQLite file path (created if missing) or a database URL."},
    )
    models: Mapping[str, str] = field(
        default_factory=lambda: {"fr": "fr_core_news_md"},
        metadata={
            "help": "spaCy model per language (ISO 639-1 → installed package). "
            "A language without a model is cleaned, dated and stored, then rejected by the nlp stage."
        },
    )
    languages: tuple[str, ...] = field(
        default=DEFAULT_LANGUAGES,
        metadata={"help": "Languages the identifier chooses among (ISO 639-1 codes)."},
    )
    n_process: int = field(
        default=1,
        metadata={
            "help": "Worker processes for spaCy (nlp.pipe n_process). Workers start once per batch: "
            "with 2 or more, use a large batch_size (300 or more)."
        },
    )
    batch_size: int = field(
        default=64, metadata={"help": "Articles per batch through the pipeline and spaCy."}
    )
    on_error: str = field(
        default="record",
        metadata={
            "help": "What the runner does when a stage fails unexpectedly: "
            "'record' the reason on the article and go on, or 'raise'."
        },
    )
    timeout: float = field(
        default=20.0, metadata={"help": "Seconds to wait for a URL or feed before giving up."}
    )

    def __post_init__(self) -> None:
        if self.on_error not in ("record", "raise"):
            raise ConfigError(f"on_error must be 'record' or 'raise', not {self.on_error!r}")
        if self.n_process < 1 or self.batch_size < 1:
            raise ConfigError("n_process and batch_size must be at least 1")
        unknown = [code for code in self.models if code not in self.languages]
        if unknown:
            raise ConfigError(
                f"models given for {unknown} which are not in languages {list(self.languages)}"
            )

    def replace(self, **changes: Any) -> Settings:
        """A copy with some settings changed; ``None`` values are ignored (unset flags)."""
        changes = {k: v for k, v in changes.items() if v is not None}
        return dataclasses.replace(self, **_coerce(changes))


def describe() -> list[tuple[str, Any, str]]:
    """(name, default, help) for every setting, for docs and ``--help``."""
    defaults = Settings()
    return [
        (f.name, getattr(defaults, f.name), f.metadata["help"]) for f in dataclasses.fields(Settings)
    ]


def load_settings(
    path: str | Path | None = None, *, environ: Mapping[str, str] | None = None, **overrides: Any
) -> Settings:
    """Settings from defaults, then a TOML file, then ``VEILLE_*`` variables, then overrides.

    Without ``path``, ``./veille.toml`` is read when it exists.
    """
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    if path is None and Path("veille.toml").is_file():
        path = "veille.toml"
    if path is not None:
        values.update(_read_toml(Path(path)))
    names = {f.name for f in dataclasses.fields(Settings)}
    for name in names:
        key = f"VEILLE_{name.upper()}"
        if key in environ:
            values[name] = environ[key]
    values.update({k: v for k, v in overrides.items() if v is not None})
    unknown = sorted(set(values) - names)
    if unknown:
        raise ConfigError(f"unknown setting(s) {unknown}; valid settings: {sorted(names)}")
    return Settings(**_coerce(values))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except FileNotFoundError:
        raise ConfigError(f"configuration file not found: {path}") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML: {e}") from None
    return data.get("veille", data)


def _coerce(values: dict[str, Any]) -> dict[str, Any]:
    """Turn strings from the environment or flags into each setting's type."""
    out = dict(values)
    try:
        for name in ("n_process", "batch_size"):
            if name in out:
                out[name] = int(out[name])
        if "timeout" in out:
            out["timeout"] = float(out["timeout"])
    except ValueError as e:
        raise ConfigError(f"invalid number: {e}") from None
    if isinstance(out.get("languages"), str):
        out["languages"] = tuple(c.strip() for c in out["languages"].split(",") if c.strip())
    elif "languages" in out:
        out["languages"] = tuple(out["languages"])
    if isinstance(out.get("models"), str):  # "fr=fr_core_news_md,de=de_core_news_md"
        pairs = [p.split("=", 1) for p in out["models"].split(",") if p.strip()]
        if any(len(p) != 2 for p in pairs):
            raise ConfigError("models must look like 'fr=fr_core_news_md,de=de_core_news_md'")
        out["models"] = {k.strip(): v.strip() for k, v in pairs}
    return out
