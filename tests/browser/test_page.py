"""The analyst's page driven in headless Chromium: filters, map, reader, exports, hostile text."""

from __future__ import annotations

import csv
import io
import time
import urllib.request

import pyarrow.parquet as pq
import pytest
from api.conftest import articles

from .conftest import HOSTILE

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ALL_EVENTS = {"e11", "e12", "e21", "e22", "e51", "e61"}


def wait(driver, condition, *, timeout: float = 10, what: str = "the page"):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(
        lambda d: condition(d), message=f"timed out waiting for {what}"
    )


def ready(driver, after: int = 0) -> int:
    """Waits until the page has applied filters more than ``after`` times; returns how many."""
    script = "return Number(document.body.dataset.ready || 0)"
    wait(driver, lambda d: d.execute_script(script) > after, what="the page to load its data")
    return driver.execute_script(script)


def rows(driver) -> list[str]:
    return driver.execute_script(
        "return [...document.querySelectorAll('#events tbody tr[data-event]')]"
        ".map(r => r.dataset.event)"
    )


def open_page(browser, server, query: str = "") -> int:
    browser.driver.get(f"{server}/{query}")
    return ready(browser.driver)


def submit(driver, after: int, **fields: str) -> int:
    from selenium.webdriver.common.by import By

    for name, value in fields.items():
        field = driver.find_element(By.NAME, name)
        driver.execute_script("arguments[0].value = arguments[1]", field, value)
    driver.find_element(By.ID, "apply").click()
    return ready(driver, after)


def test_page_loads_every_view(browser, server):
    driver = browser.driver
    open_page(browser, server)
    assert set(rows(driver)) == ALL_EVENTS
    assert (
        driver.execute_script("return document.querySelectorAll('#map path.country').length") > 100
    )
    assert driver.execute_script("return document.querySelectorAll('#map .marker').length") >= 2
    days = driver.execute_script(
        "return [...document.querySelectorAll('#timeline rect.bar')].map(b => b.dataset.day)"
    )
    assert days == ["2018-04-07", "2018-04-14", "2018-04-16", "2018-04-17"]
    actors = driver.execute_script(
        "return [...document.querySelectorAll('#network .node')].map(n => n.dataset.actor)"
    )
    assert {"usa", "syr_gov", "lavrov", "syr_mil", "civilians"} <= set(actors)
    assert "(6 in all)" in driver.find_element("id", "total").text
    assert driver.find_element("id", "status").text == ""


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"type": "ACCUSE"}, {"e12", "e21"}),
        ({"from": "2018-04-15", "to": "2018-04-16"}, {"e21"}),
        ({"type": "ASSAULT", "from": "2018-04-10"}, {"e11", "e51"}),
        ({"affiliation": "state-affiliated"}, {"e21", "e22"}),
        ({"affiliation": "public", "modality": "asserted"}, {"e61"}),
    ],
)
def test_filters_narrow_table_timeline_and_exports(browser, server, fields, expected):
    driver = browser.driver
    done = open_page(browser, server)
    submit(driver, done, **fields)
    assert set(rows(driver)) == expected
    bars = driver.execute_script("return document.querySelectorAll('#timeline rect.bar').length")
    assert bars == len(
        {
            d
            for d in driver.execute_script(
                "return [...document.querySelectorAll('#events td.date')].map(td => td.textContent)"
            )
        }
    )
    href = driver.find_element("id", "export-acled").get_attribute("href")
    for name, value in fields.items():
        assert f"{name}={value}" in href
    assert all(f"{n}={v}" in driver.current_url for n, v in fields.items())  # shareable address


def test_clicking_a_marker_filters_by_its_area(browser, server):
    driver = browser.driver
    done = open_page(browser, server)
    marker = wait(driver, lambda d: next((m for m in d.find_elements("css selector", "#map .marker")
                                          if m.get_attribute("data-places") == "Alep"), None),
                  what="Alep's marker")  # fmt: skip
    marker.click()
    done = ready(driver, done)
    assert rows(driver) == ["e51"]
    assert "bbox=" in driver.current_url
    chip = driver.find_element("id", "clear-bbox")
    chip.click()
    ready(driver, done)
    assert set(rows(driver)) == ALL_EVENTS


