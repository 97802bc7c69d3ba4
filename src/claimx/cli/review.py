"""``claimx review``: review claims one at a time in the terminal."""

from __future__ import annotations

from pathlib import Path

import click

from claimx.cli._util import CLAIMS, REVIEWS, fail, login, main, open_claims
from claimx.errors import ClaimxError


@main.command()
@CLAIMS
@REVIEWS
@click.option("--status", type=click.Choice(["pending", "accepted", "rejected", "corrected", "stale", "all"]),
              default="pending", show_default=True, help="Which claims to show.")
@click.option("--lang", default=None, help="Only claims in this language (sv, da, nb, en).")
@click.option("--substance", default=None, help="Only claims about this substance (canonical name).")
@click.option("--kind", type=click.Choice(["dose", "condition", "effect"]), default=None,
              help="Only claims of this kind.")
@click.option("--reviewer", default=None, help="Your name (default: the login name).")
def review(claims: Path, reviews: Path | None, status: str, lang: str | None, substance: str | None,
           kind: str | None, reviewer: str | None) -> None:
    """Review claims one at a time in the terminal; decisions are saved as you make them.

    Keys: a accept, r reject, e edit a field, n note, s skip, b back, q quit.
    A later session resumes where this one stopped.

    \b
    Example:
      claimx review claims.jsonl --lang da --substance magnesium
    """
    from claimx.console import claim_queue, run_session

    try:
        records, store = open_claims(claims, reviews)
        with store:
            store.reconcile(records)
            queue = claim_queue(records, store, status=status, lang=lang, substance=substance, kind=kind)
            counts = run_session(records, store, queue, reviewer=reviewer or login(),
                                 position_key=f"position:{claims.resolve()}:{status}:{lang}:{substance}:{kind}")
    except ClaimxError as error:
        fail(str(error))
    click.echo("claimx: " + ", ".join(f"{v} {k}" for k, v in counts.items()) + f" -> {store.path}")
