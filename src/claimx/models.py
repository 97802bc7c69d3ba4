"""The one schema of claimx: articles in, claims out (schema ``claimx/1``).

Every JSON record claimx writes is produced by these models, and
``claimx schema`` prints their JSON Schema.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from claimx.article import Article  # noqa: F401  (input articles are plain dataclasses)

SCHEMA_VERSION = "claimx/1"

Polarity = Literal["benefit", "harm", "no_effect", "association"]
Certainty = Literal["asserted", "hedged", "negated"]
EvidenceType = Literal["rct", "meta_analysis", "observational", "animal", "review", "anecdotal"]
Unit = Literal["mg", "g", "ug", "IU", "mmol", "%"]
Per = Literal["day", "week"]
Route = Literal["oral", "intravenous", "transdermal"]
Kind = Literal["dose", "condition", "effect"]
Status = Literal["ok", "skipped", "failed"]


class Model(BaseModel):
    """Base for all claimx models: unknown fields are an error, not silently kept."""

    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """A piece of the document: ``text == document.text[start:end]``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class SubstanceSpan(Span):
    name: str = Field(description="canonical English, lowercase: magnesium, vitamin d, ...")
    form: str | None = Field(default=None, description="chemical form: oxide, citrate, ...")


class Dose(Span):
    min: float | None = None
    max: float | None = None
    unit: Unit | None = None
    per: Per | None = None
    times_per_day: int | None = None
    duration_days: int | None = None
    route: Route | None = None
    qualifier: Literal["at_most", "at_least", "about"] | None = Field(
        default=None, description='an upper limit ("högst", "maks"), a threshold ("mindst") or an estimate ("ca.")')
    per_kg: bool | None = Field(default=None, description="true when the amount is per kg of body weight")


class ConditionSpan(Span):
    name: str
    icd10: str = Field(description="ICD-10 3-character category, e.g. G43")


class TargetSpan(Span):
    name: str = Field(description="non-disease outcome, e.g. blood pressure")


class Magnitude(Model):
    value: float
    unit: str


class Effect(Span):
    magnitude: Magnitude | None = None


class Evidence(Model):
    type: EvidenceType
    participants: int | None = None


class Translation(Model):
    text: str
    target_lang: str
    provider: Literal["deepl"] = "deepl"
    source_lang: str


class UpperLevel(Model):
    """A per-day dose over EFSA's tolerable upper intake level."""

    dose_per_day: float = Field(description="the claim's largest daily amount, in the UL's unit")
    ul: float
    unit: Literal["mg", "ug"]
    population: str = Field(description='"adults", "children 4-6 years", ...')
    basis: Literal["total", "supplemental"] = Field(
        description="supplemental: the UL covers supplements and added forms only, not food")
    note: str | None = None
    source: str
    year: int


class Regulatory(Model):
    """What EU food law says about the claim, as flags for a person to check (not a legal opinion)."""

    kind: Literal["disease", "function", "risk_reduction", "none"] = Field(
        description="disease: a benefit on an ICD-10 condition; function: on a target; none: no benefit claim")
    verdict: Literal["authorised", "disease_claim", "not_authorised", "not_applicable"]
    authorised: list[str] = Field(default_factory=list, description="ids of matching EU register entries")
    dose_above_ul: UpperLevel | None = None


class Claim(Model):
    """One atomic claim: one substance, at most one dose, one condition or target."""

    id: str
    kinds: list[Kind]
    sentence: Span
    language: str | None = Field(default=None, description="language code of the sentence")
    substance: SubstanceSpan
    dose: Dose | None = None
    condition: ConditionSpan | None = None
    target: TargetSpan | None = None
    polarity: Polarity | None = None
    effect: Effect | None = None
    certainty: Certainty = "asserted"
    evidence: Evidence | None = None
    translation: Translation | None = Field(default=None, description="machine translation of the sentence")
    rule_ids: list[str] = Field(default_factory=list)
    regulatory: Regulatory | None = Field(default=None, description="EU register and upper-level flags (optional)")


class ParagraphLanguage(Model):
    start: int
    end: int
    code: str
    confidence: float


class Language(Model):
    code: str
    confidence: float
    paragraphs: list[ParagraphLanguage] = Field(default_factory=list)


class ArticleResult(Model):
    """One output line: a document and every claim found in it."""

    schema_: Literal["claimx/1"] = Field(default=SCHEMA_VERSION, alias="schema")
    doc_id: str
    source: str
    title: str | None = None
    title_translation: Translation | None = None
    published: str | None = Field(default=None, description="publication date, where the input gives one")
    text: str
    language: Language | None = None
    status: Status
    error: str | None = None
    warnings: list[str] = Field(default_factory=list)
    rules_version: str | None = None
    claims: list[Claim] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_json(self) -> str:
        """Serialise as one JSON line, exactly as claimx writes it."""
        return self.model_dump_json(by_alias=True)


def output_json_schema() -> dict:
    """The JSON Schema of one output line (what ``claimx schema`` prints)."""
    return ArticleResult.model_json_schema(by_alias=True)
