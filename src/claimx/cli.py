"""The ``claimx`` command line: thin wiring from options to library calls."""

from __future__ import annotations

import json
import signal
import sys
from pathlib import Path

import click

from claimx import __version__
from claimx.cli_review import fail, register
from claimx.errors import ClaimxError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimx")
def main() -> None:
    """Turn Scandinavian health and supplement articles into reviewable claims.

    \b
    Example:
      claimx run corpus/ -o claims.jsonl
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", default="claims.jsonl", show_default=True,
              help="Output JSONL file; '-' for stdout. Written atomically.")
@click.option("--lang", type=click.Choice(["sv", "da", "nb", "en"]), default=None,
              help="Skip language detection and treat every article as this language.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=20_000_000, show_default=True,
              help="Skip input files larger than this.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Parallel worker processes (default: number of cores).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="'dask' runs partitions on a Dask cluster (a local one unless --scheduler).")
@click.option("--scheduler", default=None, help="Address of an existing Dask scheduler, e.g. tcp://10.0.0.5:8786.")
@click.option("--incremental", is_flag=True,
              help="Reuse OUTPUT's records of articles whose text and rules are unchanged.")
@click.option("--prune", is_flag=True, help="With --incremental: drop records of articles no longer in the input.")
@click.option("--reviews", type=click.Path(dir_okay=False), default=None,
              help="Review store to check against the new output (default: OUTPUT.reviews.sqlite, if it exists).")
@click.option("--translate", "translate_to", default=None, metavar="LANG",
              help="Translate each claim's sentence (and titles) with DeepL, e.g. EN-US or EN-GB.")
@click.option("--extract-from", type=click.Choice(["auto", "native", "translation"]), default="auto",
              show_default=True, help="With --translate: 'translation' reads the English translation with the "
              "English rules; 'auto' does so only for languages claimx has no rules for.")
@click.option("--deepl-key", envvar="DEEPL_AUTH_KEY", default=None, show_envvar=True, show_default=False,
              help="DeepL authentication key (default: $DEEPL_AUTH_KEY). Never written anywhere.")
@click.option("--deepl-server-url", default=None, help="DeepL API endpoint or a proxy (default: from the key).")
@click.option("--cache", "cache_path", type=click.Path(dir_okay=False), default=None,
              help="Translation cache (SQLite; default in the user cache folder).")
@click.option("--max-chars", type=click.IntRange(min=0), default=None,
              help="Send at most this many characters to DeepL in this run.")
@click.option("--glossary", type=click.Path(exists=True, dir_okay=False), default=None,
              help="TSV of source<TAB>target terms, created once as a DeepL glossary and reused.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
def run(inputs: tuple[str, ...], output: str, lang: str | None, max_bytes: int, jobs: int | None,
        engine: str, scheduler: str | None, incremental: bool, prune: bool, reviews: str | None,
        translate_to: str | None, extract_from: str, deepl_key: str | None, deepl_server_url: str | None,
        cache_path: str | None, max_chars: int | None, glossary: str | None, quiet: bool) -> None:
    """Extract claims from articles (.txt, .html, .jsonl files, folders, or '-' for stdin).

    \b
    Examples:
      claimx run corpus/                      # writes claims.jsonl
      claimx run a.txt feed.jsonl -o out.jsonl
      cat article.txt | claimx run - -o -
      claimx run feeds/ -o claims.jsonl --incremental -j 2
      claimx run archive/ -o claims.jsonl --engine dask --scheduler tcp://10.0.0.5:8786
      DEEPL_AUTH_KEY=... claimx run feeds/ --translate EN-US --max-chars 200000
    """
    from claimx.batch import Interrupted, default_jobs, request_stop, run_batch

    # Ctrl-C and SIGTERM stop the run at the next document: the temp output is
    # removed and the previous output kept.
    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)

    if prune and not incremental:
        raise click.UsageError("--prune goes with --incremental")
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler goes with --engine dask")
    service = None
    if translate_to:
        if engine == "dask":
            raise click.UsageError("--translate runs in one process (one cache, one budget): use --engine local")
        service = _translation_service(translate_to, deepl_key, deepl_server_url, cache_path, max_chars, glossary)
    elif extract_from == "translation":
        raise click.UsageError("--extract-from translation needs --translate")
    from claimx.ingest import count_items

    show_progress = not quiet and sys.stderr.isatty()
    total = count_items(inputs) if show_progress else None
    done = 0
    with click.progressbar(length=total or 1, label="claimx", file=sys.stderr,
                           hidden=not show_progress or total is None) as bar:

        def on_line(line) -> None:
            nonlocal done
            done += 1
            if line.status != "ok":
                click.echo(("\n" if show_progress else "") + f"claimx: {line.status}: {line.source}: {line.error}",
                           err=True)
            if show_progress and total is not None:
                bar.update(1)
            elif show_progress:
                click.echo(f"\rclaimx: {done} articles", err=True, nl=False)

        try:
            counts = run_batch(inputs, output, jobs=jobs or default_jobs(), engine=engine, scheduler=scheduler,
                               incremental=incremental, prune=prune, lang=lang, max_bytes=max_bytes,
                               on_line=on_line, service=service, extract_from=extract_from)
        except Interrupted as error:
            fail(str(error), code=130)
        except ClaimxError as error:
            fail(str(error))
        except OSError as error:
            fail(f"{output}: cannot write output ({error.strerror})")
    if show_progress and total is None:
        click.echo("", err=True)
    stale = _reconcile_reviews(output, reviews)
    if service is not None:
        if service.stopped:
            click.echo(f"claimx: warning: translation stopped: {service.stopped}", err=True)
        if not quiet:
            click.echo(f"claimx: translation: {service.sent_chars} characters sent in {service.requests} requests",
                       err=True)
    if not quiet:
        if stale is not None:
            click.echo(f"claimx: review decisions: {stale['current']} current, {stale['stale']} stale", err=True)
        extra = f", {counts['reused']} reused" if incremental else ""
        extra += f", {counts['kept']} kept" if counts["kept"] else ""
        click.echo(f"claimx: {counts['ok']} ok, {counts['skipped']} skipped, {counts['failed']} failed{extra}"
                   f" -> {output}", err=True)
    if counts["ok"] + counts["skipped"] + counts["failed"] == 0:
        from claimx.ingest import ARTICLE_SUFFIXES

        where = ", ".join(inputs)
        click.echo(f"claimx: no articles found in {where}: claimx reads "
                   f"{', '.join(sorted(ARTICLE_SUFFIXES))} files (folders are searched recursively)", err=True)
    if counts["ok"] == 0:
        sys.exit(1)


def _translation_service(target: str, key: str | None, server_url: str | None, cache_path: str | None,
                         max_chars: int | None, glossary: str | None):
    """Set up translation before any article is read; a bad key or glossary stops here."""
    from claimx.translate import (
        DeepLTranslator,
        TranslationCache,
        TranslationError,
        TranslationService,
        read_glossary,
    )

    if not key:
        fail("--translate needs a DeepL key: set DEEPL_AUTH_KEY or pass --deepl-key")
    try:
        service = TranslationService(DeepLTranslator(key, server_url), TranslationCache(cache_path), target.upper(),
                                     max_chars=max_chars, glossary=read_glossary(glossary) if glossary else None)
        service.check()
    except TranslationError as error:
        fail(str(error))
    return service


def _reconcile_reviews(output: str, reviews: str | None) -> dict[str, int] | None:
    """Flag review decisions whose claims changed in the new output (nothing is deleted)."""
    from claimx.output import default_store_path

    if output == "-":
        return None
    path = Path(reviews) if reviews else default_store_path(output)
    if not path.exists():
        return None
    from claimx.review import ReviewStore, load_records
    try:
        with ReviewStore(path) as store:
            return store.reconcile(load_records(output))
    except ClaimxError as error:
        click.echo(f"claimx: {error}", err=True)
        return None


@main.command()
def schema() -> None:
    """Print the JSON Schema of one output line (schema claimx/1).

    \b
    Example:
      claimx schema > claimx.schema.json
    """
    from claimx.models import output_json_schema

    click.echo(json.dumps(output_json_schema(), indent=2, ensure_ascii=False))


@main.command()
@click.argument("output", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--gold", "gold_dirs", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of gold *.json files (GOLD.md format); repeat with --texts for several sets.")
@click.option("--texts", "texts_dirs", multiple=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder holding the documents the gold files name (one per --gold, in order).")
@click.option("--set", "set_dirs", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A folder holding texts/ and gold/ (repeatable).")
@click.option("--by-language", is_flag=True, help="Also print one line per language of each set.")
@click.option("-v", "--verbose", is_flag=True, help="List misses and false positives, grouped by field.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(output: Path | None, gold_dirs: tuple[Path, ...], texts_dirs: tuple[Path, ...],
             set_dirs: tuple[Path, ...], by_language: bool, verbose: bool, as_json: bool) -> None:
    """Score claims against gold sets (sent, dose, cond F1; polarity, certainty, language accuracy).

    One line per set (and per language with --by-language). Without OUTPUT,
    claimx extracts each set's texts itself first.

    \b
    Examples:
      claimx evaluate --gold ../shared/gold --texts ../shared/seeds --set ../shared/dev --by-language
      claimx run ../shared/seeds -o seeds.jsonl
      claimx evaluate seeds.jsonl --gold ../shared/gold --texts ../shared/seeds -v
    """
    from claimx.evaluate import evaluate_sets, iter_lines

    if len(gold_dirs) != len(texts_dirs):
        raise click.UsageError("give --gold and --texts in pairs (one --texts per --gold)")
    sets = [(texts.name, gold, texts) for gold, texts in zip(gold_dirs, texts_dirs)]
    for folder in set_dirs:
        if not (folder / "gold").is_dir() or not (folder / "texts").is_dir():
            raise click.UsageError(f"{folder}: a --set folder needs gold/ and texts/ inside")
        sets.append((folder.resolve().name, folder / "gold", folder / "texts"))
    if not sets:
        raise click.UsageError("nothing to score: give --gold/--texts or --set")
    try:
        reports = evaluate_sets(sets, output)
    except ClaimxError as error:
        fail(str(error))
    if as_json:
        click.echo(json.dumps({name: report.as_dict() for name, report in reports.items()}, indent=2))
        return
    for name, report in reports.items():
        for line in iter_lines(report, verbose, name if len(reports) > 1 or by_language else None, by_language):
            click.echo(line)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--level", type=click.Choice(["document", "paragraph", "sentence"]), default="paragraph",
              show_default=True, help="The unit to identify.")
def langid(inputs: tuple[str, ...], level: str) -> None:
    """Print the language of each document, paragraph or sentence as JSON lines.

    Each line: {"source", "start", "end", "text", "lang", "confidence"}.

    \b
    Examples:
      claimx langid --level sentence article.txt
      echo "Magnesium hjelper mot hodepine." | claimx langid -
    """
    from claimx.ingest import Rejected, read_articles
    from claimx.language import language_units
    from claimx.pipeline import sentence_offsets

    for item in read_articles(inputs):
        if isinstance(item, Rejected):
            click.echo(f"claimx: {item.status}: {item.source}: {item.reason}", err=True)
            continue
        for start, end, guess in language_units(item.text, level, sentence_offsets):
            click.echo(json.dumps({"source": item.source, "start": start, "end": end, "text": item.text[start:end],
                                   "lang": guess.code, "confidence": guess.confidence}, ensure_ascii=False))


@main.group()
def cache() -> None:
    """Inspect or empty the translation cache.

    \b
    Example:
      claimx cache stats
    """


@cache.command("stats")
@click.option("--cache", "cache_path", type=click.Path(dir_okay=False), default=None, help="Cache file.")
def cache_stats(cache_path: str | None) -> None:
    """How many translations are cached (a rerun of those sends nothing).

    \b
    Example:
      claimx cache stats --cache translations.sqlite
    """
    from claimx.translate import TranslationCache, default_cache_path

    path = Path(cache_path) if cache_path else default_cache_path()
    if not path.exists():  # looking creates nothing
        fail(f"{path}: no translation cache here yet (it is created by `claimx run --translate`)", code=1)
    store = TranslationCache(path)
    click.echo(json.dumps({"path": str(store.path), **store.stats()}))
    store.close()


@cache.command("clear")
@click.option("--cache", "cache_path", type=click.Path(dir_okay=False), default=None, help="Cache file.")
def cache_clear(cache_path: str | None) -> None:
    """Delete every cached translation and glossary id.

    \b
    Example:
      claimx cache clear
    """
    from claimx.translate import TranslationCache, default_cache_path

    path = Path(cache_path) if cache_path else default_cache_path()
    if not path.exists():
        click.echo(f"claimx: {path}: no translation cache here; nothing to remove")
        return
    store = TranslationCache(path)
    click.echo(f"claimx: removed {store.clear()} translations from {store.path}")
    store.close()


@main.command()
@click.option("--deepl-key", envvar="DEEPL_AUTH_KEY", default=None, show_envvar=True, show_default=False,
              help="DeepL authentication key (default: $DEEPL_AUTH_KEY).")
@click.option("--deepl-server-url", default=None, help="DeepL API endpoint or a proxy.")
def usage(deepl_key: str | None, deepl_server_url: str | None) -> None:
    """Show the DeepL account's character usage for this billing period.

    \b
    Example:
      DEEPL_AUTH_KEY=... claimx usage
    """
    import deepl

    from claimx.translate import DeepLTranslator

    if not deepl_key:
        fail("set DEEPL_AUTH_KEY or pass --deepl-key")
    try:
        count, limit = DeepLTranslator(deepl_key, deepl_server_url).usage()
    except deepl.AuthorizationException:
        fail("DeepL rejected the authentication key (HTTP 403)")
    except deepl.DeepLException as error:
        fail(f"DeepL is not reachable: {error.__class__.__name__}")
    left = "" if not limit else f", {limit - (count or 0)} left"
    click.echo(f"characters: {count} of {limit}{left}")


register(main)

if __name__ == "__main__":
    main()
