"""``claimx cache stats|clear``: the translation cache."""

from __future__ import annotations

import json
from pathlib import Path

import click

from claimx.cli._util import fail, main


@main.group()
def cache() -> None:
    """Inspect or empty the translation cache.

    \b
    Example:
      claimx cache stats
    """


@cache.command("stats")
@click.option("--cache", "cache_path", type=click.Path(dir_okay=False), default=None, help="Cache file.")
def cache_stats(cache_path: str | None) -> None:
    """How many translations are cached (a rerun of those sends nothing).

    \b
    Example:
      claimx cache stats --cache translations.sqlite
    """
    from claimx.translate import TranslationCache

    path = _cache_file(cache_path)
    if not path.exists():  # looking creates nothing
        fail(f"{path}: no translation cache here yet (it is created by `claimx run --translate`)", code=1)
    store = TranslationCache(path)
    click.echo(json.dumps({"path": str(store.path), **store.stats()}))
    store.close()


@cache.command("clear")
@click.option("--cache", "cache_path", type=click.Path(dir_okay=False), default=None, help="Cache file.")
def cache_clear(cache_path: str | None) -> None:
    """Delete every cached translation and glossary id.

    \b
    Example:
      claimx cache clear
    """
    from claimx.translate import TranslationCache

    path = _cache_file(cache_path)
    if not path.exists():
        click.echo(f"claimx: {path}: no translation cache here; nothing to remove")
        return
    store = TranslationCache(path)
    click.echo(f"claimx: removed {store.clear()} translations from {store.path}")
    store.close()


def _cache_file(cache_path: str | None) -> Path:
    """The cache the command looks at: --cache, or the default in the user cache folder."""
    from claimx.translate import default_cache_path

    return Path(cache_path) if cache_path else default_cache_path()
