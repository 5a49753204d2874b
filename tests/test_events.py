"""Event coding and quotes on French sentences written for these tests.

Each PLOVER type has sentences that must code (with their source and target) and
near-misses that must not; then negation, future, hypothetical and historical
modality, claimants, quotes with the speaker before and after, numbers in words.
They run the real stages (actors, places, events) on the French model.
"""

import datetime as dt

import pytest

from veille.gazetteer import load_gazetteer
from veille.lexicon import load_triggers
from veille.model import Article
from veille.registry import load_registry
from veille.stages.actors import Actors
from veille.stages.events import Events
from veille.stages.places import Places

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def read(french):
    actors, places = Actors(load_registry()), Places(load_gazetteer())
    events = Events(load_triggers(), load_registry())

    def run(text, published=dt.date(2016, 12, 18), language="fr", title=None):
        article = Article(
            id="t", name="t.txt", text=text, language=language, published=published, title=title
        )
        article.doc = french(text) if language == "fr" else None
        for stage in (actors, places, events):
            stage(article)
        return article

    return run


def coded(article):
    return {(e.type, tuple(sorted(e.source)), tuple(sorted(e.target))) for e in article.events}


def types(article):
    return {e.type for e in article.events}


@pytest.mark.parametrize(
    "text, type, source, target",
    [
        ("Vladimir Poutine a signé un accord avec Recep Tayyip Erdogan.", "AGREE", "putin", None),
        ("Sergueï Lavrov a rencontré Mohammad Javad Zarif à Moscou.", "CONSULT", "lavrov", "zarif"),
        ("Hassan Rohani a salué le rôle du Kazakhstan.", "SUPPORT", "rouhani", "kaz_gov"),
        ("L'armée syrienne a reconnu sa défaite face aux rebelles.", "CONCEDE", "syr_army", None),
        ("La Russie et l'Iran coordonnent leurs opérations en Syrie.", "COOPERATE", "rus_gov", None),
        ("La Russie a livré des aides humanitaires à la population d'Alep.", "AID", "rus_gov", None),
        ("Les rebelles ont déposé les armes à Alep-Est.", "RETREAT", "rebels", None),
        ("John Kerry a exhorté l'opposition syrienne à quitter Alep.", "REQUEST", "kerry", "opposition"),
        ("Sergueï Lavrov a accusé les États-Unis de protéger les terroristes.", "ACCUSE", "lavrov", "usa_gov"),
        ("Damas a rejeté la proposition de Washington.", "REJECT", "syr_gov", None),
        ("Bachar al-Assad a menacé les terroristes.", "THREATEN", "assad_bashar", "rebels"),
        ("Des milliers d'habitants ont manifesté à Damas contre les sanctions.", "PROTEST", "civilians", None),
        ("Washington a imposé des sanctions à Damas.", "SANCTION", "usa_gov", "syr_gov"),
        ("La Russie a déployé des troupes en Syrie.", "MOBILIZE", "rus_gov", None),
        ("L'armée syrienne a assiégé les rebelles à Alep-Est.", "COERCE", "syr_army", "rebels"),
        ("L'aviation russe a bombardé les positions de Daech près de Palmyre.", "ASSAULT", None, "isis"),
    ],
)
def test_each_plover_type_codes_with_its_roles(read, text, type, source, target):
    article = read(text)
    events = [e for e in article.events if e.type == type]
    assert events, [(e.type, e.source, e.target, e.trigger) for e in article.events]
    if source:
        assert any(source in e.source for e in events), [(e.source, e.trigger) for e in events]
    if target:
        assert any(target in e.target for e in events), [(e.target, e.trigger) for e in events]


@pytest.mark.parametrize(
    "text, type",
    [
        ("Le ministre a rencontré des difficultés pour se faire entendre.", "CONSULT"),
        ("Lavrov a soutenu que la trêve tenait.", "SUPPORT"),
        ("Poutine a appelé Erdogan mardi.", "REQUEST"),
        ("La délégation s'est rendue à Moscou pour des consultations.", "RETREAT"),
        ("Le journaliste a frappé à la porte du ministère.", "ASSAULT"),
    ],
)
def test_near_misses_do_not_code(read, text, type):
    assert type not in types(read(text))


