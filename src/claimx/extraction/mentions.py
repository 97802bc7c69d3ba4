"""Mentions and sentences: what the rule component found, with absolute offsets."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc

from claimx.contexts import alternation
from claimx.dose import FoundDose, FoundDuration, find_doses, find_durations
from claimx.nlp import rule_spans_of
from claimx.rules import RuleEntry

SEGMENT_END = re.compile(r";|:\s|\s[–—]\s")
# An interaction phrase: a verb, up to two words, an EFFECT_OF phrase ("forstærke den blodfortyndende
# virkning af"), or an INTERACTS_WITH phrase. Found from the rare EFFECT_OF/INTERACTS_WITH words back
# to the verb: a scan for the many verbs at every word of every sentence cost 3 % of extraction.
INTERACTION_NOUN = re.compile(r"\b(?:(?P<of>" + alternation("EFFECT_OF") + ")|" + alternation("INTERACTS_WITH") + r")\s+",
                              re.IGNORECASE)
INTERACTION_VERB = re.compile(r"\b" + alternation("INTERACTION_VERB") + r"\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def interaction_phrases(text: str) -> list[tuple[int, int]]:
    """(start, end) in ``text`` of each interaction phrase, the space after it included."""
    found = []
    for noun in INTERACTION_NOUN.finditer(text):
        if noun.group("of") is None:
            found.append((noun.start(), noun.end()))
            continue
        window = max(0, noun.start() - 60)
        verb = INTERACTION_VERB.search(text, window, noun.start())
        if verb is not None:
            found.append((verb.start(), noun.end()))
    return found


@dataclass(frozen=True)
class Mention:
    """One rule match, with absolute character offsets into the article text."""

    label: str
    start: int
    end: int
    token_start: int
    token_end: int
    entry: RuleEntry


@dataclass
class Sentence:
    """A sentence and everything the rules found in it."""

    start: int
    end: int
    text: str
    block_lang: str
    block: int
    mentions: list[Mention]
    language_of: Callable[[str], str] | None = None
    _lang: str | None = None
    _doses: list[FoundDose] | None = None
    _durations: list[FoundDuration] | None = None
    _of: dict[tuple[str, ...], list[Mention]] | None = None
    _cuts: list[int] | None = None
    _interactions: list[tuple[int, int]] | None = None
    _co_medications: set[tuple[int, int]] | None = None  # claimx.extraction.links.co_medications, once

    @property
    def doses(self) -> list[FoundDose]:
        """Doses in the sentence (found only when asked: most sentences never need them)."""
        if self._doses is None:
            self._doses = find_doses(self.text, self.block_lang)
        return self._doses

    @property
    def durations(self) -> list[FoundDuration]:
        if self._durations is None:
            self._durations = find_durations(self.text, self.block_lang)
        return self._durations

    @property
    def lang(self) -> str:
        """The sentence's own language, worked out only when asked (when it has claims)."""
        if self._lang is None:
            self._lang = self.language_of(self.text) if self.language_of else self.block_lang
        return self._lang

    @property
    def segment_cuts(self) -> list[int]:
        """Absolute offsets of the semicolons, colons and spaced dashes that split the sentence
        into segments ("magnesiumbrist är vanlig: PPI ökar risken för X"), worked out once."""
        if self._cuts is None:
            self._cuts = [self.start + m.start() for m in SEGMENT_END.finditer(self.text)]
        return self._cuts

    @property
    def interactions(self) -> list[tuple[int, int]]:
        """Absolute (start, end) of the interaction phrases ("forstærke virkningen af"), worked out
        once: read by the co-medication rule and by every claim's polarity."""
        if self._interactions is None:
            self._interactions = [(self.start + a, self.start + b) for a, b in interaction_phrases(self.text)]
        return self._interactions

    def of(self, *labels: str) -> list[Mention]:
        """The mentions of these labels, in text order (worked out once per set of labels; do not
        change the list)."""
        table = self._of
        if table is None:  # grouped by label once: most sentences are asked for a dozen labels
            table = self._of = {}
            for mention in self.mentions:
                table.setdefault((mention.label,), []).append(mention)
        found = table.get(labels)
        if found is None:
            groups = [table[(label,)] for label in labels if (label,) in table]
            if len(groups) == 1:  # one of the labels is there: its group, in text order
                found = groups[0]
            else:
                found = [m for m in self.mentions if m.label in labels] if groups else []
            table[labels] = found
        return found


