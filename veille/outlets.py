"""The outlet registry: who publishes, from where, with which affiliation.

Loaded from ``resources/outlets.csv`` (facts, each row with its source). Names,
aliases and domains are looked up without regard to case, accents or spacing.
"""

from __future__ import annotations

import csv
import re
from functools import cached_property
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from .errors import ConfigError
from .model import Outlet
from .textnorm import fold, straighten

AFFILIATIONS = ("state-affiliated", "public", "private")
_CREDIT_SEPARATOR = re.compile(r"\s+[-–—|]\s*|\s*[–—|]\s+")


class OutletRegistry:
    def __init__(self, outlets: list[Outlet]):
        self.outlets = outlets
        self._by_name: dict[str, Outlet] = {}
        self._by_domain: dict[str, Outlet] = {}
        self._names: set[str] = set()
        for outlet in outlets:
            for name in (outlet.name, *outlet.aliases):
                self._by_name.setdefault(fold(name), outlet)
                self._names.add(straighten(name))
            for domain in outlet.domains:
                self._by_domain.setdefault(domain.lower(), outlet)

    @classmethod
    def load(cls, path: str | Path | None = None) -> OutletRegistry:
        """Read the registry CSV (the bundled one by default)."""
        if path is None:
            text = resources.files("veille.resources").joinpath("outlets.csv").read_text("utf-8")
        else:
            text = Path(path).read_text("utf-8")
        outlets = []
        for number, row in enumerate(csv.DictReader(text.splitlines()), start=2):
            affiliation = (row.get("affiliation") or "").strip() or None
            if affiliation not in (*AFFILIATIONS, None):
                raise ConfigError(
                    f"outlets.csv line {number}: affiliation {affiliation!r} is not one of "
                    f"{', '.join(AFFILIATIONS)}"
                )
            outlets.append(
                Outlet(
                    name=row["name"].strip(),
                    country=(row.get("country") or "").strip() or None,
                    affiliation=affiliation,
                    languages=_split(row.get("languages")),
                    aliases=_split(row.get("aliases")),
                    domains=_split(row.get("domains")),
                    owner=(row.get("owner") or "").strip() or None,
                    source=(row.get("source") or "").strip() or None,
                )
            )
        return cls(outlets)

    def __len__(self) -> int:
        return len(self.outlets)

    def get(self, name: str) -> Outlet | None:
        """The outlet called ``name`` (or one of its aliases), if registered."""
        return self._by_name.get(fold(name))

    def by_url(self, url: str) -> Outlet | None:
        """The outlet whose domain serves ``url`` (sub-domains included)."""
        host = (urlsplit(url).hostname or "").lower()
        parts = host.split(".")
        for i in range(len(parts) - 1):
            outlet = self._by_domain.get(".".join(parts[i:]))
            if outlet:
                return outlet
        return None

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """A regex matching any registered name or alias as whole words (longest first)."""
        names = sorted((n for n in self._names if len(n) >= 2), key=len, reverse=True)
        body = "|".join(re.escape(n) for n in names)
        return re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE)

    def mentions(self, text: str) -> list[tuple[Outlet, re.Match[str]]]:
        """Registered outlets named in ``text``, with where."""
        found = []
        for match in self.pattern.finditer(straighten(text)):
            outlet = self.get(match.group(0))
            if outlet:
                found.append((outlet, match))
        return found

    def split_credit(self, text: str) -> tuple[str, Outlet | None]:
        """``("Headline", RT)`` for ``"Headline — RT World News"``: a trailing
        ``- | — –`` followed by a registered outlet's name is the page's credit."""
        stripped = text.rstrip(" .")
        for match in reversed(list(_CREDIT_SEPARATOR.finditer(stripped))):
            outlet = self.get(stripped[match.end() :])
            if outlet:
                return stripped[: match.start()].rstrip(), outlet
        return text, None


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split("|") if part.strip())