def test_the_visit_sense_of_se_rendre_is_a_consultation(read):
    article = read("Sergueï Lavrov s'est rendu à Téhéran.")
    assert "RETREAT" not in types(article)


def test_coordinated_subjects_are_all_sources(read):
    article = read("Vladimir Poutine et Hassan Rohani ont signé un accord.", published=dt.date(2016, 12, 20))
    agree = [e for e in article.events if e.type == "AGREE"]
    assert agree and {"putin", "rouhani"} <= set(agree[0].source)


def test_a_demonym_names_the_attacker(read):
    article = read("Des frappes aériennes russes ont visé les terroristes de Daech.")
    assault = [e for e in article.events if e.type == "ASSAULT"]
    assert assault and assault[0].mode == "aerial"
    assert any(a.country == "RUS" for a in article.actors if a.id in assault[0].source)


def test_a_phone_call_lists_both_parties(read):
    article = read(
        "Vladimir Poutine s'est entretenu au téléphone avec Recep Tayyip Erdogan.",
        published=dt.date(2016, 12, 20),
    )
    consult = [e for e in article.events if e.type == "CONSULT"]
    assert consult and {"putin", "erdogan"} <= set(consult[0].source + consult[0].target)


@pytest.mark.parametrize(
    "text, type, modality",
    [
        ("Les États-Unis ont refusé catégoriquement de bombarder les positions de Daech.", "ASSAULT", "negated"),
        ("L'armée syrienne n'a pas attaqué les rebelles.", "ASSAULT", "negated"),
        ("L'armée syrienne attaquera les rebelles demain.", "ASSAULT", "future"),
        ("La Russie va déployer des troupes supplémentaires.", "MOBILIZE", "future"),
        ("L'armée syrienne pourrait attaquer les rebelles.", "ASSAULT", "hypothetical"),
        ("La Russie a déployé des troupes en Syrie en 2015.", "MOBILIZE", "historical"),
        ("L'armée syrienne a attaqué les rebelles.", "ASSAULT", "asserted"),
        # the future of the past in what a speaker says
        ("Le ministre a déclaré que la Russie déploierait des troupes supplémentaires.", "MOBILIZE", "future"),
        ("La Turquie prévoit de retirer ses troupes d'Afrine.", "RETREAT", "future"),
        ("Le ministère russe de la Défense a démenti avoir bombardé l'hôpital.", "ASSAULT", "negated"),
        # a past infinitive: done, even after a verb of announcing
        ("L'armée syrienne a annoncé avoir bombardé les positions des rebelles.", "ASSAULT", "asserted"),
        # an attempt is an act; the journalistic conditional is reported, not hypothetical
        ("L'aviation de la coalition a tenté d'entraver les avions russes.", "COERCE", "asserted"),
        ("L'armée syrienne aurait repoussé les rebelles près de Hama.", "ASSAULT", "asserted"),
        ("Si les négociations échouent, l'armée syrienne attaquera les rebelles.", "ASSAULT", "hypothetical"),
        ("L'armée syrienne attaquerait les rebelles si ceux-ci refusaient.", "ASSAULT", "hypothetical"),
    ],
)
def test_modality(read, text, type, modality):
    article = read(text)
    events = [e for e in article.events if e.type == type]
    assert events, [(e.type, e.modality) for e in article.events]
    assert events[0].modality == modality, [(e.type, e.modality) for e in article.events]


def test_a_historical_event_is_dated_by_its_year(read):
    article = read("La Russie a déployé des troupes en Syrie en septembre 2015.")
    assert article.events[0].date == "2015-09"


def test_weekdays_and_today_resolve_against_the_publication_date(read):
    article = read("Sergueï Lavrov a rencontré John Kerry ce samedi.", published=dt.date(2016, 12, 18))
    assert article.events[0].date == "2016-12-17"


