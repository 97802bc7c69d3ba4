"""Doses of a sentence as claim fields: which substance each belongs to, and its duration and route."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimx.contexts import alternation
from claimx.dose import FoundDose
from claimx.extraction.mentions import Mention, Sentence, point
from claimx.models import Dose, Magnitude

if TYPE_CHECKING:
    from claimx.extraction.claims import Sub

MAGNITUDE_RE = re.compile(r"(?P<v>\d{1,3}(?:[,.]\d{1,2})?)\s?(?P<u>mmHg|%|procent|prosent|percent)")
PERCENT_NEAR_SUBSTANCE = 20  # "10-20% mer magnesium": a percentage this close before a substance is a dose
# "av/af/of" is no link: "95 % av kreatinet i kroppen" is a share, not a dose
PERCENT_LINK = re.compile(r"\s{0,2}(?:" + alternation("PERCENT_WORD") + r"\s{1,2}){0,2}", re.I)


def split_doses(sentence: Sentence) -> tuple[list[FoundDose], list[Magnitude]]:
    """Percentages are doses only right before a substance ("10-20% mer magnesium"); else magnitudes."""
    doses, magnitudes = [], []
    subs = sentence.of("SUBSTANCE")
    for dose in sentence.doses:
        if dose.unit != "%":
            doses.append(dose)
            continue
        after = sentence.start + dose.end
        if any(0 <= s.start - after <= PERCENT_NEAR_SUBSTANCE and
               PERCENT_LINK.fullmatch(sentence.text[dose.end:s.start - sentence.start]) for s in subs):
            doses.append(dose)
        elif dose.min is not None:
            magnitudes.append(Magnitude(value=dose.max or dose.min, unit="%"))
    for match in MAGNITUDE_RE.finditer(sentence.text):
        if match["u"] == "mmHg":
            magnitudes.append(Magnitude(value=float(match["v"].replace(",", ".")), unit="mmHg"))
    return doses, magnitudes


def assign_doses(doses: list[FoundDose], subs: list[Sub], offset: int) -> dict[int, list[FoundDose]]:
    """Each dose belongs to the nearest substance mention (character gap, ties to the left)."""
    result: dict[int, list[FoundDose]] = {}
    for dose in doses:
        start, end = offset + dose.start, offset + dose.end
        nearest = min(subs, key=lambda s: (max(s.start - end, start - s.end, 0), s.start > start))
        result.setdefault(id(nearest), []).append(dose)
    return result


def dose_extras(sentence: Sentence) -> Dose | None:
    """Duration and route of a sentence, to go with its amounts ("i fyra månader", "intravenöst")."""
    routes = sentence.of("ROUTE")
    duration = next((d for d in sentence.durations if is_treatment(sentence, d)), None)
    if not routes and not duration:
        return None
    if duration:
        start, end = sentence.start + duration.start, sentence.start + duration.end
    else:
        start, end = routes[0].start, routes[0].end
    return Dose(text="", start=start, end=end, duration_days=duration.days if duration else None,
                route=routes[0].entry.route if routes else None)


MAX_TREATMENT_DAYS = 5 * 365  # "kendt i mere end 40 år" is history, not a course of treatment
SINCE = re.compile(r"\b" + alternation("SINCE") + r"\b|\b" + alternation("MORE") + r"\s+" + alternation("THAN") + r"\s*$",
                   re.I)


def treatment_extras(sentence: Sentence) -> bool:
    """Whether the sentence gives a course of treatment without an amount: a route, or a
    duration of at most five years that is no time span of history ("for 40 år siden")."""
    return (any(r.entry.route != "oral" for r in sentence.of("ROUTE"))  # "i kapselform": a form, no course
            or any(is_treatment(sentence, d) for d in sentence.durations))


def is_treatment(sentence: Sentence, duration) -> bool:
    """A duration that can be a course of treatment: at most five years, and no span of history."""
    before = sentence.text[max(0, duration.start - 16):duration.start]
    after = sentence.text[duration.end:duration.end + 12]
    return duration.days <= MAX_TREATMENT_DAYS and not SINCE.search(before) and not SINCE.search(after)


def build_dose(sentence: Sentence, text: str, found: FoundDose | None, extras: Dose | None) -> Dose | None:
    """The claim's dose: an amount with its duration and route; without an amount, the
    duration and route alone (on a claim that has an outcome), or None."""
    if found is None:
        return extras.model_copy(update={"text": text[extras.start:extras.end]}) if extras else None
    start, end = sentence.start + found.start, sentence.start + found.end
    return Dose(
        text=text[start:end], start=start, end=end, min=found.min, max=found.max,
        unit=found.unit, per=found.per, times_per_day=found.times_per_day,  # type: ignore[arg-type]
        duration_days=extras.duration_days if extras else None, route=extras.route if extras else None,
        qualifier=found.qualifier, per_kg=found.per_kg or None,  # type: ignore[arg-type]
    )


def dose_anchor(sentence: Sentence, found: FoundDose | None) -> Mention | None:
    if found is None:
        return None
    return point(sentence, sentence.start + found.start, sentence.start + found.end)
