"""Whether a substance and an outcome of one sentence make a claim, and what named the outcome."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimx.contexts import alternation, context_words
from claimx.described import MAX_ORGANS
from claimx.extraction.cues import level_of, polarity_of, segment_of
from claimx.extraction.mentions import Mention, Sentence, is_class
from claimx.rules import RuleEntry

if TYPE_CHECKING:
    from claimx.extraction.claims import Sub


def links(sub: Sub, outcome: Mention, sentence: Sentence, text: str, subs: int, cue_sentence: Sentence | None) -> bool:
    """Whether the substance and the outcome can make a claim of this sentence."""
    if not distinct(sub, outcome, text, sentence) or not same_segment(sub, outcome, sentence):
        return False
    if outcome.label == "TARGET" and not (sentence.of("EFFECT", "LEVEL") or cue_sentence):
        return False
    if not sub.implied and listed_together(sentence, (sub.start, sub.end), outcome):
        return False  # "riskfaktorer (insulinresistens, alkoholism, PPI)": siblings of a list
    if subs > 1 and not sub.implied and outcome.label == "CONDITION" and \
            any(modifies(sentence, (sub.start, sub.end), c) for c in sentence.of("CONDITION")):
        return False  # "Q10 mod muskelsmerter ved statinbehandling": the drug qualifies the condition
    if outcome.entry.kind == "process" and not (level_changes(sentence, sub, outcome)
                                                 or level_of(sentence, (sub.start, sub.end)) is not None):
        return False  # "spiller en rolle for kroppens stofskifte": the body's machinery, no finding
    # "man mäter magnesiumnivåerna i blodet": a measurement, not a finding; "omeprazol sænker
    # magnesiumniveauet": the level is the outcome of the other substance
    return not own_level(sub, outcome) or (level_changes(sentence, sub, outcome) and subs == 1)


def listed_together(sentence: Sentence, substance: tuple[int, int], outcome: Mention) -> bool:
    """The substance and the outcome are items of one bracketed list, no effect cue between them."""
    left, right = sorted(((substance[0], substance[1]), (outcome.start, outcome.end)))
    between = sentence.text[left[1] - sentence.start:right[0] - sentence.start]
    if "," not in between or any(ch in between for ch in "()[]"):
        return False
    opened = sentence.text.rfind("(", 0, left[0] - sentence.start)
    closed = sentence.text.find(")", right[1] - sentence.start)
    if opened < 0 or closed < 0 or ")" in sentence.text[opened:left[0] - sentence.start]:
        return False
    return not any(left[1] <= c.start and c.end <= right[0] for c in sentence.of("EFFECT"))


def same_segment(sub: Sub, outcome: Mention, sentence: Sentence) -> bool:
    """A substance links to an outcome of its own segment of a sentence split by a semicolon, a
    colon or a dash; an outcome in a segment naming no substance links to every substance."""
    if sub.implied or not sentence.segment_cuts:
        return True
    here = segment_of(sentence, outcome.start)
    named = {m.entry.name for m in sentence.of("SUBSTANCE") if segment_of(sentence, m.start) == here}
    return not named or sub.name in named


def distinct(sub: Sub, outcome: Mention, text: str, sentence: Sentence | None = None) -> bool:
    """A substance's own deficiency is its level, not its outcome: "magnesiumbrist" or
    "hypomagnesemi" names no magnesium claim (ICD-10 E50-E64 deficiencies, E83 mineral disorders);
    nor is another substance's deficiency the outcome of a substance talked about as a level."""
    if not sub.implied and outcome.start < outcome.end and sub.start <= outcome.start and \
            outcome.end <= sub.end and sub.end - sub.start > outcome.end - outcome.start:
        return False  # "kolesterolsænkende medicin": the outcome in a drug's name is not its claim
    if sentence is not None and not sub.implied and _describes(sentence, outcome, _token_of(sentence, sub.start)):
        return False  # "kolesterolsænkende statiner": an outcome-and-effect word describing the drug after it
    if outcome.label != "CONDITION":
        return True
    if not sub.implied and sub.start >= outcome.start and sub.end <= outcome.end:
        return False
    if not _is_deficiency(outcome):
        return True
    if sentence is not None and level_of(sentence, (sub.start, sub.end)) is not None:
        return False  # "brist på magnesium och brist på D-vitamin": two deficiencies side by side
    word = text[outcome.start:outcome.end].lower()
    stems = {s.lower()[:5] for s in (text[sub.start:sub.end], sub.name) if len(s) >= 3}
    return not any(stem in word for stem in stems)


