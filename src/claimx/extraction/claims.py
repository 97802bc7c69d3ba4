"""From one tagged sentence (and what the discourse carries) to atomic claims.

One substance, at most one dose, at most one condition or target per claim:
a sentence linking magnesium to six conditions yields six claims.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

from claimx.contexts import alternation
from claimx.dose import FoundDose
from claimx.extraction.cues import LEVEL_LINK, certainty_of, comparative_of, denies_effect, in_scope, polarity_of
from claimx.extraction.discourse import (
    STRONGER_EFFECT,
    Discourse,
    Named,
    compared_effect,
    ends_in_colon,
    is_heading_text,
)
from claimx.extraction.doses import (
    assign_doses,
    build_dose,
    dose_anchor,
    dose_extras,
    split_doses,
    treatment_extras,
)
from claimx.extraction.evidence import evidence_of
from claimx.extraction.links import (
    COMBINED_FIRST,
    LOWERED_LEVEL,
    aside,
    co_medications,
    compared_to,
    described_by,
    links,
    lowered_nutrients,
    without_populations,
)
from claimx.extraction.mentions import Mention, Sentence, overlaps, point, restates_class
from claimx.rules import RuleEntry, load_entries
from claimx.models import (
    Claim,
    ConditionSpan,
    Effect,
    Evidence,
    Magnitude,
    Span,
    SubstanceSpan,
    TargetSpan,
)

PREDICATE_LABELS = ("EFFECT", "LEVEL", "HEDGE", "NEGATION", "EVIDENCE", "CONTINUATION")
HEADING_PREDICATES = ("EFFECT", "HEDGE", "NEGATION", "EVIDENCE")  # in a heading a level word names a topic
SUBJECT_TOKENS = 3  # a condition this early, before any effect cue, is the sentence's subject


@dataclass
class Sub:
    """A substance taking part in a sentence's claims."""

    name: str
    form: str | None
    start: int
    end: int
    rule_ids: list[str]
    implied: bool = False


def find_claims(sentence: Sentence, text: str, source: str, discourse: Discourse) -> list[Claim]:
    """All atomic claims of one sentence.

    Args:
        sentence: the tagged sentence.
        text: the whole article text (offsets point into it).
        source: where the article came from; part of each claim id.
        discourse: what earlier sentences carry (substance, outcome, list lead-in, evidence).
    """
    if sentence.text.rstrip().endswith("?") or any(
            m.start == sentence.start and m.entry.id.endswith(".boiler.nav") or m.entry.id == "com.boiler.ad"
            for m in sentence.of("BOILERPLATE")):
        return []  # a question, a pointer to elsewhere ("Se rapporten om minskad risk för diabetes!"), an ad
    item = discourse.is_item(sentence)
    if item and ends_in_colon(sentence.text) and not sentence.of("EFFECT"):
        return []  # "- Depression (RCT):" heads the items after it, and claims nothing itself
    cue_sentence = discourse.lead_in.sentence if item and discourse.lead_in else None
    if not item and continues(sentence):  # "Endvidere for autoimmune sygdomme ...": the previous
        cue_sentence = discourse.last_sentence  # sentence's claim goes on, with its cues
    doses, magnitudes = split_doses(sentence)
    outcomes = outcomes_of(sentence, discourse, item)
    lowered = lowered_nutrients(sentence)  # "Statiner minskar Q10": the nutrient's level is the outcome
    outcomes = outcomes + [m for m in lowered if m not in outcomes] + deficiency_outcomes(sentence, discourse, outcomes)
    subs = [s for s in substances_of(sentence, discourse, outcomes, doses, item)
            if not any(m.start <= s.start and s.end <= m.end for m in lowered)]
    if not subs:
        return []
    if outcomes and not doses and not (item and not ends_in_colon(sentence.text)) and \
            not _predicated(sentence, outcomes):
        outcomes = []  # "Magnesium och depression", "Magnesiumbrist och astma": a topic heading claims nothing
    aims = sentence.of("AIM")
    if aims:  # "Forskerne undersøgte, om ...": a study's question is not its finding (a finding in
        # another clause of the sentence still is: "..., og man fandt, at ...")
        outcomes = [o for o in outcomes if not any(_asked(aim, o, sentence) for aim in aims)]
    extras = dose_extras(sentence) if doses or outcomes else None
    by_sub = assign_doses(doses, subs, sentence.start)
    evidence = evidence_of(sentence) or discourse.evidence
    claims = []
    for sub in subs:
        own = by_sub.get(id(sub), [])
        first = own[0] if own else None
        linked = [o for o in outcomes if links(sub, o, sentence, text, len(subs), cue_sentence)]
        for outcome in without_populations(sentence, linked, sub):
            claims.append(_claim(sentence, text, source, sub, first, extras, outcome, evidence, magnitudes,
                                 cue_sentence))
        for dose in own[1:] if linked else own:
            claims.append(_claim(sentence, text, source, sub, dose, extras, None, evidence, magnitudes, None))
        if not outcomes and not own and not sub.implied and treatment_extras(sentence):
            claims.append(_claim(sentence, text, source, sub, None, dose_extras(sentence), None, evidence,
                                 magnitudes, None))  # "fick magnesium i fyra månader": taken, no amount given
    return _unique(claims)


