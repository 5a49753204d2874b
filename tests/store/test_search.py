import pytest

from veille.errors import StoreError
from veille.model import Article
from veille.store import open_store
from veille.store.search import terms

TEXTS = {
    "a1": (
        "Frappe aérienne sur Idleb",
        "Des avions ont mené une frappe contre un dépôt d'armes près d'Idleb, selon l'agence "
        "officielle. La défense civile a compté douze morts.",
    ),
    "a2": (
        "Réunion à Damas",
        "Le ministre des Affaires étrangères a reçu son homologue à Damas. "
        "Aucune frappe n'a été évoquée.",
    ),
    "a3": (
        "Idleb : frappe, nouvelle frappe",
        "Une deuxième frappe a touché Idleb. Les frappes ont repris à l'aube au nord d'Idleb.",
    ),
}


def article(id_: str, title: str, text: str, *, version: str = "v1") -> Article:
    a = Article(id=id_, name=f"{id_}.txt", raw=text, pipeline_version=version, title=title)
    a.text = text
    return a


@pytest.fixture
def store(db):
    with open_store(db) as store:
        store.save([article(i, title, text) for i, (title, text) in TEXTS.items()])
        yield store


def ids(hits):
    return sorted(h["id"] for h in hits)


@pytest.mark.parametrize("query, expected", [
    ("Damas", ["a2"]),
    ("damas", ["a2"]),
    ("DAMAS!", ["a2"]),
    ("idleb", ["a1", "a3"]),
    ("frappe Idleb", ["a1", "a3"]),
    ("frappe", ["a1", "a2", "a3"]),
    ("homologue ministre", ["a2"]),
    ("défense civile", ["a1"]),
    ("Alep", []),
    ("frappe Alep", []),
])
def test_plain_words_find_the_same_articles_on_both_backends(store, query, expected):
    assert ids(store.search(query)) == expected


def test_hits_have_their_fields_and_best_comes_first(store):
    hits = store.search("Idleb frappe")
    assert [h["id"] for h in hits] == ["a3", "a1"]  # in the title and four times in the text
    assert hits[0]["rank"] > hits[1]["rank"] > 0
    assert set(hits[0]) == {"id", "doc", "title", "status", "snippet", "rank"}
    assert hits[0]["doc"] == "a3.txt" and hits[0]["title"] == TEXTS["a3"][0]
    assert hits[0]["status"] == "ok"
    assert "[Idleb]" in hits[1]["snippet"] and len(hits[1]["snippet"].split()) <= 24


def test_a_title_match_weighs_more_than_a_text_match(db):
    with open_store(db) as store:
        store.save([
            article("t1", "Bilan de la journée", "Un communiqué sur Homs et sur la région."),
            article("t2", "Homs", "Un communiqué sur la ville et sur la région."),
        ])
        assert [h["id"] for h in store.search("Homs")] == ["t2", "t1"]


@pytest.mark.parametrize("query", ["", "   ", "?!", "« »"])
def test_a_query_without_words_finds_nothing(store, query):
    assert store.search(query) == []


def test_limit(store):
    assert len(store.search("frappe", limit=2)) == 2
    assert store.search("frappe", limit=0) == []


def test_fts_syntax_is_read_as_words(store):
    queries = ['"Idleb', "Idleb*", "^idleb", "idleb -frappe", "idleb:", "(idleb", "idleb + frappe"]
    for query in queries:
        assert ids(store.search(query)) == ["a1", "a3"], query


def test_saving_again_reindexes_and_does_not_duplicate(store):
    text = "Le ministre a reçu son homologue à Alep."
    store.save([article("a2", "Réunion à Damas", text, version="v2")])
    assert store.search("Damas")[0]["id"] == "a2"
    assert ids(store.search("homologue")) == ["a2"]
    assert ids(store.search("Alep")) == ["a2"]
    assert ids(store.search("Affaires étrangères")) == []
    assert len(store.search("frappe")) == 2


def test_a_rejected_article_without_text_is_found_by_its_title(db):
    with open_store(db) as store:
        a = Article(id="r1", name="r1.html", raw="x", pipeline_version="v1")
        a.title = "Page vide à Homs"
        store.save([a])
        [hit] = store.search("homs")
        assert hit["id"] == "r1" and hit["snippet"] == ""


def test_accents_are_ignored(store):
    assert ids(store.search("defense")) == ["a1"]
    assert ids(store.search("Aérienne")) == ["a1"]
    assert ids(store.search("aerienne")) == ["a1"]


def test_stemming_is_postgres_only(store):
    # "frappes" is in a3 only; PostgreSQL's French stemmer also finds "frappe".
    expected = ["a1", "a2", "a3"] if store.backend == "postgresql" else ["a3"]
    assert ids(store.search("frappes")) == expected


def test_stop_words_are_postgres_only(store):
    expected = [] if store.backend == "postgresql" else ["a1"]
    assert ids(store.search("la")) == expected


def test_terms():
    expected = ["Frappe", "sur", "l", "Idleb", "12", "morts"]
    assert terms("« Frappe » sur l'Idleb, 12 morts!") == expected


def test_search_errors_are_store_errors(db):
    store = open_store(db)
    with store.engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE articles" + (" CASCADE" if "://" in db else ""))
    with pytest.raises(StoreError, match="cannot search for 'Idleb'"):
        store.search("Idleb")
    store.close()
