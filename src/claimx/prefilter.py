"""Which paragraphs can hold a claim, decided on the raw text before any tokenizing.

Every claim needs a substance named in its sentence, or the article's topic
substance (itself named at least twice). A paragraph in which no
substance pattern can match therefore yields no claim unless the article
has a topic. The check is a plain substring test that cannot miss: every
way a pattern matches a token (whole word, compound prefix, suffix or
infix, a phrase, a lookup lemma) puts one of the pattern's words, or the
lemma table's inflected form, inside the text. Most paragraphs of a
typical article fail it, and are never tokenized.

The keys of one language are compiled into a trie-shaped regular
expression (:func:`claimx.rules.trie_regex`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimx.rules import Lexicon, Pattern, trie_regex

# A paragraph with one of these can matter on its own: a substance, or a heading ending the article.
GATE_LABELS = ("SUBSTANCE", "SECTION_END")


@dataclass(frozen=True)
class Gate:
    """Substring tests for one language: lowercase keys on lowercased text, cased keys on the text."""

    lower: re.Pattern | None
    cased: re.Pattern | None

    def may_match(self, text: str) -> bool:
        """False only when no gate pattern can match anywhere in ``text``."""
        return bool((self.cased and self.cased.search(text)) or (self.lower and self.lower.search(text.lower())))


def pattern_key(pattern: Pattern) -> str:
    """One word every match of ``pattern`` contains: its longest (all words of a phrase must occur)."""
    return max(pattern.words, key=len)


def build_gate(lexicon: Lexicon, lemmas: dict[str, str] | None, labels=GATE_LABELS) -> Gate:
    """The gate for the patterns of ``labels``, and for lemma-table forms that reach them."""
    lower: set[str] = set()
    cased: set[str] = set()
    patterns = [p for group in (lexicon.exact, lexicon.prefix, lexicon.suffix, lexicon.phrases)
                for ps in group.values() for p in ps] + list(lexicon.infix)
    for pattern in patterns:
        if pattern.entry.label in labels:
            (cased if pattern.entry.cased else lower).add(pattern_key(pattern))
    for form, lemma in (lemmas or {}).items():
        if any(p.mode == "exact" and p.entry.label in labels for p in lexicon.word_matches(lemma)):
            lower.add(form.lower())
    return Gate(lower=trie_regex(lower), cased=trie_regex(cased))
