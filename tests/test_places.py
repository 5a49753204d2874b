"""Place resolution in an article: candidates, context, traps, metonyms.

Sentences written for these tests; the gazetteer's own look-ups are tested in
test_gazetteer.py, here what an article's context does to them.
"""

import pytest

from veille.gazetteer import load_gazetteer
from veille.places import PlaceResolver


@pytest.fixture(scope="module")
def resolver():
    return PlaceResolver(load_gazetteer())


def places(resolver, text, **context):
    found, _ = resolver.read(text, **context)
    return {p.name: p for p in found}


def test_curated_villages_are_found_without_the_parse(resolver):
    found = places(resolver, "Les bus ont quitté Kafaria et Fouaa ce matin.")
    assert {"Kafaria", "Fouaa"} <= set(found)
    assert found["Fouaa"].country == "SY"
    assert found["Fouaa"].kind == "village"
    assert 35.9 < found["Kafaria"].lat < 36.1


def test_spelling_variants_resolve_to_one_place(resolver):
    a = places(resolver, "Les combats se poursuivent à Boukamal.")["Boukamal"]
    b = places(resolver, "Les combats se poursuivent à Albu Kamal.")["Albu Kamal"]
    assert (a.lat, a.lon) == (b.lat, b.lon)


def test_homs_stays_in_syria_and_paris_in_france(resolver):
    assert places(resolver, "Un attentat a frappé Homs.")["Homs"].country == "SY"
    found = places(resolver, "La réunion a eu lieu à Paris.", focus={"US", "SY"})
    assert found["Paris"].country == "FR"


def test_the_articles_focus_decides_between_namesakes(resolver):
    assert places(resolver, "Des heurts ont éclaté à Tripoli.", focus={"LB"})["Tripoli"].country == "LB"
    assert places(resolver, "Des heurts ont éclaté à Tripoli.", focus={"LY"})["Tripoli"].country == "LY"


def test_a_country_is_listed_only_without_a_finer_place_in_it(resolver):
    assert set(places(resolver, "La trêve tient en Syrie.")) == {"Syrie"}
    found = places(resolver, "La trêve tient en Syrie, notamment à Alep.")
    assert "Alep" in found and "Syrie" not in found


def test_a_name_read_as_an_actor_is_not_a_place(resolver):
    text = "Moscou et Damas doivent garantir la trêve à Alep."
    found = places(resolver, text, taken=[(0, 6), (10, 15)])
    assert "Moscou" not in found and "Damas" not in found and "Alep" in found


def test_a_river_is_placed_at_the_named_place_beside_it(resolver):
    found = places(resolver, "Les frappes ont visé la rive est de l'Euphrate, près de Boukamal.")
    river, town = found["Euphrate"], found["Boukamal"]
    assert (river.lat, river.lon) == (town.lat, town.lon)


def test_common_words_after_a_cue_are_not_places(resolver):
    assert places(resolver, "Il est arrivé à Midi avec Rien dans les mains.") == {}


@pytest.mark.slow
def test_the_stage_keeps_capitals_that_act_out_of_places(french):
    from veille.model import Article
    from veille.registry import load_registry
    from veille.stages.actors import Actors
    from veille.stages.places import Places

    text = "Moscou et Damas doivent garantir le cessez-le-feu. Les délégations se réuniront à Moscou."
    article = Article(id="t", name="t.txt", text=text, doc=french(text))
    Actors(load_registry())(article)
    Places(load_gazetteer())(article)
    assert "rus_gov" in {a.id for a in article.actors}
    moscow = [m for m in article.place_mentions if m.text == "Moscou"]
    assert [m.start for m in moscow] == [text.rindex("Moscou")]
