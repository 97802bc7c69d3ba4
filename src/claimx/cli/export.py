"""``claimx export``: claims with review decisions applied, for other tools."""

from __future__ import annotations

from pathlib import Path

import click

from claimx.cli._util import CLAIMS, REVIEWS, fail, main, open_claims, output_option, written_to
from claimx.errors import ClaimxError


@main.command()
@CLAIMS
@REVIEWS
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "label-studio", "prodigy"]),
              required=True, help="jsonl, csv and parquet: the flat columns of the README's dataset table.")
@output_option("-", "File to write; '-' stdout.")
@click.option("--only", type=click.Choice(["accepted"]), default=None,
              help="Only accepted (and corrected) claims. Rejected claims are never exported.")
def export(claims: Path, reviews: Path | None, fmt: str, destination: str, deprecated_out: str | None,
           only: str | None) -> None:
    """Export claims with review decisions applied (corrections in, rejections out).

    \b
    Examples:
      claimx export claims.jsonl --format csv -o claims.csv
      claimx export claims.jsonl --format parquet -o claims.parquet
      claimx export claims.jsonl --format label-studio --only accepted -o tasks.json
    """
    from claimx.export import EXPORTERS, label_studio_export
    from claimx.output import atomic_writer

    destination = written_to(destination, deprecated_out)
    if fmt == "parquet" and destination == "-":
        fail("--format parquet writes a binary file: give -o FILE")
    try:
        records, store = open_claims(claims, reviews)
        with store:
            store.reconcile(records)
            if fmt == "label-studio":
                _write_label_studio(label_studio_export(records, store, only), destination)
                return
            with atomic_writer(destination, binary=fmt == "parquet") as handle:
                handle.write(EXPORTERS[fmt](records, store, only))
    except ClaimxError as error:
        fail(str(error))


def _write_label_studio(exported: tuple[str, list[str]], destination: str) -> None:
    """The tasks, and the labeling config beside them (``NAME.label-config.xml``)."""
    from claimx.labelstudio import NOT_REVIEWABLE, label_config
    from claimx.output import atomic_writer

    tasks, skipped = exported
    with atomic_writer(destination) as handle:
        handle.write(tasks)
    if destination != "-":
        config = Path(destination).with_suffix(".label-config.xml")
        with atomic_writer(str(config)) as handle:
            handle.write(label_config())
        click.echo(f"claimx: Label Studio tasks -> {destination}, labeling config -> {config}", err=True)
    else:
        click.echo("claimx: the labeling config is written beside the tasks with -o FILE (or see the README)",
                   err=True)
    if skipped:
        click.echo(f"claimx: {len(skipped)} claims have an {NOT_REVIEWABLE}: review them with `claimx review`"
                   f" ({', '.join(skipped)})", err=True)
