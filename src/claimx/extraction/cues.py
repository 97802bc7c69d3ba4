"""Polarity and certainty, ConText-style: each cue governs its own clause.

A clause runs between the sentence's TERMINATOR mentions (conjunctions and
subordinators kept as data per language in ``rules/<lang>/cues.jsonl``).
A cue counts for a claim only when it stands in the clause of the claim's
anchor (its outcome, else its dose, else its substance) and on the side its
``direction`` allows; a negation must also stand within
:data:`NEGATION_WINDOW` tokens of the anchor or of the effect cue it turns.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from claimx.contexts import alternation, context_words
from claimx.extraction.mentions import BRACKETED, Mention, Sentence, overlaps

NEGATION_WINDOW = 8
LEVEL_GAP_BEFORE = 2  # characters between a level word and the substance after it ("låga zinkvärden")
LEVEL_GAP_AFTER = 4


def clause(sentence: Sentence, mention: Mention) -> tuple[int, int]:
    """Character range of the clause around a mention: between the nearest terminators."""
    left, right = sentence.start, sentence.end
    for term in sentence.of("TERMINATOR"):
        if term.entry.id.endswith(".adverb") and not opens_clause(sentence, term):
            continue  # "blev däremot inte kortare": an adverb inside its clause ends nothing
        if term.end <= mention.start:
            left = max(left, term.end)
        elif term.start >= mention.end:
            right = min(right, term.start)
    return left, right


CLAUSE_OPENERS = (",", ";", ":", "–", "—", "(")


def opens_clause(sentence: Sentence, term: Mention) -> bool:
    """The word begins a clause: at the sentence's start or after a comma, semicolon, colon or dash
    ("..., däremot minskade"), not inside one ("blev däremot inte")."""
    before = sentence.text[:term.start - sentence.start].rstrip()
    return not before or before.endswith(CLAUSE_OPENERS)


def in_scope(cue: Mention, anchor: Mention, sentence: Sentence) -> bool:
    """Whether ``cue`` governs ``anchor``: same clause, and on the side its direction allows."""
    left, right = clause(sentence, anchor)
    if not (left <= cue.start and cue.end <= right):
        return False
    direction = cue.entry.direction
    if direction == "forward":
        return cue.start <= anchor.start
    if direction == "backward":
        return cue.end >= anchor.end
    return True


def segment_of(sentence: Sentence, at: int) -> int:
    """Which segment of the sentence (:attr:`Sentence.segment_cuts`) holds offset ``at``."""
    return bisect_left(sentence.segment_cuts, at)


def token_gap(a: Mention, b: Mention) -> int:
    """Tokens between two mentions (0 when they touch or overlap)."""
    if a.token_end <= b.token_start:
        return b.token_start - a.token_end
    if b.token_end <= a.token_start:
        return a.token_start - b.token_end
    return 0


def certainty_of(sentence: Sentence, anchor: Mention, effect: Mention | None = None) -> tuple[str, Mention | None]:
    """``hedged``, ``negated`` or ``asserted``, and the cue that decided it."""
    negations = negations_of(sentence, anchor, effect)
    hedge = next((cue for cue in sentence.of("HEDGE") if _governs(sentence, cue, anchor)), None)
    if hedge is not None:
        denied = _cannot(sentence, hedge, negations)
        return ("negated", denied) if denied else ("hedged", hedge)
    if negations:
        return "negated", negations[0]
    return "asserted", None


def negations_of(sentence: Sentence, anchor: Mention, effect: Mention | None = None) -> list[Mention]:
    """The negations that turn the claim: in the anchor's clause, near the anchor or its effect cue."""
    return [cue for cue in sentence.of("NEGATION") if _governs(sentence, cue, anchor) and _near(cue, anchor, effect)]


DENIAL_GAP = 3  # words between a negation and the effect verb it denies ("inte kunna orsaka", "ikke ud til at hjælpe")


def denies_effect(sentence: Sentence, anchor: Mention, effect: Mention | None) -> bool:
    """A negation right before the effect cue denies it, hedged or not: "anses inte orsaka
    fosterskador" says no effect (with a hedge); "må ikke tage tilskud, da det kan skade" does not."""
    return effect is not None and any(0 <= effect.token_start - n.token_end <= DENIAL_GAP
                                      for n in negations_of(sentence, anchor, effect))


def _governs(sentence: Sentence, cue: Mention, anchor: Mention) -> bool:
    return not any(overlaps(cue, p) for p in sentence.of("PSEUDO")) and in_scope(cue, anchor, sentence)


