"""Stable identities: of a text, and of the rules that read it (cheap: no NLP imports)."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from claimx.rulefiles import available_languages, rule_files, text_version


def doc_id_for(text: str) -> str:
    """A stable id derived from the text alone."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@lru_cache(maxsize=1)
def rules_version() -> str:
    """One hash over the rule files of every language (part of claim ids)."""
    digest = hashlib.sha256()
    for lang in available_languages():
        digest.update(text_version(rule_files(lang)).encode())
    return digest.hexdigest()[:12]
