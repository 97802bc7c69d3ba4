"""``claimx evaluate``: score claims against gold sets."""

from __future__ import annotations

import json
from pathlib import Path

import click

from claimx.cli._util import fail, main
from claimx.errors import ClaimxError


@main.command()
@click.argument("claims", metavar="[CLAIMS]", required=False,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
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
def evaluate(claims: Path | None, gold_dirs: tuple[Path, ...], texts_dirs: tuple[Path, ...],
             set_dirs: tuple[Path, ...], by_language: bool, verbose: bool, as_json: bool) -> None:
    """Score claims against gold sets (sent, dose, cond F1; polarity, certainty, language accuracy).

    One line per set (and per language with --by-language). Without CLAIMS,
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
        reports = evaluate_sets(sets, claims)
    except ClaimxError as error:
        fail(str(error))
    if as_json:
        click.echo(json.dumps({name: report.as_dict() for name, report in reports.items()}, indent=2))
        return
    for name, report in reports.items():
        for line in iter_lines(report, verbose, name if len(reports) > 1 or by_language else None, by_language):
            click.echo(line)