# The classic diseases of a deficiency share its ICD-10 category but are its outcome, not a level:
# "D-vitaminmangel øger risikoen for engelsk syge" is a claim on rickets.
DEFICIENCY_DISEASES = frozenset(f"com.cond.{name}" for name in
                                ("rickets", "scurvy", "pellagra", "beriberi", "wernicke_encephalopathy"))


def _is_deficiency(condition: Mention) -> bool:
    """ICD-10 E50-E64 (deficiencies) or E83 (mineral metabolism disorders), but not the diseases
    a deficiency causes (rickets, scurvy, ...)."""
    code = (condition.entry.icd10 or [""])[0]
    return code[:1] == "E" and (50 <= int(code[1:3] or 0) <= 64 or code == "E83") and \
        condition.entry.id not in DEFICIENCY_DISEASES


def _describes(sentence: Sentence, outcome: Mention, substance_token: int) -> bool:
    """An outcome and an effect cue written as one word right before the substance ("kolesterolsænkende
    statiner", "cholesterol-lowering statins")."""
    text, base = sentence.text, sentence.start
    return any(e.token_end == substance_token and ((e.start, e.end) == (outcome.start, outcome.end)
                                                   or text[outcome.end - base:e.start - base] in ("", "-"))
               for e in sentence.of("EFFECT") if e.start >= outcome.start)


def _token_of(sentence: Sentence, start: int) -> int:
    """The token index of the mention starting at ``start`` (-1 if none does)."""
    return next((m.token_start for m in sentence.mentions if m.start == start), -1)


def described_by(sentence: Sentence, outcome: Mention | None) -> list[Mention]:
    """The disease head an organ's condition was read from ("sygdomme i nyrerne"), if any."""
    if outcome is None or outcome.label != "CONDITION":
        return []
    return [h for h in sentence.of("DISEASE_HEAD")
            if h.token_end <= outcome.token_start < h.token_end + 3 * MAX_ORGANS][-1:]


def own_level(sub: Sub, outcome: Mention) -> bool:
    """The target is the substance's own level ("magnesiumnivåerna", "serum magnesium", "Q10 levels")."""
    if outcome.label != "TARGET":
        return False
    if not sub.implied and sub.start < outcome.end and outcome.start < sub.end:
        return True
    return sub.name in (outcome.entry.name or "").split()


def level_changes(sentence: Sentence, sub: Sub, outcome: Mention) -> bool:
    """A cue says the outcome moved or stayed ("ökade", "minskar", "ändrades inte"), not only that
    it goes with something ("spelar en roll i", "påverkar")."""
    polarity, cue = polarity_of(sentence, (sub.start, sub.end), outcome)
    return cue is not None and polarity != "association"


# A condition word that names people ("fibromyalgipatienter", "astmasjuka", "hjertesvigtpatienterne").
PERSON_HEADS = re.compile(alternation("PERSON_NOUN") + "$"
                          r"|[a-zæøåäö]{4}iker(?:e|na|ne|ene|erne)?$")  # "diabetiker", "astmatikere"
# People described by a condition: "patienter med astma", "kvinder med mild migræne", "patients who have gout".
CONJOINED = re.compile(r"\s*(?:,|" + alternation("AND_OR") + r")\s+(?:\w+\s+)?")
WITH_CONDITION = re.compile(r"\s+" + alternation("WITH_CONDITION") + r"\s+(?:\w+\s+)?$", re.IGNORECASE)


def without_populations(sentence: Sentence, outcomes: list[Mention], sub: Sub) -> list[Mention]:
    """The outcomes without the conditions that only describe who was studied ("hos patienter med
    levercirros", "en studie av fibromyalgipatienter"), when the sentence links the substance to
    another condition; beside a measure only ("blodtrycket hos personer med högt blodtryck") or
    alone, the group's condition is the outcome."""
    people: list[Mention] = []
    for o in outcomes:  # "personer med ledvärk och artros": the group's conditions in a row
        if o.label == "CONDITION" and (_is_population(sentence, o) or people and CONJOINED.fullmatch(
                sentence.text, people[-1].end - sentence.start, o.start - sentence.start)):
            people.append(o)
    if not people:
        return outcomes
    others = [o for o in outcomes if o not in people and o.label == "CONDITION"  # a measure in the group
              and all(o.entry.id != p.entry.id and segment_of(sentence, o.start) == segment_of(sentence, p.start)
                      for p in people)]  # is its outcome; another part of the sentence has its own
    return [o for o in outcomes if o not in people] if others else outcomes


