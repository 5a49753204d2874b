"""Actor resolution: registry names, offices at a date, collectives, metonyms, titles.

The sentences are written for these tests in the style of the press the project
reads; most rules need no parse, and those that read spaCy's entities are marked slow.
"""

import datetime as dt

import pytest

from veille.actors import ActorResolver
from veille.registry import load_registry


@pytest.fixture(scope="module")
def resolver():
    return ActorResolver(load_registry())


def ids(reading):
    return set(reading.actors)


def mentioned(reading):
    return [(m.text, m.actor) for m in reading.mentions]


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Serguei Lavrov a rencontré la presse.", "lavrov"),
        ("SERGUEÏ LAVROV a rencontré la presse.", "lavrov"),
        ("Sergey Lavrov met the press.", "lavrov"),
        ("Ali Shamkhani a reçu l'envoyé.", "shamkhani"),
        ("Ali Chamkhani a reçu l'envoyé.", "shamkhani"),
        ("Hassan Rouhani s'est exprimé mardi.", "rouhani"),
        ("Les combattants de Hayat Tahrir al-Cham ont avancé.", "hts"),
        ("Les combattants de Hayat-Tahrir-al-Sham ont avancé.", "hts"),
        ("Daech a revendiqué l'attentat.", "isis"),
        ("Les FDS ont repris le village.", "sdf"),
        ("أعلن بوتين عن خطة جديدة.", "putin"),
        ("Путин провёл переговоры.", "putin"),
    ],
)
def test_registry_names_match_across_spellings_and_scripts(resolver, text, actor):
    assert actor in ids(resolver.read(text))


def test_acronyms_match_only_in_capitals(resolver):
    assert "isis" in ids(resolver.read("L'EI a perdu du terrain."))
    assert "usa_gov" not in ids(resolver.read("Selon nous, les us et coutumes changent."))


def test_a_capital_that_acts_is_its_government_and_after_a_preposition_a_place(resolver):
    reading = resolver.read("Moscou et Damas doivent garantir le retrait des combattants.")
    assert {"rus_gov", "syr_gov"} <= ids(reading)
    reading = resolver.read("La réunion s'est tenue à Moscou en présence des délégations.")
    assert "rus_gov" not in ids(reading)


@pytest.mark.parametrize(
    "text, day, holder",
    [
        ("Le président russe a appelé au calme.", dt.date(2016, 12, 18), "putin"),
        ("Le président iranien a appelé au calme.", dt.date(2016, 12, 18), "rouhani"),
        ("Le président iranien a appelé au calme.", dt.date(2024, 10, 1), "pezeshkian"),
        ("Le ministre russe des Affaires étrangères a reçu la délégation.", dt.date(2017, 1, 5), "lavrov"),
        ("Le chef de la diplomatie américaine a appelé Moscou.", dt.date(2016, 12, 1), "kerry"),
        ("Le maître du Kremlin a reçu son hôte.", dt.date(2016, 12, 1), "putin"),
    ],
)
def test_an_office_without_a_name_is_its_holder_on_the_articles_date(resolver, text, day, holder):
    assert holder in ids(resolver.read(text, day=day))


def test_two_offices_in_one_phrase(resolver):
    reading = resolver.read(
        "Les présidents iranien et russe ont réitéré leur soutien.", day=dt.date(2016, 12, 20)
    )
    assert {"putin", "rouhani"} <= ids(reading)


def test_a_homologue_holds_the_same_office_in_another_country(resolver):
    reading = resolver.read(
        "Le président turc s'est entretenu avec son homologue russe.", day=dt.date(2016, 12, 20)
    )
    assert {"erdogan", "putin"} <= ids(reading)


def test_without_a_date_an_office_resolves_to_the_holder_the_article_names(resolver):
    text = "Hassan Rohani a parlé aux journalistes. Le président iranien a ensuite quitté la salle."
    reading = resolver.read(text, day=None)
    offices = [m for m in reading.mentions if m.how == "office"]
    assert [m.actor for m in offices] == ["rouhani"]
    assert "président iranien" in reading.actors["rouhani"].aliases


def test_collectives_are_one_actor_with_every_name_the_article_uses(resolver):
    reading = resolver.read(
        "Les terroristes ont bombardé le quartier. Les groupes armés ont ensuite reculé."
    )
    assert "rebels" in ids(reading)
    names = {reading.actors["rebels"].name, *reading.actors["rebels"].aliases}
    assert {"terroristes", "groupes armés"} <= names


def test_a_group_noun_followed_by_a_name_is_that_group(resolver):
    reading = resolver.read("Les terroristes de Daech ont été chassés de la ville.")
    assert ids(reading) == {"isis"}


def test_government_forces_are_the_army_of_the_country_in_focus(resolver):
    reading = resolver.read(
        "L'armée syrienne a avancé. Damas affirme que les forces gouvernementales tiennent la route."
    )
    assert "syr_army" in ids(reading)
    assert "government_forces" not in ids(reading)


def test_a_former_name_of_a_group_is_the_group_when_both_appear(resolver):
    reading = resolver.read("Hayat Tahrir al-Cham, l'ex-Front al-Nosra, a lancé l'assaut.")
    assert "hts" in ids(reading) and "nusra" not in ids(reading)
    assert "Front al-Nosra" in reading.actors["hts"].aliases


