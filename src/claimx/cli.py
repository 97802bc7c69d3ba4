"""The ``claimx`` command line: thin wiring from options to library calls."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import click

from claimx import __version__
from claimx.errors import ClaimxError


def _fail(message: str, code: int = 2) -> None:
    click.echo(f"claimx: {message}", err=True)
    sys.exit(code)


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
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
def run(inputs: tuple[str, ...], output: str, lang: str | None, max_bytes: int, quiet: bool) -> None:
    """Extract claims from articles (.txt, .html, .jsonl files, folders, or '-' for stdin).

    \b
    Examples:
      claimx run corpus/                      # writes claims.jsonl
      claimx run a.txt feed.jsonl -o out.jsonl
      cat article.txt | claimx run - -o -
    """
    from claimx.ingest import read_articles
    from claimx.output import atomic_writer
    from claimx.pipeline import process_all

    counts: Counter[str] = Counter()
    show_bar = not quiet and sys.stderr.isatty()
    results = process_all(read_articles(inputs, max_bytes=max_bytes), lang)
    try:
        with atomic_writer(output) as handle:
            with click.progressbar(results, label="articles", file=sys.stderr,
                                   hidden=not show_bar) as bar:  # type: ignore[var-annotated]
                for result in bar:
                    counts[result.status] += 1
                    if result.status != "ok":
                        click.echo(f"claimx: {result.status}: {result.source}: {result.error}", err=True)
                    handle.write(result.to_json() + "\n")
    except ClaimxError as error:
        _fail(str(error))
    except OSError as error:
        _fail(f"{output}: cannot write output ({error.strerror})")
    if not quiet:
        click.echo(f"claimx: {counts['ok']} ok, {counts['skipped']} skipped, {counts['failed']} failed"
                   f" -> {output}", err=True)
    if counts["ok"] == 0:
        sys.exit(1)


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
@click.argument("output", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--gold", "gold_dir", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of gold *.json files (GOLD.md format).")
@click.option("--texts", "texts_dir", required=True,
              type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder holding the documents the gold files name.")
@click.option("-v", "--verbose", is_flag=True, help="List misses and false positives.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate(output: Path, gold_dir: Path, texts_dir: Path, verbose: bool, as_json: bool) -> None:
    """Score OUTPUT against gold claims (sent, dose, cond F1; polarity, certainty, language accuracy).

    \b
    Example:
      claimx run ../shared/seeds -o seeds.jsonl
      claimx evaluate seeds.jsonl --gold ../shared/gold --texts ../shared/seeds
    """
    from claimx.evaluate import evaluate as score
    from claimx.evaluate import iter_lines
    from claimx.pipeline import segment_text

    try:
        report = score(output, gold_dir, texts_dir, segment_text)
    except ClaimxError as error:
        _fail(str(error))
    if as_json:
        click.echo(json.dumps(report.as_dict(), indent=2))
        return
    for line in iter_lines(report, verbose):
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
