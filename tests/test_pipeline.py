"""The stage list, its order check and the one error policy."""

import pytest

from veille.errors import ConfigError, Rejected
from veille.model import Article
from veille.pipeline import STAGES, Pipeline, StageSpec, available_fields, check_order
from veille.settings import Settings

FRENCH = (
    "Les délégations se sont retrouvées dans la capitale kazakhe pour une nouvelle série de pourparlers.\n"
    "Les trois pays garants ont publié un communiqué commun à l'issue de la réunion de deux jours.\n"
)
ENGLISH = (
    "The delegations met again in the Kazakh capital for a new round of talks on the ceasefire.\n"
    "The three guarantor countries issued a joint statement at the end of the two-day meeting.\n"
)


def test_the_stage_list_is_in_a_valid_order():
    check_order(STAGES)
    assert [s.name for s in STAGES][:4] == ["extract", "language", "clean", "metadata"]


def test_a_stage_requiring_what_comes_later_is_refused():
    swapped = (STAGES[2], STAGES[1])
    with pytest.raises(ConfigError, match="stage 'clean' requires"):
        check_order(swapped)


def test_available_fields_follow_the_stages():
    assert available_fields(STAGES[:1]) == set()
    assert {"language", "outlet", "published", "boilerplate", "title"} <= available_fields(STAGES)


class Boom:
    name = "boom"

    def __call__(self, article):
        if "kaboom" in article.raw:
            raise RuntimeError("unexpected state")
        if "refuse" in article.raw:
            raise Rejected("refused for the test")
        article.title = "seen"
        return article


def pipeline(on_error: str) -> Pipeline:
    spec = StageSpec("boom", lambda r: Boom(), requires=("raw",), assigns=("title",), doc="test")
    return Pipeline(Settings(on_error=on_error), specs=[spec])


def test_record_policy_records_the_reason_and_goes_on():
    batch = [Article(id=str(i), name=f"{i}.txt", raw=raw) for i, raw in enumerate(["kaboom", "refuse", "fine"])]
    out = pipeline("record").process(batch)
    assert [str(a.rejection) if a.rejection else a.title for a in out] == [
        "boom: unexpected RuntimeError: unexpected state",
        "boom: refused for the test",
        "seen",
    ]
    assert all(a.pipeline_version for a in out)


def test_raise_policy_raises_unexpected_errors_but_still_records_rejections():
    with pytest.raises(RuntimeError):
        pipeline("raise").process([Article(id="1", name="1", raw="kaboom")])
    [article] = pipeline("raise").process([Article(id="2", name="2", raw="refuse")])
    assert article.rejection.reason == "refused for the test"


def test_already_rejected_articles_skip_every_stage():
    article = Article(id="1", name="1", raw="fine")
    article.rejection = None
    from veille.model import Rejection

    article.rejection = Rejection("ingest", "empty file")
    [out] = pipeline("raise").process([article])
    assert out.title is None and str(out.rejection) == "ingest: empty file"


@pytest.mark.slow
def test_whole_pipeline_parses_french_and_marks_english_not_coded():
    pipe = Pipeline(Settings(on_error="raise", batch_size=4))
    articles = [Article(id="fr", name="fr.txt", raw=FRENCH + "Partager\n"), Article(id="en", name="en.txt", raw=ENGLISH + "Share\n")]
    fr, en = list(pipe.pipe(articles))
    assert fr.rejection is None and fr.language == "fr"
    assert fr.doc is not None and len(list(fr.doc.sents)) == 2
    assert en.language == "en" and en.boilerplate == ["Share"]
    assert en.rejection is None and en.doc is None
    assert en.events_coded is False


@pytest.mark.slow
def test_a_headline_without_full_stop_is_its_own_sentence():
    pipe = Pipeline(Settings(on_error="raise"))
    [article] = pipe.process([Article(id="t", name="t.txt", raw="Nouvelle réunion des garants à Astana\n" + FRENCH)])
    first = next(iter(article.doc.sents))
    assert first.text.strip() == "Nouvelle réunion des garants à Astana"