@pytest.mark.parametrize(
    "text, claimant",
    [
        ("Selon le ministère russe de la Défense, les rebelles ont attaqué l'armée syrienne.", "rus_mod"),
        ("Sergueï Lavrov a affirmé que les rebelles ont attaqué l'armée syrienne.", "lavrov"),
        ("Les rebelles ont attaqué l'armée syrienne.", "outlet"),
    ],
)
def test_claimants(read, text, claimant):
    article = read(text, published=dt.date(2017, 1, 5))
    assault = [e for e in article.events if e.type == "ASSAULT"]
    assert assault and assault[0].according_to == claimant


def test_a_speakers_allegation_is_also_an_accusation(read):
    article = read("Sergueï Lavrov a affirmé que la coalition internationale bombarde les civils.")
    accuse = [e for e in article.events if e.type == "ACCUSE"]
    assert accuse and accuse[0].source == ["lavrov"] and "intl_coalition" in accuse[0].target


@pytest.mark.parametrize(
    "text, fatalities",
    [
        ("Des frappes aériennes ont tué 32 personnes à Alep.", 32),
        ("L'attaque des rebelles a fait des dizaines de morts à Alep.", 10),
        ("Un attentat a tué vingt civils à Damas.", 20),
    ],
)
def test_fatalities_in_digits_and_words(read, text, fatalities):
    article = read(text)
    assault = [e for e in article.events if e.type == "ASSAULT"]
    assert assault and assault[0].fatalities == fatalities


def test_quotes_with_the_speaker_after_and_before(read):
    article = read(
        "Sergueï Lavrov a reçu son homologue iranien à Moscou. "
        "« La coopération entre nos deux pays se renforce chaque jour », a déclaré Sergueï Lavrov. "
        "John Kerry a répondu : « Nous ne laisserons pas faire cela sans réagir. »"
    )
    by_text = {q.text[:20]: q for q in article.quotes}
    after = next(q for q in article.quotes if q.text.startswith("La coopération"))
    before = next(q for q in article.quotes if q.text.startswith("Nous ne laisserons"))
    assert after.speaker == "lavrov" and after.direct
    assert before.speaker == "kerry" and before.direct, by_text


def test_indirect_speech_is_a_quote_of_its_speaker(read):
    article = read("Dmitri Peskov a indiqué que Moscou et Damas restaient en contact permanent.")
    quote = article.quotes[0]
    assert quote.speaker == "peskov" and not quote.direct
    assert quote.text.startswith("Moscou et Damas restaient")


def test_scare_quotes_and_names_in_quotes_are_not_quotes(read):
    article = read("Les « rebelles » de la « Coalition internationale » ont reculé.")
    assert article.quotes == []


def test_other_languages_are_marked_not_coded(read):
    article = read('Lavrov said: "We will not allow this to happen again."', language="en")
    assert article.events == [] and article.events_coded is False


def test_an_event_noun_that_refers_back_is_not_a_new_event(read):
    article = read(
        "Vladimir Poutine s'est entretenu avec Recep Tayyip Erdogan. "
        "Lors de cet entretien, Vladimir Poutine a salué le rôle de la Turquie.",
        published=dt.date(2016, 12, 20),
    )
    consults = [e for e in article.events if e.type == "CONSULT"]
    assert len(consults) == 1 and consults[0].sentence.startswith("Vladimir Poutine s'est entretenu")


def test_the_outlets_own_reminder_is_not_a_claim(read):
    article = read(
        "John Kerry a parlé mardi. Il convient de rappeler que l'armée syrienne a attaqué les rebelles."
    )
    assault = [e for e in article.events if e.type == "ASSAULT"]
    assert assault and assault[0].according_to == "outlet"


def test_a_communique_speaks_for_its_author(read):
    article = read(
        "Le ministère russe de la Défense a affirmé que Daech avait quitté la ville. "
        "Le communiqué ajoute que l'armée syrienne a attaqué les terroristes de Daech."
    )
    assault = [e for e in article.events if e.type == "ASSAULT"]
    assert assault and assault[0].according_to == "rus_mod"
    indirect = [q for q in article.quotes if q.text.startswith("l'armée syrienne")]
    assert indirect and indirect[0].speaker == "rus_mod"


