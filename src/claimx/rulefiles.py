"""Where the rule files are, and a version hash of their text (no pydantic).

:mod:`claimx.rules` and :mod:`claimx.contexts` parse them, through
:func:`validated_lines` with their own models; this module only finds and
hashes them, which is all an incremental run needs to tell whether earlier
output was made by the same rules.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from functools import lru_cache
from importlib import resources
from typing import TypeVar

from claimx.errors import RuleError

T = TypeVar("T")

TERM_TABLES = ("substances", "conditions", "targets")  # parsed by claimx.terms
RULE_FILES = (
    "substances",
    "conditions",
    "targets",
    "effects",
    "cues",
    "evidence",
    "boilerplate",
    "doses",
)


def rule_files(lang: str) -> list[tuple[str, str]]:
    """(name, text) of every rule file for ``lang``: the common ones, then the language's."""
    root = resources.files("claimx").joinpath("rules")
    files = []
    for folder in ("common", lang):
        for stem in RULE_FILES:
            path = root.joinpath(folder, f"{stem}.jsonl")
            if path.is_file():
                files.append((f"rules/{folder}/{stem}.jsonl", path.read_text("utf-8")))
    if not any(name.startswith(f"rules/{lang}/") for name, _ in files):
        raise RuleError(f"no rules for language {lang!r}")
    return files + term_files() + list(regulatory_files()) + list(context_files())


@lru_cache(maxsize=1)
def _term_files() -> tuple[tuple[str, str], ...]:
    root = resources.files("claimx").joinpath("rules", "terms")
    return tuple((f"rules/terms/{stem}.tsv", path.read_text("utf-8")) for stem in TERM_TABLES
                 if (path := root.joinpath(f"{stem}.tsv")).is_file())


CONTEXT_FILE = "contexts"  # parsed by claimx.contexts; every language's is read together


@lru_cache(maxsize=1)
def context_files() -> tuple[tuple[str, str], ...]:
    """(name, text) of every language's context words (part of each language's rules version)."""
    root = resources.files("claimx").joinpath("rules")
    return tuple((f"rules/{lang}/{CONTEXT_FILE}.jsonl", path.read_text("utf-8")) for lang in available_languages()
                 if (path := root.joinpath(lang, f"{CONTEXT_FILE}.jsonl")).is_file())


REGULATORY_TABLES = ("health_claims", "upper_levels")  # parsed by claimx.regulatory


@lru_cache(maxsize=1)
def regulatory_files() -> tuple[tuple[str, str], ...]:
    """(name, text) of the EU register and upper-level tables (part of the rules version)."""
    root = resources.files("claimx").joinpath("rules", "regulatory")
    return tuple((f"rules/regulatory/{stem}.tsv", root.joinpath(f"{stem}.tsv").read_text("utf-8"))
                 for stem in REGULATORY_TABLES if root.joinpath(f"{stem}.tsv").is_file())


def term_files() -> list[tuple[str, str]]:
    """(name, text) of the terminology tables (read once per process; parsed by :mod:`claimx.terms`)."""
    return list(_term_files())


def text_version(files: list[tuple[str, str]]) -> str:
    """A short hash of rule files' names and texts."""
    digest = hashlib.sha256()
    for name, text in files:
        digest.update(name.encode() + b"\0" + text.encode())
    return digest.hexdigest()[:12]


@lru_cache(maxsize=1)
def available_languages() -> tuple[str, ...]:
    """Languages with a rules folder (read once per process)."""
    root = resources.files("claimx").joinpath("rules")
    return tuple(sorted(p.name for p in root.iterdir()
                        if p.is_dir() and p.name not in ("common", "terms", "regulatory")))


def validated_lines(name: str, text: str, validate: Callable[[object], T]) -> Iterator[T]:
    """Each non-blank, non-comment (``//``) line of a JSONL rule file, parsed and passed through
    ``validate`` (a model's ``model_validate``); a bad line stops with an error naming file and line
    (pydantic's ValidationError and json's JSONDecodeError are both ValueErrors)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            yield validate(json.loads(line))
        except ValueError as error:
            raise RuleError(f"{name}:{number}: {error}") from None
