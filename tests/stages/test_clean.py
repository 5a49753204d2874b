"""The boilerplate filter, rule by rule, on lines written for these tests."""

import pytest

BODY = (
    "Les forces gouvernementales syriennes ont repris mardi le contrôle de plusieurs villages "
    "au sud d'Idlib après de violents combats contre les groupes armés, selon une source militaire.\n"
    "Le ministère de la Défense a indiqué que des unités du génie déminaient les routes menant "
    "à la localité, tandis que des familles déplacées commençaient à regagner leurs maisons.\n"
    "Selon l'agence officielle, les combattants qui se sont retirés ont laissé derrière eux "
    "des dépôts d'armes et de munitions, dont des missiles antichars de fabrication étrangère.\n"
)
TITLE = "L'armée syrienne reprend trois villages au sud d'Idlib"


def removed(article):
    return {line.text: line.boilerplate for line in article.lines if line.boilerplate}


@pytest.mark.parametrize(
    "line, rule",
    [
        ("Partager l'article", "share"),
        ("Share this story", "share"),
        ("Abonnez-vous à notre newsletter pour ne rien manquer", "follow"),
        ("Rejoignez-nous sur Telegram pour suivre l'actualité en continu.", "follow"),
        ("Commentaires (12)", "comments"),
        ("Connectez-vous pour réagir", "comments"),
        ("Source : agences", "source"),
        ("Tous droits réservés 2017", "credits"),
        ("Accueil > Monde > Moyen-Orient", "navigation"),
        ("Mots-clés : Syrie, Idlib, armée", "navigation"),
        ("Nous utilisons des cookies pour améliorer votre expérience.", "navigation"),
        ("Publicité", "navigation"),
        ("K.H. / M.S.", "initials"),
        ("© Photo d'archives / Agence X", "credits"),
        ("Actualités | Monde | Sport", "navigation"),
        ("Поделиться в соцсетях", "script"),
        ("اقرأ أيضا", "script"),
        ("A man walks past a destroyed building in the old city after heavy rain on Tuesday.", "language"),
        ("Cliquez pour activer le son", "player"),
        ("Get short URL", "share"),
        ("La chaîne est aussi sur Telegram : abonnez-vous pour suivre nos sélections.", "follow"),
        ("12 mars 2018 à 14h05", "stamp"),
        ("AFP - Damas - 12.03.2018", "stamp"),
        ("Сирийские военные. Архивное фото", "script"),
        ("loader", "short"),
        ("42", "short"),
    ],
)
def test_furniture_lines_are_removed_with_their_rule(prepare, line, rule):
    article = prepare(f"{TITLE}\n{BODY}{line}\n{BODY.splitlines()[0]}")
    assert removed(article) == {line: rule}
    assert line not in article.text
    assert article.boilerplate == [line]


def test_body_is_kept_whole(prepare):
    article = prepare(f"{TITLE}\n{BODY}")
    assert article.boilerplate == []
    assert article.text == f"{TITLE}\n{BODY}".strip()
    assert article.title == TITLE


def test_caption_describing_the_story_is_body_unrelated_one_is_not(prepare):
    own = "Des soldats syriens déminent une route menant aux villages repris au sud d'Idlib. ©Agence X"
    unrelated = "Des supporters célèbrent la victoire de leur équipe dans un stade de Lyon. ©Agence X"
    article = prepare(f"{TITLE}\n{own}\n{unrelated}\n{BODY}")
    assert removed(article) == {unrelated: "caption"}


def test_short_label_caption_with_outlet_credit_is_removed(prepare):
    article = prepare(f"{TITLE}\nIdlib - Sputnik Afrique\n{BODY}")
    assert removed(article) == {"Idlib - Sputnik Afrique": "caption"}


def test_teasers_after_related_marker_until_prose(prepare):
    text = (
        f"{TITLE}\n{BODY}À lire aussi\nDes frappes visent un dépôt près de Hama\n"
        "Hama-Agence/ une source locale a indiqué que des explosions avaient été entendues …\n"
    )
    article = prepare(text)
    assert removed(article) == {
        "À lire aussi": "related",
        "Des frappes visent un dépôt près de Hama": "teaser",
        "Hama-Agence/ une source locale a indiqué que des explosions avaient été entendues …": "teaser",
    }


