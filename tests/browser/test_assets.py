"""The page's files without a browser: served from the package, nothing from outside, no HTML sinks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from veille.api.app import STATIC

SOURCES = Path(__file__).parents[2] / "web" / "src"
#: DOM calls that parse a string as HTML: data must never reach them, so the page uses none.
HTML_SINKS = re.compile(
    r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment"
)


@pytest.mark.parametrize("name", ["index.html", "style.css", "app.js", "LICENSES.txt"])
def test_built_files_are_in_the_package(name):
    assert (STATIC / name).is_file(), f"{name}: run `cd web && npm ci && npm run build`"


@pytest.mark.parametrize(
    "path", [*sorted(SOURCES.glob("*.js")), STATIC / "app.js"], ids=lambda p: p.name
)
def test_no_script_parses_html(path):
    assert not HTML_SINKS.findall(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", ["index.html", "style.css", "app.js"])
def test_nothing_is_loaded_from_outside(name):
    text = (STATIC / name).read_text(encoding="utf-8")
    addresses = set(re.findall(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s\"')]*", text))
    assert addresses <= {"http://www.w3.org/2000/svg"}  # the SVG namespace is a name, not a fetch


def test_sources_and_build_agree():
    """The committed build matches its sources (HTML and CSS are copied; the bundle, roughly)."""
    for name in ("index.html", "style.css"):
        assert (SOURCES / name).read_bytes() == (STATIC / name).read_bytes(), f"rebuild {name}"
    bundle = (STATIC / "app.js").read_text(encoding="utf-8")
    assert "one bar per" in bundle and "unknown speaker" in bundle  # timeline.js, reader.js
