"""Runs end to end: every bad input recorded with its reason, re-runs idempotent, kills resumable."""

import sqlite3

import pytest
from click.testing import CliRunner

from veille.cli import cli
from veille.runner import run
from veille.settings import Settings
from veille.store import open_store

pytestmark = pytest.mark.slow

FRENCH = (
    "Reprise des pourparlers à Astana\n"
    "Les délégations du gouvernement syrien et de l'opposition armée se sont retrouvées mardi à Astana "
    "pour un nouveau cycle de pourparlers sous l'égide de la Russie, de l'Iran et de la Turquie.\n"
    "Les garants ont appelé toutes les parties à respecter le cessez-le-feu dans les zones de désescalade.\n"
    "Partager cet article\n"
)
ENGLISH = (
    "Talks resume in Astana\n"
    "Delegations of the Syrian government and the armed opposition met again on Tuesday in Astana "
    "for a new round of talks sponsored by Russia, Iran and Turkey.\n"
)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_fr.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "b_fr_latin1.txt").write_bytes(FRENCH.replace("Astana", "Sotchi").encode("cp1252"))
    (folder / "c_en.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "d_empty.txt").write_text("   \n")
    (folder / "e_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return folder


def dump(db):
    with sqlite3.connect(db) as connection:
        return connection.execute("select * from articles order by id").fetchall()


def test_run_records_every_failure_and_keeps_the_rest(corpus, tmp_path):
    db = str(tmp_path / "v.db")
    with open_store(db) as store:
        summary = run([str(corpus), str(tmp_path / "missing.txt")], store=store, settings=Settings(batch_size=2))
    assert summary.read == 6
    assert summary.kept == 3
    reasons = {r["doc"]: r["rejected"] for r in open_store(db).records(status="rejected")}
    assert "c_en.txt" not in reasons
    assert reasons["d_empty.txt"] == {"stage": "ingest", "reason": reasons["d_empty.txt"]["reason"]}
    assert "empty" in reasons["d_empty.txt"]["reason"]
    assert "binary" in reasons["e_binary.txt"]["reason"]
    assert any("missing.txt" in doc for doc in reasons)
    [english] = [r for r in open_store(db).records(status="ok") if r["doc"] == "c_en.txt"]
    assert english["language"] == "en" and english["title"] == "Talks resume in Astana"
    assert english["events_coded"] is False and english["events"] == []
    kept = {r["doc"]: r for r in open_store(db).records(status="ok")}
    assert "Sotchi" in kept["b_fr_latin1.txt"]["text"] and "égide" in kept["b_fr_latin1.txt"]["text"]
    assert kept["a_fr.txt"]["boilerplate"] == ["Partager cet article"]


def test_running_twice_leaves_the_store_unchanged(corpus, tmp_path):
    db = str(tmp_path / "v.db")
    with open_store(db) as store:
        run([str(corpus)], store=store)
    before = dump(db)
    with open_store(db) as store:
        summary = run([str(corpus)], store=store)
    assert dump(db) == before
    assert summary.skipped == 5 and summary.kept == 0
    with open_store(db) as store:
        run([str(corpus)], store=store, force=True)
    assert dump(db) == before


def test_a_killed_run_resumes_without_duplicates(corpus, tmp_path):
    db = str(tmp_path / "v.db")
    seen = []

    def die_after_two(article):
        seen.append(article)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with open_store(db) as store, pytest.raises(KeyboardInterrupt):
        run([str(corpus)], store=store, settings=Settings(batch_size=2), on_article=die_after_two)
    assert len(dump(db)) == 2
    with open_store(db) as store:
        summary = run([str(corpus)], store=store, settings=Settings(batch_size=2))
    assert summary.skipped == 2 and len(dump(db)) == 5


def test_cli_run_prints_a_summary(corpus, tmp_path):
    db = str(tmp_path / "v.db")
    result = CliRunner().invoke(cli, ["run", str(corpus), "--db", db, "--quiet"])
    assert result.exit_code == 0, result.output
    assert "articles read: 5" in result.output
    assert "kept: 3" in result.output
    assert f"store {db}: 3 articles, 2 rejected" in result.output


def test_cli_errors_are_clean_messages(tmp_path):
    result = CliRunner().invoke(cli, ["run", "x", "--db", "mysql://h/x"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: unsupported store")
    result = CliRunner().invoke(cli, ["run", "x", "--batch-size", "0"])
    assert "Error: n_process and batch_size must be at least 1" in result.output