def _cannot(sentence: Sentence, hedge: Mention, negations: list[Mention]) -> Mention | None:
    """The negation right beside an ability modal ("kan inte", "ikke kan", "cannot"), which denies."""
    word = sentence.text[hedge.start - sentence.start:hedge.end - sentence.start].lower()
    if word not in ABILITY_MODALS:
        return None
    return next((n for n in negations if token_gap(n, hedge) == 0), None)


def _near(cue: Mention, anchor: Mention, effect: Mention | None) -> bool:
    if token_gap(cue, anchor) <= NEGATION_WINDOW:
        return True
    return effect is not None and token_gap(cue, effect) <= NEGATION_WINDOW


def polarity_of(sentence: Sentence, substance: tuple[int, int], anchor: Mention) -> tuple[str, Mention | None]:
    """The claim's polarity and its effect cue.

    A no-effect phrase in the anchor's clause wins, then a stated association before the anchor
    ("associated with a lower risk of"), outside a trial; a substance talked about
    as a level or deficiency gives an association; otherwise the effect cue
    nearest to the anchor in its clause decides (cues of other clauses only
    when the clause has none). No cue at all: association.
    """
    refs = sentence.of("OUTCOME_REF")
    names = [c for c in sentence.of("CONDITION") if c.token_end - c.token_start > 1]
    phrases = sentence.interactions  # "forstærke virkningen af warfarin": the drug's effect, no cue, nor a
    drugs = [(s.start, s.end) for s in sentence.of("SUBSTANCE")  # word of the drug's name ("... af
             if any(s.start == end for _, end in phrases)]  # blodtrykssænkende medicin")
    cues = [c for c in sentence.of("EFFECT") if not _part_of_a_name(c, anchor, substance, refs)
            and not any(_part_of_a_name(c, name, (0, 0), ()) for name in names)  # "tab af styrke"
            and not any(start <= c.start and c.end <= end for start, end in phrases + drugs)
            and not _administers(sentence, c)]
    cues = _outside_brackets(sentence, cues, anchor)
    local = [c for c in cues if in_scope(c, anchor, sentence)]
    for cue in local:
        if cue.entry.polarity == "no_effect":
            return "no_effect", cue
    stated = [c for c in local if c.entry.name == "stated" and c.end <= anchor.start]
    if stated and not _in_a_trial(sentence, anchor):  # against placebo the link is the trial's effect
        for cue in stated:  # "associerat med bättre kognitiv funktion": "bättre" is the link's direction
            if not any(cue.end <= s.start and s.end <= anchor.start for s in sentence.of("SUBSTANCE")):
                return "association", cue  # (after a new subject it is not this link)
    level = level_of(sentence, substance) or _deficiency_before(sentence, substance, anchor)
    if level is not None and anchor.label == "CONDITION" and (anchor.start, anchor.end) == (level.start, level.end):
        level = None  # "gives 1 mg ved påvist mangel", "kan give B12-mangel": the deficiency is the outcome
    if level is not None and anchor.label == "TARGET" and anchor.start <= level.start and level.end <= anchor.end:
        level = None  # "raised magnesium levels": the level word names the outcome itself
    if level is not None and level.entry.polarity == "harm" and anchor.label == "CONDITION":
        return "harm", level  # "för mycket kalcium": too much of it harms
    if level is not None:  # a level or deficiency goes with an outcome: no causal claim
        association = [c for c in local or cues if c.entry.polarity == "association"]
        return "association", (association[0] if association else None)
    pool = local or cues
    if not any(c.entry.polarity in ("benefit", "harm", "no_effect") for c in local):
        compared = comparative_of(sentence, anchor)  # before the cues of other clauses: "..., men gav
        if compared:  # flere alvorlige blødninger"; "mindre leddsmerter enn placebogruppen", "fler fall av lungcancer"
            return compared, None
    if not pool:
        return "association", None
    nearest = min(pool, key=lambda c: (not overlaps(c, anchor), token_gap(c, anchor),
                                        c.entry.polarity != "association"))  # "blødningsrisikoen" itself first
    nearest = _object_of_cause(sentence, nearest, pool)
    if _is_light_cause(sentence, nearest):
        compared = comparative_of(sentence, anchor)
        if compared:
            return compared, nearest  # "kan leda till mindre huvudvärk"
    if nearest.entry.rises and anchor.label == "CONDITION" and (nearest.end <= anchor.start
                                                                 or token_gap(anchor, nearest) == 0
                                                                 or _risk_of(sentence, anchor)):
        return "harm", nearest  # "en økning i atrieflimmer", "risikoen for blødning øges": more of a disease
    return nearest.entry.polarity or "association", nearest


