"""Evidence a sentence cites: study type and number of participants."""

from __future__ import annotations

import re

from claimx.extraction.mentions import Sentence
from claimx.models import Evidence

EVIDENCE_ORDER = ("meta_analysis", "rct", "observational", "animal", "review", "anecdotal")
PARTICIPANTS_RE = re.compile(
    r"(?<![\w.,])(?P<n>\d{1,3}(?:[ .\u00a0]\d{3})+(?![\d,])|\d{1,7})\s{1,2}(?P<w1>[^\W\d_]{2,30})(?:\s{1,2}(?P<w2>[^\W\d_]{2,30}))?"
)
N_EQUALS_RE = re.compile(r"\b[nN]\s?=\s?(?P<n>\d{1,3}(?:[ .]\d{3})+|\d{1,7})")


def evidence_of(sentence: Sentence) -> Evidence | None:
    """The strongest study type the sentence names, with its participants."""
    cues = sentence.of("EVIDENCE")
    if not cues:
        return None
    kinds = {c.entry.evidence for c in cues}
    kind = next(k for k in EVIDENCE_ORDER if k in kinds)
    return Evidence(type=kind, participants=find_participants(sentence))  # type: ignore[arg-type]


def find_participants(sentence: Sentence) -> int | None:
    """ "på 4035 män", "219.224 deltagere", "(n=51)"."""
    nouns = {p for m in sentence.of("PARTICIPANTS") for p in m.entry.patterns}
    for match in PARTICIPANTS_RE.finditer(sentence.text):
        if match["w1"].lower() in nouns or (match["w2"] or "").lower() in nouns:
            value = int(re.sub(r"\D", "", match["n"]))
            if 2 <= value <= 50_000_000:
                return value
    match = N_EQUALS_RE.search(sentence.text)
    if match:
        return int(re.sub(r"\D", "", match["n"]))
    return None
