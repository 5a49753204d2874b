"""The real page in headless Chromium (Debian's ``chromium`` and ``chromium-driver``, Selenium).

``veille serve`` runs in a subprocess on 127.0.0.1 at a free port over an SQLite store
filled with the API tests' hand-built articles, a hostile article, a second version of an event and stories; one
browser serves the whole session. Without Chromium or its driver the tests are
skipped, saying why, except when the ``CI`` environment variable is set: there they
fail (``bash scripts/test.sh`` installs both as root).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from api.conftest import CIVILIANS, DAMAS, DOUMA, SYR, SYR_MIL, USA, articles

from veille.model import Article, Event, Outlet, Place
from veille.store import open_store

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
DRIVER = "chromedriver"
#: Text no page may ever run: it must show as it is.
HOSTILE = '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=2">'
ALEP = Place("Alep", aliases=["Aleppo"], lat=36.20, lon=37.16, country="SY", kind="city")


def hostile_article() -> Article:
    """An article whose text holds markup, with an event on the sentence before it."""
    sentence = "Les forces syriennes ont bombardé Alep mardi."
    # an emoji (two UTF-16 units, one code point) before the sentence shifts naive offsets
    text = f"Alep sous les bombes \U0001f4a5.\n{sentence}\n{HOSTILE}\nFin."
    start = text.index(sentence)
    return Article(
        id="a5", name="a5.txt", raw=text, text=text, pipeline_version="test", language="fr",
        title="Alep <b>sous</b> les bombes", outlet=Outlet("Le <i>Courrier</i>", "FRA", "private"),
        published=dt.date(2018, 4, 17), actors=[SYR, USA], places=[ALEP, DAMAS],
        events=[Event("e51", "ASSAULT", sentence, start, start + len(sentence), mode="aerial",
                      source=["syr_gov"], target=[], place=ALEP, date="2018-04-17",
                      trigger="bombardé")],
        events_coded=True, url="javascript:window.__pwned=3",
    )  # fmt: skip


def other_version() -> Article:
    """Another outlet's report of the Douma event: asserted, with another death toll."""
    sentence = "L'armée syrienne a tué quarante civils à Douma le 7 avril."
    text = f"Douma : le bilan s'alourdit.\n{sentence}"
    start = text.index(sentence)
    return Article(
        id="a6", name="a6.txt", raw=text, text=text, pipeline_version="test", language="fr",
        title="Douma : le bilan s'alourdit", outlet=Outlet("France 24", "FRA", "public"),
        published=dt.date(2018, 4, 8), actors=[SYR_MIL, CIVILIANS], places=[DOUMA],
        events=[Event("e61", "ASSAULT", sentence, start, start + len(sentence),
                      source=["syr_mil"], target=["civilians"], place=DOUMA, date="2018-04-07",
                      according_to="outlet", fatalities=40, trigger="tué")],
        events_coded=True,
    )  # fmt: skip


def browser_articles() -> list[Article]:
    """The API tests' articles, a hostile one and a second version of the Douma event."""
    return [*articles(), hostile_article(), other_version()]


def _missing() -> str | None:
    if not any(shutil.which(name) for name in CHROMIUM):
        return "no Chromium (Debian's chromium package)"
    if not shutil.which(DRIVER):
        return "no chromedriver (Debian's chromium-driver package)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "no selenium (pip install -e '.[test]')"
    return None


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("CI", "").lower() not in ("", "0", "false"):
        pytest.fail(f"{reason}; CI is set, so the browser tests must run", pytrace=False)
    pytest.skip(f"{reason}: browser tests skipped (as root, bash scripts/test.sh installs them)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[str]:
    """``veille serve`` over the browser store: yields its base URL."""
    folder = tmp_path_factory.mktemp("browser")
    db = str(folder / "veille.db")
    with open_store(db) as store:
        store.save(browser_articles())
        store.add_to_stories(store.records(status="ok"))
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "VEILLE_API_TOKEN"}  # read-only
    base = f"http://127.0.0.1:{port}"
    with open(folder / "serve.log", "wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-c", "from veille.cli import main; main()", "serve", "--db", db,
             "--host", "127.0.0.1", "--port", str(port)],
            stdout=log, stderr=subprocess.STDOUT, env=env,
        )  # fmt: skip
        try:
            _wait_for(base, process, folder / "serve.log")
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def _wait_for(base: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{base}/api/stats", timeout=2):
                return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                output = log.read_text(errors="replace")
                pytest.fail(f"veille serve did not start:\n{output}", pytrace=False)
            time.sleep(0.2)


@dataclasses.dataclass
class Browser:
    driver: object
    downloads: Path


@pytest.fixture(scope="session")
def browser(tmp_path_factory) -> Iterator[Browser]:
    """One headless Chromium for the session, downloading into a folder of its own."""
    reason = _missing()
    if reason:
        _skip_or_fail(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    options.binary_location = next(shutil.which(n) for n in CHROMIUM if shutil.which(n))
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--disable-gpu", "--window-size=1400,1000", "--lang=fr"):  # fmt: skip
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": str(downloads),
        "download.prompt_for_download": False,
    })  # fmt: skip
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager: never download a driver
    driver = webdriver.Chrome(options=options, service=Service(shutil.which(DRIVER)))
    driver.set_page_load_timeout(30)
    try:
        yield Browser(driver, downloads)
    finally:
        driver.quit()
