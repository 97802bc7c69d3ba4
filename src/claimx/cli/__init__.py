"""The ``claimx`` command line: one small module per command, each a thin wrapper that checks its
options and calls the library (the layout of spaCy's ``cli/``); shared helpers live in ``_util``."""

from claimx.cli import (  # noqa: F401  (each module adds its command to the group)
    cache,
    claims,
    evaluate,
    export,
    import_reviews,
    langid,
    report,
    review,
    run,
    schema,
    serve,
    usage,
)
from claimx.cli._util import main

__all__ = ["main"]
