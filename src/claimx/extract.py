"""From tagged sentences to atomic claims.

A sentence's rule spans (substances, conditions, targets, effect and
certainty cues, evidence) and its doses are combined into claims: one
substance, at most one dose, at most one condition or target each. A
sentence linking magnesium to six conditions yields six claims.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from claimx.dose import FoundDose, find_doses, find_durations
from claimx.models import (
    Claim,
    ConditionSpan,
    Dose,
    Effect,
    Evidence,
    Magnitude,
    Span,
    SubstanceSpan,
    TargetSpan,
)
from claimx.nlp import SPANS_KEY
from claimx.rules import RuleEntry

PREDICATE_LABELS = ("EFFECT", "LEVEL", "HEDGE", "NEGATION", "EVIDENCE")
EVIDENCE_ORDER = ("meta_analysis", "rct", "observational", "animal", "review", "anecdotal")
PARTICIPANTS_RE = re.compile(
    r"(?<![\w.,])(?P<n>\d{1,3}(?:[ .\u00a0]\d{3})+(?![\d,])|\d{1,7})\s{1,2}(?P<w1>[^\W\d_]{2,30})(?:\s{1,2}(?P<w2>[^\W\d_]{2,30}))?"
)
N_EQUALS_RE = re.compile(r"\b[nN]\s?=\s?(?P<n>\d{1,3}(?:[ .]\d{3})+|\d{1,7})")
MAGNITUDE_RE = re.compile(r"(?P<v>\d{1,3}(?:[,.]\d{1,2})?)\s?(?P<u>mmHg|%|procent|prosent|percent)")


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
    _durations: list | None = None

    @property
    def doses(self) -> list[FoundDose]:
        """Doses in the sentence (found only when asked: most sentences never need them)."""
        if self._doses is None:
            self._doses = find_doses(self.text, self.block_lang)
        return self._doses

    @property
    def durations(self) -> list:
        if self._durations is None:
            self._durations = find_durations(self.text, self.block_lang)
        return self._durations

    @property
    def lang(self) -> str:
        """The sentence's own language, worked out only when asked (when it has claims)."""
        if self._lang is None:
            self._lang = self.language_of(self.text) if self.language_of else self.block_lang
        return self._lang

    def of(self, *labels: str) -> list[Mention]:
        return [m for m in self.mentions if m.label in labels]


def sentences_of(doc: Doc, original: str, offset: int, lang: str, block: int, entries: dict[str, RuleEntry],
                 sentence_lang=None) -> list[Sentence]:
    """Split a tagged block doc into :class:`Sentence` objects with absolute offsets.

    ``original`` is the block's text (the doc may have seen a same-length view of it);
    ``sentence_lang(text) -> code`` names each sentence's language (default: the block's).
    """
    result = []
    spans = list(doc.spans[SPANS_KEY]) if SPANS_KEY in doc.spans else []
    for sent in doc.sents:
        text = original[sent.start_char:sent.end_char].rstrip()
        left = len(text) - len(text.lstrip())
        text = text.strip()
        if not text:
            continue
        start = offset + sent.start_char + left
        mentions = [
            Mention(s.label_, offset + s.start_char, offset + s.end_char, s.start, s.end, entries[s.id_])
            for s in spans
            if sent.start <= s.start and s.end <= sent.end
        ]
        result.append(Sentence(start, start + len(text), text, lang, block, mentions, language_of=sentence_lang))
    return result


def topic_substance(sentences: Iterable[Sentence]) -> str | None:
    """The substance an article is about: the most mentioned one, if clearly so."""
    counts: Counter[str] = Counter()
    for sentence in sentences:
        counts.update(m.entry.name for m in sentence.of("SUBSTANCE"))
    if not counts:
        return None
    (name, count), *rest = counts.most_common(2) + [("", 0)]
    return name if count >= 2 and count > rest[0][1] else None


@dataclass
class Sub:
    """A substance taking part in a sentence's claims."""

    name: str
    form: str | None
    start: int
    end: int
    rule_ids: list[str]
    implied: bool = False


