"""JSON Lines: one article per line, each bad line rejected on its own."""

import codecs
import json
import os
from pathlib import Path

import pytest

from veille.ingest.jsonl import read_jsonl_file, read_jsonl_text


def lines(*records):
    return "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records)


def read(tmp_path, content, name="lot.jsonl"):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return list(read_jsonl_file(path))


def test_good_lines_with_names_urls_and_hints(tmp_path):
    articles = read(tmp_path, lines(
        {"doc": "sana-1", "text": "Trêve à Alep.", "url": "https://exemple.fr/1", "title": "Trêve",
         "published": "2016-12-18", "outlet": "Agence"},
        {"text": "Sans nom ni titre."},
        {"html": "<p>Les blessés évacués.</p>", "title": "  ", "outlet": None, "published": ""},
        {"doc": 42, "text": "Un nom numérique.", "extra": {"ignored": True}},
    ))
    assert [(a.name, a.format, a.raw, a.url) for a in articles] == [
        ("sana-1", "text", "Trêve à Alep.", "https://exemple.fr/1"),
        ("lot.jsonl:2", "text", "Sans nom ni titre.", None),
        ("lot.jsonl:3", "html", "<p>Les blessés évacués.</p>", None),
        ("42", "text", "Un nom numérique.", None),
    ]
    assert articles[0].hints == {"title": "Trêve", "published": "2016-12-18", "outlet": "Agence"}
    assert [a.hints for a in articles[1:]] == [{}, {}, {}]  # empty hints are left out
    assert [a.origin for a in articles] == [f"{tmp_path / 'lot.jsonl'}:{n}" for n in (1, 2, 3, 4)]
    assert not any(a.rejected for a in articles)


@pytest.mark.parametrize(
    "line, reason",
    [
        ("{not json}", "line 2: invalid JSON: Expecting property name enclosed in double quotes at column 2"),
        ("{\"text\": \"coupé", "line 2: invalid JSON: Unterminated string starting at column 10"),
        ('{"text": "a\tb"}', "line 2: invalid JSON: Invalid control character at column 12"),
        ('{"text": "a"} trailing', "line 2: invalid JSON: Extra data at column 15"),
        ("[1, 2]", "line 2: expected a JSON object, got an array"),
        ('"texte seul"', "line 2: expected a JSON object, got a string"),
        ('{"title": "Sans texte", "url": "https://exemple.fr"}', "line 2: no 'text' or 'html' field (fields: title, url)"),
        ("{}", "line 2: no 'text' or 'html' field (fields: none)"),
        ('{"text": null}', "line 2: no 'text' or 'html' field (fields: text)"),
        ('{"text": ["a", "b"]}', "line 2: 'text' must be a string, got an array"),
        ('{"html": 3}', "line 2: 'html' must be a string, got a number"),
        ('{"text": "   \\n  "}', "line 2: empty text"),
        ('{"text": "", "html": ""}', "line 2: empty text"),
    ],
)
def test_a_bad_line_is_rejected_and_reading_goes_on(tmp_path, line, reason):
    first, bad, last = read(tmp_path, lines({"text": "Avant."}, line, {"text": "Après."}))
    assert (first.raw, last.raw) == ("Avant.", "Après.")
    assert bad.rejection.stage == "ingest" and bad.rejection.reason == reason
    assert bad.name == "lot.jsonl:2" and bad.origin == f"{tmp_path / 'lot.jsonl'}:2"
    assert bad.id and bad.id != first.id


def test_a_rejected_line_keeps_its_doc_name(tmp_path):
    [article] = read(tmp_path, lines({"doc": "d7", "text": " "}))
    assert (article.name, article.rejection.reason) == ("d7", "line 1: empty text")


def test_the_same_error_on_two_lines_gives_two_ids(tmp_path):
    a, b = read(tmp_path, "{oops}\n{oops}\n")
    assert a.rejection.reason.removeprefix("line 1") == b.rejection.reason.removeprefix("line 2")
    assert a.id != b.id


@pytest.mark.parametrize(
    "record, format, raw",
    [
        ({"text": "Texte.", "html": "<p>Page.</p>"}, "text", "Texte."),  # text comes first
        ({"text": "", "html": "<p>Page.</p>"}, "html", "<p>Page.</p>"),
        ({"text": "Ligne 1\r\nLigne 2\rLigne 3"}, "text", "Ligne 1\nLigne 2\nLigne 3"),
        ({"text": "\ufeffAvec BOM"}, "text", "Avec BOM"),
        ({"text": "Séparateur\u2028dans la ligne"}, "text", "Séparateur\u2028dans la ligne"),
    ],
)
def test_text_or_html(tmp_path, record, format, raw):
    [article] = read(tmp_path, lines(record))
    assert (article.format, article.raw) == (format, raw)


def test_blank_lines_are_skipped_but_counted(tmp_path):
    articles = read(tmp_path, '\n{"text": "a"}\n   \n\n{"text": "b"}\n\n')
    assert [a.name for a in articles] == ["lot.jsonl:2", "lot.jsonl:5"]


@pytest.mark.parametrize(
    "content",
    [
        lines({"text": "Trêve à Alep, l’accord tient."}).encode("utf-8"),
        codecs.BOM_UTF8 + lines({"text": "Trêve à Alep, l’accord tient."}).encode("utf-8"),
        lines({"text": "Trêve à Alep, l’accord tient."}).encode("utf-16"),
        lines({"text": "Trêve à Alep, l’accord tient."}).replace("\n", "\r\n").encode("cp1252"),
    ],
    ids=["utf-8", "utf-8 BOM", "utf-16 BOM", "cp1252 CRLF"],
)
def test_encodings(tmp_path, content):
    [article] = read(tmp_path, content)
    assert article.raw == "Trêve à Alep, l’accord tient."


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty file"),
        (b"\n\n  \n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file: no text encoding detected (looks like image/png)"),
    ],
)
def test_empty_or_binary_file_is_one_rejection(tmp_path, content, reason):
    [article] = read(tmp_path, content)
    assert (article.name, article.rejection.reason) == ("lot.jsonl", reason)


def test_text_from_standard_input():
    articles = list(read_jsonl_text('{"text": "a"}\n\n{"oops"}\n', name="<stdin>", origin="<stdin>"))
    assert [(a.name, a.origin) for a in articles] == [("<stdin>:1", "<stdin>:1"), ("<stdin>:3", "<stdin>:3")]
    assert articles[1].rejection.reason.startswith("line 3: invalid JSON: ")


def test_lines_are_read_lazily(tmp_path):
    path = tmp_path / "gros.ndjson"
    path.write_text(lines(*({"text": f"Article {n}."} for n in range(1, 1001))))
    articles = read_jsonl_file(path)
    assert next(articles).raw == "Article 1."
    assert sum(1 for _ in articles) == 999


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux /proc")
def test_a_file_that_fails_to_read(tmp_path):
    path = tmp_path / "memoire.jsonl"
    path.symlink_to("/proc/self/mem")
    [article] = list(read_jsonl_file(path))
    assert article.rejection.reason == f"cannot read {path}: [Errno 5] Input/output error"
    assert os.path.basename(article.name) == "memoire.jsonl"