def test_opening_an_event_highlights_its_sentence(browser, server):
    driver = browser.driver
    open_page(browser, server)
    driver.find_element("css selector", '#events tr[data-event="e11"]').click()
    mark = wait(driver, lambda d: d.find_elements("css selector", "#reader mark.sentence"),
                what="the highlighted sentence")[0]  # fmt: skip
    assert mark.text == ("Les États-Unis ont bombardé un centre de recherche près de Damas samedi.")
    reader = driver.find_element("id", "reader")
    assert "Le Monde — private (FRA)" in reader.text
    # the quotation is marked with its speaker, outside the sentence
    quote = driver.find_element("css selector", "#article-text .quote.quote-start")
    assert quote.text == "Cette attaque viole le droit international"
    assert quote.get_attribute("data-speaker") == "gouvernement syrien"
    # another event of the article moves the mark
    driver.find_element("partial link text", "ACCUSE").click()
    wait(driver, lambda d: d.find_element("id", "reader").get_attribute("data-event") == "e12",
         what="the second event")  # fmt: skip
    marks = driver.find_elements("css selector", "#reader mark.sentence")
    assert [m.text for m in marks] == ["Le gouvernement syrien accuse Washington d'agression."]


def test_hostile_article_text_shows_as_text(browser, server):
    driver = browser.driver
    open_page(browser, server)
    driver.find_element("css selector", '#events tr[data-event="e51"]').click()
    wait(driver, lambda d: d.find_elements("css selector", "#reader mark.sentence"),
         what="the hostile article")  # fmt: skip
    text = driver.find_element("id", "article-text")
    assert HOSTILE in text.text
    mark = driver.find_element("css selector", "#reader mark.sentence")
    assert mark.text == "Les forces syriennes ont bombardé Alep mardi."  # offsets in code points
    assert driver.find_element("id", "reader-title").text == "Alep <b>sous</b> les bombes"
    assert "Le <i>Courrier</i>" in driver.find_element("id", "reader").text
    assert not text.find_elements("css selector", "script, img, b, i")
    assert not driver.find_elements("css selector", "#reader a[href^='javascript']")
    time.sleep(0.3)  # an onerror would have fired by now
    assert driver.execute_script("return window.__pwned") is None


def test_export_csv_downloads_the_filtered_events(browser, server):
    driver = browser.driver
    done = open_page(browser, server)
    submit(driver, done, type="ASSAULT")
    link = driver.find_element("id", "export-acled")
    with urllib.request.urlopen(link.get_attribute("href")) as answer:
        assert answer.headers["Content-Type"].startswith("text/csv")
        served = list(csv.DictReader(io.StringIO(answer.read().decode("utf-8"))))
    link.click()
    path = browser.downloads / "events.csv"
    wait(driver, lambda _d: path.exists() and path.stat().st_size > 0, what="the CSV download")
    downloaded = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert downloaded == served
    # ACLED leaves out unasserted events: the negated e22 is not there
    assert {row["event_id_cnty"] for row in downloaded} == {"e11", "e51", "e61"}


def test_story_view_puts_versions_side_by_side(browser, server):
    driver = browser.driver
    open_page(browser, server)
    driver.find_element("id", "tab-stories").click()
    wait(driver, lambda d: d.find_elements("css selector", "#stories .story, #stories .empty"),
         what="the stories")  # fmt: skip
    assert not driver.find_element("id", "filters").is_displayed()
    douma = next(
        e
        for e in driver.find_elements("css selector", "#stories .canonical")
        if len(e.find_elements("css selector", ".version")) == 2
    )
    assert "conflict" in douma.get_attribute("class")
    assert "fatalities: 12 / 40" in douma.find_element("css selector", ".conflicts").text
    outlets = [
        v.get_attribute("textContent")
        for v in douma.find_elements("css selector", ".version .outlet")
    ]
    assert sorted(outlets) == ["France 24 public", "RT France state-affiliated"]
    numbers = {
        part
        for n in douma.find_elements("css selector", ".version dd.differs")
        for part in n.text.split("; ")
    }
    assert "12 dead" in numbers and "40 dead" in numbers
    # a version opens its article with its sentence highlighted
    douma.find_element("link text", "Read the article").click()
    mark = wait(driver, lambda d: d.find_elements("css selector", "#reader mark.sentence"),
                what="the version's article")[0]  # fmt: skip
    assert mark.text in {v.text for v in douma.find_elements("css selector", "blockquote")}


