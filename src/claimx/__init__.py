"""claimx: structured, reviewable health claims from Scandinavian articles."""

__version__ = "0.1.0"
