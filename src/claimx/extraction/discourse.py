"""Claims across sentences: the implied substance, outcome references, lists and the article topic.

Each mechanism leaves its own entry in a claim's ``rule_ids``, so a reviewer
sees why a claim got a substance or an outcome its sentence does not name:

- ``discourse.previous``: the substance of the previous sentence of the paragraph
  (or of the line right before, for one-line paragraphs);
- ``discourse.paragraph``: the first substance the paragraph named;
- ``topic``: the article's topic substance (:func:`topic_substance`);
- ``discourse.list``: an item of a list under a lead-in line ("Bivirkninger:");
- ``discourse.outcome_ref``: "sygdommen", "dessa besvär" pointing to the last
  condition the paragraph (or the line before) named.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from claimx.contexts import alternation
from claimx.extraction.links import co_medications
from claimx.extraction.mentions import BRACKETED, Mention, Sentence, point, restates_class
from claimx.models import Evidence

LIST_LINE_OUTCOMES = 3  # a line under a heading naming this many conditions is its list ("Kramper, oro, migrän, ...")
HEADING_WORDS = 6  # a line this short without a final full stop is a heading; bulleted lines under it are its list
ITEM_START = re.compile(r"^\s*(?:[•·▪►✓✔*+\-–—]\s*|\d{1,2}[.)]\s+)")
SHORT_ITEM_WORDS = 8  # a lead-in's items may also be short lines without a bullet


def is_item_text(text: str) -> bool:
    """A list item's shape: a bulleted or numbered line, or a short one."""
    return bool(ITEM_START.match(text)) or len(text.split()) <= SHORT_ITEM_WORDS


def ends_in_colon(text: str) -> bool:
    """A line ending in a colon ("Bivirkninger:", "- Migrän:"): a lead-in whose items follow."""
    return text.rstrip().endswith(":")


def is_lead_in_text(text: str) -> bool:
    """A line that can open a list: it ends in a colon, or it is a short heading ("Typisk anvendelse")."""
    return ends_in_colon(text) or is_heading_text(text)


def is_heading_text(text: str) -> bool:
    """A short line with no final stop, colon or bullet: a heading ("Jernstatus hos nyfødte"); words in
    brackets do not count ("Vanliga biverkningar (hos upp till 1 av 10 användare)")."""
    text = text.rstrip()
    words = len((BRACKETED.sub("", text) if "(" in text else text).split())
    return 0 < words <= HEADING_WORDS and text[-1:] not in ".!?:" and not ITEM_START.match(text)


def topic_substance(sentences: Iterable[Sentence]) -> str | None:
    """The substance an article is about: the most mentioned one, if clearly so."""
    counts: Counter[str] = Counter()
    for sentence in sentences:
        counts.update(m.entry.name for m in sentence.of("SUBSTANCE"))
    if not counts:
        return None
    (name, count), *rest = counts.most_common(2) + [("", 0)]
    return name if count >= 2 and count > rest[0][1] else None


@dataclass(frozen=True)
class Named:
    """A substance named earlier, as a later sentence may inherit it."""

    name: str
    form: str | None
    rule_id: str

    @classmethod
    def of(cls, mention: Mention, rule_id: str) -> Named:
        """The substance a SUBSTANCE mention names, as inherited by ``rule_id``."""
        return cls(mention.entry.name or "", mention.entry.form, rule_id)


@dataclass
class LeadIn:
    """A line ending in a colon that opens a list: its substance and its cue sentence."""

    substance: Named
    sentence: Sentence

    @property
    def outcomes(self) -> list[Mention]:
        """Conditions the lead-in names ("- Migrän:"): the outcome of items that name only substances."""
        return self.sentence.of("CONDITION")


