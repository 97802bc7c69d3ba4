"""``claimx claims``: the same claim across articles."""

from __future__ import annotations

from pathlib import Path

import click

from claimx.cli._util import CLAIMS, REVIEWS, fail, main, open_claims, output_option, written_to
from claimx.errors import ClaimxError

VERDICTS = ["authorised", "disease_claim", "not_authorised", "not_applicable"]


@main.command()
@CLAIMS
@REVIEWS
@output_option("-", "File to write; '-' stdout.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True)
@click.option("--verdict", type=click.Choice(VERDICTS), default=None,
              help="Only groups with a mention of this verdict (e.g. disease_claim).")
@click.option("--above-ul", is_flag=True, help="Only groups with a dose over the upper intake level.")
def claims(claims: Path, reviews: Path | None, destination: str, deprecated_out: str | None, fmt: str,
           verdict: str | None, above_ul: bool) -> None:
    """Group claims across articles by substance, condition or target, and polarity: articles and
    mentions, certainty and evidence mix, verdicts, doses over the UL, first and last published dates,
    sources. Review decisions are applied. claimx flags claims for a person to check; no legal opinion.

    \b
    Examples:
      claimx claims claims.jsonl -o groups.csv
      claimx claims claims.jsonl --verdict disease_claim
      claimx claims claims.jsonl --above-ul --format jsonl
    """
    from claimx.groups import export_groups, group_claims
    from claimx.output import atomic_writer

    destination = written_to(destination, deprecated_out)
    try:
        records, store = open_claims(claims, reviews)
        with store:
            store.reconcile(records)
            groups = group_claims(records, store)
        with atomic_writer(destination) as handle:
            handle.write(export_groups(groups, fmt, verdict, above_ul))
    except ClaimxError as error:
        fail(str(error))
