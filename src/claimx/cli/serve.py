"""``claimx serve``: review claims in the browser."""

from __future__ import annotations

from pathlib import Path

import click

from claimx.cli._util import CLAIMS, REVIEWS, fail, login, main
from claimx.errors import ClaimxError


@main.command()
@CLAIMS
@REVIEWS
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback exposes the review app to the network.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535))
@click.option("--reviewer", default=None, help="Your name on decisions (default: the login name).")
def serve(claims: Path, reviews: Path | None, host: str, port: int, reviewer: str | None) -> None:
    """Review claims in the browser: the documents, their text with highlights, and claim cards to
    accept, reject, edit and undo. Decisions go to the same store as `claimx review` and the exports.

    \b
    Example:
      claimx serve claims.jsonl          # then open http://127.0.0.1:8765/
    """
    from claimx.review import default_store_path
    from claimx.serve import serve as run

    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"claimx: warning: listening on {host}: anyone who can reach this address can read the"
                   " articles and change decisions (there are no accounts)", err=True)
    click.echo(f"claimx: reviewing {claims} at http://{host}:{port}/ (Ctrl-C stops)", err=True)
    try:
        run(claims, reviews or default_store_path(claims), host, port, reviewer or login())
    except ClaimxError as error:
        fail(str(error))
