"""claimx: structured, reviewable health claims from Scandinavian articles."""

from claimx._spacy_cli import defer_spacy_cli

__version__ = "0.1.0"

defer_spacy_cli()