def find_claims(sentence: Sentence, text: str, source: str, topic: str | None,
                evidence: Evidence | None) -> list[Claim]:
    """All atomic claims of one sentence.

    Args:
        sentence: the tagged sentence.
        text: the whole article text (offsets point into it).
        source: where the article came from; part of each claim id.
        topic: the article's main substance, used when the sentence names none.
        evidence: evidence carried over from earlier sentences of the paragraph.
    """
    if sentence.text.rstrip().endswith("?"):
        return []
    if not sentence.of("SUBSTANCE") and not (topic and sentence.of("EFFECT", "SUBSTANCE_REF")):
        return []  # no substance, named or implied (see _substances): no claim
    doses, magnitudes = _split_doses(sentence)
    outcomes = sentence.of("CONDITION", "TARGET")
    subs = _substances(sentence, topic, bool(outcomes or doses or sentence.durations))
    if not subs:
        return []
    if outcomes and not doses and not sentence.of(*PREDICATE_LABELS):
        outcomes = []  # "Magnesium och depression": a heading names topics but claims nothing
    lite = _dose_lite(sentence)
    by_sub = _assign_doses(doses, subs, sentence.start)
    claims = []
    for sub in subs:
        own = by_sub.get(id(sub), [])
        first = own[0] if own else None
        linked = 0
        for outcome in outcomes:
            if not _distinct(sub, outcome):
                continue
            if outcome.label == "TARGET" and not sentence.of("EFFECT", "LEVEL"):
                continue
            claims.append(_claim(sentence, text, source, sub, first, lite, outcome, evidence, magnitudes))
            linked += 1
        for dose in own[1:] if linked else own:
            claims.append(_claim(sentence, text, source, sub, dose, lite, None, evidence, magnitudes))
        if not outcomes and not own and lite and not sub.implied:
            claims.append(_claim(sentence, text, source, sub, None, lite, None, evidence, magnitudes))
    return _unique(claims)


def _unique(claims: list[Claim]) -> list[Claim]:
    seen, result = set(), []
    for claim in claims:
        if claim.id not in seen:
            seen.add(claim.id)
            result.append(claim)
    return result


def _distinct(sub: Sub, outcome: Mention) -> bool:
    """A word is not a claim about itself: "hypomagnesemi" names no magnesium claim."""
    return sub.implied or not (sub.start >= outcome.start and sub.end <= outcome.end and outcome.label == "CONDITION")


def _split_doses(sentence: Sentence) -> tuple[list[FoundDose], list[Magnitude]]:
    """Percentages are doses only next to a substance ("10-20% mer magnesium"); else magnitudes."""
    doses, magnitudes = [], []
    subs = sentence.of("SUBSTANCE")
    for dose in sentence.doses:
        if dose.unit != "%":
            doses.append(dose)
            continue
        after = sentence.start + dose.end
        if any(0 <= s.start - after <= 20 for s in subs):
            doses.append(dose)
        elif dose.min is not None:
            magnitudes.append(Magnitude(value=dose.max or dose.min, unit="%"))
    for match in MAGNITUDE_RE.finditer(sentence.text):
        if match["u"] == "mmHg":
            magnitudes.append(Magnitude(value=float(match["v"].replace(",", ".")), unit="mmHg"))
    return doses, magnitudes


def _substances(sentence: Sentence, topic: str | None, has_content: bool) -> list[Sub]:
    forms = sentence.of("FORM")
    subs: list[Sub] = []
    for mention in sentence.of("SUBSTANCE"):
        form = mention.entry.form or _form_for(mention, forms)
        ids = [mention.entry.id] + ([f.entry.id for f in forms if _overlaps(f, mention)] if form else [])
        subs.append(Sub(mention.entry.name or "", form, mention.start, mention.end, ids))
    subs = _dedupe(subs)
    if subs or not topic or not has_content:
        return subs
    if not sentence.of("EFFECT", "SUBSTANCE_REF"):
        return []
    refs = sentence.of("SUBSTANCE_REF")
    if refs:
        return [Sub(topic, None, refs[0].start, refs[0].end, [refs[0].entry.id, "topic"], implied=True)]
    return [Sub(topic, None, sentence.start, sentence.start, ["topic"], implied=True)]


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _form_for(mention: Mention, forms: list[Mention]) -> str | None:
    for form in forms:
        if _overlaps(form, mention) or form.token_start == mention.token_end:
            return form.entry.form
    return None