def _is_population(sentence: Sentence, condition: Mention) -> bool:
    word = sentence.text[condition.start - sentence.start:condition.end - sentence.start].lower()
    if PERSON_HEADS.search(word):
        return True
    before = sentence.text[:condition.start - sentence.start]
    return any(WITH_CONDITION.fullmatch(before, p.end - sentence.start) for p in sentence.of("PARTICIPANTS")
               if p.end <= condition.start)


# A drug that qualifies a condition: "statinassosierte muskelplager", "muskelsmerter ved statinbehandling".
MODIFIER_WORD = re.compile(alternation("RELATED_STEM") + r"\w*$", re.IGNORECASE)
CONDITION_BY = re.compile(r"\s+" + alternation("CONDITION_BY") + r"\s+$", re.IGNORECASE)


def modifies(sentence: Sentence, substance: tuple[int, int], outcome: Mention) -> bool:
    """The substance qualifies the condition instead of acting on it: a "-related" word right
    before it, or right after it with "ved", "under", "from"."""
    if outcome.label != "CONDITION":
        return False
    start, end = (at - sentence.start for at in substance)
    text = sentence.text
    word_end = end + len(text[end:].split(None, 1)[0]) if text[end:end + 1].strip() else end
    if MODIFIER_WORD.search(text[start:word_end]) and 0 <= outcome.start - sentence.start - word_end <= 2:
        return True  # "statinassosierte muskelplager"
    return bool(CONDITION_BY.fullmatch(text, outcome.end - sentence.start, start))


# Conditions a finding holds regardless of: "effektiv oavsett ålder, kön eller allergier".
REGARDLESS = re.compile(r"\b" + alternation("REGARDLESS") + r"\b[^.;:()]{0,60}$", re.IGNORECASE)
# A condition the people lack: "hos personer uten diabetes" (not "uten at det ble færre anfall").
WITHOUT = re.compile(r"\b" + alternation("WITHOUT") + r"\s+(?!att?\b)(?:[^\W\d_]+\s+)?$", re.IGNORECASE)
# A symptom of a disease named right after it: "värk vid artros", "smerter ved gigt", "pain in arthritis".
SYMPTOM_OF = re.compile(r"\s+" + alternation("SYMPTOM_OF") + r"\s+$", re.IGNORECASE)


# What the substance is no replacement for, or what a test finds: "ingen erstatning for diabetesbehandlingen",
# "til at påvise en blodprop".
SUBSTITUTE_FOR = re.compile(r"\b" + alternation("SUBSTITUTE_FOR") + r"\s+(?:[^\W\d_]+\s+){0,2}$", re.IGNORECASE)
DIAGNOSES = re.compile(r"\b" + alternation("DIAGNOSES") + r"\s+(?:[^\W\d_]+\s+){0,2}$", re.IGNORECASE)


def aside(sentence: Sentence, outcome: Mention) -> bool:
    """A condition that is no outcome of the sentence: in a journal's name, what a finding holds
    regardless of, one the people lack, what the substance does not replace, what a test finds,
    or a symptom named only as part of the disease after it."""
    before = sentence.text[max(0, outcome.start - sentence.start - 80):outcome.start - sentence.start]
    if ASIDE_BEFORE.search(before):
        return True
    if outcome.label != "CONDITION" or not (outcome.entry.icd10 or [""])[0].startswith("R"):
        return False
    return any(SYMPTOM_OF.fullmatch(sentence.text, outcome.end - sentence.start, c.start - sentence.start)
               for c in sentence.of("CONDITION") if c.start > outcome.end)


TITLE_BEFORE = re.compile(alternation("JOURNAL_NOUN") + r"\s+" + alternation("JOURNAL_PREP") + r"\s+(?:the\s+)?$",
                          re.IGNORECASE)
# A journal's name, "oavsett", "uten", "ingen erstatning for" or "til at påvise" right before an outcome,
# as one pattern: one search per outcome, not five.
ASIDE_BEFORE = re.compile("|".join(f"(?:{part.pattern})" for part in (TITLE_BEFORE, REGARDLESS, WITHOUT,
                                                                        SUBSTITUTE_FOR, DIAGNOSES)), re.IGNORECASE)


