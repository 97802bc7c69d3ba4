"""Extraction: from tagged sentences to atomic claims, one concern per module.

- :mod:`~claimx.extraction.mentions`: rule matches and sentences with absolute offsets;
- :mod:`~claimx.extraction.discourse`: what a sentence inherits from earlier ones
  (implied substance, outcome references, list lead-ins, topic);
- :mod:`~claimx.extraction.cues`: polarity and certainty, each cue within its clause;
- :mod:`~claimx.extraction.doses`: doses as claim fields;
- :mod:`~claimx.extraction.evidence`: study type and participants;
- :mod:`~claimx.extraction.links`: whether a substance and an outcome of one sentence make a
  claim (own levels, studied groups, list siblings, qualifiers, outcomes aside);
- :mod:`~claimx.extraction.claims`: the atomic claims of one sentence.
"""

from __future__ import annotations

from claimx.extraction.claims import find_claims
from claimx.extraction.discourse import Discourse, topic_substance
from claimx.extraction.evidence import evidence_of
from claimx.extraction.mentions import Mention, Sentence, sentences_of
from claimx.models import Claim


def claims_of(paragraphs: list[list[Sentence]], text: str, source: str, topic: str | None) -> list[Claim]:
    """The claims of an article's tagged paragraphs, in text order, sentence by sentence."""
    discourse = Discourse(topic=topic)
    claims: list[Claim] = []
    for paragraph in paragraphs:
        for sentence in paragraph:
            discourse.enter(sentence)
            found = find_claims(sentence, text, source, discourse)
            discourse.leave(sentence, next((c.evidence for c in found if c.evidence), None) or evidence_of(sentence))
            claims.extend(found)
    return claims


__all__ = ["Mention", "Sentence", "claims_of", "find_claims", "sentences_of", "topic_substance"]
