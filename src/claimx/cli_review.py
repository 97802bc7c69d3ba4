"""CLI commands for reviewing and exporting (review, report, export, import-reviews) and `fail`."""

from __future__ import annotations

import getpass
import json
import sys
from pathlib import Path

import click

from claimx.errors import ClaimxError

OUTPUT = click.argument("output", type=click.Path(exists=True, dir_okay=False, path_type=Path))
REVIEWS = click.option("--reviews", type=click.Path(dir_okay=False, path_type=Path), default=None,
                       help="Review store (default: OUTPUT.reviews.sqlite beside the output).")


def fail(message: str, code: int = 2) -> None:
    """Print one ``claimx: ...`` line on stderr and exit (shared by every command)."""
    click.echo(f"claimx: {message}", err=True)
    sys.exit(code)


def _open(output: Path, reviews: Path | None):
    from claimx.review import ReviewStore, default_store_path, load_records

    records = load_records(output)
    return records, ReviewStore(reviews or default_store_path(output))


def register(main: click.Group) -> None:
    """Add the review commands to the ``claimx`` group."""

    @main.command()
    @OUTPUT
    @REVIEWS
    @click.option("--status", type=click.Choice(["pending", "accepted", "rejected", "corrected", "stale", "all"]),
                  default="pending", show_default=True, help="Which claims to show.")
    @click.option("--lang", default=None, help="Only claims in this language (sv, da, nb, en).")
    @click.option("--substance", default=None, help="Only claims about this substance (canonical name).")
    @click.option("--kind", type=click.Choice(["dose", "condition", "effect"]), default=None,
                  help="Only claims of this kind.")
    @click.option("--reviewer", default=None, help="Your name (default: the login name).")
    def review(output: Path, reviews: Path | None, status: str, lang: str | None, substance: str | None,
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
            records, store = _open(output, reviews)
            with store:
                store.reconcile(records)
                queue = claim_queue(records, store, status=status, lang=lang, substance=substance, kind=kind)
                counts = run_session(records, store, queue, reviewer=reviewer or _login(),
                                     position_key=f"position:{output.resolve()}:{status}:{lang}:{substance}:{kind}")
        except ClaimxError as error:
            fail(str(error))
        click.echo("claimx: " + ", ".join(f"{v} {k}" for k, v in counts.items()) + f" -> {store.path}")

    @main.command()
    @OUTPUT
    @REVIEWS
    @click.option("-o", "--out", "destination", default="report.html", show_default=True,
                  help="The HTML file to write.")
    def report(output: Path, reviews: Path | None, destination: str) -> None:
        """Write one self-contained HTML report: highlighted texts, sortable claim tables, summaries.

        \b
        Example:
          claimx report claims.jsonl -o report.html
        """
        from claimx.output import atomic_writer
        from claimx.report import build_report

        try:
            records, store = _open(output, reviews)
            with store, atomic_writer(destination) as handle:
                store.reconcile(records)
                handle.write(build_report(records, store))
        except ClaimxError as error:
            fail(str(error))
        click.echo(f"claimx: report -> {destination}", err=True)

    @main.command()
    @OUTPUT
    @REVIEWS
    @click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "label-studio", "prodigy"]),
                  required=True, help="jsonl, csv and parquet: the flat columns of the README's dataset table.")
    @click.option("-o", "--out", "destination", default="-", show_default=True, help="File to write; '-' stdout.")
    @click.option("--only", type=click.Choice(["accepted"]), default=None,
                  help="Only accepted (and corrected) claims. Rejected claims are never exported.")
    def export(output: Path, reviews: Path | None, fmt: str, destination: str, only: str | None) -> None:
        """Export claims with review decisions applied (corrections in, rejections out).

        \b
        Examples:
          claimx export claims.jsonl --format csv -o claims.csv
          claimx export claims.jsonl --format label-studio --only accepted -o tasks.json
        """
        from claimx.export import EXPORTERS, label_studio_export
        from claimx.output import atomic_writer

        try:
            records, store = _open(output, reviews)
            with store:
                store.reconcile(records)
                if fmt == "label-studio":
                    _export_label_studio(label_studio_export(records, store, only), destination)
                    return
                if fmt == "parquet" and destination == "-":
                    fail("--format parquet writes a binary file: give -o FILE")
                with atomic_writer(destination, binary=fmt == "parquet") as handle:
                    handle.write(EXPORTERS[fmt](records, store, only))
        except ClaimxError as error:
            fail(str(error))

    @main.command()
    @OUTPUT
    @REVIEWS
    @click.option("--host", default="127.0.0.1", show_default=True,
                  help="Address to listen on. Anything but loopback exposes the review app to the network.")
    @click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535))
    @click.option("--reviewer", default=None, help="Your name on decisions (default: the login name).")
    def serve(output: Path, reviews: Path | None, host: str, port: int, reviewer: str | None) -> None:
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
        click.echo(f"claimx: reviewing {output} at http://{host}:{port}/ (Ctrl-C stops)", err=True)
        try:
            run(output, reviews or default_store_path(output), host, port, reviewer or _login())
        except ClaimxError as error:
            fail(str(error))

    @main.command("import-reviews")
    @click.argument("annotations", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("--output", "output", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
                  help="The claimx output the annotated tasks were exported from.")
    @REVIEWS
    @click.option("--format", "fmt", type=click.Choice(["label-studio"]), default="label-studio", show_default=True)
    @click.option("--reviewer", default=None, help="Name to record (default: the Label Studio annotator's e-mail).")
    @click.option("--annotator", "annotators", multiple=True, metavar="ID=EMAIL",
                  help="The e-mail of a Label Studio user id, for exports that give only ids (repeatable).")
    def import_reviews(annotations: Path, output: Path, reviews: Path | None, fmt: str, reviewer: str | None,
                       annotators: tuple[str, ...]) -> None:
        """Turn annotations exported from Label Studio into review decisions.

        \b
        Example:
          claimx import-reviews project-1-export.json --output claims.jsonl
        """
        from claimx.labelstudio import NOT_REVIEWABLE, import_annotations

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
            records, store = _open(output, reviews)
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


def _export_label_studio(exported: tuple[str, list[str]], destination: str) -> None:
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


def _login() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None
