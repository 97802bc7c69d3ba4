"""What ingest reads: an article, or a rejected input. Plain dataclasses, no pydantic.

Kept free of heavy imports so that an incremental run over an unchanged
corpus (read, hash, compare, copy) starts in a fraction of a second.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True)
class Article:
    """One input article, as read by ingest, before any NLP."""

    source: str  # path, URL or JSONL id the article came from
    text: str
    key: str | None = None  # stable name for claim ids: file name or JSONL id
    title: str | None = None
    url: str | None = None
    published: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Rejected:
    """An input that produced no article: skipped (nothing to do) or failed (broken)."""

    source: str
    status: Literal["skipped", "failed"]
    reason: str


Item = Article | Rejected