LOWERED_LEVEL = "com.level."
# Words that may stand between a lowering verb and the nutrient it lowers ("minskar mängden Q10",
# "reduksjon i CoQ-10", "tapper kroppen for magnesium", "lowers the body's levels of zinc").
OBJECT_WORDS = context_words("OBJECT_WORD")


def lowered_nutrients(sentence: Sentence) -> list[Mention]:
    """Nutrients a drug lowers ("Statiner minskar Q10", "omeprazol sænker magnesiumniveauet", "statins
    lower CoQ10"): the nutrient's words, as a TARGET mention of its level unless a level target
    already names them."""
    subs = sentence.of("SUBSTANCE")
    drugs = [m for m in subs if m.entry.kind == "drug"]
    if not drugs:
        return []
    cues = [c for c in sentence.of("EFFECT") if c.entry.id.endswith(".reduce")]
    targets = sentence.of("TARGET")
    found = []
    for nutrient in subs:
        if nutrient.entry.kind not in (None, "supplement") or not any(
                d.end <= c.start and c.end <= nutrient.start and _object_gap(sentence, c, nutrient)
                for d in drugs for c in cues):
            continue
        named = next((t for t in targets if t.start <= nutrient.start and nutrient.end <= t.end), None)
        found.append(named or Mention("TARGET", nutrient.start, nutrient.end, nutrient.token_start,
                                      nutrient.token_end, level_entry(nutrient.entry)))
    return found


def _object_gap(sentence: Sentence, cue: Mention, nutrient: Mention) -> bool:
    gap = sentence.text[cue.end - sentence.start:nutrient.start - sentence.start].lower().split()
    return len(gap) <= 3 and all(word in OBJECT_WORDS for word in gap)


_LEVELS: dict[str, RuleEntry] = {}


def level_entry(substance: RuleEntry) -> RuleEntry:
    """The TARGET entry of a substance's level ("coenzyme q10 level"), made once per substance."""
    if substance.id not in _LEVELS:
        key = substance.id.split(".")[2]  # "com.sub.coenzyme_q10.cased" -> "coenzyme_q10"
        _LEVELS[substance.id] = RuleEntry(id=f"{LOWERED_LEVEL}{key}", label="TARGET", patterns=["level"],
                                          name=f"{substance.name} level")
    return _LEVELS[substance.id]


# A substance that is only the measure another is compared with ("kalk i förhållande till magnesium").
RELATIVE_TO = re.compile(alternation("RELATIVE_TO") + r"\s+(?:[\w-]+\s+)?$", re.IGNORECASE)  # "sämre än vanliga antiemetika"
# What the people studied take, or what the subject is combined with: "hos personer som tar warfarin",
# "Kombinerat med antidepressiva läkemedel kan johannesört ..."; a few words may stand before the
# first substance, and others may be joined to it ("blodförtunnande läkemedel som warfarin").
TAKEN_BY = re.compile(r"\b" + alternation("TAKER") + r"\s+", re.IGNORECASE)
COMBINED_FIRST = re.compile(r"^\W*" + alternation("COMBINED_WITH") + r"\s+", re.IGNORECASE)
# ... or opening a clause joined on: "..., og kombinert med potensmidler som sildenafil kan blodtrykket falle"
COMBINED_LATER = re.compile(r"[,;]\s+(?:[^\W\d_]+\s+){0,2}" + alternation("COMBINED_WITH") + r"\s+",
                            re.IGNORECASE)  # ", og kombinert med", ", især ved samtidig brug af"
LEAD_WORDS = re.compile(r"(?:[\w-]+\s+){0,4}")
JOINED = re.compile(r"\s*,\s*|(?:\s+[\w-]+)?\s*,?\s*(?:" + alternation("AND_OR") + "|" + alternation("SUCH_AS")
                    + r")\s+(?:[\w-]+\s+)?", re.IGNORECASE)  # "digoksin, betablokkere og nitroglyserin"
LIST_COMMA = re.compile(r"\s*,\s*")

# "en antidepressiv medicin (imipramin)": the class, then its member; so is "ADHD-medisinen metylfenidat"
INSTANCE = re.compile(r"\s*\(\s*$")


def _caused_deficiency(sentence: Sentence, sub: Sub, mentions: list[Mention]) -> bool:
    """The substance is named only in a deficiency that another substance named before it causes."""
    if not any(_is_deficiency(c) and c.start <= sub.start and sub.end <= c.end for c in sentence.of("CONDITION")):
        return False
    return any(m.end <= e.start and e.end <= sub.start and m.entry.name != sub.name
               for m in mentions for e in sentence.of("EFFECT") if e.entry.polarity == "harm")


