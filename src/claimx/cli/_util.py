"""What every command shares: the ``claimx`` group, the one-line failure, and the option helpers.

One naming rule for every command: the claims file a command reads is its
first argument (``CLAIMS``), and ``-o/--output`` is always the file it writes.
Old spellings (``--out``; ``import-reviews FILE --output CLAIMS``) keep working
for a release and print a deprecation note.
"""

from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from pathlib import Path

import click

from claimx import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimx")
def main() -> None:
    """Turn Scandinavian health and supplement articles into reviewable claims.

    \b
    Example:
      claimx run corpus/ -o claims.jsonl
    """


CLAIMS = click.argument("claims", metavar="CLAIMS", type=click.Path(exists=True, dir_okay=False, path_type=Path))
REVIEWS = click.option("--reviews", type=click.Path(dir_okay=False, path_type=Path), default=None,
                       help="Review store (default: CLAIMS.reviews.sqlite beside the claims file).")


def output_option(default: str, help: str) -> Callable:
    """``-o/--output FILE``, the file the command writes, with the old ``--out`` kept (hidden, deprecated)."""
    def decorate(function: Callable) -> Callable:
        function = click.option("--out", "deprecated_out", hidden=True, default=None,
                                help="Deprecated: use -o/--output.")(function)
        return click.option("-o", "--output", "destination", default=default, show_default=True, help=help)(function)
    return decorate


def written_to(destination: str, deprecated_out: str | None) -> str:
    """The output file, taking the deprecated ``--out`` if it was given."""
    if deprecated_out is None:
        return destination
    deprecated("--out", "-o/--output")
    return deprecated_out


def deprecated(old: str, new: str) -> None:
    click.echo(f"claimx: note: {old} is deprecated and will be removed in the next release; use {new}", err=True)


def fail(message: str, code: int = 2) -> None:
    """Print one ``claimx: ...`` line on stderr and exit (shared by every command)."""
    click.echo(f"claimx: {message}", err=True)
    sys.exit(code)


def login() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None


def open_claims(claims: Path, reviews: Path | None):
    """The records of a claims file and its review store."""
    from claimx.review import ReviewStore, default_store_path, load_records

    records = load_records(claims)
    return records, ReviewStore(reviews or default_store_path(claims))