def sentences_of(doc: Doc, original: str, offset: int, lang: str, block: int, entries: dict[str, RuleEntry],
                 sentence_lang=None) -> list[Sentence]:
    """Split a tagged block doc into :class:`Sentence` objects with absolute offsets.

    ``original`` is the block's text (the doc may have seen a same-length view of it);
    ``sentence_lang(text) -> code`` names each sentence's language (default: the block's).
    """
    result = []
    spans = [(s.start, s.end, s) for s in rule_spans_of(doc)]
    first = 0  # spans are in token order: each sentence looks only at those starting inside it
    for sent in doc.sents:
        while first < len(spans) and spans[first][0] < sent.start:
            first += 1
        text = original[sent.start_char:sent.end_char].rstrip()
        left = len(text) - len(text.lstrip())
        text = text.strip()
        if not text:
            continue
        start = offset + sent.start_char + left
        mentions = []
        for span_start, span_end, s in spans[first:]:
            if span_start >= sent.end:
                break
            if span_end <= sent.end:
                mentions.append(Mention(s.label_, offset + s.start_char, offset + s.end_char, span_start, span_end,
                                        entries[s.id_]))
        result.append(Sentence(start, start + len(text), text, lang, block, remedy_cues(own_cues(mentions)),
                               language_of=sentence_lang))
    return result


REMEDY_HEADS = ("SUBSTANCE", "SUBSTANCE_REF", "REMEDY")


def own_cues(mentions: list[Mention]) -> list[Mention]:
    """A substance word is not its own effect cue: "statinbehandling" names statins, while
    "migränbehandling" is a treatment of migraine; and a drug's words are not the condition or
    outcome it is named for: "antidepressiva" names antidepressants, not depression, and
    "blodtrycksmedicin" or "blodtryckssänkande läkemedel" a drug, not blood pressure."""
    words = {(m.start, m.end) for m in mentions if m.label == "SUBSTANCE"}
    if not words:
        return mentions
    drugs = [(m.start, m.end) for m in mentions if m.label == "SUBSTANCE" and m.entry.kind == "drug"]
    return [m for m in mentions if not (m.label == "EFFECT" and (m.start, m.end) in words
                                        or m.label in ("CONDITION", "TARGET")
                                        and any(s <= m.start and m.end <= e for s, e in drugs))]


def remedy_cues(mentions: list[Mention]) -> list[Mention]:
    """A preposition is an effect cue only right after a remedy: "tillskott mot migrän",
    "magnesium mod kramper", "a remedy for colds"; "vid"/"ved" only after a remedy noun
    ("tillskott vid förkylning", not the topic heading "Magnesium ved angina"); elsewhere
    ("vid 40 års ålder") a preposition is nothing."""
    if not any(m.label == "REMEDY_PREP" for m in mentions):
        return mentions
    heads = {m.token_end for m in mentions if m.label in REMEDY_HEADS}
    nouns = {m.token_end for m in mentions if m.label == "REMEDY"}
    return [Mention("EFFECT", m.start, m.end, m.token_start, m.token_end, m.entry) if m.label == "REMEDY_PREP" else m
            for m in mentions if m.label != "REMEDY_PREP" or m.token_start in
            (nouns if m.entry.id.endswith("_noun") else heads)]


CLASS_OF = re.compile(r"\s+" + alternation("CLASS_OF") + r"\s+(?:[^\W\d_]+\s+)?", re.IGNORECASE)
BRACKETED = re.compile(r"\([^()]*\)")  # a bracketed aside: "(hos upp till 1 av 10 användare)"


def is_class(name: str) -> bool:
    """A drug class: GOLD.md names classes in the plural ("statins", "adhd medications"), drugs by INN."""
    return name.endswith("s")


def restates_class(sentence: Sentence, mention: Mention) -> bool:
    """A drug class said (or denied) of the substance named right before it ("Prednisolon er et
    kortisonpreparat", "Sumatriptan tillhör gruppen triptaner", "Kamille er neppe noen sovepille"): it
    names that substance, no other subject and no later reference."""
    if mention.entry.kind != "drug" or not is_class(mention.entry.name or ""):
        return False
    return any(m.end <= mention.start and m.entry.name != mention.entry.name
               and CLASS_OF.fullmatch(sentence.text, m.end - sentence.start, mention.start - sentence.start)
               for m in sentence.of("SUBSTANCE"))


def overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


POINT = RuleEntry(id="com.point.anchor", label="TERMINATOR", patterns=["anchor"])


def point(sentence: Sentence, start: int, end: int) -> Mention:
    """A pseudo-mention at a character range, placed at the nearest token index."""
    tokens = [m for m in sentence.mentions if m.start <= start] or sentence.mentions
    index = max((m.token_start for m in tokens), default=0)
    return Mention("POINT", start, end, index, index + 1, POINT)