def test_a_body_named_inside_a_title_is_not_an_actor_of_its_own(resolver):
    reading = resolver.read(
        "Le porte-parole du ministère russe de la Défense, Igor Konachenkov, a démenti."
    )
    assert "konashenkov" in ids(reading)
    assert "rus_mod" not in ids(reading)


def test_the_publisher_is_the_voice_of_the_article_not_an_actor(resolver):
    text = "Selon des sources citées par RT, les combats ont repris."
    assert "rt" in ids(resolver.read(text))
    assert "rt" not in ids(resolver.read(text, outlet=["RT", "RT France"]))


def test_registry_actors_carry_their_codes(resolver):
    actor = resolver.read("Vladimir Poutine a reçu la délégation.").actors["putin"]
    assert (actor.kind, actor.country, actor.sector, actor.wikidata) == ("person", "RUS", "GOV", "Q7747")
    assert "Putin" in actor.aliases


@pytest.mark.slow
def test_unknown_people_are_local_actors_described_by_their_title(french):
    resolver = ActorResolver(load_registry())
    text = (
        "L'ambassadeur russe Andreï Karlovsky a été reçu par le général syrien Fadel Mansour. "
        "Karlovsky a ensuite quitté Damas."
    )
    reading = resolver.read(text, doc=french(text))
    people = {a.name: a for a in reading.actors.values() if a.kind == "person"}
    assert people["Andreï Karlovsky"].country == "RUS"
    assert people["Andreï Karlovsky"].sector == "GOV"
    assert people["Fadel Mansour"].country == "SYR"
    assert people["Fadel Mansour"].sector == "MIL"
    surname = [m for m in reading.mentions if m.text == "Karlovsky"]
    assert surname and surname[0].actor == reading.actors[surname[0].actor].id
    assert reading.actors[surname[0].actor].name == "Andreï Karlovsky"


def test_a_bare_definite_head_refers_back_to_the_actor_named_in_full(resolver):
    reading = resolver.read(
        "Le ministère russe de la Défense a publié un bilan. Le ministère a diffusé des photos. "
        "L'armée turque a avancé."
    )
    anaphors = [(m.text, m.actor) for m in reading.mentions if m.how == "anaphor"]
    assert anaphors == [("ministère", "rus_mod")]


def test_a_descriptive_name_matches_in_lowercase_and_a_long_one_whole(resolver):
    reading = resolver.read(
        "Selon le Centre russe pour la réconciliation des parties en conflit, l'armée arabe "
        "syrienne contrôle le quartier."
    )
    assert {"rus_reconc", "syr_army"} <= ids(reading)


def test_a_capitalised_two_word_name_still_needs_its_capital(resolver):
    reading = resolver.read("Il faut des conditions favorables à la mobilisation populaire.")
    assert "pmf" not in ids(reading)


def test_a_title_of_courtesy_does_not_make_a_new_person(french):
    resolver = ActorResolver(load_registry())
    text = "Le diplomate Karim Haddadi a parlé lundi. M. Haddadi a ensuite quitté Beyrouth."
    reading = resolver.read(text, doc=french(text))
    people = {a.id for a in reading.actors.values() if a.kind == "person"}
    assert len(people) == 1, people


def test_a_role_noun_alone_is_the_last_person_named(french):
    resolver = ActorResolver(load_registry())
    text = "Sergueï Lavrov a reçu la presse à Moscou. Le diplomate a accusé Washington de mentir."
    reading = resolver.read(text, doc=french(text))
    assert ("diplomate", "lavrov") in mentioned(reading)


def test_a_role_noun_with_a_country_is_someone_else(french):
    resolver = ActorResolver(load_registry())
    text = "Sergueï Lavrov a reçu la presse. Le ministre turc a répondu."
    reading = resolver.read(text, doc=french(text))
    assert ("ministre", "lavrov") not in mentioned(reading)


def test_the_two_leaders_are_the_last_two_people_named(french):
    resolver = ActorResolver(load_registry())
    text = "Vladimir Poutine a reçu Recep Tayyip Erdogan. Les deux dirigeants ont parlé de la Syrie."
    reading = resolver.read(text, doc=french(text))
    pair = {m.actor for m in reading.mentions if m.text == "Les deux dirigeants"}
    assert pair == {"putin", "erdogan"}


def test_an_unnamed_spokesperson_speaks_for_the_body(resolver):
    reading = resolver.read("Interrogé lundi, un porte-parole du Pentagone a rejeté toute implication.")
    assert "usa_mod" in ids(reading)


def test_a_body_in_the_title_of_a_named_person_is_not_an_actor(resolver):
    for text in (
        "Le porte-parole du Kremlin, Dmitri Peskov, a confirmé lundi les frappes.",
        "Ali Chamkhani, secrétaire du Conseil suprême de la sécurité nationale, a reçu l'envoyé russe.",
    ):
        reading = resolver.read(text)
        assert not {"kremlin", "irn_snsc"} & ids(reading), mentioned(reading)
