"""``claimx usage``: the DeepL account's character usage."""

from __future__ import annotations

import click

from claimx.cli._util import fail, main


@main.command()
@click.option("--deepl-key", envvar="DEEPL_AUTH_KEY", default=None, show_envvar=True, show_default=False,
              help="DeepL authentication key (default: $DEEPL_AUTH_KEY).")
@click.option("--deepl-server-url", default=None, help="DeepL API endpoint or a proxy.")
def usage(deepl_key: str | None, deepl_server_url: str | None) -> None:
    """Show the DeepL account's character usage for this billing period.

    \b
    Example:
      DEEPL_AUTH_KEY=... claimx usage
    """
    import deepl

    from claimx.translate import DeepLTranslator

    if not deepl_key:
        fail("set DEEPL_AUTH_KEY or pass --deepl-key")
    try:
        count, limit = DeepLTranslator(deepl_key, deepl_server_url).usage()
    except deepl.AuthorizationException:
        fail("DeepL rejected the authentication key (HTTP 403)")
    except deepl.DeepLException as error:
        fail(f"DeepL is not reachable: {error.__class__.__name__}")
    left = "" if not limit else f", {limit - (count or 0)} left"
    click.echo(f"characters: {count} of {limit}{left}")