@dataclass
class Discourse:
    """What earlier sentences of an article leave for the next one."""

    topic: str | None
    evidence: Evidence | None = None
    block: int = -1
    previous: Named | None = None
    companions: list[Named] = field(default_factory=list)  # the other substances of the previous sentence
    paragraph: Named | None = None
    last_block_substance: Named | None = None
    outcomes: list[Mention] = field(default_factory=list)  # the conditions of the last sentence naming any
    last_block_outcomes: list[Mention] = field(default_factory=list)
    lead_in: LeadIn | None = None
    last_sentence: Sentence | None = None  # the previous sentence of the paragraph
    by_kind: dict[str, Named] = field(default_factory=dict)  # the last substance of each kind in the article,
    # as a typed reference ("medicinen") inherits it

    def enter(self, sentence: Sentence) -> None:
        """Move to ``sentence``: a new paragraph resets what only lasts a paragraph."""
        if sentence.block == self.block:
            return
        adjacent = sentence.block == self.block + 1
        self.last_block_substance = (self.previous or self.paragraph) if adjacent else None
        self.last_block_outcomes = self.outcomes if adjacent else []
        if self.lead_in is not None and not (adjacent and self.is_item(sentence)):
            self.lead_in = None
        self.block = sentence.block
        self.previous = self.paragraph = None
        self.last_sentence = None
        self.companions = []
        self.outcomes = []
        self.evidence = None

    def is_item(self, sentence: Sentence) -> bool:
        """A list item under the current lead-in: a bulleted line, after a colon also a short line,
        after a heading also a line listing several conditions."""
        if self.lead_in is None or sentence.block == self.lead_in.sentence.block:
            return False
        if ends_in_colon(self.lead_in.sentence.text):
            return is_item_text(sentence.text)
        return bool(ITEM_START.match(sentence.text)) or len(sentence.of("CONDITION")) >= LIST_LINE_OUTCOMES

    def _short_item(self, sentence: Sentence) -> bool:
        """A short line without a bullet under a colon lead-in ("hovedpine"): an item, not a new heading."""
        lead = self.lead_in
        return (lead is not None and self.is_item(sentence) and ends_in_colon(lead.sentence.text)
                and not ends_in_colon(sentence.text) and not ITEM_START.match(sentence.text)
                and bool(sentence.of("CONDITION", "TARGET")))  # "Praktiska slutsatser" is a new heading

    def implied(self) -> Named | None:
        """The substance a sentence that names none inherits, and which rule gave it."""
        for named in (self.previous, self.paragraph, self.last_block_substance):
            if named is not None:
                return named
        return Named(self.topic, None, "topic") if self.topic else None

    def implied_all(self) -> list[Named]:
        """Every substance a sentence naming none goes on about: the previous sentence's, when it
        named several ("probiotika kombinerat med magnesium. Två tredjedelar svarade ..."), else
        :meth:`implied`'s one."""
        named = self.implied()
        if named is None:
            return []
        return [named] + (self.companions if named is self.previous else [])

    def of_kind(self, kind: str) -> Named | None:
        """The substance a typed reference points to: "medicinen" the last drug named in the article."""
        return self.by_kind.get(kind)

    def referenced_outcomes(self, plural: bool) -> list[Mention]:
        """The conditions an outcome reference points to: the last one named ("sygdommen"),
        or with a plural reference ("mot något av dessa") all those of the last sentence naming any."""
        outcomes = self.outcomes or self.last_block_outcomes
        return outcomes if plural else outcomes[-1:]

    def leave(self, sentence: Sentence, evidence: Evidence | None) -> None:
        """Remember what ``sentence`` named for the sentences after it."""
        subs = [s for s in sentence.of("SUBSTANCE") if not restates_class(sentence, s)]
        for sub in subs:
            if sub.entry.kind:
                self.by_kind[sub.entry.kind] = Named.of(sub, "discourse.reference")
        if subs:
            first = next((s for s in subs if s.entry.name == self.topic), subs[0])  # "probiotika med magnesium"
            # in an article about magnesium: a later sentence naming neither goes on about magnesium
            self.previous = Named.of(first, "discourse.previous")
            names = {first.entry.name}
            self.companions = []
            taken = co_medications(sentence)  # "..., især ved samtidig brug af vanddrivende medicin": no companion
            for sub in subs:
                if sub.entry.name not in names and sub.entry.kind != "food" and (sub.start, sub.end) not in taken:
                    names.add(sub.entry.name)
                    self.companions.append(Named.of(sub, "discourse.previous"))
            if self.paragraph is None:
                self.paragraph = Named.of(first, "discourse.paragraph")
        conditions = sentence.of("CONDITION")
        if conditions:
            self.outcomes = conditions
        if evidence is not None:
            self.evidence = evidence
        self.last_sentence = sentence
        if is_lead_in_text(sentence.text) and not self._short_item(sentence):
            named = Named.of(subs[0], "discourse.list") if subs else self._implied_for_list()
            self.lead_in = LeadIn(named, sentence) if named else None

    def _implied_for_list(self) -> Named | None:
        named = Named(self.topic, None, "topic") if self.topic else self.implied()
        return Named(named.name, named.form, "discourse.list") if named else None


STRONGER_EFFECT = re.compile(r"\b" + alternation("STRONGER") + r"\s+" + alternation("EFFECT_NOUN") + r"\b",
                             re.IGNORECASE)


def compared_effect(sentence: Sentence, discourse: Discourse) -> list[Mention]:
    """A stronger effect than the one just reported is an effect on the same condition ("Andre har
    kombineret magnesium med D-vitamin og fundet endnu stærkere effekter")."""
    if not (sentence.of("SUBSTANCE") and discourse.outcomes and STRONGER_EFFECT.search(sentence.text)):
        return []
    anchor = point(sentence, sentence.end, sentence.end)
    return [Mention(o.label, anchor.start, anchor.end, anchor.token_start, anchor.token_end, o.entry)
            for o in discourse.outcomes if o.label == "CONDITION"]
