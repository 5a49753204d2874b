"""What an input is from its first bytes."""

import gzip

import pytest

from veille.ingest.sniff import binary_kind, looks_like_feed, looks_like_html, looks_like_jsonl, looks_like_warc


@pytest.mark.parametrize(
    "text, html",
    [
        ("<!DOCTYPE html>\n<html><body>Texte</body></html>", True),
        ("  \n<!doctype html><title>t</title>", True),
        ('<html lang="fr"><head></head>', True),
        ("<!-- sauvegardé le 3 mai -->\n<!DOCTYPE html><html>", True),
        ('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">', True),
        ("Titre\n<p>Premier paragraphe.</p>", True),
        ('Titre\n<body class="article">', True),
        ("Titre\n<p class=\"chapo\">Chapô</p>", True),
        ("Trêve à Alep\nLes combats ont cessé.\n", False),
        ("Si a < b et b > c, alors le texte reste du texte.", False),
        ("Les balises <pre> et <param> ne sont pas des paragraphes.", False),
        ("Texte\n" + "x" * 3000 + "<p>trop loin</p>", False),  # beyond the first 2 KB
    ],
)
def test_looks_like_html(text, html):
    assert looks_like_html(text) is html


@pytest.mark.parametrize(
    "text, jsonl",
    [
        ('{"text": "a"}\n{"text": "b"}\n', True),
        ('\n  {"text": "a"}\n\n{"text": "b"}', True),
        ('{"text": "a"}\nune ligne de texte\n', False),
        ("Texte brut\n", False),
        ("\n\n", False),
    ],
)
def test_looks_like_jsonl(text, jsonl):
    assert looks_like_jsonl(text) is jsonl


@pytest.mark.parametrize(
    "data, warc",
    [
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", True),
        (gzip.compress(b"WARC/1.1\r\nWARC-Type: response\r\n"), True),
        (b"filedesc://crawl.arc 0.0.0.0 20170124000000 text/plain 76\n", True),
        (gzip.compress(b"Texte compresse"), False),
        (b"\x1f\x8b not really gzip", False),
        (b"Texte brut", False),
    ],
)
def test_looks_like_warc(data, warc):
    assert looks_like_warc(data) is warc


@pytest.mark.parametrize(
    "data, feed",
    [
        (b'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>', True),
        (b'\xef\xbb\xbf<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', True),
        (b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">', True),
        (b'<!doctype html><html><link rel="alternate" type="application/rss+xml" href="/rss">', False),
        (b"Le flux <rss> est mentionne ici", False),
    ],
)
def test_looks_like_feed(data, feed):
    assert looks_like_feed(data) is feed


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
        (b"GIF89a\x01\x00", "image/gif"),
        (b"%PDF-1.7\n", "application/pdf"),
        (b"PK\x03\x04\x14\x00", "application/zip"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"\x00\x00\x00\x18ftypmp42", "video/mp4"),
        (b"\x00\x01\x02", "unknown"),
    ],
)
def test_binary_kind(data, kind):
    assert binary_kind(data) == kind