def test_headline_right_after_a_removed_caption_is_a_teaser(prepare):
    caption = "Soldiers patrol a street in the northern city during a visit of officials on Monday - Sputnik Afrique"
    teaser = "Idlib : des milliers de déplacés regagnent leurs villages"
    article = prepare(f"{TITLE}\n{BODY}{caption}\n{teaser}\n{BODY}")
    assert removed(article) == {caption: "language", teaser: "teaser"}


def test_subheading_inside_the_body_is_kept(prepare):
    sub = "Le ministère de la Défense : les routes seront rouvertes dans la semaine"
    article = prepare(f"{TITLE}\n{BODY}{sub}\n{BODY}")
    assert removed(article) == {}


def test_header_lines_above_the_headline_and_footer_below_the_body(prepare):
    article = prepare(f"Direct\nInfo Monde\n{TITLE}\n{BODY}Revenir à la liste\nVersion mobile\n")
    assert removed(article) == {
        "Direct": "short",
        "Info Monde": "short",
        "Revenir à la liste": "footer",
        "Version mobile": "short",
    }
    assert article.title == TITLE


def test_headline_credit_is_stripped_from_the_title(prepare):
    article = prepare(f"Astana : un nouveau cycle de pourparlers s'ouvre — RT France\n{BODY}")
    assert article.title == "Astana : un nouveau cycle de pourparlers s'ouvre"


def test_no_title_when_the_first_line_is_a_sentence(prepare):
    article = prepare(BODY)
    assert article.title is None


def test_english_article_keeps_its_english_lines_and_drops_french_widgets(prepare):
    body = (
        "Syrian government forces retook several villages south of Idlib on Tuesday after heavy "
        "fighting with armed groups, a military source told reporters in Damascus.\n"
        "The defence ministry said engineering units were clearing the roads leading to the area "
        "while displaced families started to return to their homes.\n"
    )
    article = prepare(f"Syrian army retakes villages near Idlib\n{body}Partager cet article\nFollow us on Telegram\n")
    assert article.language == "en"
    assert removed(article) == {"Partager cet article": "share", "Follow us on Telegram": "follow"}


RUSSIAN = (
    "Российские военные самолеты нанесли удары по позициям боевиков в провинции Идлиб, "
    "сообщили в Министерстве обороны России во вторник.\n"
    "По данным ведомства, в результате ударов были уничтожены склады оружия и боеприпасов, "
    "а также несколько командных пунктов группировок.\n"
)
ARABIC = (
    "أعلنت وزارة الدفاع السورية أن وحدات الجيش استعادت السيطرة على عدد من القرى في ريف إدلب الجنوبي "
    "بعد اشتباكات عنيفة مع المجموعات المسلحة.\n"
    "وأضافت الوزارة أن وحدات الهندسة تعمل على إزالة الألغام من الطرق المؤدية إلى المنطقة.\n"
)


@pytest.mark.parametrize(
    "body, language, noise",
    [
        (RUSSIAN, "ru", {"Поделиться": "share", "Читайте также": "related", "Russian jets over Idlib, file photo": "script"}),
        (ARABIC, "ar", {"شارك": "share", "اقرأ أيضا": "related", "Photo: SANA": "script"}),
    ],
)
def test_other_languages_use_their_own_patterns_and_script(prepare, body, language, noise):
    article = prepare(body + "\n".join(noise) + "\n")
    assert article.language == language
    assert removed(article) == noise
    assert article.text == body.strip()


def test_a_section_label_above_the_headline_is_not_the_title(prepare):
    article = prepare(f"Actualités du Proche-Orient\n{TITLE}\n{BODY}")
    assert article.title == TITLE
    assert removed(article) == {"Actualités du Proche-Orient": "header"}


def test_a_teaser_ending_with_a_quote_after_a_related_marker(prepare):
    teaser = "Le ministre : « Nous ne quitterons pas Idlib »"
    article = prepare(f"{TITLE}\n{BODY}Voir aussi\n{teaser}\n")
    assert removed(article) == {"Voir aussi": "related", teaser: "teaser"}


def test_a_story_caption_sharing_a_quarter_of_its_words_is_body(prepare):
    caption = "Des démineurs syriens sécurisent une route près des villages repris, le 3 mars 2018. ©Agence X"
    article = prepare(f"{TITLE}\n{caption}\n{BODY}")
    assert removed(article) == {}
