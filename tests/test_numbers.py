"""Counts in digits and in words (veille.numbers) and the dead among them (details)."""

import pytest

from veille.details import fatalities
from veille.numbers import counts, value


@pytest.mark.parametrize(
    "phrase, number",
    [
        ("20 000", 20000),
        ("18.000", 18000),
        ("1,5 million", 1500000),
        ("vingt-trois", 23),
        ("vingt et un", 21),
        ("quatre-vingt-dix", 90),
        ("quatre-vingt-douze", 92),
        ("deux cents", 200),
        ("trois mille", 3000),
        ("deux cent cinquante mille", 250000),
        ("des dizaines", 10),
        ("une vingtaine", 20),
        ("des centaines de milliers", 100000),
        ("plusieurs dizaines", 10),
    ],
)
def test_values_in_digits_and_words(phrase, number):
    assert value(phrase) == number


def test_a_word_that_is_no_number_has_no_value():
    assert value("beaucoup") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Samedi, 12 500 habitants ont quitté les quartiers est.", [(12500, "habitants")]),
        ("Près de 3.000 combattants ont déposé les armes.", [(3000, "combattants")]),
        ("Une cinquantaine de prisonniers ont été amnistiés.", [(50, "prisonniers")]),
        ("Des centaines de milliers de réfugiés attendent.", [(100000, "réfugiés")]),
    ],
)
def test_counts_keep_the_noun_they_count(text, expected):
    assert [(c.number, c.noun) for c in counts(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "La réunion s'est tenue le 9 novembre en cours.",  # a day of the month
        "En 2016, la ville est tombée.",  # a year
        "Les tirs ont commencé vers 19h10, à 12 km de la ville.",  # a time, a distance
        "Le ministre a reçu un appel de son homologue.",  # an article
    ],
)
def test_dates_times_distances_and_articles_are_not_counts(text):
    assert counts(text) == []


@pytest.mark.parametrize(
    "text, dead",
    [
        ("Des frappes ont tué 32 personnes à Idleb.", 32),
        ("L'attaque a fait des dizaines de morts.", 10),
        ("Une quinzaine de soldats ont été tués lors de l'assaut.", 15),
        ("L'explosion a coûté la vie à vingt-trois civils.", 23),
        ("L'attaque a fait 40 blessés.", None),  # the wounded are not the dead
        ("Au moins 200 familles ont été évacuées.", None),
    ],
)
def test_fatalities(text, dead):
    assert fatalities(text) == dead


@pytest.mark.parametrize(
    "text, published, day",
    [
        ("L'EI s'était emparé de la ville le 11 décembre.", "2017-03-02", "2016-12-11"),
        ("Les photos prises le 9 novembre en cours.", "2017-11-10", "2017-11-09"),
        ("Les pourparlers se tiendront le 23 janvier.", "2017-01-20", "2017-01-23"),
        ("La ville est tombée le 1er mars.", "2017-03-02", "2017-03-01"),
    ],
)
def test_a_day_of_a_month_takes_the_year_nearest_publication(text, published, day):
    import datetime as dt

    from veille.details import date

    assert date(text, dt.date.fromisoformat(published)) == day


def test_a_month_alone_is_the_last_such_month_not_after_publication():
    import datetime as dt

    from veille.details import date

    assert date("Elle avait dénoncé en janvier des destructions.", dt.date(2017, 3, 2)) == "2017-01"
    assert date("Il avait annoncé en décembre le retrait.", dt.date(2018, 1, 8)) == "2017-12"


def test_since_a_date_is_the_start_of_a_situation_not_the_events_date():
    import datetime as dt

    from veille.details import date

    assert date("La ville est soumise depuis la fin avril à des bombardements.", dt.date(2019, 7, 23)) is None
    assert date("La ville est bombardée depuis le 3 mai.", dt.date(2019, 7, 23)) is None