def test_leaders_stating_together_agree(read):
    article = read(
        "Vladimir Poutine et Hassan Rohani ont souligné l'importance du processus politique.",
        published=dt.date(2016, 12, 20),
    )
    agree = [e for e in article.events if e.type == "AGREE"]
    assert agree and set(agree[0].source) == {"putin", "rouhani"}
    alone = read("Vladimir Poutine a souligné l'importance du processus politique.")
    assert "AGREE" not in types(alone)


def test_must_in_a_speakers_words_is_a_request_to_the_subject(read):
    article = read(
        "« La Russie et la Syrie doivent garantir la sécurité des civils qui quittent Alep », "
        "a déclaré John Kerry."
    )
    requests = [e for e in article.events if e.type == "REQUEST"]
    assert requests and requests[0].source == ["kerry"]
    assert {"rus_gov", "syr_gov"} <= set(requests[0].target)


def test_backing_an_armed_group_is_aid(read):
    article = read("Sergueï Lavrov a affirmé que les États-Unis soutiennent les terroristes de Daech.")
    aid = [e for e in article.events if e.type == "AID"]
    assert aid and aid[0].source == ["usa_gov"] and aid[0].according_to == "lavrov"


def test_a_reminder_in_the_pluperfect_is_background(read):
    article = read(
        "Il convient de rappeler que Damas avait appelé les combattants à déposer les armes."
    )
    request = [e for e in article.events if e.type == "REQUEST"]
    assert request and request[0].modality == "historical"


def test_according_to_a_communique_is_its_author(read):
    article = read(
        "Vladimir Poutine s'est entretenu avec Recep Tayyip Erdogan, selon un communiqué publié par le Kremlin.",
        published=dt.date(2016, 12, 20),
    )
    consult = [e for e in article.events if e.type == "CONSULT"]
    assert consult and consult[0].according_to == "rus_gov"


def test_a_headline_that_names_fewer_parties_is_the_same_event(read):
    article = read(
        "Lavrov accuse Washington.\n"
        "Le ministre Sergueï Lavrov a accusé les États-Unis et la coalition internationale de protéger Daech.",
        published=dt.date(2017, 11, 9),
    )
    accusations = [e for e in article.events if e.type == "ACCUSE"]
    assert len(accusations) == 1 and {"usa_gov", "intl_coalition"} <= set(accusations[0].target)


def test_what_a_speaker_details_is_an_indirect_quote_stopping_at_the_next_quotation(read):
    article = read(
        "Sergueï Lavrov a reçu la presse. Il a détaillé la stratégie de la Russie pour évacuer les "
        "civils d'Alep et précisé que « les corridors resteront ouverts toute la semaine »."
    )
    detailed = [q for q in article.quotes if q.text.startswith("la stratégie de la Russie")]
    assert detailed and detailed[0].speaker == "lavrov" and not detailed[0].direct
    assert "corridors" not in detailed[0].text
    direct = [q for q in article.quotes if q.direct]
    assert direct and direct[0].text.startswith("les corridors resteront")


def test_leaders_agreeing_to_work_with_someone_name_them_as_target(read):
    article = read(
        "Vladimir Poutine et Hassan Rohani ont souligné l'importance de coordonner les efforts avec la Turquie.",
        published=dt.date(2016, 12, 20),
    )
    agree = [e for e in article.events if e.type == "AGREE"]
    assert agree and agree[0].target == ["tur_gov"]


def test_must_in_an_incise_is_a_request_too(read):
    article = read(
        "La Russie et la Syrie doivent garantir la sécurité des civils, a déclaré John Kerry.",
        published=dt.date(2016, 12, 10),
    )
    requests = [e for e in article.events if e.type == "REQUEST"]
    assert requests and requests[0].source == ["kerry"]


