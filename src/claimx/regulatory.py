"""May this be said, and is this dose safe? Flags from the EU health-claims register and EFSA's ULs.

claimx flags claims for a person to check; it gives no legal opinion. The rules:

- ``kind``: a benefit on an ICD-10 condition is a ``disease`` claim, or
  ``risk_reduction`` when the sentence speaks of risk ("minskar risken för",
  "lower risk of"); a benefit on a target is a ``function`` claim; anything
  else (harm, no effect, association, a dose statement) is ``none``.
- ``verdict``:
  - ``not_applicable`` for drugs and non-nutrients, and for kind ``none``;
  - ``authorised`` when a register entry for the substance covers the claim's
    outcome (any type: an Art. 13 claim such as "contributes to the reduction
    of tiredness and fatigue" covers fatigue; an Art. 14 claim covers its disease);
  - ``disease_claim`` for a food or supplement said to prevent, treat or cure
    a disease (kinds ``disease`` and ``risk_reduction``) with no entry covering it
    (Reg. (EU) 1169/2011 Art. 7(3); Reg. (EC) 1924/2006 Art. 14);
  - ``not_authorised`` for a function claim no entry covers.
- ``dose_above_ul``: a daily amount (``per`` day, or ``times_per_day``, or per
  week / 7) over the substance's UL for the population the sentence names
  (children, pregnancy; adults otherwise), in the UL's unit (IU converted for
  vitamins D and A).

The tables are data (``rules/regulatory/*.tsv``), validated at load with
errors naming the file and line.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from claimx.contexts import alternation
from claimx.errors import RuleError
from claimx.models import Claim, Regulatory, UpperLevel
from claimx.rulefiles import regulatory_files
from claimx.terms import load_concepts, table_stem

CLAIM_TYPES = ("function", "risk_reduction", "children")
POPULATIONS = ("adults", "children 1-3 years", "children 4-6 years", "children 7-10 years", "children 11-14 years",
               "adolescents 15-17 years", "infants 0-6 months", "infants 7-11 months", "pregnancy", "lactation")
NOT_NUTRIENTS = ("drug", "other")
RISK = re.compile(r"\b" + alternation("RISK_STEM") + r"\w*", re.IGNORECASE)
CHILDREN = re.compile(r"\b(?:" + alternation("CHILD_STEM") + r"\w*|" + alternation("CHILD_WORD") + r")\b", re.IGNORECASE)
PREGNANCY = re.compile(r"\b" + alternation("PREGNANCY_STEM") + r"\w*\b", re.IGNORECASE)
IU_PER_UG = {"vitamin d": 40.0, "vitamin a": 1 / 0.3}  # 1 µg vitamin D = 40 IU; 1 IU vitamin A = 0.3 µg retinol
TO_MG = {"mg": 1.0, "g": 1000.0, "ug": 0.001}


@dataclass(frozen=True)
class HealthClaim:
    """One authorised claim of the EU register."""

    id: str
    substance: str  # the canonical claimx name
    type: str
    wording: str
    conditions: str
    outcomes: frozenset[tuple[str, str]]  # ("condition" | "target", canonical name)
    source: str
    wordings: dict[str, str]
    line: int


@dataclass(frozen=True)
class Limit:
    """One EFSA tolerable upper intake level."""

    substance: str
    population: str
    ul: float
    unit: str
    basis: str
    note: str
    source: str
    year: int


def _rows(name: str, text: str, header: list[str]):
    """(line number, row dict) of a TSV table; comment lines start with ``#``."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip() and
             not line.startswith("#")]
    if not lines or lines[0][1].split("\t") != header:
        raise RuleError(f"{name}:{lines[0][0] if lines else 1}: the header must be: {chr(9).join(header)}")
    for number, line in lines[1:]:
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) != len(header):
            raise RuleError(f"{name}:{number}: {len(cells)} fields, expected {len(header)} ({', '.join(header)})")
        yield number, dict(zip(header, (c.strip() for c in cells)))