RISK_OF = re.compile(r"\b" + alternation("RISK_STEM") + r"\w*\s+[^\W\d_]+\s+$", re.IGNORECASE)


def _risk_of(sentence: Sentence, anchor: Mention) -> bool:
    """The condition is named as a risk ("risikoen for brudd ... doblet", "risken för fall ökade"): a rise
    after it is more of the disease too."""
    return bool(RISK_OF.search(sentence.text, max(0, anchor.start - sentence.start - 30), anchor.start - sentence.start))


ADMINISTERED = re.compile(r"\s+(?:[^\W\d_]+\s+){0,2}\d")


def _administers(sentence: Sentence, cue: Mention) -> bool:
    """A verb of giving followed by what is given, a substance or an amount, reports a treatment, no
    harm: "gav man 170 mg magnesium", "ga deltakerne 200 mg", "gav glukomannan fler tarmtömningar"."""
    if not cue.entry.id.endswith(".harm_give"):
        return False
    conditions = sentence.of("CONDITION")  # "kan gi tiaminmangel" gives a deficiency, no thiamine
    if any(0 <= m.token_start - cue.token_end <= 1 and not any(overlaps(m, c) for c in conditions)
           for m in sentence.of("SUBSTANCE")):
        return True
    return bool(ADMINISTERED.match(sentence.text, cue.end - sentence.start))


def _outside_brackets(sentence: Sentence, cues: list[Mention], anchor: Mention) -> list[Mention]:
    """A cue inside brackets that do not hold the anchor is an aside ("Sällsynta biverkningar (färre
    än 1 av 1 000 behandlade barn):"), unless no cue stands outside them."""
    if "(" not in sentence.text or not cues:
        return cues
    spans = [(sentence.start + m.start(), sentence.start + m.end()) for m in BRACKETED.finditer(sentence.text)]
    aside = [(a, b) for a, b in spans if not (a <= anchor.start and anchor.end <= b)]
    kept = [c for c in cues if not any(a <= c.start and c.end <= b for a, b in aside)]
    return kept or cues


def _is_light_cause(sentence: Sentence, cue: Mention) -> bool:
    words = " ".join(sentence.text[cue.start - sentence.start:cue.end - sentence.start].lower().split())
    return cue.entry.polarity == "harm" and words in context_words("LIGHT_CAUSE")


LIGHT_CAUSE_GAP = 10  # words between a verb of causing and the effect word it gives ("en beskjeden", "400 mg
# L-teanin dagligen i sex veckor bättre")


def _object_of_cause(sentence: Sentence, cue: Mention, pool: list[Mention]) -> Mention:
    """A harm cue that is only a verb of causing ("kan gi", "leder till") gives what its object says:
    "kan gi en beskjeden bedring" is a benefit, the cue "bedring"."""
    if not _is_light_cause(sentence, cue):
        return cue
    given = [c for c in pool if c.entry.polarity == "benefit"
             and 0 <= c.token_start - cue.token_end <= LIGHT_CAUSE_GAP]
    return min(given, key=lambda c: c.token_start) if given else cue


COMPARED = re.compile(r"\b(?:(?P<less>" + alternation("COMPARATIVE_LESS") + r")|" + alternation("COMPARATIVE_MORE")
                      + r")\s+(?:[^\W\d_]+\s+)?(?:[^\W\d_]+(?:\s*,\s*|\s+" + alternation("AND_OR") + r"\s+)){0,3}"
                      + r"(?:" + alternation("CASES_OF") + r"\s+)?$", re.IGNORECASE)


def comparative_of(sentence: Sentence, anchor: Mention) -> str | None:
    """Benefit or harm from a comparative right before a condition (one word may stand between:
    "flere alvorlige blødninger", and the earlier items of a list: "mindre oppblåsthet og magesmerter"):
    less or more of it."""
    if anchor.label != "CONDITION":
        return None
    found = COMPARED.search(sentence.text, max(0, anchor.start - sentence.start - 40), anchor.start - sentence.start)
    if found is None:
        return None
    return "benefit" if found.group("less") else "harm"