def test_who_is_asked_to_act_is_the_actor_of_the_infinitive(read):
    article = read("L'armée syrienne a contraint les rebelles à déposer les armes.", published=dt.date(2016, 12, 10))
    retreat = [e for e in article.events if e.type == "RETREAT"]
    assert retreat and retreat[0].source == ["rebels"]


def test_a_strike_without_a_named_target_hit_the_other_side_named_nearby(read):
    article = read(
        "Les rebelles de Hayat Tahrir al-Cham ont lancé une offensive sur Alep. "
        "L'aviation russe a mené des frappes aériennes dans la nuit."
    )
    strikes = [e for e in article.events if e.type == "ASSAULT" and e.trigger.startswith("mené")]
    assert strikes and "hts" in strikes[0].target and strikes[0].target_inferred
    stated = [e for e in article.events if e.type == "ASSAULT" and not e.target_inferred]
    assert stated


def test_a_year_on_a_noun_does_not_make_the_event_background(read):
    article = read(
        "L'armée syrienne a repris les quartiers occupés depuis 2012 par les rebelles.",
        published=dt.date(2016, 12, 10),
    )
    retaken = [e for e in article.events if e.type == "ASSAULT"]
    assert retaken and retaken[0].modality == "asserted"
    assert "rebels" in retaken[0].target


def events_of(article, type):
    return [e for e in article.events if e.type == type]


def test_the_recipient_of_support_the_parse_hangs_on_the_backer(read):
    article = read(
        "Sergueï Lavrov a dénoncé le soutien militaire de l'Occident et de ses alliés "
        "aux groupes terroristes."
    )
    aid = events_of(article, "AID")
    assert aid and "west" in aid[0].source and "rebels" in aid[0].target


def test_stressing_the_need_for_something_is_a_request_and_the_thing_has_not_happened(read):
    article = read("Sergueï Lavrov a souligné la nécessité de libérer tous les otages détenus par les rebelles.")
    assert [e.source for e in events_of(article, "REQUEST")] == [["lavrov"]]
    assert not events_of(article, "RETREAT")


def test_what_a_request_asks_for_is_not_an_event_of_its_own(read):
    article = read("John Kerry a exhorté l'opposition syrienne à quitter Alep-Est.")
    assert events_of(article, "REQUEST")
    assert not events_of(article, "RETREAT")


def test_il_faut_in_a_speakers_words_is_a_request(read):
    article = read("Hassan Rohani a affirmé qu'il fallait que les terroristes déposent les armes.")
    requests = events_of(article, "REQUEST")
    assert requests and requests[0].source == ["rouhani"] and "rebels" in requests[0].target
    assert not events_of(article, "RETREAT")


def test_a_meeting_told_twice_in_either_direction_is_one_event(read):
    article = read(
        "Sergueï Lavrov reçoit Mohammad Javad Zarif à Moscou.\n"
        "Lors d'une rencontre avec Mohammad Javad Zarif ce dimanche, Sergueï Lavrov a évoqué la situation à Alep."
    )
    assert len(events_of(article, "CONSULT")) == 1


def test_entre_names_both_partners(read):
    article = read("La coordination entre Téhéran et Moscou se poursuit en Syrie.")
    cooperate = events_of(article, "COOPERATE")
    assert cooperate and {"irn_gov", "rus_gov"} <= set(cooperate[0].source)


def test_the_agent_of_a_participle_is_the_attacker(read):
    article = read("L'offensive menée par les rebelles contre l'armée syrienne se poursuit près de Hama.")
    assault = events_of(article, "ASSAULT")
    assert assault and "rebels" in assault[0].source


def test_the_two_leaders_after_a_statement_are_its_claimants(read):
    article = read(
        "Vladimir Poutine s'est entretenu avec Hassan Rohani. L'attaque menée par les terroristes "
        "vise la souveraineté de la Syrie, ont affirmé les deux dirigeants."
    )
    assault = events_of(article, "ASSAULT")
    assert assault and assault[0].according_to in ("putin", "rouhani")
    assert any(set(e.source) <= {"putin", "rouhani"} for e in events_of(article, "ACCUSE"))


