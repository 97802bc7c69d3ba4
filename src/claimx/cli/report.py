"""``claimx report``: one self-contained HTML report."""

from __future__ import annotations

from pathlib import Path

import click

from claimx.cli._util import CLAIMS, REVIEWS, fail, main, open_claims, output_option, written_to
from claimx.errors import ClaimxError


@main.command()
@CLAIMS
@REVIEWS
@output_option("report.html", "The HTML file to write.")
def report(claims: Path, reviews: Path | None, destination: str, deprecated_out: str | None) -> None:
    """Write one self-contained HTML report: the texts with highlights, filterable and sortable claim
    tables with review status and notes, summaries, and the articles that were skipped or failed.

    \b
    Example:
      claimx report claims.jsonl -o report.html
    """
    from claimx.output import atomic_writer
    from claimx.report import build_report

    destination = written_to(destination, deprecated_out)
    try:
        records, store = open_claims(claims, reviews)
        with store, atomic_writer(destination) as handle:
            store.reconcile(records)
            handle.write(build_report(records, store))
    except ClaimxError as error:
        fail(str(error))
    click.echo(f"claimx: report -> {destination}", err=True)