AIM_ENDS = re.compile(r",\s+" + alternation("CLAUSE_LINK") + r"\b|\b" + alternation("FINDING_VERB") + r"\b",
                      re.IGNORECASE)


def _asked(aim: Mention, outcome: Mention, sentence: Sentence) -> bool:
    """The outcome is part of the study's question: in the aim's clause, before a coordinated clause
    that can report the finding ("..., og de fandt at ...")."""
    if not in_scope(aim, outcome, sentence):
        return False
    ends = AIM_ENDS.search(sentence.text, max(0, aim.end - sentence.start))
    return ends is None or outcome.start < sentence.start + ends.start()


def outcomes_of(sentence: Sentence, discourse: Discourse, item: bool = False) -> list[Mention]:
    """Conditions and targets the sentence is about: named, referred to ("sygdommen"), or, for
    an item naming a substance under a lead-in that names a condition ("- Migrän:"), the lead-in's."""
    lead = discourse.lead_in
    if item and lead is not None and lead.outcomes and sentence.of("SUBSTANCE") and \
            (ends_in_colon(lead.sentence.text) and not _measures(sentence) or not sentence.of("CONDITION", "TARGET")):
        # under "- Migrän:" an item's "färre dagar med smärta" is its migraine; under a heading
        # ("Smärtstillande vid artros"), or when it reports a measure ("bättre kognitiva poäng"),
        # an item naming its own outcomes keeps them
        anchor = point(sentence, sentence.start, sentence.start)
        return [Mention(o.label, anchor.start, anchor.end, anchor.token_start, anchor.token_end, o.entry)
                for o in lead.outcomes]
    outcomes = [o for o in sentence.of("CONDITION", "TARGET") if not aside(sentence, o)]
    if _named_side_effects(sentence, outcomes):  # the side-effect noun says what the named outcomes are;
        # it is no measure of its own there (it is in "færre bivirkninger")
        outcomes = [o for o in outcomes if o.label != "TARGET" or not any(
            overlaps(o, c) for c in _side_effect_cues(sentence))]
    excess = _excess(sentence)
    if excess and any(not any(overlaps(o, e) for e in excess) for o in outcomes):
        # "Overdosering kan give leverskader": the overdose is the substance's excess, the liver its outcome
        outcomes = [o for o in outcomes if not any(overlaps(o, e) for e in excess)]
    named = sentence.of("SUBSTANCE")  # "magnesiumbrist" names the substance's level, not what it is about
    if any(not any(overlaps(o, n) for n in named) for o in outcomes):
        return outcomes
    refs = sentence.of("OUTCOME_REF")
    if not refs:
        return outcomes or compared_effect(sentence, discourse)
    ref = refs[0]
    return outcomes + [Mention(target.label, ref.start, ref.end, ref.token_start, ref.token_end, target.entry)
                       for target in discourse.referenced_outcomes(plural=ref.entry.name == "all")]


def deficiency_outcomes(sentence: Sentence, discourse: Discourse, outcomes: list[Mention]) -> list[Mention]:
    """A deficiency word standing alone names the deficiency of the nutrient the sentence is about: "Ved
    påvist mangel gives 1 mg B12-vitamin", "Tilskud retter hurtigt mangel" (vitamin B12 deficiency), with
    the first nutrient named, else the one the discourse implies; only with a dose or an effect cue in its
    clause. Not the subject of another outcome or of a harm ("og mangel giver træthed": the level of an
    association), nor a named substance's level ("mangel på B12")."""
    levels = [level for level in sentence.of("LEVEL") if _alone(sentence, level)]
    if not levels:
        return []
    level = levels[0]
    if any(o.start >= level.end and in_scope(level, o, sentence) for o in outcomes):
        return []
    cues = [c for c in sentence.of("EFFECT") if in_scope(c, level, sentence)]
    if not (cues or sentence.doses) or any(c.start >= level.end and c.entry.polarity == "harm" for c in cues):
        return []  # "mangel kan opstå ...": no claim; "alvorlig mangel kan gi ...": the deficiency acts
    named = [m for m in sentence.of("SUBSTANCE") if m.entry.kind != "food"]
    implied = discourse.implied()
    name = named[0].entry.name if named else implied.name if implied else None
    entry = deficiency_entry(sentence.block_lang, name) if name else None
    if entry is None:
        return []
    return [Mention("CONDITION", level.start, level.end, level.token_start, level.token_end, entry)]