def test_a_speakers_verdict_on_an_actor_is_an_accusation_or_support(read):
    article = read(
        "Sergueï Lavrov a déclaré que la présence de l'Iran en Syrie est légitime, alors que celle "
        "de la coalition internationale est illégale."
    )
    assert ("SUPPORT", ("lavrov",), ("irn_gov",)) in coded(article)
    assert ("ACCUSE", ("lavrov",), ("intl_coalition",)) in coded(article)


@pytest.mark.parametrize(
    "text",
    [
        "La présence de la coalition internationale en Syrie est illégale.",  # the outlet's verdict
        "Sergueï Lavrov a déclaré que la présence de la Russie en Syrie est légitime.",  # his own
    ],
)
def test_verdicts_that_are_not_events(read, text):
    assert not {"ACCUSE", "SUPPORT"} & types(read(text))


def test_a_people_acting_stands_for_its_state(read):
    article = read(
        "La Russie a proposé des opérations communes contre Daech, mais les Américains ont refusé "
        "de bombarder les terroristes."
    )
    assert ("REJECT", ("usa_gov",), ("rus_gov",)) in coded(article)
    bombing = events_of(article, "ASSAULT")
    assert bombing and bombing[0].source == ["usa_gov"] and bombing[0].modality == "negated"


def test_a_people_as_object_is_not_its_state(read):
    article = read("L'armée syrienne a libéré les Syriens retenus par les terroristes.")
    assert all("syr_gov" not in e.source + e.target for e in article.events)


def test_a_relative_clause_the_parse_hangs_on_a_verb_keeps_its_antecedent(read):
    article = read(
        "Le ministère russe de la Défense a publié des photos montrant les terroristes de Daech "
        "qui ont pris la fuite de Boukamal."
    )
    retreat = events_of(article, "RETREAT")
    assert retreat and retreat[0].source == ["isis"]


def test_a_second_act_of_a_speaker_is_not_what_the_speaker_says(read):
    article = read("Sergueï Lavrov a dénoncé les sanctions et a rencontré Mohammad Javad Zarif à Moscou.")
    consult = events_of(article, "CONSULT")
    assert consult and consult[0].according_to == "outlet"


def test_an_event_carries_the_other_counts_of_its_sentence(read):
    article = read("Rien que samedi, près de 12 500 combattants ont déposé les armes à Alep-Est.")
    retreat = events_of(article, "RETREAT")
    assert retreat and retreat[0].quantities == [
        {"number": 12500, "noun": "combattants", "text": "près de 12 500 combattants"}
    ]


def test_who_repelled_an_attack_was_its_target(read):
    article = read("L'armée syrienne a repoussé une attaque des rebelles près de Hama.")
    assault = events_of(article, "ASSAULT")
    assert assault and assault[0].target == ["syr_army"] and "syr_army" not in assault[0].source


@pytest.mark.parametrize(
    "text, source",
    [
        ("Vladimir Poutine a assuré que la Russie frapperait les terroristes s'ils relèvent la tête.", "putin"),
        ("L'armée syrienne a promis de frapper les terroristes.", "syr_army"),
    ],
)
def test_harm_announced_by_its_own_side_or_promised_is_a_threat(read, text, source):
    article = read(text)
    threats = events_of(article, "THREATEN")
    assert threats and threats[0].source == [source] and "rebels" in threats[0].target
    assert not events_of(article, "ASSAULT")


def test_they_who_speak_are_the_group_last_named(read):
    article = read(
        "Les rebelles ont rejeté la trêve. Ils affirment que l'aviation syrienne a bombardé leurs positions."
    )
    assault = events_of(article, "ASSAULT")
    assert assault and assault[0].according_to == "rebels"


def test_a_headline_restating_a_request_in_other_words_is_the_same_request(read):
    title = "Kerry exhorte l'opposition syrienne à négocier"
    article = read(
        title + "\nJohn Kerry a appelé ce samedi l'opposition syrienne à faire le premier pas vers la paix.",
        title=title,
    )
    assert len(events_of(article, "REQUEST")) == 1