def co_medications(sentence: Sentence) -> set[tuple[int, int]]:
    """Spans of the substances that are what the people studied take, what the sentence's subject
    is combined with, or what it interacts with: the first substance a few words after a TAKER
    phrase (or an opening COMBINED_WITH phrase, or an interaction: "forstærke virkningen af"),
    and those joined to it. Worked out once per sentence (each substance asks)."""
    if sentence._co_medications is None:
        sentence._co_medications = _co_medications(sentence)
    return sentence._co_medications


def _co_medications(sentence: Sentence) -> set[tuple[int, int]]:
    subs = sorted(sentence.of("SUBSTANCE"), key=lambda m: m.start)
    found: set[tuple[int, int]] = set()
    text = sentence.text
    opening = COMBINED_FIRST.match(text)
    ends = [phrase.end() for phrase in ([opening] if opening else []) + list(COMBINED_LATER.finditer(text))
            + list(TAKEN_BY.finditer(text))]
    for at in ends + [end - sentence.start for _, end in sentence.interactions]:
        first = next((m for m in subs if m.start - sentence.start >= at), None)
        if first is None or not LEAD_WORDS.fullmatch(text, at, first.start - sentence.start):
            continue
        found.add((first.start, first.end))
        listed: list[Mention] = []  # joined by a bare comma: kept only if the list goes on to "og"/"and"
        for nxt in subs[subs.index(first) + 1:]:
            gap = text[first.end - sentence.start:nxt.start - sentence.start]
            if not JOINED.fullmatch(gap):
                break
            listed.append(nxt)
            if not LIST_COMMA.fullmatch(gap):  # "digoksin, betablokkere og nitroglyserin"
                found.update((m.start, m.end) for m in listed)
                listed = []
            first = nxt
    return found


def compared_to(sentence: Sentence, sub: Sub, mentions: list[Mention]) -> bool:
    """The substance is no subject of its own: the measure another substance is set against, or a
    drug class named just before the member it stands for."""
    if sub.implied or len({m.entry.name for m in mentions}) < 2:
        return False
    text = sentence.text
    if RELATIVE_TO.search(text, max(0, sub.start - sentence.start - 30), sub.start - sentence.start):
        return True
    taken = co_medications(sentence)
    deficiencies = {(c.start, c.end) for c in sentence.of("CONDITION")}  # "B12-mangel" names no subject
    if (sub.start, sub.end) in taken and any(m.entry.name != sub.name and (m.start, m.end) not in taken
                                             and (m.start, m.end) not in deficiencies for m in mentions):
        return True  # "hos personer som tar warfarin kan fiskolja öka blödningsrisken": fish oil's claim
    if _taken_if(sentence, sub, mentions):
        return True  # "Bruker du insulin, kan kanel gi for lavt blodsukker": cinnamon's claim
    if _caused_deficiency(sentence, sub, mentions):
        return True  # "for meget zink kan give kobbermangel": the copper deficiency is zinc's outcome
    return any(m.entry.kind == "drug" and m.start > sub.end and m.entry.name != sub.name
               and (INSTANCE.fullmatch(text, sub.end - sentence.start, m.start - sentence.start)
                    or is_class(sub.name) and not is_class(m.entry.name or "")
                    and text[sub.end - sentence.start:m.start - sentence.start] == " ")
               for m in mentions) and any(m.start == sub.start and m.entry.kind == "drug" for m in mentions)


IF_TAKING = re.compile(r"^\W*" + alternation("IF_TAKING") + r"\s+", re.IGNORECASE)


def _taken_if(sentence: Sentence, sub: Sub, mentions: list[Mention]) -> bool:
    """The substance is what an opening condition says the reader takes ("Tager du insulin, ..."), and
    another substance is named after that clause's comma; in "Tager man ginkgo sammen med warfarin,
    øges risikoen" ginkgo stays the subject."""
    opening = IF_TAKING.match(sentence.text)
    if opening is None:
        return False
    at = sub.start - sentence.start
    comma = sentence.text.find(",", opening.end())
    if comma < 0 or not opening.end() <= at < comma or not LEAD_WORDS.fullmatch(sentence.text, opening.end(), at):
        return False
    return any(m.start - sentence.start > comma and m.entry.name != sub.name for m in mentions)