def _deficiency_before(sentence: Sentence, substance: tuple[int, int], anchor: Mention) -> Mention | None:
    """A deficiency standing alone as the subject of a clause joined on after the substance's, with
    no other substance after it: the substance's ("Jod behövs för sköldkörteln, och brist kan ge
    struma", "jern er vigtigt, og svær mangel giver træthed"; not "motverkar en brist")."""
    words = [m for m in sentence.mentions if m.label in ("TARGET", "CONDITION", "SUBSTANCE")]
    later = [m for m in sentence.of("SUBSTANCE") if substance[1] <= m.start and m.end <= anchor.start]
    for level in sentence.of("LEVEL"):
        if substance[1] <= level.start and level.end <= anchor.start and not any(overlaps(level, w) for w in words) \
                and DEFICIENCY_NOUN.search(sentence.text[level.start - sentence.start:level.end - sentence.start]) \
                and JOINED_SUBJECT.search(sentence.text, 0, level.start - sentence.start) \
                and in_scope(level, anchor, sentence) and not any(level.end <= m.start for m in later):
            return level
    return None


def _in_a_trial(sentence: Sentence, anchor: Mention) -> bool:
    """A placebo-controlled trial is reported in the anchor's segment of the sentence."""
    here = segment_of(sentence, anchor.start)
    return any(e.entry.evidence == "rct" and segment_of(sentence, e.start) == here for e in sentence.of("EVIDENCE"))


def _part_of_a_name(cue: Mention, anchor: Mention, substance: tuple[int, int], refs: list[Mention]) -> bool:
    """A cue word that is part of a name says nothing of its own: of a longer disease name (a
    benefit word: "tab af styrke"), of the substance's own name ("kolesterolsænkende medicin"),
    or of an outcome reference ("those affected")."""
    start, end = substance
    return ((anchor.label == "CONDITION" and cue.entry.polarity == "benefit"
             and anchor.token_start <= cue.token_start and cue.token_end <= anchor.token_end
             and anchor.token_end - anchor.token_start > cue.token_end - cue.token_start)
            or (start <= cue.start and cue.end <= end and end - start > cue.end - cue.start)
            or any(r.start <= cue.start and cue.end <= r.end for r in refs))


DOSE_AFTER = re.compile(r"\s{1,2}dos", re.I)
LEVEL_NOUN = re.compile(alternation("LEVEL_NOUN"), re.I)
DEFICIENCY_NOUN = re.compile(alternation("DEFICIENCY_NOUN"), re.I)
ABILITY_MODALS = context_words("ABILITY_MODAL")
# A clause joined on: after a comma, semicolon or "och"/"og"/"and"/"men", with at most one word between
JOINED_SUBJECT = re.compile(r"(?:[,;]|\b" + alternation("CLAUSE_LINK") + r")\s+(?:\w+\s+)?$", re.I)
LEVEL_LINK = re.compile(r"\W{0,3}(?:" + alternation("LEVEL_PREP") + r"\W{1,3})?")  # "brist på", "nivåer av", "levels of"


def is_level(sentence: Sentence, substance: tuple[int, int]) -> bool:
    """The substance is talked about as a level or deficiency: "magnesiumbrist", "låga zinkvärden",
    "mangel på jern", "høje niveauer af D-vitamin"; an implied substance (an empty span) whenever
    the sentence talks about levels ("höga nivåer var förknippade med ...")."""
    return level_of(sentence, substance) is not None


def level_of(sentence: Sentence, substance: tuple[int, int]) -> Mention | None:
    """The level or deficiency word the substance is talked about with (see :func:`is_level`), or None."""
    start, end = substance
    verbs = [e for e in sentence.of("EFFECT") if e.entry.polarity in ("benefit", "harm")]
    levels = [level for level in sentence.of("LEVEL")  # "lowers" is a verb here, "høye doser" a dose
              if not any((level.start, level.end) == (e.start, e.end) for e in verbs)
              and not DOSE_AFTER.match(sentence.text, level.end - sentence.start)]
    if start == end:  # a stand-alone level noun ("höga nivåer"), not one inside "kolesterolniveauet"
        words = [m for m in sentence.mentions if m.label in ("TARGET", "CONDITION", "SUBSTANCE")]
        return next((level for level in levels
                     if LEVEL_NOUN.search(sentence.text[level.start - sentence.start:level.end - sentence.start])
                     and not any(overlaps(level, word) for word in words)), None)
    for level in levels:
        if level.start < end and start < level.end:
            return level
        gap = sentence.text[level.end - sentence.start:start - sentence.start] if level.end <= start else None
        noun = LEVEL_NOUN.search(sentence.text[level.start - sentence.start:level.end - sentence.start])
        if gap is not None and (len(gap) <= LEVEL_GAP_BEFORE or (noun and LEVEL_LINK.fullmatch(gap))):
            return level
        if 0 <= level.start - end <= LEVEL_GAP_AFTER:
            return level
    return None