def _dedupe(subs: list[Sub]) -> list[Sub]:
    """One Sub per (name, form); a bare name is dropped when the same name has a form."""
    seen: dict[tuple[str, str | None], Sub] = {}
    for sub in subs:
        seen.setdefault((sub.name, sub.form), sub)
    with_form = {name for name, form in seen if form}
    return [s for (name, form), s in seen.items() if form or name not in with_form]


def _assign_doses(doses: list[FoundDose], subs: list[Sub], offset: int) -> dict[int, list[FoundDose]]:
    """Each dose belongs to the nearest substance mention (character gap, ties to the left)."""
    result: dict[int, list[FoundDose]] = {}
    for dose in doses:
        start, end = offset + dose.start, offset + dose.end
        nearest = min(subs, key=lambda s: (max(s.start - end, start - s.end, 0), s.start > start))
        result.setdefault(id(nearest), []).append(dose)
    return result


def _dose_lite(sentence: Sentence) -> Dose | None:
    """Duration and route of a sentence without an amount ("i fyra månader", "intravenöst")."""
    routes = sentence.of("ROUTE")
    duration = sentence.durations[0] if sentence.durations else None
    if not routes and not duration:
        return None
    if duration:
        start, end = sentence.start + duration.start, sentence.start + duration.end
    else:
        start, end = routes[0].start, routes[0].end
    return Dose(
        text="", start=start, end=end,
        duration_days=duration.days if duration else None,
        route=routes[0].entry.route if routes else None,
    )


def _claim(sentence: Sentence, text: str, source: str, sub: Sub, found: FoundDose | None,
           lite: Dose | None, outcome: Mention | None, evidence: Evidence | None,
           magnitudes: list[Magnitude]) -> Claim:
    dose = _dose(sentence, text, found, lite)
    anchor = outcome or _dose_anchor(sentence, found) or _sub_anchor(sentence, sub)
    polarity, effect_cue = _polarity(sentence, sub, anchor) if outcome else (None, None)
    certainty, certainty_cue = _certainty(sentence, anchor)
    if certainty == "negated" and polarity in ("benefit", "harm"):
        polarity = "no_effect"
    condition = target = None
    if outcome is not None and outcome.label == "CONDITION":
        condition = ConditionSpan(text=text[outcome.start:outcome.end], start=outcome.start, end=outcome.end,
                                  name=outcome.entry.name or "", icd10=(outcome.entry.icd10 or ["R69"])[0])
    elif outcome is not None:
        target = TargetSpan(text=text[outcome.start:outcome.end], start=outcome.start, end=outcome.end,
                            name=outcome.entry.name or "")
    effect = None
    if effect_cue is not None:
        effect = Effect(text=text[effect_cue.start:effect_cue.end], start=effect_cue.start, end=effect_cue.end,
                        magnitude=magnitudes[0] if magnitudes else None)
    ids = list(sub.rule_ids)
    for mention in (outcome, effect_cue, certainty_cue):
        if mention is not None:
            ids.append(mention.entry.id)
    if found is not None:
        ids.extend(found.rule_ids)
    kinds = [k for k, on in (("dose", dose), ("condition", outcome), ("effect", polarity)) if on]
    # The id depends on the source, the sentence's own text and offsets inside it, so an
    # edit elsewhere in the article leaves it (and any review decision on it) unchanged.
    base = sentence.start
    key = "\x00".join(map(str, (source, sentence.text, sub.name, sub.form, sub.start - base,
                                 dose.start - base if dose else "", outcome.entry.id if outcome else "",
                                 outcome.start - base if outcome else "")))
    return Claim(
        id=hashlib.sha256(key.encode()).hexdigest()[:16],
        kinds=kinds,  # type: ignore[arg-type]
        sentence=Span(text=sentence.text, start=sentence.start, end=sentence.end),
        language=sentence.lang,
        substance=SubstanceSpan(text=text[sub.start:sub.end], start=sub.start, end=sub.end,
                                name=sub.name, form=sub.form),
        dose=dose, condition=condition, target=target, polarity=polarity, effect=effect,
        certainty=certainty, evidence=_evidence(sentence) or evidence, rule_ids=ids,
    )


