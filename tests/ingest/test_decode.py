"""Bytes to text: BOM, declared charset, detection; empty and binary inputs named."""

import codecs

import pytest

from veille.errors import Rejected
from veille.ingest.decode import charset_of, decode, normalise

TEXTE = "Trêve à Alep\nLe cœur de l’accord : l’évacuation des blessés, dit-on à Moscou.\n"
RUSSE = "Перемирие в Алеппо соблюдается, заявили в Москве.\n"
PAGE = '<html><head><meta charset="{}"></head><body><p>{}</p></body></html>'


@pytest.mark.parametrize(
    "data",
    [
        TEXTE.encode("utf-8"),
        TEXTE.encode("cp1252"),
        TEXTE.encode("utf-8-sig"),
        TEXTE.encode("utf-16"),  # with its BOM
        codecs.BOM_UTF16_BE + TEXTE.encode("utf-16-be"),
        TEXTE.encode("utf-32"),
    ],
    ids=["utf-8", "cp1252", "utf-8 BOM", "utf-16 LE BOM", "utf-16 BE BOM", "utf-32 BOM"],
)
def test_encodings_are_detected(data):
    assert decode(data) == TEXTE


@pytest.mark.parametrize(
    "text",
    [
        "Le cœur de l’été à Alep.\n",  # charset-normalizer's best() reads this as cp1250: "cśur"
        "Œuvre, ça, où : « trêve » à Hama…\n",
        "Les délégations se sont retrouvées à Astana sous l’égide des garants.\n",
    ],
)
def test_short_french_in_cp1252_is_not_read_as_central_european(text):
    assert decode(text.encode("cp1252")) == text


@pytest.mark.parametrize(
    "data, charset, expected",
    [
        # a declared Latin-1 is read as Windows-1252, as browsers do: 0x92 is ’, not a control
        (PAGE.format("iso-8859-1", "l’accord").encode("cp1252"), None, PAGE.format("iso-8859-1", "l’accord")),
        # a declared single-byte charset does not turn valid UTF-8 into mojibake
        (PAGE.format("iso-8859-1", "évacuation").encode("utf-8"), None, PAGE.format("iso-8859-1", "évacuation")),
        (TEXTE.encode("utf-8"), "ISO-8859-1", TEXTE),
        # a declared charset that detection alone could miss
        (PAGE.format("windows-1251", RUSSE).encode("cp1251"), None, PAGE.format("windows-1251", RUSSE)),
        # the HTTP header comes before the page's own declaration
        (PAGE.format("windows-1251", RUSSE).encode("koi8-r"), "koi8-r", PAGE.format("windows-1251", RUSSE)),
        # an unknown or wrong declaration is passed over
        (PAGE.format("x-nonsense", "été").encode("utf-8"), None, PAGE.format("x-nonsense", "été")),
        (PAGE.format("utf-8", "été").encode("cp1252"), None, PAGE.format("utf-8", "été")),
        # a UTF-16 body declared by the server, without a BOM
        (TEXTE.encode("utf-16-le"), "utf-16-le", TEXTE),
    ],
)
def test_declared_charsets(data, charset, expected):
    assert decode(data, charset=charset) == expected


def test_http_equiv_and_xml_declarations_are_read():
    http_equiv = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    xml = '<?xml version="1.0" encoding="windows-1251"?><html><body>'
    for head in (http_equiv, xml):
        assert decode((head + RUSSE).encode("cp1251")) == head + RUSSE


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a\r\nb\rc\n", "a\nb\nc\n"),
        ("\ufeffTitre\n", "Titre\n"),
        ("  indentation gardée\t\n\n\nfin  ", "  indentation gardée\t\n\n\nfin  "),
        ("mot\ufeffmot", "mot\ufeffmot"),  # only a leading BOM is removed
    ],
)
def test_newlines_are_normalised_and_nothing_else(text, expected):
    assert normalise(text) == expected
    assert decode(text.encode("utf-8")) == expected


@pytest.mark.parametrize(
    "data, noun, reason",
    [
        (b"", "file", "empty file"),
        (b" \r\n\t\n ", "file", "empty file"),
        (codecs.BOM_UTF8 + b"\n", "file", "empty file"),
        (b"", "page", "empty page"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "file",
         "binary file: no text encoding detected (looks like image/png)"),
        (b"%PDF-1.4\n\x00\x01\x02", "file", "binary file: no text encoding detected (looks like application/pdf)"),
        (b"\x00\x01\x02\x03" * 10, "page", "binary page: no text encoding detected"),
        (TEXTE.encode("utf-16-le"), "file", "binary file: no text encoding detected"),
    ],
    ids=["empty", "whitespace", "only a BOM", "empty page", "png", "pdf", "nul bytes", "utf-16 without BOM"],
)
def test_empty_and_binary_inputs_are_rejected(data, noun, reason):
    with pytest.raises(Rejected) as caught:
        decode(data, noun=noun)
    assert caught.value.reason == reason


@pytest.mark.parametrize(
    "header, charset",
    [
        ("text/html; charset=ISO-8859-1", "ISO-8859-1"),
        ('text/html; charset="utf-8"', "utf-8"),
        ("text/html", None),
        ("", None),
        (None, None),
    ],
)
def test_charset_of_a_content_type(header, charset):
    assert charset_of(header) == charset