@lru_cache(maxsize=1)
def _names() -> dict[tuple[str, str], tuple[str, str | None]]:
    """(table, id) -> (canonical name, kind) of every terminology concept."""
    return {(table_stem(c.table), c.id): (c.name, c.kind) for c in load_concepts()}


def substance_kind(name: str) -> str | None:
    """The terminology kind (supplement, food, drug, other) of a canonical substance name."""
    return _kinds().get(name)


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str | None]:
    return {name: kind for (table, _), (name, kind) in _names().items() if table == "substances"}


def _substance(name: str, number: int, cell: str) -> str:
    found = _names().get(("substances", cell))
    if found is None:
        raise RuleError(f"{name}:{number}: unknown substance id {cell!r} (not in rules/terms/substances.tsv)")
    return found[0]


@lru_cache(maxsize=1)
def health_claims() -> tuple[HealthClaim, ...]:
    """The register's authorised claims (validated)."""
    files = dict(regulatory_files())
    name = "rules/regulatory/health_claims.tsv"
    header = ["id", "substance", "type", "wording_en", "conditions", "outcomes", "source", "wording_sv",
              "wording_da", "wording_nb"]
    entries, seen = [], set()
    for number, row in _rows(name, files.get(name, ""), header):
        if not row["id"] or row["id"] in seen:
            raise RuleError(f"{name}:{number}: {'duplicate' if row['id'] else 'empty'} id {row['id']!r}")
        seen.add(row["id"])
        if row["type"] not in CLAIM_TYPES:
            raise RuleError(f"{name}:{number}: type {row['type']!r} is not one of {', '.join(CLAIM_TYPES)}")
        if not row["wording_en"] or not row["source"]:
            raise RuleError(f"{name}:{number}: wording_en and source are required")
        outcomes = set()
        for item in filter(None, (o.strip() for o in row["outcomes"].split(","))):
            table, _, concept = item.partition(":")
            found = _names().get(({"condition": "conditions", "target": "targets"}.get(table, ""), concept))
            if found is None:
                raise RuleError(f"{name}:{number}: unknown outcome {item!r} (write condition:<id> or target:<id>)")
            outcomes.add((table, found[0]))
        if not outcomes:
            raise RuleError(f"{name}:{number}: no outcomes")
        wordings = {lang: row[f"wording_{lang}"] for lang in ("sv", "da", "nb") if row[f"wording_{lang}"]}
        entries.append(HealthClaim(row["id"], _substance(name, number, row["substance"]), row["type"],
                                   row["wording_en"], row["conditions"], frozenset(outcomes), row["source"],
                                   wordings, number))
    return tuple(entries)


@lru_cache(maxsize=1)
def upper_levels() -> tuple[Limit, ...]:
    """EFSA's ULs (validated)."""
    files = dict(regulatory_files())
    name = "rules/regulatory/upper_levels.tsv"
    header = ["substance", "population", "ul", "unit", "basis", "note", "source", "year"]
    limits, seen = [], set()
    for number, row in _rows(name, files.get(name, ""), header):
        substance = _substance(name, number, row["substance"])
        if row["population"] not in POPULATIONS:
            raise RuleError(f"{name}:{number}: population {row['population']!r} is not one of {', '.join(POPULATIONS)}")
        if (substance, row["population"]) in seen:
            raise RuleError(f"{name}:{number}: a second UL for {substance}, {row['population']}")
        seen.add((substance, row["population"]))
        try:
            ul, year = float(row["ul"]), int(row["year"])
        except ValueError:
            raise RuleError(f"{name}:{number}: ul must be a number and year a year") from None
        if ul <= 0 or row["unit"] not in ("mg", "ug") or row["basis"] not in ("total", "supplemental"):
            raise RuleError(f"{name}:{number}: ul > 0, unit mg or ug, basis total or supplemental")
        if not row["source"]:
            raise RuleError(f"{name}:{number}: source is required")
        limits.append(Limit(substance, row["population"], ul, row["unit"], row["basis"], row["note"], row["source"],
                            year))
    return tuple(limits)