def test_timeline_bar_and_network_node_narrow_the_events(browser, server):
    driver = browser.driver
    done = open_page(browser, server)
    driver.find_element("css selector", '#timeline rect.bar[data-day="2018-04-14"]').click()
    done = ready(driver, done)
    assert set(rows(driver)) == {"e11", "e12"}
    assert "from=2018-04-14" in driver.current_url and "to=2018-04-14" in driver.current_url
    driver.find_element("id", "reset").click()
    done = ready(driver, done)
    driver.find_element("css selector", '#network .node[data-actor="lavrov"]').click()
    ready(driver, done)
    assert rows(driver) == ["e21"]
    assert driver.find_element("name", "actor").get_attribute("value") == "lavrov"


def mentions(driver, selector: str) -> list[dict]:
    """The reader's marked names matching ``selector``, in text order."""
    return driver.execute_script(
        "return [...document.querySelectorAll(arguments[0])].map(m => ({text: m.textContent,"
        " actor: m.dataset.actor || null, place: m.dataset.place || null, title: m.title,"
        " inSentence: Boolean(m.closest('mark.sentence'))}))",
        f"#article-text {selector}",
    )


def test_reader_marks_actor_and_place_names(browser, server):
    driver = browser.driver
    open_page(browser, server)
    driver.find_element("css selector", '#events tr[data-event="e11"] td.date').click()
    wait(driver, lambda d: d.find_elements("css selector", "#reader mark.sentence"),
         what="the article")  # fmt: skip
    # the sentence and the quotation stay marked whole, the names inside them
    mark = driver.find_element("css selector", "#reader mark.sentence")
    assert mark.text == "Les États-Unis ont bombardé un centre de recherche près de Damas samedi."
    quote = driver.find_element("css selector", "#article-text .quote.quote-start")
    assert quote.text == "Cette attaque viole le droit international"
    # nothing of the text is lost or doubled by the marks
    text = driver.execute_script("return document.getElementById('article-text').textContent")
    assert text == articles()[0].text
    actors = mentions(driver, ".mention.actor")
    assert [(m["text"], m["actor"]) for m in actors] == [
        ("États-Unis", "usa"), ("Damas", "syr_gov"), ("gouvernement syrien", "syr_gov"),
        ("Washington", "usa"), ("Damas", "syr_gov"),
    ]  # fmt: skip
    assert [m["inSentence"] for m in actors] == [True, True, False, False, False]
    places = mentions(driver, ".mention.place")
    assert [(m["text"], m["place"]) for m in places] == [("Damas", "Damas"), ("Damas", "Damas")]
    # one element for a word that names both an actor (an alias) and a place
    assert places[0]["title"] == "Actor: gouvernement syrien; Place: Damas"
    assert mentions(driver, ".mention.actor:not(.place)")[0]["title"] == "Actor: États-Unis"


def test_reader_names_can_be_unmarked(browser, server):
    driver = browser.driver
    open_page(browser, server)
    driver.find_element("css selector", '#events tr[data-event="e11"] td.date').click()
    box = wait(driver, lambda d: d.find_elements("id", "mark-names"), what="the names box")[0]
    assert box.is_selected()
    label = driver.find_element("css selector", ".mention-legend label")
    assert label.text.startswith("Mark the names of actors and places")
    style = (
        "return getComputedStyle(document.querySelector('#article-text .mention.actor'))"
        ".textDecorationLine"
    )
    assert driver.execute_script(style) == "underline"
    box.send_keys(" ")  # the keyboard's way to tick a box
    assert not box.is_selected()
    assert driver.execute_script(style) == "none"
    # the choice holds for the next article opened
    driver.find_element("partial link text", "ACCUSE").click()
    wait(driver, lambda d: d.find_element("id", "reader").get_attribute("data-event") == "e12",
         what="the second event")  # fmt: skip
    assert not driver.find_element("id", "mark-names").is_selected()
    assert "plain" in driver.find_element("id", "article-text").get_attribute("class")


