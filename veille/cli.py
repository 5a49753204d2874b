"""The ``veille`` command: a thin layer over the library.

Each command parses its arguments, calls one library function and turns a
``VeilleError`` into a clean message.
"""

from __future__ import annotations

import functools
import json
import sys
import time

import click

from . import __version__
from .errors import VeilleError
from .settings import describe, load_settings

_HELP = {name: help_text for name, _default, help_text in describe()}


def _clean_errors(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except VeilleError as e:
            raise click.ClickException(str(e)) from None

    return wrapper


def _settings_options(func):
    """The flags every processing command shares, named as the settings are."""
    options = [
        click.option("--config", type=click.Path(dir_okay=False), help="A TOML settings file (default: ./veille.toml if present)."),
        click.option("--n-process", type=int, help=_HELP["n_process"]),
        click.option("--batch-size", type=int, help=_HELP["batch_size"]),
        click.option("--on-error", type=click.Choice(["record", "raise"]), help=_HELP["on_error"]),
        click.option("--languages", help=_HELP["languages"] + " Comma-separated."),
        click.option("--models", help=_HELP["models"] + " E.g. 'fr=fr_core_news_md'."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _load(config, **flags):
    return load_settings(config, **flags)


@click.group()
@click.version_option(__version__, prog_name="veille")
def cli():
    """veille: news articles in, a geocoded, source-attributed event dataset out.

    Example: veille run sample/ --db veille.db
    """


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", help="Store: SQLite file path or database URL (default: veille.db).")
@click.option("--force", is_flag=True, help="Process again articles already stored by this version.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@_settings_options
@_clean_errors
def run(inputs, db, force, quiet, config, **flags):
    """Process INPUTS (files, folders, globs, URLs, feeds, or - for standard input) into the store.

    Articles already stored by this pipeline version are skipped, so a run that
    was stopped can simply be started again. Articles that cannot be processed
    are stored with the reason and counted in the closing summary.

    Example: veille run sample/ --db veille.db
    """
    from .runner import progress_bar
    from .runner import run as run_pipeline
    from .store import open_store

    settings = _load(config, db=db, **flags)
    with open_store(settings.db) as store:
        callback = progress_bar(enabled=not quiet and sys.stderr.isatty())
        summary = run_pipeline(inputs, store=store, settings=settings, force=force, on_article=callback)
        counts = store.counts()
        address = settings.db if store.backend == "sqlite" else store.address
    click.echo(summary.format())
    click.echo(f"store {address}: {counts.get('ok', 0)} articles, {counts.get('rejected', 0)} rejected")


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--jsonl", "jsonl", is_flag=True, default=True, help="One JSON object per article (the default and only format).")
@click.option("--text/--no-text", default=True, help="Include the cleaned text in each record.")
@click.option("--stories/--no-stories", default=True, help="Link copies (duplicate_of) and reports of one event (canonical, story) across the inputs; holds the records until the end. --no-stories writes each as it is done.")
@_settings_options
@_clean_errors
def extract(inputs, jsonl, text, stories, config, **flags):
    """Process INPUTS and write one JSON object per article to standard output.

    The objects have the shape of the gold annotations (see docs/output.md):
    doc, language, outlet, title, published, boilerplate, actors, places,
    events, quotes, plus the cleaned text and any rejection. Across the
    inputs, copies of an article carry the doc they copy (duplicate_of), and
    each event the ids of its canonical event and story.

    Example: veille extract sample/*.txt --jsonl > articles.jsonl
    """
    from .runner import extract as extract_articles
    from .runner import extract_records

    settings = _load(config, **flags)
    if stories:
        records = extract_records(inputs, settings=settings)
    else:
        records = (article.to_record() for article in extract_articles(inputs, settings=settings))
    for record in records:
        if not text:
            record.pop("text", None)
        click.echo(json.dumps(record, ensure_ascii=False))


@cli.command(name="eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--texts", type=click.Path(file_okay=False), help="Folder holding the gold's articles, by their doc name.")
@click.option("--system", multiple=True, type=click.Path(dir_okay=False), help="Score this `veille extract` output instead of running now.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option("--floor", multiple=True, metavar="METRIC=VALUE", help="Exit with status 1 if METRIC falls below VALUE.")
@_settings_options
@_clean_errors
def evaluate(gold, texts, system, as_json, floor, config, **flags):
    """Score veille against GOLD annotations (JSON Lines, see GUIDELINES.md).

    Prints precision, recall and F1 per metric (actors, places, events, quotes,
    boilerplate) and accuracy for metadata; metrics whose stages do not exist
    yet print as n/a.

    Example: veille eval ../shared/gold/seeds.jsonl --texts ../shared/corpus/seeds
    """
    from .evaluate import check_floors
    from .runner import evaluate as run_eval

    if not texts and not system:
        raise click.UsageError("give --texts DIR (run veille now) or --system FILE (score earlier output)")
    floors = {}
    for item in floor:
        name, _, value = item.partition("=")
        try:
            floors[name] = float(value)
        except ValueError:
            raise click.BadParameter(f"{item!r}: expected METRIC=NUMBER", param_hint="--floor") from None
    settings = _load(config, **flags)
    started = time.perf_counter()
    report = run_eval(gold, texts=texts, system=system, settings=settings)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(report.format())
        click.echo(f"({time.perf_counter() - started:.1f} s)")
    failures = check_floors(report, floors) if floors else []
    for failure in failures:
        click.echo(f"below floor: {failure}", err=True)
    if failures:
        sys.exit(1)


@cli.command()
@click.option("--db", help="Store to read (default: veille.db).")
@click.option("--from", "from_jsonl", type=click.Path(dir_okay=False), multiple=True, help="Read `veille extract` JSON Lines instead of a store.")
@click.option("--format", "format", type=click.Choice(["plover", "acled", "geojson"]), required=True, help="plover: JSON Lines; acled: CSV with ACLED's columns; geojson: a FeatureCollection.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="File to write (default: standard output).")
@_clean_errors
def export(db, from_jsonl, format, output):
    """Export the events of a store (or of extract output) as PLOVER, ACLED or GeoJSON.

    Example: veille export --db veille.db --format acled -o events.csv
    """
    from .evaluate import load_jsonl
    from .export import write
    from .settings import load_settings
    from .store import open_store

    def run(stream):
        if from_jsonl:
            return write(load_jsonl(from_jsonl), format, stream)
        settings = load_settings(None, db=db)
        with open_store(settings.db) as store:
            return write(store.records(status="ok"), format, stream)

    if output:
        with open(output, "w", encoding="utf-8", newline="") as stream:
            skipped = run(stream)
    else:
        skipped = run(sys.stdout)
    if skipped:
        click.echo(f"{skipped} events left out: not ACLED's kind (verbal) or not asserted", err=True)


@cli.command()
@click.option("--db", help="Store to serve (default: veille.db).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="Port to listen on.")
@_clean_errors
def serve(db, host, port):
    """Serve the store's events, articles and counts as a JSON API, and the page at /.

    The API is under /api/, its OpenAPI document at /openapi.json and a
    browsable form at /docs. It is read-only unless the VEILLE_API_TOKEN
    environment variable holds a token: then POST /api/articles ingests
    articles for callers that send "Authorization: Bearer <token>".

    Example: veille serve --db veille.db --port 8000
    """
    from .api import serve as serve_api
    from .settings import load_settings

    settings = load_settings(None, db=db)
    serve_api(settings.db, host=host, port=port, announce=click.echo)


@cli.command()
@click.option("--db", help="Store to read (default: veille.db).")
@click.option("--from", "from_jsonl", type=click.Path(dir_okay=False), multiple=True, help="Cluster `veille extract` JSON Lines now instead of reading a store.")
@click.option("--min-articles", type=int, default=1, show_default=True, help="Only stories told by at least this many articles.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per story.")
@_clean_errors
def stories(db, from_jsonl, min_articles, as_json):
    """List story clusters: their canonical events, outlets, languages and conflicting versions.

    A canonical event gathers the reports of one real-world event across
    articles, outlets and languages; where they disagree (death tolls, counts,
    a denial) every version is listed with its claimant and outlet.

    Example: veille stories --db veille.db --min-articles 2
    """
    from .evaluate import load_jsonl
    from .stories import format_story, list_stories

    records = load_jsonl(from_jsonl) if from_jsonl else None
    found = list_stories(db=db, records=records, min_articles=min_articles)
    for story in found:
        click.echo(json.dumps(story, ensure_ascii=False) if as_json else format_story(story) + "\n")
    if not as_json:
        click.echo(f"{len(found)} stories", err=True)


@cli.command()
def settings():
    """List every setting with its default and meaning (TOML key = flag = VEILLE_ variable).

    Example: veille settings
    """
    for name, default, help_text in describe():
        click.echo(f"{name} = {default!r}\n    {help_text}\n    flag --{name.replace('_', '-')}, env VEILLE_{name.upper()}")


main = cli

if __name__ == "__main__":
    cli()