def _alone(sentence: Sentence, level: Mention) -> bool:
    """One deficiency word ("mangel", "brist", "deficiency"), no part of a name, no substance right after it."""
    word = sentence.text[level.start - sentence.start:level.end - sentence.start]
    if level.token_end - level.token_start != 1 or not DEFICIENCY_WORD.fullmatch(word):
        return False
    if any(overlaps(level, m) for m in sentence.mentions if m.label in ("SUBSTANCE", "CONDITION", "TARGET")):
        return False
    return not any(m.start >= level.end and LEVEL_LINK.fullmatch(sentence.text, level.end - sentence.start,
                                                                   m.start - sentence.start)
                   for m in sentence.of("SUBSTANCE"))


DEFICIENCY_WORD = re.compile(alternation("DEFICIENCY_NOUN") + r"\w{0,4}", re.IGNORECASE)


@lru_cache(maxsize=None)
def _deficiencies(lang: str) -> dict[str, RuleEntry]:
    found: dict[str, RuleEntry] = {}
    for entry in load_entries(lang)[0].values():
        if entry.label == "CONDITION" and (entry.name or "").endswith(" deficiency"):
            found.setdefault(entry.name[:-len(" deficiency")], entry)
    return found


def deficiency_entry(lang: str, substance: str) -> RuleEntry | None:
    """The condition entry of a nutrient's deficiency ("vitamin b12" -> vitamin B12 deficiency), if claimx has one."""
    return _deficiencies(lang).get(substance)


def _excess(sentence: Sentence) -> list[Mention]:
    """The sentence's words for too much of a substance ("Overdosering", "for meget")."""
    return [level for level in sentence.of("LEVEL") if level.entry.polarity == "harm"]


def _predicated(sentence: Sentence, outcomes: list[Mention]) -> bool:
    """The sentence says something of its outcomes: an effect, hedge, negation or study (a level
    word too, outside a heading); in a heading, a preposition after the substance is no predicate
    ("Zink mod forkølelse" is a topic), nor is the outcome's own word ("Bivirkninger", a section)."""
    if not is_heading_text(sentence.text):
        return bool(sentence.of(*PREDICATE_LABELS)) or bool(STRONGER_EFFECT.search(sentence.text)) or \
            any(comparative_of(sentence, o) for o in outcomes)  # "hade fler fall av njursten"
    return any((m.label != "EFFECT" or not m.entry.id.split(".")[-1].startswith("remedy_prep"))
               and not any(overlaps(m, o) for o in outcomes) for m in sentence.of(*HEADING_PREDICATES))


def _measures(sentence: Sentence) -> bool:
    """The sentence names a measured outcome and no condition ("bättre kognitiva poäng")."""
    return bool(sentence.of("TARGET")) and not sentence.of("CONDITION")


def substances_of(sentence: Sentence, discourse: Discourse, outcomes: list[Mention], doses: list[FoundDose],
                  item: bool) -> list[Sub]:
    """The substances of a sentence's claims: those it names, else the one the discourse implies."""
    forms = sentence.of("FORM")
    subs: list[Sub] = []
    mentions = [m for m in sentence.of("SUBSTANCE") if not restates_class(sentence, m)]
    if any(m.entry.kind != "food" for m in mentions):
        mentions = [m for m in mentions if m.entry.kind != "food"]  # "finns i nötter": a source, not a subject
    for mention in mentions:
        form = mention.entry.form or _form_for(mention, forms)
        ids = [mention.entry.id] + ([f.entry.id for f in forms if overlaps(f, mention)] if form else [])
        subs.append(Sub(_as_topic(mention.entry.name or "", discourse.topic), form, mention.start, mention.end, ids))
    subs = [s for s in _dedupe(subs) if not compared_to(sentence, s, mentions)]
    if subs and _only_co_medication(sentence, subs, discourse):
        subs = []  # "Höga doser kan öka blödningsrisken hos dem som tar warfarin": the topic's claim
    if subs:
        return subs
    named = discourse.lead_in.substance if item and discourse.lead_in else None
    if named is None:
        if not (doses or (outcomes and (sentence.of("EFFECT", "SUBSTANCE_REF") or continues(sentence)))):
            return []
        if outcomes and not doses and not continues(sentence) and _outcome_is_subject(sentence, outcomes):
            return []  # "Högt blodtryck kan skada hjärtat": the disease acts, no substance does
        typed = [ref.entry.kind for ref in sentence.of("SUBSTANCE_REF") if ref.entry.kind]
        kind = discourse.of_kind(typed[0]) if typed else None
        return [_implied_sub(sentence, n) for n in ([kind] if kind else discourse.implied_all())]
    return [_implied_sub(sentence, named)]


