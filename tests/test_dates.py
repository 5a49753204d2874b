import datetime as dt

import pytest

from veille.dates import date_from_url, find_dates, next_weekday, parse_iso, weekday_cue


@pytest.mark.parametrize(
    "text, languages, expected",
    [
        ("reçu à Téhéran, le 18 décembre 2016.", ["fr"], [dt.date(2016, 12, 18)]),
        ("le 1er mars 2020 et le 2 mars 2020", ["fr"], [dt.date(2020, 3, 1), dt.date(2020, 3, 2)]),
        ("on December 9, 2016 in the city", ["en"], [dt.date(2016, 12, 9)]),
        ("9 December 2016", ["en"], [dt.date(2016, 12, 9)]),
        ("lunes, 8 de enero de 2018 12:40", ["es"], [dt.date(2018, 1, 8)]),
        ("18 декабря 2016 года", ["ru"], [dt.date(2016, 12, 18)]),
        ("publié le 18/12/2016 à 10h", ["fr"], [dt.date(2016, 12, 18)]),
        ("2016-12-18T10:00", None, [dt.date(2016, 12, 18)]),
        # not dates: a percentage, a bare year, a day and month without year
        ("93% des quartiers depuis 2012", ["fr"], []),
        ("le 9 novembre en cours", ["fr"], []),
        ("les 15 combattants 2017", ["fr"], []),
    ],
)
def test_find_dates(text, languages, expected):
    assert [f.date for f in find_dates(text, languages=languages)] == expected


@pytest.mark.parametrize(
    "text, language, bare, expected",
    [
        ("a appelé ce samedi l'opposition", "fr", False, 5),
        ("Rien que dimanche, 300 personnes", "fr", False, 6),
        ("s'est entretenu lundi avec", "fr", False, None),
        ("s'est entretenu lundi avec", "fr", True, 0),
        ("talks held this Friday in Geneva", "en", False, 4),
        ("talks held on Friday in Geneva", "en", False, None),  # past, not "this" day
        ("ce samedi", "xx", False, None),
    ],
)
def test_weekday_cue(text, language, bare, expected):
    cue = weekday_cue(text, language, bare=bare)
    assert (cue[0] if cue else None) == expected


def test_next_weekday_is_on_or_after_the_anchor():
    friday = dt.date(2016, 12, 9)
    assert next_weekday(friday, 5) == dt.date(2016, 12, 10)
    assert next_weekday(friday, 4) == friday
    assert next_weekday(friday, 3) == dt.date(2016, 12, 15)


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://x.org/2017/11/09/boukamal", dt.date(2017, 11, 9)),
        ("https://x.org/news/2017-11-09-boukamal", dt.date(2017, 11, 9)),
        ("https://x.org/2017/13/40/x", None),
        ("https://x.org/news/12345", None),
        (None, None),
    ],
)
def test_date_from_url(url, expected):
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    "value, expected",
    [("2016-12-18", dt.date(2016, 12, 18)), ("2016-12-18T08:00:00+02:00", dt.date(2016, 12, 18)), ("", None), (None, None), ("demain", None)],
)
def test_parse_iso(value, expected):
    assert parse_iso(value) == expected
