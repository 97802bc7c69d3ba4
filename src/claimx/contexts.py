"""Context words: the closed word classes the claim-linking rules read around a mention.

``rules/<lang>/contexts.jsonl`` holds, per language, the words of each context
("med", "som har", "der lider af" between people and their condition), each
line with a stable id, validated here. The rules that read them
(:mod:`claimx.extraction.links` and its neighbours) build their regexes from
the words of every language together, as articles mix languages (an English
journal title in a Danish article), so adding a word to one file is enough.

The sentence grammar around the words (spaces, optional words, where the match
must end) stays in the code; what each context decides is in :data:`CONTEXTS`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, field_validator

from claimx.errors import RuleError
from claimx.rulefiles import context_files, validated_lines

CONTEXTS = {  # context -> where its words are read, and what they decide
    "PERSON_NOUN": "a condition word ending in one is a group of people, not an outcome (\"fibromyalgipatienter\")",
    "WITH_CONDITION": "between people and a condition, it names who was studied (\"patienter med astma\")",
    "AND_OR": "joins conditions in a row that describe the same group (\"personer med ledvärk och artros\")",
    "RELATED_STEM": "a substance word with this stem qualifies the condition after it (\"statinrelaterad värk\")",
    "CONDITION_BY": "between a condition and a substance, the substance qualifies it (\"värk vid statinbehandling\")",
    "REGARDLESS": "a condition after it is what a finding holds regardless of (\"oavsett ålder\")",
    "WITHOUT": "a condition right after it (at most one word between) is one the people lack, no outcome "
               "(\"hos personer uten diabetes\"); not before a clause (\"uten at\")",
    "SUBSTITUTE_FOR": "a condition right after it (at most two words between) is what the substance is no "
                      "replacement for, no outcome (\"ingen erstatning for diabetesbehandlingen\")",
    "DIAGNOSES": "a condition right after it (at most two words between) is what a test finds, no outcome "
                 "(\"bruger til at påvise en blodprop\"); infinitives only (\"ved påvist mangel\" is one)",
    "CLASS_OF": "between a drug and a drug class after it (one word may follow), the class is the drug's "
                "(\"Prednisolon er et kortisonpreparat\", \"tillhör gruppen triptaner\"): no other subject",
    "SYMPTOM_OF": "between a symptom and a disease, the symptom is part of the disease (\"värk vid artros\")",
    "JOURNAL_NOUN": "begins a journal's name, so a condition in it is no outcome (\"Journal of Pain\")",
    "JOURNAL_PREP": "follows a journal noun in a journal's name (\"Tidsskrift for\")",
    "OBJECT_WORD": "may stand between a lowering verb and the nutrient it lowers (\"minskar mängden Q10\")",
    "RELATIVE_TO": "a substance after it is only the measure another is set against (\"kalk i förhållande till\", "
                   "\"sämre än vanliga antiemetika\")",
    "CLAUSE_LINK": "after a comma, ends a study aim's clause (\"..., men fann\"); before a deficiency, joins "
                   "the clause it is the subject of (\"och brist kan ge\")",
    "FINDING_VERB": "ends a study aim's clause: the finding follows (\"visade\", \"fandt\")",
    "STRONGER": "before an effect noun, a stronger effect than the one just reported (\"starkare effekt\")",
    "EFFECT_NOUN": "after a STRONGER word (\"effekt\", \"virkning\")",
    "LEVEL_NOUN": "a level word with this stem may stand apart from its substance (\"brist på järn\")",
    "LEVEL_PREP": "between a level noun and its substance (\"nivåer av\", \"mangel på\")",
    "TAKER": "a substance a few words after it is what the people studied take, no subject, when another "
             "substance is (\"hos personer som tar warfarin kan fiskolja ...\")",
    "IF_TAKING": "opening a sentence (\"Bruker du insulin, ...\"), the substance a few words after it is what "
                 "the reader takes, no subject, when another substance is named after the clause's comma",
    "COMBINED_WITH": "opening a sentence, a substance a few words after it is a co-factor of the subject after "
                     "it (\"Kombinerat med antidepressiva kan johannesört ge ...\")",
    "INTERACTION_VERB": "before an EFFECT_OF phrase (up to two words between), the substance a few words after "
                        "it is a drug the subject interacts with, no subject (\"forstærke virkningen af warfarin\")",
    "EFFECT_OF": "see INTERACTION_VERB; an effect word inside the phrase is the drug's, not the claim's cue",
    "INTERACTS_WITH": "the substance a few words after it is what the subject interacts with, no subject "
                      "(\"kan interagera med warfarin\")",
    "LIGHT_CAUSE": "a harm cue that is only a verb of causing (\"kan gi\", \"føre til\"): an effect word of benefit "
                   "right after it decides (\"kan gi en beskjeden bedring\")",
    "COMPARATIVE_LESS": "right before a condition (or a CASES_OF phrase before it), with no effect word in the "
                        "sentence, the substance's group had less of it: benefit (\"mindre ledsmärta än placebo\")",
    "COMPARATIVE_MORE": "as COMPARATIVE_LESS, more of it: harm (\"fler fall av lungcancer\")",
    "CASES_OF": "between a comparative and its condition (\"fler fall av\")",
    "SUCH_AS": "joins a class and its member, both taken by the people studied (\"läkemedel som warfarin\")",
    "ABILITY_MODAL": "a hedge that is one of these, right beside a negation, denies: \"kan inte bota\" is "
                     "negated, not hedged",
    "AGE_BEFORE": "right before a number, the number is an age, not an amount (\"över 50 år\")",
    "AGE_AFTER": "right after a number, the number is an age (\"4 år gamla\", \"50 år och äldre\")",
    "RANGE_BETWEEN": "right before two amounts joined by a DOSE_PAIR word, they are the ends of one range "
                     "(\"mellan 200 och 400 mg\")",
    "DOSE_PAIR": "between two amounts sharing a unit, without a RANGE_BETWEEN word before them, it joins two "
                 "doses (\"både 150 og 600 mg\", \"200 eller 400 mg\"); a dash or \"till\" makes a range",
    "IN_BODY": "shortly before an amount, it is what the body holds, no dose (\"kroppen innehåller 25 g\")",
    "BODY_NEEDS": "right after an IN_BODY word, the amount is what the body needs, a dose (\"kroppen behöver 300 mg\")",
    "SINCE": "beside a duration, it dates something, no treatment length (\"för 10 år sedan\")",
    "MORE": "with THAN right before a duration, it is no treatment length (\"i mer än 10 år\")",
    "THAN": "see MORE",
    "PERCENT_WORD": "may stand between a percentage and its substance (\"50 % mer magnesium\")",
    "RISK_STEM": "a disease claim with a word of this stem is a risk-reduction claim (EU register)",
    "CHILD_STEM": "a claim with a word of this stem concerns children (EU register)",
    "CHILD_WORD": "a claim with this word concerns children (EU register)",
    "PREGNANCY_STEM": "a claim with a word of this stem concerns pregnancy (EU register)",
    "DEFICIENCY_NOUN": "a deficiency standing alone after its substance, before an outcome: an association "
                       "(\"D-vitamin behövs, och brist kan ge ...\")",
}

# Contexts whose words are parts of a word (an ending, a stem); the others' are whole words.
PARTS_OF_WORDS = frozenset({"PERSON_NOUN", "RELATED_STEM", "LEVEL_NOUN", "DEFICIENCY_NOUN", "AGE_AFTER", "RISK_STEM",
                            "CHILD_STEM", "PREGNANCY_STEM"})


class ContextWords(BaseModel):
    """One line of a context file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z]{2}\.context\.[a-z_]+$")
    context: str
    words: list[str] = Field(min_length=1)
    examples: list[str] = Field(default_factory=list)

    @field_validator("context")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in CONTEXTS:
            raise ValueError(f"unknown context {value!r} (known: {', '.join(CONTEXTS)})")
        return value

    @field_validator("words")
    @classmethod
    def _plain(cls, words: list[str]) -> list[str]:
        for word in words:
            if not word or word != word.strip() or word != word.lower() or "  " in word:
                raise ValueError(f"a word must be lowercase, trimmed and singly spaced: {word!r}")
        return words


def parse_context_file(name: str, text: str) -> list[ContextWords]:
    """Validate each non-blank, non-comment line; errors name the file and line."""
    return list(validated_lines(name, text, ContextWords.model_validate))


@lru_cache(maxsize=1)
def load_contexts() -> dict[str, tuple[str, ...]]:
    """Every context's words over all languages, first seen first, each once."""
    words: dict[str, dict[str, None]] = {context: {} for context in CONTEXTS}
    ids: set[str] = set()
    for name, text in context_files():
        for entry in parse_context_file(name, text):
            if entry.id in ids:
                raise RuleError(f"{name}: duplicate id {entry.id}")
            ids.add(entry.id)
            words[entry.context].update(dict.fromkeys(entry.words))
    return {context: tuple(found) for context, found in words.items()}


def context_words(context: str) -> frozenset[str]:
    """The words of ``context`` in any language."""
    return frozenset(load_contexts()[context])


def alternation(context: str) -> str:
    """A regex group matching any word of ``context`` (longest first; spaces as written)."""
    words = sorted(load_contexts()[context], key=lambda word: (-len(word), word))
    if not words:
        return "(?!)"
    return "(?:" + "|".join(re.escape(word) for word in words) + ")"
