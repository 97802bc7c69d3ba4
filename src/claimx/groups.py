"""The same claim across articles: claims grouped by substance, outcome and polarity.

Review decisions are applied first, as in the exports (corrections in,
rejections out). Each group gives the number of articles and of mentions, its
certainty, evidence and verdict mix, whether any mention's dose is over the
UL, the earliest and latest ``published`` date where the input has one, and
its sources.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from claimx.export import reviewed_claims
from claimx.models import ArticleResult
from claimx.regulatory import flags_of
from claimx.review import ReviewStore

FIELDS = ["substance", "outcome", "outcome_type", "icd10", "polarity", "articles", "mentions", "certainty",
          "evidence", "verdicts", "above_ul", "first_published", "last_published", "sources", "claim_ids"]


@dataclass
class Group:
    substance: str
    outcome: str
    outcome_type: str  # condition, target or dose
    icd10: str
    polarity: str
    sources: list[str] = field(default_factory=list)
    claim_ids: list[str] = field(default_factory=list)
    certainty: Counter = field(default_factory=Counter)
    evidence: Counter = field(default_factory=Counter)
    verdicts: Counter = field(default_factory=Counter)
    above_ul: int = 0
    published: list[str] = field(default_factory=list)

    def row(self) -> dict[str, Any]:
        return {
            "substance": self.substance, "outcome": self.outcome, "outcome_type": self.outcome_type,
            "icd10": self.icd10, "polarity": self.polarity, "articles": len(self.sources),
            "mentions": len(self.claim_ids), "certainty": dict(self.certainty.most_common()),
            "evidence": dict(self.evidence.most_common()), "verdicts": dict(self.verdicts.most_common()),
            "above_ul": self.above_ul, "first_published": min(self.published, default=""),
            "last_published": max(self.published, default=""), "sources": self.sources,
            "claim_ids": self.claim_ids,
        }


def group_claims(records: list[ArticleResult], store: ReviewStore | None) -> list[Group]:
    """Groups, the most widely repeated first (articles, then mentions)."""
    groups: dict[tuple, Group] = {}
    for record, claim, _, _ in reviewed_claims(records, store):
        if claim.condition is not None:
            key = (claim.substance.name, claim.condition.name, "condition", claim.condition.icd10)
        elif claim.target is not None:
            key = (claim.substance.name, claim.target.name, "target", "")
        else:
            key = (claim.substance.name, "", "dose", "")
        polarity = claim.polarity or ""
        group = groups.setdefault((*key, polarity), Group(*key, polarity))
        if record.source not in group.sources:
            group.sources.append(record.source)
            if record.published:
                group.published.append(record.published)
        group.claim_ids.append(claim.id)
        group.certainty[claim.certainty] += 1
        group.evidence[claim.evidence.type if claim.evidence else "none"] += 1
        regulatory = flags_of(claim)
        group.verdicts[regulatory.verdict] += 1
        group.above_ul += bool(regulatory.dose_above_ul)
    return sorted(groups.values(), key=lambda g: (-len(g.sources), -len(g.claim_ids), g.substance, g.outcome))


def export_groups(groups: list[Group], fmt: str, verdict: str | None = None, above_ul: bool = False) -> str:
    """The groups as JSONL or CSV (mixes and lists JSON-encoded in CSV), optionally filtered."""
    rows = [g.row() for g in groups if (verdict is None or g.verdicts.get(verdict)) and
            (not above_ul or g.above_ul)]
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v
                         for k, v in row.items()})
    return out.getvalue()
