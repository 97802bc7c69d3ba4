"""``claimx langid``: the language of each document, paragraph or sentence."""

from __future__ import annotations

import json

import click

from claimx.cli._util import main


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
