"""Outlet, headline and publication date, from the input's metadata and the text's cues."""

import datetime as dt

import pytest

PROSE = (
    "Les délégations se sont retrouvées dans la capitale kazakhe pour une nouvelle série de "
    "pourparlers consacrés au cessez-le-feu et aux zones de désescalade dans le nord du pays.\n"
    "Les trois pays garants ont publié un communiqué commun à l'issue de la réunion, appelant "
    "toutes les parties à respecter les engagements pris lors des rencontres précédentes.\n"
)


@pytest.mark.parametrize(
    "text, outlet",
    [
        (f"Titre de la dépêche sur Astana\n{PROSE}SOURCE: SANA\n", "SANA"),
        (f"Titre de la dépêche sur Astana\nDamas (SANA) - {PROSE}", "SANA"),
        (f"Titre de la dépêche sur Astana\nAstana-SANA/ {PROSE}", "SANA"),
        (f"Astana : les garants se retrouvent — RT France\n{PROSE}", "RT"),
        (f"Titre de la dépêche sur Astana\n{PROSE}Astana - Sputnik Afrique\n{PROSE}", "Sputnik"),
        (f"Titre de la dépêche sur Astana\n{PROSE}Suivez Sputnik sur Telegram pour ne rien manquer.\n", "Sputnik"),
        # a mere mention in a sentence does not name the publisher
        (f"Titre de la dépêche sur Astana\nUn responsable a déclaré à SANA que la réunion avait commencé.\n{PROSE}", None),
        (f"Titre de la dépêche sur Astana\n{PROSE}", None),
        # the site's copyright footer outranks a wire's dateline
        (f"Titre de la dépêche sur Astana\nBEYROUTH, 3 mai 2017 (AFP) - {PROSE}© L'Orient-Le Jour, 2017. Tous droits réservés.\n", "L'Orient-Le Jour"),
        (f"Titre de la dépêche sur Astana\n{PROSE}Restez informés : Sputnik France est aussi sur Telegram.\n", "Sputnik"),
    ],
)
def test_outlet_from_text_cues(prepare, text, outlet):
    article = prepare(text)
    assert (article.outlet.name if article.outlet else None) == outlet


def test_outlet_cues_rank_source_line_over_photo_credit(prepare):
    text = f"Titre de la dépêche sur Astana\nLes délégués arrivent à Astana pour la réunion des garants. ©Sputnik\n{PROSE}Source : Press TV\n"
    assert prepare(text).outlet.name == "Press TV"


def test_outlet_from_url_and_hint(prepare):
    assert prepare(PROSE, url="https://francais.rt.com/international/123-astana").outlet.name == "RT"
    article = prepare(PROSE, url="https://francais.rt.com/x", outlet="Mon Journal Local")
    assert article.outlet.name == "Mon Journal Local"


def test_registered_outlet_carries_country_and_affiliation(prepare):
    outlet = prepare(f"Titre de la dépêche sur Astana\n{PROSE}Source : SANA\n").outlet
    assert outlet.country == "SYR"
    assert outlet.affiliation == "state-affiliated"


@pytest.mark.parametrize(
    "text, published",
    [
        # a caption date, then "ce samedi": the Saturday on or after it
        (
            "Titre sur les évacuations\nDes bus quittent la ville, le 15 mars 2018. ©Agence\n"
            "Les évacuations se sont poursuivies ce samedi dans la Ghouta orientale où des milliers de civils attendaient les bus.\n" + PROSE,
            "2018-03-17",
        ),
        # a dateline date in the first lines fixes the day
        ("Titre sur Astana\nAstana, le 4 mai 2017 - " + PROSE, "2017-05-04"),
        # a date without year fixes nothing
        ("Titre sur Astana\nLa réunion du 4 mai a commencé ce jeudi dans la capitale kazakhe.\n" + PROSE, None),
        # a date deep in the body with no weekday cue is background, not the publication day
        (PROSE + PROSE + "Le premier cycle avait eu lieu le 23 janvier 2017 dans la même ville.\n", None),
        # an English caption's date serves only when the body has none
        (
            "Titre sur les évacuations\nCivilians board buses at a checkpoint near the city on March 15, 2018 - Agence\n"
            "Les évacuations se sont poursuivies ce dimanche dans la Ghouta orientale où des milliers de civils attendaient.\n" + PROSE,
            "2018-03-18",
        ),
    ],
)
def test_published_from_text(prepare, text, published):
    article = prepare(text)
    assert (article.published.isoformat() if article.published else None) == published


def test_published_from_hint_and_url_win_over_text(prepare):
    text = "Titre sur Astana\nAstana, le 4 mai 2017 - " + PROSE
    assert prepare(text, published="2017-05-05").published == dt.date(2017, 5, 5)
    assert prepare(text, url="https://example.org/2017/05/06/astana").published == dt.date(2017, 5, 6)


def test_title_from_hint_loses_its_site_credit(prepare):
    assert prepare(PROSE, title="Astana : les garants se retrouvent | RT France").title == (
        "Astana : les garants se retrouvent"
    )


@pytest.mark.parametrize(
    "stamp",
    ["29 Nov, 2024 17:42", "Publié le 08/01/2018 à 11h02 - Mis à jour le 08/01/2018 à 16h40", "08.01.2018 (mis à jour 09.01.2018)"],
)
def test_a_stamp_under_the_headline_is_the_publication_date_whatever_weekday_follows(prepare, stamp):
    text = f"Titre sur la trêve\n{stamp}\nL'offensive lancée mercredi se poursuivait ce samedi selon les témoins.\n{PROSE}"
    article = prepare(text)
    assert article.published_from == "stamp"
    assert article.published.isoformat() in ("2024-11-29", "2018-01-08")
