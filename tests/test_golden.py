"""Golden file: the claims claimx finds in corpus/, one line each.

A change in extraction shows up as a readable diff of this file. After
checking the diff, regenerate with: CLAIMX_UPDATE_GOLDEN=1 pytest tests/test_golden.py
"""

import os
from pathlib import Path

from claimx.ingest import read_articles
from claimx.pipeline import process_all

GOLDEN = Path(__file__).parent / "golden" / "corpus_claims.tsv"


def _lines(corpus_dir: Path) -> list[str]:
    lines = []
    for result in process_all(read_articles([str(corpus_dir)])):
        name = Path(result.source).name
        for c in result.claims:
            dose = c.dose
            fields = [
                name, str(c.sentence.start), c.substance.name, c.substance.form or "",
                f"{dose.min}-{dose.max} {dose.unit} /{dose.per} x{dose.times_per_day} d{dose.duration_days} {dose.route}"
                if dose else "",
                c.condition.icd10 if c.condition else "", c.target.name if c.target else "",
                c.polarity or "", c.certainty, c.evidence.type if c.evidence else "", c.id,
            ]
            lines.append("\t".join(fields))
    return lines


def test_corpus_golden(corpus_dir):
    lines = _lines(corpus_dir)
    if os.environ.get("CLAIMX_UPDATE_GOLDEN"):
        GOLDEN.write_text("\n".join(lines) + "\n", "utf-8")
    expected = GOLDEN.read_text("utf-8").splitlines()
    assert lines == expected
