"""Rule data: lexicons and cue lists as JSONL files inside the package.

Each line of ``rules/<lang>/*.jsonl`` (and ``rules/common/*.jsonl``) is one
:class:`RuleEntry` with a stable ``id``. Patterns are words or phrases, with a
``*`` wildcard at either end for Scandinavian compounds:

- ``migrän*`` matches any word starting with "migrän" (migränanfall, migränhuvudvärk);
- ``*brist`` matches any word ending in "brist" (magnesiumbrist);
- ``*oxid*`` matches a word containing "oxid";
- ``alzheimers sjukdom`` is a phrase of two words; only its last word may carry a wildcard.

Matching is on lowercase text unless the entry says ``"cased": true`` (for
chemical symbols such as ``MgO``). When several entries of one label match
the same word, the most specific wins: a phrase over a word, then exact over
prefix over suffix over infix, then the longer pattern.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from pydantic import Field, ValidationError, model_validator

from claimx.errors import RuleError
from claimx.models import Certainty, EvidenceType, Model, Polarity, Route
from claimx.rulefiles import (  # noqa: F401
    CONTEXT_FILE,
    RULE_FILES,
    available_languages,
    rule_files,
    text_version,
    validated_lines,
)
from claimx.terms import (
    BIOLOGY_HEADS,
    concept_entries,
    generic_head_forms,
    head_candidates,
    load_concepts,
)

Label = Literal[
    "SUBSTANCE",
    "SUBSTANCE_REF",
    "FORM",
    "CONDITION",
    "TARGET",
    "EFFECT",
    "LEVEL",
    "HEDGE",
    "NEGATION",
    "PSEUDO",
    "TERMINATOR",
    "EVIDENCE",
    "PARTICIPANTS",
    "ROUTE",
    "BOILERPLATE",
    "SECTION_END",
    "UNIT",
    "PER",
    "TIMES",
    "DURATION",
    "DURATION_CUE",
    "NUMBER",
    "RANGE",
    "TIMES_WORD",
    "QUALIFIER",
    "OUTCOME_REF",
    "AIM",
    "REMEDY",
    "REMEDY_PREP",
    "DISEASE_HEAD",
    "CONTINUATION",
]
# Dose vocabulary is compiled into regular expressions (see claimx.dose), not word lookups.
DOSE_LABELS = {"UNIT", "PER", "TIMES", "DURATION", "DURATION_CUE", "NUMBER", "RANGE", "TIMES_WORD", "QUALIFIER"}
Direction = Literal["forward", "backward", "both"]
Mode = Literal["exact", "prefix", "modifier", "compound", "suffix", "infix"]
# "modifier": a short substance word before a generic head ("jern" + "tilskud"); "compound": a
# compound ending in a known word ("lunge" + "kræft"); both found by Lexicon's compound analyser.
MODE_RANK = {"exact": 5, "prefix": 4, "modifier": 3, "compound": 2, "suffix": 1, "infix": 0}
COMPOUND_LABELS = ("SUBSTANCE", "CONDITION", "TARGET")  # labels whose words take part in compounds
MIN_MODIFIER_PART = 3  # letters before a compound head ("lunge|kræft"; not "s|kræft")


class RuleEntry(Model):
    """One line of a rule file."""

    id: str = Field(pattern=r"^[a-z]{2,6}\.[a-z_]+\.[a-z0-9_.-]+$")
    label: Label
    patterns: list[str] = Field(min_length=1)
    name: str | None = None
    form: str | None = None
    icd10: list[str] | None = None
    polarity: Polarity | None = None
    certainty: Certainty | None = None
    evidence: EvidenceType | None = None
    route: Route | None = None
    value: float | None = None
    direction: Direction = "both"
    rises: bool = False  # an EFFECT saying "more of": benefit for a target, harm for a condition
    cased: bool = False
    inflected: bool = True  # a single word also matches its inflected forms (through the lemma table)
    kind: Literal["supplement", "food", "drug", "other", "process"] | None = None
    examples: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check_fields(self) -> RuleEntry:
        needs = {
            "SUBSTANCE": "name",
            "CONDITION": "icd10",
            "TARGET": "name",
            "FORM": "form",
            "EFFECT": "polarity",
            "REMEDY_PREP": "polarity",
            "EVIDENCE": "evidence",
            "ROUTE": "route",
            "UNIT": "name",
            "PER": "name",
            "DURATION": "value",
            "QUALIFIER": "name",
            "DISEASE_HEAD": "name",
        }
        wanted = needs.get(self.label)
        if wanted and getattr(self, wanted) is None:
            raise ValueError(f"{self.label} entries need {wanted!r}")
        if self.label == "CONDITION":
            if self.name is None or not all(len(code) == 3 for code in self.icd10 or []):
                raise ValueError("CONDITION entries need a name and 3-character icd10 codes")
        if self.label in ("NUMBER", "TIMES_WORD"):
            for pattern in self.patterns:
                word, _, number = pattern.rpartition("=")
                if not word or not number.replace(".", "", 1).isdigit():
                    raise ValueError(f"NUMBER patterns are word=value, not {pattern!r}")
        for pattern in self.patterns:
            if "*" in pattern.strip("*") or not pattern.strip("* "):
                raise ValueError(f"bad pattern {pattern!r}: '*' only at the ends")
        return self


class Pattern:
    """One compiled pattern: the words of a phrase and how its last word matches.

    A plain slotted class rather than a dataclass: a language's tens of thousands of
    patterns are rebuilt from the start-up cache (:mod:`claimx.artefacts`) in
    milliseconds. Immutable by convention; equal when entry, words and mode are.
    """

    __slots__ = ("entry", "words", "mode", "rank")

    def __init__(self, entry: RuleEntry, words: tuple[str, ...], mode: Mode,
                 rank: tuple[int, int, int] | None = None) -> None:
        self.entry = entry
        self.words = words
        self.mode = mode
        # How specific the pattern is: more words, then exact > prefix > suffix > infix, then longer.
        self.rank = rank or (len(words), MODE_RANK[mode], sum(len(w) for w in words))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self.entry, self.words, self.mode) == (other.entry, other.words, other.mode)

    __hash__ = None  # type: ignore[assignment]  # like the frozen dataclass it was: its entry is unhashable

    def __repr__(self) -> str:
        return f"Pattern(entry={self.entry.id!r}, words={self.words!r}, mode={self.mode!r})"


PLAIN_WORD = re.compile(r"[^\W\d_]{1,40}")


def parse_pattern(entry: RuleEntry, pattern: str, tokenize, special: frozenset[str] = frozenset()) -> Pattern:
    """Compile one pattern string with the pipeline's own tokenizer.

    Words of letters only, separated by single spaces, that are no tokenizer special
    case ("cannot") are their own tokens, so they skip the tokenizer: tokenizing tens of thousands of inflected forms
    costs seconds at start-up and fills the vocabulary with lexemes no text needs
    (tested against the tokenizer on every pattern of every language).
    """
    text = pattern if entry.cased else pattern.lower()
    starts, ends = text.startswith("*"), text.endswith("*")
    mode: Mode = "infix" if starts and ends else "suffix" if starts else "prefix" if ends else "exact"
    core = text.strip("*")
    parts = core.split(" ")
    plain = all(PLAIN_WORD.fullmatch(part) and part not in special for part in parts)
    words = tuple(parts) if plain else tuple(tokenize(core))
    if len(words) > 1 and mode in ("suffix", "infix"):
        mode = "exact" if mode == "suffix" else "prefix"
    return Pattern(entry=entry, words=words, mode=mode)


@dataclass
class Lexicon:
    """All entries of one language, indexed for fast per-word lookup.

    A word's matches are cached by its string, so each distinct word is
    examined once per process however often it occurs.
    """

    entries: dict[str, RuleEntry]
    version: str
    exact: dict[str, list[Pattern]] = field(default_factory=dict)
    prefix: dict[str, list[Pattern]] = field(default_factory=dict)
    suffix: dict[str, list[Pattern]] = field(default_factory=dict)
    infix: list[Pattern] = field(default_factory=list)
    phrases: dict[str, list[Pattern]] = field(default_factory=dict)
    max_affix: int = 0
    heads: dict[str, list[Pattern]] = field(default_factory=dict)
    modifiers: dict[str, list[Pattern]] = field(default_factory=dict)
    max_modifier: int = 0
    _cache: dict[str, tuple[Pattern, ...]] = field(default_factory=dict)
    _screen: tuple[KeyScan, ...] | None = None
    _phrase_tries: dict[str, tuple] = field(default_factory=dict)  # word tries of the phrases, by first word
    _apart_words: list[str] | None = None
    _apart_letters: dict[str, frozenset[str]] = field(default_factory=dict)
    _phrase_steps: dict[tuple[str, str], bool] = field(default_factory=dict)

    TABLES = ("exact", "prefix", "suffix", "phrases", "heads", "modifiers")

    def state(self) -> dict:
        """The built index as plain data (for the start-up cache): every pattern once, as
        (entry id, words, mode, rank), and each table as lists of pattern numbers, in order."""
        numbers: dict[int, int] = {}
        rows: list[tuple] = []

        def number(pattern: Pattern) -> int:
            found = numbers.get(id(pattern))
            if found is None:
                found = numbers[id(pattern)] = len(rows)
                rows.append((pattern.entry.id, pattern.words, pattern.mode, pattern.rank))
            return found

        tables = {name: {key: [number(p) for p in ps] for key, ps in getattr(self, name).items()}
                  for name in self.TABLES}
        return {"version": self.version, "rows": rows, "tables": tables, "infix": [number(p) for p in self.infix],
                "max_affix": self.max_affix, "max_modifier": self.max_modifier, "screen": self.screen(),
                "apart": self.apart_words()}

    @classmethod
    def from_state(cls, entries: dict[str, RuleEntry], state: dict) -> Lexicon:
        """The lexicon :meth:`state` describes, over ``entries``: equal to the one it was taken of."""
        from claimx.artefacts import no_collection

        with no_collection():
            patterns = [Pattern(entries[rule_id], words, mode, rank) for rule_id, words, mode, rank in state["rows"]]
            tables = {name: {key: [patterns[n] for n in ns] for key, ns in state["tables"][name].items()}
                      for name in cls.TABLES}
        return cls(entries=entries, version=state["version"], infix=[patterns[n] for n in state["infix"]],
                   max_affix=state["max_affix"], max_modifier=state["max_modifier"], _screen=state["screen"],
                   _apart_words=state["apart"], **tables)

    def add(self, pattern: Pattern) -> None:
        if len(pattern.words) > 1:
            self.phrases.setdefault(self._key(pattern, 0), []).append(pattern)
            self._phrase_tries, self._phrase_steps = {}, {}
            return
        word = pattern.words[0]
        if pattern.mode == "infix":
            self.infix.append(pattern)
            self._screen = None
            return
        self._screen = None
        self._apart_words = None
        table = {"exact": self.exact, "prefix": self.prefix, "suffix": self.suffix}[pattern.mode]
        table.setdefault(self._tag(pattern, word), []).append(pattern)
        if pattern.mode != "exact":
            self.max_affix = max(self.max_affix, len(word))

    @staticmethod
    def _tag(pattern: Pattern, word: str) -> str:
        return ("\x01" + word) if pattern.entry.cased else word

    def _key(self, pattern: Pattern, index: int) -> str:
        return self._tag(pattern, pattern.words[index])

    def screen(self) -> tuple[KeyScan, ...]:
        """Scanners that find, in a lowercased word, any single-word pattern's word.

        Every match of a single-word pattern (whole, prefix, suffix, infix; cased
        or not) contains the pattern's lowercased word, so a word the screen
        does not find matches nothing. Most new words fail it, in about a
        microsecond, before any affix lookups. Words of the common rules and
        of the language's own are compiled apart (languages share the first).
        """
        if self._screen is None:
            words: dict[bool, set[str]] = {True: set(), False: set()}
            single = [p for table in (self.exact, self.prefix, self.suffix) for ps in table.values() for p in ps]
            for p in single + self.infix + self.compound_patterns():
                words[p.entry.id.startswith("com.")].add(screen_word(p).lower())
            self._screen = tuple(r for r in (key_scan(anywhere=frozenset(words[True])),
                                             key_scan(anywhere=frozenset(words[False]))) if r is not None)
        return self._screen

    def word_matches(self, word: str) -> tuple[Pattern, ...]:
        """Single-word patterns matching ``word`` (original case), cached."""
        found = self._cache.get(word)
        if found is None:
            lower = word.lower()
            solid = lower.replace("-", "") if "-" in lower else None  # "lunge-funktion": also written solid
            if not any(regex.search(lower) or (solid and regex.search(solid)) for regex in self.screen()):
                return ()
            found = tuple(self._lookup(lower, ""))
            if word != lower or not word.isalpha():  # symbols such as "MgO", "CGRP" are cased patterns
                found += tuple(self._lookup(word, "\x01"))
            if len(self._cache) > 500_000:
                self._cache.clear()  # keep memory flat on endless streams of new words
            self._cache[word] = found
        return found

    def add_compound(self, pattern: Pattern) -> None:
        """Register a compound head (mode "compound") or a substance modifier (mode "modifier")."""
        table = self.heads if pattern.mode == "compound" else self.modifiers
        table.setdefault(pattern.words[0], []).append(pattern)
        if pattern.mode == "modifier":
            self.max_modifier = max(self.max_modifier, len(pattern.words[0]))
        self._screen = None

    def compound_patterns(self) -> list[Pattern]:
        return [p for table in (self.heads, self.modifiers) for ps in table.values() for p in ps]

    def analyse_compound(self, word: str) -> list[Pattern]:
        """Patterns a lowercase compound inherits: its longest known head, or a known
        substance word before a generic supplement head (linking -s-, -e- or a hyphen allowed).

        "lungekræften" -> the head "kræften"; "jerntilskuddet" -> "jern" + "tilskuddet";
        "zinksbrist" -> "zink" + "s" + "brist". The part before a head needs
        :data:`MIN_MODIFIER_PART` letters, so a head never matches itself with a stray prefix.
        """
        generic = generic_head_forms()
        found: list[Pattern] = []
        for cut in range(MIN_MODIFIER_PART, len(word) - 3):
            patterns = [p for base in head_candidates(word[cut:]) for p in self.heads.get(base, ())]
            if patterns and sum(ch.isalpha() for ch in word[:cut]) >= MIN_MODIFIER_PART:
                found.extend(patterns)
                break
        for cut in range(2, min(len(word) - 2, self.max_modifier) + 1):
            patterns = self.modifiers.get(word[:cut])
            if not patterns:
                continue
            rest = word[cut:]
            for link in ("", "s", "e", "-"):
                tail = rest[len(link):] if rest.startswith(link) else None
                if tail and tail in generic:
                    found.extend(patterns)
                    break
        return found

    def _joined(self, word: str) -> list[Pattern]:
        """ "astma-spray" is "astmaspray", "mave-tarm" is "mavetarm": a hyphenated word written solid."""
        solid = word.replace("-", "")
        if not solid.isalpha():
            return []
        return [Pattern(entry=p.entry, words=(word,), mode=p.mode)
                for p in self._lookup(solid, "") if p.entry.label in COMPOUND_LABELS]

    def _hyphen_modifier(self, word: str) -> list[Pattern]:
        """ "adhd-symtom", "pms-relaterade", "q10-tilskud": a known word before a hyphen gives its meaning."""
        first, rest = word.split("-", 1)
        return [Pattern(entry=p.entry, words=(first,), mode="modifier") for p in self.exact.get(first, ())
                if p.entry.label in COMPOUND_LABELS and not _names_biology(p, rest)]

    def _lookup(self, word: str, tag: str) -> list[Pattern]:
        found = list(self.exact.get(tag + word, ()))
        if not any(ch.isalpha() for ch in word):
            return found  # numbers and punctuation never carry a compound affix
        if not tag and (self.heads or self.modifiers):
            found.extend(self.analyse_compound(word))
        if not tag and "-" in word[1:-1] and not any(p.entry.label in COMPOUND_LABELS for p in found):
            found.extend(self._joined(word) or self._hyphen_modifier(word))
        longest = min(len(word), self.max_affix)
        for size in range(1, longest + 1):
            found.extend(p for p in self.prefix.get(tag + word[:size], ()) if not _names_biology(p, word[size:]))
            found.extend(self.suffix.get(tag + word[-size:], ()))
        if not tag:
            found.extend(p for p in self.infix if not p.entry.cased and p.words[0] in word)
        else:
            found.extend(p for p in self.infix if p.entry.cased and p.words[0] in word)
        return found

    def phrase_candidates(self, word: str) -> list[Pattern]:
        """Multi-word patterns whose first word is ``word``."""
        return self.phrases.get(word.lower(), []) + self.phrases.get("\x01" + word, [])

    def may_start_apart(self, lower: str) -> bool:
        """Whether a longer substance, condition or target word (an exact or prefix pattern) begins
        with ``lower``: only then can it be the first half of a name written apart."""
        return bool(self.apart_letters(lower))

    def apart_words(self) -> list[str]:
        """The sorted words that begin a substance, condition or target word (for :meth:`may_start_apart`)."""
        if self._apart_words is None:
            self._apart_words = sorted({key for table in (self.exact, self.prefix) for key, patterns in table.items()
                                        if not key.startswith("\x01")
                                        and any(p.entry.label in COMPOUND_LABELS for p in patterns)})
        return self._apart_words

    def written_apart(self, word: str, following: str) -> list[Pattern]:
        """Names written as two words ("astma sprays" for "astmasprays", "lunge funktion"): the solid
        word's own name (an exact or prefix pattern plus at most an inflection, never a compound
        analysis) over both tokens. :meth:`may_start_apart` is true of every ``word`` this finds."""
        if not (word.isalpha() and following.isalpha() and following.islower() and len(following) >= 3):
            return []
        solid = word.lower() + following
        found = [p for p in self.exact.get(solid, ()) if p.entry.label in COMPOUND_LABELS]
        for size in range(max(len(word) + 1, len(solid) - MAX_ENDING), min(len(solid), self.max_affix) + 1):
            found.extend(p for p in self.prefix.get(solid[:size], ())
                         if p.entry.label in COMPOUND_LABELS and not _names_biology(p, solid[size:]))
        return [Pattern(entry=p.entry, words=(word, following), mode=p.mode) for p in found]

    def phrases_at(self, word: str, text_at: Callable[[int], str | None], start: int) -> list[Pattern]:
        """The multi-word patterns that start with ``word`` (token ``start``) and whose further words
        fit the tokens after it (``text_at(j)``: token j's text, None past the end), in the order of
        :meth:`phrase_candidates`. The phrases of a first word form a word trie, so the words after
        it are each looked up once, whatever the number of phrases ("risken för" begins hundreds)."""
        found: list[Pattern] = []
        phrases, tries = self.phrases, self._phrase_tries
        for key, cased in ((word.lower(), False), ("\x01" + word, True)):
            if key not in phrases:
                continue
            node = tries.get(key) or self._phrase_trie(key)
            hits: list[tuple[int, Pattern]] = []
            k = 1
            while node is not None:
                text = text_at(start + k)
                if text is None:
                    break
                if not cased:
                    text = text.lower()
                children, _, prefixed = node
                if prefixed:
                    hits.extend(hit for hit in prefixed if text.startswith(hit[1].words[k]))
                node = children.get(text)
                if node is not None:
                    hits.extend(node[1])
                k += 1
            if hits:
                found.extend(pattern for _, pattern in sorted(hits, key=lambda hit: hit[0]))
        return found

    def phrase_continues(self, word: str, following: str) -> bool:
        """Whether a phrase starting with ``word`` can go on with the next token, ``following``:
        :meth:`phrases_at` finds nothing otherwise (nine in ten phrase-starting words in real
        articles, "risken" before anything but "för"). Cached per pair of words."""
        cache = self._phrase_steps
        found = cache.get((word, following))
        if found is None:
            found = False
            for key, text in ((word.lower(), following.lower()), ("\x01" + word, following)):
                if key in self.phrases:
                    children, _, prefixed = self._phrase_tries.get(key) or self._phrase_trie(key)
                    if text in children or any(text.startswith(hit[1].words[1]) for hit in prefixed):
                        found = True
                        break
            if len(cache) > 200_000:
                cache.clear()  # memory stays flat on endless streams of new word pairs
            cache[(word, following)] = found
        return found

    def _phrase_trie(self, key: str) -> tuple:
        """The word trie of the phrases under ``key``, built when first needed: a node is (children
        by word, (position, pattern) ending on it, those whose last word, a prefix, follows it)."""
        trie = self._phrase_tries[key] = _phrase_trie(self.phrases[key])
        return trie

    def apart_letters(self, word: str) -> frozenset[str]:
        """The letters that can follow ``word`` (lowercased) in a name written apart: a second word
        starting with none of them never makes one (most pairs stop here, before :meth:`written_apart`)."""
        cache = self._apart_letters
        found = cache.get(word)
        if found is None:
            lower = word.lower()
            words = self.apart_words()
            letters = set()
            for at in range(bisect.bisect_right(words, lower), len(words)):
                if not words[at].startswith(lower):
                    break
                letters.add(words[at][len(lower)])
            if len(cache) > 500_000:
                cache.clear()
            found = cache[word] = frozenset(letters)
        return found


MAX_ENDING = 4  # letters after a name written apart: an inflection ("astma sprays"), not a new word


def _phrase_trie(patterns: list[Pattern]) -> tuple:
    def node() -> tuple:
        return {}, [], []

    root = node()
    for position, pattern in enumerate(patterns):
        at = root
        for word in pattern.words[1:-1]:
            at = at[0].setdefault(word, node())
        if pattern.mode == "prefix":
            at[2].append((position, pattern))
        else:
            at[0].setdefault(pattern.words[-1], node())[1].append((position, pattern))
    return root


def _names_biology(pattern: Pattern, rest: str) -> bool:
    """Whether a substance word before ``rest`` names body machinery ("calcium|kanaler", "glutamat|systemet")."""
    return pattern.entry.label == "SUBSTANCE" and any(
        rest[len(link):] in BIOLOGY_HEADS for link in ("", "s", "-") if rest.startswith(link))


def screen_word(pattern: Pattern) -> str:
    """A string every word the pattern matches contains: a compound head's base form, less a
    final -a/-e that a Swedish plural replaces ("smärta" -> "ryggsmärtor")."""
    word = pattern.words[0]
    return word[:-1] if pattern.mode == "compound" and word[-1:] in ("a", "e") else word


LETTER = re.compile(r"[^\W\d_]")


class KeyScan:
    """Whether any of a set of keys occurs in a text: one Aho-Corasick pass (``pyahocorasick``),
    built in milliseconds where a regular expression of the same tens of thousands of words
    takes about a second to compile. ``starts`` keys count only where a token can start: not
    right after a letter (after a digit they do: "400mg").
    """

    def __init__(self, starts: frozenset[str], anywhere: frozenset[str]) -> None:
        import ahocorasick

        self._automaton = ahocorasick.Automaton()
        for key in starts - anywhere:
            self._automaton.add_word(key, len(key))  # a start needs checking: keep the key's length
        for key in anywhere:
            self._automaton.add_word(key, 0)
        self._automaton.make_automaton()

    def search(self, text: str) -> bool:
        for end, size in self._automaton.iter(text):
            start = end + 1 - size
            if not size or start == 0 or not LETTER.match(text, start - 1):
                return True
        return False


@lru_cache(maxsize=64)
def key_scan(starts: frozenset[str] = frozenset(), anywhere: frozenset[str] = frozenset()) -> KeyScan | None:
    """A :class:`KeyScan`, built once per process for the same keys (languages share the common
    rules); None when there are no keys."""
    starts, anywhere = frozenset(k for k in starts if k), frozenset(k for k in anywhere if k)
    return KeyScan(starts, anywhere) if starts or anywhere else None


def word_fits(pattern: Pattern, index: int, word: str) -> bool:
    """Whether ``word`` fits word ``index`` of a phrase pattern."""
    text = word if pattern.entry.cased else word.lower()
    wanted = pattern.words[index]
    if index < len(pattern.words) - 1 or pattern.mode == "exact":
        return text == wanted
    return text.startswith(wanted)


def parse_rule_file(name: str, text: str) -> Iterable[RuleEntry]:
    """Validate each non-blank, non-comment line; errors name the file and line."""
    return validated_lines(name, text, RuleEntry.model_validate)


@lru_cache(maxsize=None)
def load_entries(lang: str) -> tuple[dict[str, RuleEntry], str]:
    """All entries for ``lang`` by id (rule files and terminology tables), and a version hash;
    validated once and then kept in the start-up cache (:mod:`claimx.artefacts`)."""
    from claimx.artefacts import cached

    return cached(f"entries-{lang}", lambda: read_entries(lang))


def read_entries(lang: str) -> tuple[dict[str, RuleEntry], str]:
    """:func:`load_entries` from the files, validating every line."""
    entries: dict[str, RuleEntry] = {}
    files = rule_files(lang)
    for name, text in files:
        if name.endswith((".tsv", f"/{CONTEXT_FILE}.jsonl")):  # parsed elsewhere
            continue
        for entry in parse_rule_file(name, text):
            if entry.id in entries:
                raise RuleError(f"{name}: duplicate id {entry.id}")
            entries[entry.id] = entry
    for where, entry in concept_rule_entries():
        if entry.id in entries:
            raise RuleError(f"{where}: duplicate id {entry.id}")
        entries[entry.id] = entry
    return entries, text_version(files)


@lru_cache(maxsize=1)
def concept_rule_entries() -> tuple[tuple[str, RuleEntry], ...]:
    """The validated rule entry of every terminology concept, with its file and line: the same for
    every language, so validated once per process."""
    found = []
    for data, concept in concept_entries():
        where = f"{concept.table}:{concept.line}"
        try:
            found.append((where, RuleEntry.model_validate(data)))
        except ValidationError as error:
            raise RuleError(f"{where}: {error}") from None
    return tuple(found)


@lru_cache(maxsize=1)
def compound_parts() -> dict[str, tuple[list[str], list[str]]]:
    """Per rule id, the compound heads and substance modifiers of its concept."""
    return {c.rule_id: (c.heads, c.modifiers) for c in load_concepts() if c.heads or c.modifiers}


def build_lexicon(lang: str, tokenize, special: frozenset[str] = frozenset()) -> Lexicon:
    """Index the entries of ``lang``; ``tokenize`` splits a pattern the way the pipeline does,
    ``special`` are its tokenizer's special cases (lowercase and as written)."""
    entries, version = load_entries(lang)
    lexicon = Lexicon(entries=entries, version=version)
    for entry in entries.values():
        if entry.label in DOSE_LABELS:
            continue
        for pattern in entry.patterns:
            lexicon.add(parse_pattern(entry, pattern, tokenize, special))
    for rule_id, (heads, modifiers) in compound_parts().items():
        entry = entries[rule_id]
        for word in heads:
            lexicon.add_compound(Pattern(entry=entry, words=(word,), mode="compound"))
        for word in modifiers:
            lexicon.add_compound(Pattern(entry=entry, words=(word,), mode="modifier"))
    return lexicon
