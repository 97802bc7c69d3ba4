"""``claimx run``: extract claims from articles into one JSONL file."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import click

from claimx.cli._util import fail, main
from claimx.errors import ClaimxError


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