def _as_topic(name: str, topic: str | None) -> str:
    """A generic name of the article's topic names the topic: "eddike" in an article about "æbleeddike"
    is apple cider vinegar, "ekstraktet"'s plant its extract."""
    return topic if topic and topic.endswith(" " + name) else name


def _only_co_medication(sentence: Sentence, subs: list[Sub], discourse: Discourse) -> bool:
    """Every substance named is what the people studied take, named after the effect ("kan öka
    blödningsrisken hos dem som tar warfarin") or in an opening combination ("Kombinationen med SSRI
    kan ge ..."), and the discourse implies another. Before the effect the people taking it are the
    subject otherwise: "de som tager statiner oplever muskelsmerter"."""
    cues = sentence.of("EFFECT")
    opening = COMBINED_FIRST.match(sentence.text)  # "Kombinationen med SSRI kan ge ...": the topic's claim
    if not cues or not (opening or all(s.start >= cues[0].end for s in subs)):
        return False
    taken = co_medications(sentence)
    if not all((s.start, s.end) in taken for s in subs):
        return False
    return any(n.name not in {s.name for s in subs} for n in discourse.implied_all())


def continues(sentence: Sentence) -> bool:
    """The sentence opens with a connective and a preposition and names no substance ("Endvidere for
    autoimmune sygdomme", "Likaså vid hjärtsvikt", "Also against colds"): an elliptic addition to the
    previous sentence's claim."""
    return not sentence.of("SUBSTANCE") and any(m.start == sentence.start for m in sentence.of("CONTINUATION"))


def _implied_sub(sentence: Sentence, named: Named) -> Sub:
    refs = sentence.of("SUBSTANCE_REF")
    if refs:
        return Sub(named.name, named.form, refs[0].start, refs[0].end, [refs[0].entry.id, named.rule_id],
                   implied=True)
    ids = [m.entry.id for m in sentence.of("CONTINUATION")[:1] if continues(sentence)] + [named.rule_id]
    return Sub(named.name, named.form, sentence.start, sentence.start, ids, implied=True)


def _outcome_is_subject(sentence: Sentence, outcomes: list[Mention]) -> bool:
    if sentence.of("SUBSTANCE_REF"):
        return False
    first = min(outcomes, key=lambda o: o.token_start)
    if any(overlaps(level, first) for level in _excess(sentence)):
        return False  # "Overdosering kan give leverskader": too much of the substance acts
    cues = sentence.of("EFFECT")
    if any(c.entry.id.endswith(".harm_some_get") for c in cues) or _named_side_effects(sentence, outcomes):
        return False  # "Leverskader har rapporterats", "Trötthet är en vanlig biverkning": what the users got
    first_token = min((m.token_start for m in sentence.mentions), default=0)
    if cues and all(c.entry.rises or c.entry.id.endswith(".reduce") for c in cues) and \
            max(o.token_start for o in outcomes) < min(c.token_start for c in cues):
        return False  # "förkylningarna blev kortare": the outcome is what changed, not what acts
    return first.token_start - first_token < SUBJECT_TOKENS and all(c.token_start > first.token_start for c in cues)


SIDE_EFFECT_COPULA = re.compile(r"[\s,]*(?:er|är|is|are|var|was|were|blir|bliver)\b.{0,40}$",
                                re.IGNORECASE | re.DOTALL)


def _side_effect_cues(sentence: Sentence) -> list[Mention]:
    return [c for c in sentence.of("EFFECT") if c.entry.id.endswith(".side_effect")]


def _named_side_effects(sentence: Sentence, outcomes: list[Mention]) -> bool:
    """The outcomes are called side effects: "Træthed og diarré er almindelige bivirkninger" (a copula
    between the last of them and the side-effect noun, which follows it within a few words)."""
    for cue in _side_effect_cues(sentence):
        before = [o.end for o in outcomes if o.end <= cue.start]
        if before and SIDE_EFFECT_COPULA.match(sentence.text, max(before) - sentence.start, cue.start - sentence.start):
            return True
    return False