@lru_cache(maxsize=1)
def _claims_by_substance() -> dict[str, list[HealthClaim]]:
    found: dict[str, list[HealthClaim]] = {}
    for entry in health_claims():
        found.setdefault(entry.substance, []).append(entry)
    return found


def claim_kind(claim: Claim) -> str:
    """disease, risk_reduction, function or none (see the module's rules)."""
    if claim.polarity != "benefit":
        return "none"
    if claim.condition is not None:
        return "risk_reduction" if RISK.search(claim.sentence.text) else "disease"
    return "function" if claim.target is not None else "none"


def regulatory_of(claim: Claim) -> Regulatory:
    """The register verdict and the UL check of one claim."""
    kind = claim_kind(claim)
    over = dose_above_ul(claim)
    if substance_kind(claim.substance.name) in NOT_NUTRIENTS or kind == "none":
        return Regulatory(kind=kind, verdict="not_applicable", dose_above_ul=over)
    outcome = (("condition", claim.condition.name) if claim.condition is not None
               else ("target", claim.target.name) if claim.target is not None else None)
    matches = [e.id for e in _claims_by_substance().get(claim.substance.name, []) if outcome in e.outcomes]
    if matches:
        verdict = "authorised"
    elif kind in ("disease", "risk_reduction"):
        verdict = "disease_claim"
    else:
        verdict = "not_authorised"
    return Regulatory(kind=kind, verdict=verdict, authorised=matches, dose_above_ul=over)


def population_of(sentence: str) -> tuple[str, ...]:
    """The populations whose UL applies, most protective first: the children's bands, pregnancy, or adults."""
    if CHILDREN.search(sentence):
        return tuple(p for p in POPULATIONS if p.startswith(("children", "adolescents")))
    if PREGNANCY.search(sentence):
        return ("pregnancy", "adults")
    return ("adults",)


def daily_amount(claim: Claim) -> tuple[float, str] | None:
    """The claim's largest amount per day and its unit (mg, g, ug or IU), or None if it is not a daily dose."""
    dose = claim.dose
    if dose is None or dose.unit not in ("mg", "g", "ug", "IU") or dose.per_kg:
        return None
    amount = dose.max if dose.max is not None else dose.min
    if amount is None:
        return None
    if dose.per == "day":
        return amount * (dose.times_per_day or 1), dose.unit
    if dose.per == "week":
        return amount / 7, dose.unit
    if dose.times_per_day:
        return amount * dose.times_per_day, dose.unit
    return None


@lru_cache(maxsize=1)
def _limits_by_substance() -> dict[str, dict[str, Limit]]:
    found: dict[str, dict[str, Limit]] = {}
    for limit in upper_levels():
        found.setdefault(limit.substance, {})[limit.population] = limit
    return found


def dose_above_ul(claim: Claim) -> UpperLevel | None:
    """The UL a daily dose exceeds, for the population the sentence names; None if none is exceeded."""
    limits = _limits_by_substance().get(claim.substance.name) if claim.dose is not None else None
    daily = daily_amount(claim) if limits else None
    if daily is None:
        return None
    amount, unit = daily
    for population in population_of(claim.sentence.text):
        limit = limits.get(population)
        if limit is None:
            continue
        if unit == "IU":
            per_ug = IU_PER_UG.get(claim.substance.name)
            if per_ug is None:
                return None
            amount, unit = amount / per_ug, "ug"
        value = amount * TO_MG[unit] / TO_MG[limit.unit]
        if value > limit.ul:
            return UpperLevel(dose_per_day=round(value, 6), ul=limit.ul, unit=limit.unit,  # type: ignore[arg-type]
                              population=limit.population, basis=limit.basis,  # type: ignore[arg-type]
                              note=limit.note or None, source=limit.source, year=limit.year)
        return None
    return None


def flags_of(claim: Claim) -> Regulatory:
    """The claim's flags as stored, or computed for an output written before they existed."""
    return claim.regulatory or regulatory_of(claim)


def with_regulatory(claims: list[Claim]) -> list[Claim]:
    """The claims with their ``regulatory`` flags set."""
    for claim in claims:
        claim.regulatory = regulatory_of(claim)
    return claims