def _dose(sentence: Sentence, text: str, found: FoundDose | None, lite: Dose | None) -> Dose | None:
    if found is None:
        if lite is None:
            return None
        return lite.model_copy(update={"text": text[lite.start:lite.end]})
    start, end = sentence.start + found.start, sentence.start + found.end
    return Dose(
        text=text[start:end], start=start, end=end, min=found.min, max=found.max,
        unit=found.unit, per=found.per, times_per_day=found.times_per_day,  # type: ignore[arg-type]
        duration_days=lite.duration_days if lite else None, route=lite.route if lite else None,
    )


def _dose_anchor(sentence: Sentence, found: FoundDose | None) -> Mention | None:
    if found is None:
        return None
    return _point(sentence, sentence.start + found.start, sentence.start + found.end)


def _sub_anchor(sentence: Sentence, sub: Sub) -> Mention:
    return _point(sentence, sub.start, sub.end)


POINT = RuleEntry(id="com.point.anchor", label="TERMINATOR", patterns=["anchor"])


def _point(sentence: Sentence, start: int, end: int) -> Mention:
    """A pseudo-mention at a character range, placed at the nearest token index."""
    tokens = [m for m in sentence.mentions if m.start <= start] or sentence.mentions
    index = max((m.token_start for m in tokens), default=0)
    return Mention("POINT", start, end, index, index + 1, POINT)


def _segment(sentence: Sentence, mention: Mention) -> tuple[int, int]:
    """The clause around a mention: between the nearest terminators (men, medan, but...)."""
    left, right = sentence.start, sentence.end
    for term in sentence.of("TERMINATOR"):
        if term.end <= mention.start:
            left = max(left, term.end)
        elif term.start >= mention.end:
            right = min(right, term.start)
    return left, right


def _in_scope(cue: Mention, anchor: Mention, sentence: Sentence) -> bool:
    left, right = _segment(sentence, anchor)
    if not (left <= cue.start and cue.end <= right):
        return False
    direction = cue.entry.direction
    if direction == "forward":
        return cue.start <= anchor.start
    if direction == "backward":
        return cue.end >= anchor.end
    return True


def _certainty(sentence: Sentence, anchor: Mention) -> tuple[str, Mention | None]:
    pseudo = sentence.of("PSEUDO")
    for label, value in (("HEDGE", "hedged"), ("NEGATION", "negated")):
        for cue in sentence.of(label):
            if any(_overlaps(cue, p) for p in pseudo):
                continue
            if _in_scope(cue, anchor, sentence):
                return value, cue
    return "asserted", None


def _polarity(sentence: Sentence, sub: Sub, anchor: Mention) -> tuple[str | None, Mention | None]:
    cues = sentence.of("EFFECT")
    for cue in cues:
        if cue.entry.polarity == "no_effect":
            return "no_effect", cue
    if _is_level(sentence, sub):
        association = [c for c in cues if c.entry.polarity == "association"]
        return "association", (association[0] if association else None)
    if not cues:
        return "association", None
    nearest = min(cues, key=lambda c: (_distance(c, anchor), c.entry.polarity != "association"))
    return nearest.entry.polarity, nearest


def _distance(cue: Mention, anchor: Mention) -> int:
    if cue.token_end <= anchor.token_start:
        return anchor.token_start - cue.token_end
    if anchor.token_end <= cue.token_start:
        return cue.token_start - anchor.token_end
    return 0


def _is_level(sentence: Sentence, sub: Sub) -> bool:
    """The substance is talked about as a level or deficiency: "magnesiumbrist", "låga zinkvärden"."""
    for level in sentence.of("LEVEL"):
        if level.start < sub.end and sub.start < level.end:
            return True
        if 0 <= sub.start - level.end <= 2 or 0 <= level.start - sub.end <= 4:
            return True
    return False


def _evidence(sentence: Sentence) -> Evidence | None:
    cues = sentence.of("EVIDENCE")
    participants = find_participants(sentence)
    if not cues:
        return None
    kinds = {c.entry.evidence for c in cues}
    kind = next(k for k in EVIDENCE_ORDER if k in kinds)
    return Evidence(type=kind, participants=participants)  # type: ignore[arg-type]


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