def test_pas_without_ne_is_no_negation(read):
    article = read("John Kerry a appelé l'opposition syrienne à faire le premier pas vers la paix.")
    assert [e.modality for e in events_of(article, "REQUEST")] == ["asserted"]


def test_air_support_to_an_assault_is_an_assault_of_its_own(read):
    article = read(
        "Les forces gouvernementales syriennes, appuyées par l'aviation russe, ont repris "
        "la cité antique de Palmyre aux jihadistes de Daech.",
        published=dt.date(2017, 3, 2),
    )
    assaults = {tuple(e.source) for e in events_of(article, "ASSAULT") if "isis" in e.target}
    assert ("syr_army",) in assaults and ("rus_vks",) in assaults
    assert not events_of(article, "SUPPORT")


def test_support_with_no_assault_stays_support(read):
    article = read("L'aviation russe soutient l'armée syrienne depuis septembre.", published=dt.date(2017, 3, 2))
    assert events_of(article, "SUPPORT") and not events_of(article, "ASSAULT")


def test_an_event_dated_months_before_the_article_is_background(read):
    article = read(
        "L'organisation État islamique s'était emparée de Palmyre le 11 décembre.",
        published=dt.date(2017, 3, 2),
    )
    assault = events_of(article, "ASSAULT")
    assert assault and assault[0].modality == "historical" and assault[0].date == "2016-12-11"


def test_a_year_on_the_main_clause_dates_the_nouns_inside_it(read):
    article = read(
        "Les jihadistes en avaient été chassés en mars 2016, au terme d'une offensive menée avec "
        "l'appui de Moscou.",
        published=dt.date(2017, 3, 2),
    )
    assert all(e.modality == "historical" for e in article.events), [(e.type, e.modality) for e in article.events]


def test_engaged_in_a_battle_is_not_a_plan(read):
    article = read(
        "L'essentiel des forces gouvernementales syriennes était engagé dans la bataille contre les rebelles.",
        published=dt.date(2016, 12, 11),
    )
    assert all(e.modality != "future" for e in article.events)


def test_accusing_someone_of_an_act_makes_them_its_doer(read):
    article = read("Washington et Londres accusent Damas et Moscou de violer la trêve à la Ghouta.")
    inner = [e for e in article.events if e.type != "ACCUSE"]
    assert inner and set(inner[0].source) == {"syr_gov", "rus_gov"}, [(e.type, e.source) for e in article.events]
    assert inner[0].according_to in ("usa_gov", "gbr_gov")


def test_a_relative_clause_on_a_nominalised_adjective(read):
    article = read(
        "Dmitri Peskov a estimé que la faute incombait aux « terroristes qui continuent de bombarder Damas »."
    )
    assault = events_of(article, "ASSAULT")
    assert assault and assault[0].source == ["rebels"] and assault[0].according_to == "peskov"


def test_supporting_something_of_an_armed_group_is_not_arming_it(read):
    article = read(
        "Les trois pays garants soutiennent la participation de l'opposition armée aux élections."
    )
    assert not events_of(article, "AID")


def test_a_possessive_is_the_actor_named_last_before_it(read):
    article = read(
        "Les présidents russe et iranien ont exprimé leur soutien à Damas dans sa lutte contre les terroristes.",
        published=dt.date(2024, 12, 2),
    )
    fights = [e for e in events_of(article, "ASSAULT") if "rebels" in e.target]
    assert all(e.source == ["syr_gov"] for e in fights), [(e.source, e.trigger) for e in fights]


def test_every_name_of_an_enumeration_is_a_party(read):
    article = read("La Russie, l'Iran et la Turquie se sont entendus mardi sur un cessez-le-feu.")
    agree = events_of(article, "AGREE")
    assert agree and {"rus_gov", "irn_gov", "tur_gov"} <= set(agree[0].source)


