"""Which paragraphs can hold a claim, decided on the raw text before any tokenizing.

Every claim needs a substance named in its sentence, or the article's topic
substance (itself named at least twice). A paragraph in which no
substance pattern can match therefore yields no claim unless the article
has a topic, and even then only if it can name an outcome, a dose or a
duration. The tests cannot miss: every way a pattern matches a token
(whole word, compound prefix, suffix or infix, a phrase, a lookup lemma)
puts one of the pattern's words, or the lemma table's inflected form,
inside the text; words that must begin a token are looked for only where
a token can begin. Paragraphs that fail are never tokenized.

The keys are compiled into Aho-Corasick scanners (:class:`claimx.rules.KeyScan`);
those of the common rules once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimx.rules import KeyScan, Lexicon, Pattern, key_scan, screen_word

# A paragraph with one of these can matter on its own: a substance, or a heading ending the article.
GATE_LABELS = ("SUBSTANCE", "SECTION_END")
# A claim with an implied substance needs an outcome (or a reference to one), a dose or a duration.
OUTCOME_LABELS = ("CONDITION", "TARGET", "OUTCOME_REF")


@dataclass(frozen=True)
class Gate:
    """Substring tests for one language: lowercase keys on lowercased text, cased keys on the text."""

    lower: tuple[KeyScan, ...]
    cased: tuple[KeyScan, ...]
    text: re.Pattern | None = None  # a regex on the text as it is (the dose screen)

    def may_match(self, text: str) -> bool:
        """False only when no gate pattern can match anywhere in ``text``."""
        if any(scan.search(text) for scan in self.cased) or (self.text and self.text.search(text)):
            return True
        lowered = text.lower()
        if any(scan.search(lowered) for scan in self.lower):
            return True
        # a hyphenated word is also looked up written solid ("astma-spray" as "astmaspray")
        return "-" in lowered and any(scan.search(lowered.replace("-", "")) for scan in self.lower)


@dataclass
class Keys:
    """Words to look for: ``anywhere`` as plain substrings, ``starts`` only where a token can start."""

    anywhere: set[str] = field(default_factory=set)
    starts: set[str] = field(default_factory=set)

    def scan(self) -> KeyScan | None:
        return key_scan(frozenset(self.starts), frozenset(self.anywhere))


def pattern_key(pattern: Pattern) -> tuple[str, bool]:
    """One word every match of ``pattern`` contains, and whether it begins a token.

    A phrase's words are whole tokens (the last may be a prefix), so its
    longest word is taken; a single word begins its token unless the
    pattern is a suffix or infix.
    """
    word = screen_word(pattern) if pattern.mode == "compound" else max(pattern.words, key=len)
    return word, len(pattern.words) > 1 or pattern.mode in ("exact", "prefix", "modifier")


def build_gate(lexicon: Lexicon, lemmas: dict[str, str] | None, special_cases: dict[str, list] | None = None,
               labels=GATE_LABELS) -> Gate:
    """The gate for the patterns of ``labels``, and for lemma-table forms that reach them.

    Keys of the common rules (ids ``com.*``) and of the language's own are
    compiled apart, so languages share the first.

    Args:
        lexicon: the language's rule index.
        lemmas: its lookup lemma table (form -> lemma).
        special_cases: the tokenizer's special cases (string -> token attributes), whose
            inner tokens can start right after a letter ("cannot" -> "can", "not").
    """
    keys = {(shared, cased): Keys() for shared in (True, False) for cased in (True, False)}
    patterns = [p for group in (lexicon.exact, lexicon.prefix, lexicon.suffix, lexicon.phrases)
                for ps in group.values() for p in ps] + list(lexicon.infix) + lexicon.compound_patterns()
    for pattern in patterns:
        if pattern.entry.label in labels:
            word, starts = pattern_key(pattern)
            bucket = keys[(pattern.entry.id.startswith("com."), pattern.entry.cased)]
            (bucket.starts if starts else bucket.anywhere).add(word if pattern.entry.cased else word.lower())
    for form, lemma in (lemmas or {}).items():
        if any(p.mode == "exact" and p.entry.label in labels for p in lexicon.word_matches(lemma)):
            keys[(False, False)].starts.add(form.lower())
    starts = {cased: [r for r in (key_scan(anywhere=frozenset(keys[(shared, cased)].starts)) for shared in (True, False))
                      if r is not None] for cased in (True, False)}
    for string, tokens in (special_cases or {}).items():
        if len(tokens) > 1:
            for cased, text in ((False, string.lower()), (True, string)):
                if any(scan.search(text) for scan in starts[cased]):
                    keys[(False, cased)].anywhere.add(text)
    lower = tuple(r for r in (keys[(True, False)].scan(), keys[(False, False)].scan()) if r)
    cased = tuple(r for r in (keys[(True, True)].scan(), keys[(False, True)].scan()) if r)
    return Gate(lower=lower, cased=cased)
