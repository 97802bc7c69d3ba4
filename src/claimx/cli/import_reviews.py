"""``claimx import-reviews``: Label Studio annotations back into review decisions."""

from __future__ import annotations

import json
from pathlib import Path

import click

from claimx.cli._util import REVIEWS, deprecated, fail, main, open_claims
from claimx.errors import ClaimxError

FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@main.command("import-reviews")
@click.argument("claims", metavar="CLAIMS", type=FILE)
@click.argument("annotations", metavar="ANNOTATIONS", type=FILE, required=False)
@REVIEWS
@click.option("--output", "old_claims", type=FILE, default=None, hidden=True,
              help="Deprecated: the claims file is the first argument.")
@click.option("--format", "fmt", type=click.Choice(["label-studio"]), default="label-studio", show_default=True)
@click.option("--reviewer", default=None, help="Name to record (default: the Label Studio annotator's e-mail).")
@click.option("--annotator", "annotators", multiple=True, metavar="ID=EMAIL",
              help="The e-mail of a Label Studio user id, for exports that give only ids (repeatable).")
def import_reviews(claims: Path, annotations: Path | None, reviews: Path | None, old_claims: Path | None,
                   fmt: str, reviewer: str | None, annotators: tuple[str, ...]) -> None:
    """Turn a Label Studio JSON export (ANNOTATIONS) into review decisions on CLAIMS.

    \b
    Example:
      claimx import-reviews claims.jsonl project-1-export.json
    """
    from claimx.labelstudio import NOT_REVIEWABLE, import_annotations

    if old_claims is not None:  # the old spelling: import-reviews ANNOTATIONS --output CLAIMS
        deprecated("import-reviews ANNOTATIONS --output CLAIMS", "import-reviews CLAIMS ANNOTATIONS")
        if annotations is not None:
            fail("give the claims file once: import-reviews CLAIMS ANNOTATIONS")
        claims, annotations = old_claims, claims
    if annotations is None:
        fail("import-reviews needs CLAIMS and ANNOTATIONS (the Label Studio JSON export)")
    try:
        tasks = json.loads(annotations.read_text("utf-8"))
    except (OSError, ValueError) as error:
        fail(f"{annotations}: not a Label Studio JSON export ({error})")
    known = {}
    for pair in annotators:
        user, _, email = pair.partition("=")
        if not user.strip() or not email.strip():
            fail(f"--annotator {pair!r}: give a Label Studio user id and an e-mail, e.g. 1=ann@example.org")
        known[user.strip()] = email.strip()
    try:
        records, store = open_claims(claims, reviews)
        with store:
            counts = import_annotations(tasks, records, store, reviewer, known)
    except ClaimxError as error:
        fail(str(error))
    skipped, ids = counts.pop("not reviewable"), counts.pop("user ids")
    click.echo("claimx: " + ", ".join(f"{v} {k}" for k, v in counts.items()) + f" -> {store.path}")
    if ids:
        click.echo(f"claimx: this export names annotators by user id only ({', '.join(sorted(ids))}); export"
                   " with completed_by expanded (README) or pass --annotator ID=EMAIL", err=True)
    if skipped:
        click.echo(f"claimx: {len(skipped)} claims not reviewable in Label Studio, {NOT_REVIEWABLE}; review them"
                   f" with `claimx review`: {', '.join(skipped)}")