def test_calling_a_meeting_a_success_is_support(read):
    article = read("Bachar al-Jaafari a qualifié la rencontre de « succès ».")
    assert [e.source for e in events_of(article, "SUPPORT")] == [["jaafari"]]


def test_a_noun_under_a_negated_verb_is_negated_and_il_y_a_is_nobody(read):
    article = read("Selon l'OSDH, il n'y a pas eu de combats entre l'armée syrienne et les rebelles à Palmyre.")
    fights = events_of(article, "ASSAULT")
    assert all(e.modality == "negated" for e in fights)
    assert all("osdh" not in e.source for e in fights)


def test_excluded_from_a_ceasefire_is_no_agreement(read):
    article = read("Daech et le Front al-Nosra sont exclus du cessez-le-feu.")
    assert not events_of(article, "AGREE")


def test_a_pluperfect_dated_in_an_earlier_month_is_background(read):
    article = read(
        "Vladimir Poutine, qui avait annoncé en décembre le retrait d'une partie des troupes russes, "
        "a reçu lundi Recep Tayyip Erdogan.",
        published=dt.date(2018, 1, 8),
    )
    earlier = [e for e in article.events if e.type != "CONSULT"]
    assert earlier and all(e.modality == "historical" for e in earlier), [(e.type, e.modality) for e in article.events]
    assert [e.modality for e in events_of(article, "CONSULT")] == ["asserted"]


def test_an_opening_pour_x_is_the_claimant(read):
    article = read("Pour Moscou, les rebelles ont attaqué l'armée syrienne près de Hama.")
    assault = events_of(article, "ASSAULT")
    assert assault and assault[0].according_to == "rus_gov"


def test_the_subject_of_a_cleft_sentence(read):
    article = read(
        "C'est le ministre russe de la Défense, Sergueï Choïgou, qui a annoncé la nouvelle, lors "
        "d'une réunion avec Vladimir Poutine."
    )
    consult = events_of(article, "CONSULT")
    assert consult and {"shoigu", "putin"} <= set(consult[0].source + consult[0].target)


def test_a_que_clause_hung_on_the_communique_is_still_what_the_ministry_says(read):
    article = read(
        "Le ministère russe de la Défense a indiqué dans un communiqué que des bombardiers "
        "avaient frappé des positions de Daech près de Boukamal."
    )
    assault = events_of(article, "ASSAULT")
    assert assault and "isis" in assault[0].target and assault[0].according_to == "rus_mod"


@pytest.mark.parametrize(
    "text, type, mode",
    [
        ("Mohammed Allouche a émis des réserves sur le rôle de l'Iran.", "ACCUSE", "disapprove"),
        ("Sergueï Lavrov a accusé les États-Unis de protéger les terroristes.", "ACCUSE", "allege"),
        ("Le ministère russe de la Défense a démenti les accusations de Washington.", "REJECT", None),
    ],
)
def test_statements_and_their_modes(read, text, type, mode):
    events = events_of(read(text), type)
    assert events and events[0].mode == mode, [(e.type, e.mode, e.trigger) for e in read(text).events]


@pytest.mark.parametrize(
    "text, type",
    [
        ("L'armée syrienne a évacué des centaines de civils d'Alep-Est.", "AID"),
        ("L'armée syrienne a évacué les combattants vers Idlib.", "RETREAT"),
        ("Les forces russes ont commencé le déminage de la ville.", "AID"),
    ],
)
def test_evacuating_civilians_and_demining_are_aid(read, text, type):
    assert type in types(read(text))


def test_ready_to_work_with_someone_is_future_cooperation(read):
    article = read("Alexandre Lavrentiev s'est dit prêt à travailler avec la Turquie en Syrie.")
    cooperate = events_of(article, "COOPERATE")
    assert cooperate and cooperate[0].modality == "future" and cooperate[0].target == ["tur_gov"]


def test_working_on_something_is_no_cooperation(read):
    article = read("Sergueï Lavrov travaille sur un nouveau projet de résolution à Moscou.")
    assert not events_of(article, "COOPERATE")
