"""``claimx schema``: the JSON Schema of one output line."""

from __future__ import annotations

import json

import click

from claimx.cli._util import main


@main.command()
def schema() -> None:
    """Print the JSON Schema of one output line (schema claimx/1).

    \b
    Example:
      claimx schema > claimx.schema.json
    """
    from claimx.models import output_json_schema

    click.echo(json.dumps(output_json_schema(), indent=2, ensure_ascii=False))