def _form_for(mention: Mention, forms: list[Mention]) -> str | None:
    for form in forms:
        if overlaps(form, mention) or form.token_start == mention.token_end:
            return form.entry.form
    return None


def _dedupe(subs: list[Sub]) -> list[Sub]:
    """One Sub per (name, form); a bare name is dropped when the same name has a form."""
    seen: dict[tuple[str, str | None], Sub] = {}
    for sub in subs:
        seen.setdefault((sub.name, sub.form), sub)
    with_form = {name for name, form in seen if form}
    return [s for (name, form), s in seen.items() if form or name not in with_form]


def _unique(claims: list[Claim]) -> list[Claim]:
    seen, result = set(), []
    for claim in claims:
        if claim.id not in seen:
            seen.add(claim.id)
            result.append(claim)
    return result


def _claim(sentence: Sentence, text: str, source: str, sub: Sub, found: FoundDose | None, extras,
           outcome: Mention | None, evidence: Evidence | None, magnitudes: list[Magnitude],
           cue_sentence: Sentence | None) -> Claim:
    dose = build_dose(sentence, text, found, extras)
    anchor = outcome or dose_anchor(sentence, found) or point(sentence, sub.start, sub.end)
    polarity = effect_cue = None
    if outcome is not None:
        polarity, effect_cue = polarity_of(sentence, (sub.start, sub.end), anchor)
        if effect_cue is None and STRONGER_EFFECT.search(sentence.text):
            polarity = "benefit"  # "fundet endnu stærkere effekter": more of the benefit just reported
        if effect_cue is None and cue_sentence is not None:  # a list item takes its lead-in's cue, and its
            lead_anchor = point(cue_sentence, cue_sentence.end, cue_sentence.end)  # substance's level ("Mangel
            named = next((m for m in cue_sentence.of("SUBSTANCE") if m.entry.name == sub.name), None)  # på B12 kan give:")
            where = (cue_sentence.end, cue_sentence.end)
            if named is not None:  # the item's outcome at the lead-in's end: "For meget selen kan give:" harms
                where = (named.start, named.end)
                lead_anchor = Mention(outcome.label, lead_anchor.start, lead_anchor.end, lead_anchor.token_start,
                                      lead_anchor.token_end, lead_anchor.entry)
            polarity, effect_cue = polarity_of(cue_sentence, where, lead_anchor)
    certainty, certainty_cue = certainty_of(sentence, anchor, effect_cue)
    if certainty == "asserted" and cue_sentence is not None:  # an item is as certain as its lead-in
        lead_anchor = point(cue_sentence, cue_sentence.end, cue_sentence.end)
        certainty, certainty_cue = certainty_of(cue_sentence, lead_anchor, None)
    if outcome is not None and outcome.entry.id.startswith(LOWERED_LEVEL) and polarity == "benefit":
        polarity = "harm"  # a drug that lowers a nutrient's level harms
    if polarity in ("benefit", "harm", "association") and (certainty == "negated" or certainty == "hedged" and (
            denies_effect(sentence, anchor, effect_cue))):
        polarity = "no_effect"  # "hjälper inte", "inget samband"; hedged: "anses inte orsaka fosterskador"
    elif certainty == "asserted" and polarity == "no_effect":  # "lika många insjuknade": a denied link
        certainty, certainty_cue = "negated", effect_cue
    condition = target = None
    if outcome is not None and outcome.label == "CONDITION":
        condition = ConditionSpan(text=text[outcome.start:outcome.end], start=outcome.start, end=outcome.end,
                                  name=outcome.entry.name or "", icd10=(outcome.entry.icd10 or ["R69"])[0])
    elif outcome is not None:
        target = TargetSpan(text=text[outcome.start:outcome.end], start=outcome.start, end=outcome.end,
                            name=outcome.entry.name or "")
    effect = None
    if effect_cue is not None and sentence.start <= effect_cue.start < sentence.end:
        effect = Effect(text=text[effect_cue.start:effect_cue.end], start=effect_cue.start, end=effect_cue.end,
                        magnitude=magnitudes[0] if magnitudes else None)
    ids = list(sub.rule_ids)
    if outcome is not None and outcome.entry.label != "OUTCOME_REF" and sentence.of("OUTCOME_REF") and \
            outcome not in sentence.of("CONDITION", "TARGET"):
        ids.append("discourse.outcome_ref")
    elif outcome is not None and outcome.start == outcome.end == sentence.end:
        ids.append("discourse.compared")  # "... og fundet endnu stærkere effekter"
    ids.extend(h.entry.id for h in described_by(sentence, outcome))
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
        certainty=certainty, evidence=evidence, rule_ids=ids,
    )
