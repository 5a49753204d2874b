"""HTML pages: the article's text, title, site and date come from the page, not its furniture."""

import pytest

from veille.errors import Rejected
from veille.model import Article
from veille.stages.extract import Extract

PAGE = """<!DOCTYPE html>
<html lang="fr"><head>
<meta charset="utf-8">
<title>Astana : les garants prolongent la trêve - France 24</title>
<meta property="og:site_name" content="France 24">
<meta property="article:published_time" content="2017-05-04T18:20:00+02:00">
</head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li><li>Moyen-Orient</li></ul></nav>
<div class="cookie">Nous utilisons des cookies. <button>Accepter</button></div>
<article>
<h1>Astana : les garants prolongent la trêve</h1>
<p>La Russie, l'Iran et la Turquie ont signé jeudi à Astana un mémorandum créant quatre zones de désescalade en Syrie, a annoncé le ministère kazakh des Affaires étrangères à l'issue de deux jours de discussions.</p>
<p>La délégation de l'opposition armée a quitté la salle pendant la cérémonie pour protester contre le rôle de Téhéran, selon plusieurs participants interrogés par notre correspondant.</p>
<p>Les combats se poursuivaient toutefois dans la province de Hama, où l'aviation a mené des frappes contre des positions rebelles, d'après une ONG basée au Royaume-Uni.</p>
</article>
<aside><h2>À lire aussi</h2><ul><li><a href="/x">Syrie : six ans de guerre en cartes</a></li></ul></aside>
<footer><p>© France 24 - Tous droits réservés</p><a href="#">Partager</a></footer>
</body></html>"""


def test_html_page_gives_body_title_site_and_date():
    article = Extract()(Article(id="p", name="p.html", raw=PAGE, format="html"))
    assert "mémorandum créant quatre zones" in article.raw_text
    assert "Nous utilisons des cookies" not in article.raw_text
    assert "Moyen-Orient" not in article.raw_text
    assert article.hints["html_date"] == "2017-05-04"
    assert article.hints["sitename"] == "France 24"
    assert article.hints["title"].startswith("Astana : les garants prolongent la trêve")
    assert [line.text for line in article.lines][0].startswith(("Astana", "La Russie"))


def test_hints_from_the_input_are_not_overwritten():
    article = Extract()(Article(id="p", name="p.html", raw=PAGE, format="html", hints={"title": "Donné"}))
    assert article.hints["title"] == "Donné"


@pytest.mark.parametrize("raw", ["<html><body></body></html>", "<html></html>"])
def test_page_without_article_is_rejected_with_the_reason(raw):
    with pytest.raises(Rejected, match="no article text found in the HTML page"):
        Extract()(Article(id="p", name="p.html", raw=raw, format="html"))


def test_plain_text_lines_keep_their_offsets():
    raw = "Titre\r\n\r\n  Premier paragraphe.  \nSecond."
    article = Extract()(Article(id="t", name="t.txt", raw=raw))
    for line in article.lines:
        assert article.raw_text[line.start : line.start + len(line.text)] == line.text
    assert [line.number for line in article.lines] == [0, 2, 3]


def test_html_through_the_whole_cleaning(prepare):
    article = prepare(PAGE, format="html")
    assert article.outlet.name == "France 24"
    assert article.outlet.affiliation == "public"
    assert article.published.isoformat() == "2017-05-04"
    assert article.title == "Astana : les garants prolongent la trêve"
    assert article.language == "fr"


def test_page_of_furniture_only_is_rejected_by_clean(prepare):
    with pytest.raises(Rejected, match="every line looks like page furniture"):
        prepare("<html><body><nav>Accueil</nav></body></html>", format="html")