def test_reader_marks_names_after_an_emoji_as_text(browser, server):
    driver = browser.driver
    open_page(browser, server)
    driver.find_element("css selector", '#events tr[data-event="e51"] td.date').click()
    wait(driver, lambda d: d.find_elements("css selector", "#reader mark.sentence"),
         what="the hostile article")  # fmt: skip
    # offsets in code points: the emoji before the second Alep does not shift it
    places = mentions(driver, ".mention.place")
    assert [(m["text"], m["inSentence"]) for m in places] == [("Alep", False), ("Alep", True)]
    text = driver.find_element("id", "article-text")
    assert HOSTILE in text.text
    assert not text.find_elements("css selector", "script, img, b, i")
    assert driver.execute_script("return window.__pwned") is None


def selected(driver) -> tuple[list[str], list[str], str]:
    """The selected rows' events, the selected markers' places, and the line under the map."""
    return driver.execute_script(
        "return [[...document.querySelectorAll('#events tr.selected[aria-current=true]')]"
        ".map(r => r.dataset.event),"
        " [...document.querySelectorAll('#map .marker.selected')].map(m => m.dataset.places),"
        " document.getElementById('map-selection').textContent]"
    )


def choose(driver, event: str) -> None:
    """Clicks an event's row (its date cell: the reader may cover the row's middle)."""
    driver.find_element("css selector", f'#events tr[data-event="{event}"] td.date').click()


def test_selecting_a_row_highlights_its_marker(browser, server):
    driver = browser.driver
    done = open_page(browser, server)
    assert selected(driver) == [[], [], ""]
    choose(driver, "e11")
    rows_, markers, note = selected(driver)
    assert rows_ == ["e11"] and len(markers) == 1 and "Damas" in markers[0].split("|")
    assert note == "Selected event's place: Damas (the highlighted marker)."
    # another row: its marker instead, the previous one no longer
    choose(driver, "e21")
    rows_, markers, note = selected(driver)
    assert rows_ == ["e21"] and markers == ["Moscou"]
    assert "Moscou" in note
    # an event without a place: no marker, and the line says why
    choose(driver, "e12")
    assert selected(driver) == [["e12"], [], "The selected event names no place."]
    # the keyboard selects too: Enter on a focused row
    driver.find_element("id", "reader-close").click()
    row = driver.find_element("css selector", '#events tr[data-event="e51"]')
    driver.execute_script("arguments[0].focus()", row)
    row.send_keys("\n")
    assert selected(driver)[:2] == [["e51"], ["Alep"]]
    # the reader's other events of the article select theirs
    choose(driver, "e11")
    wait(driver, lambda d: d.find_element("id", "reader").get_attribute("data-event") == "e11",
         what="e11's article")  # fmt: skip
    driver.find_element("partial link text", "ACCUSE").click()
    assert selected(driver) == [["e12"], [], "The selected event names no place."]
    # filters that leave the selected event out leave nothing selected
    choose(driver, "e11")
    driver.find_element("id", "reader-close").click()
    submit(driver, done, type="ACCUSE")
    assert selected(driver) == [[], [], ""]


def test_export_parquet_downloads_the_filtered_events(browser, server):
    driver = browser.driver
    done = open_page(browser, server)
    submit(driver, done, type="ASSAULT")
    link = driver.find_element("id", "export-parquet")
    assert link.text == "Parquet" and link.get_attribute("download") is not None
    href = link.get_attribute("href")
    assert "format=parquet" in href and "type=ASSAULT" in href
    with urllib.request.urlopen(href) as answer:
        assert answer.headers["Content-Type"] == "application/vnd.apache.parquet"
        served = pq.read_table(io.BytesIO(answer.read())).to_pylist()
    link.click()
    path = browser.downloads / "events.parquet"
    wait(driver, lambda _d: path.exists() and path.stat().st_size > 0, what="the Parquet download")
    downloaded = pq.read_table(path).to_pylist()
    assert downloaded == served
    # every matching event, the unasserted e22 too (Parquet leaves none out)
    assert {row["id"] for row in downloaded} == {"e11", "e22", "e51", "e61"}
    assert {row["event"] for row in downloaded} == {"ASSAULT"}
