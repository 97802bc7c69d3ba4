"""Doses in running text: "400–500 mg dagligen", "170 mg 2ggr per dag i 6,5 månader".

The words (units, "per dag", number words, duration units) come from the
``doses.jsonl`` rule files; this module compiles them into a few regular
expressions per language. Every quantifier is bounded and no group nests an
unbounded repeat, so the patterns run in linear time on hostile input.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from claimx.contexts import alternation
from claimx.rules import RuleEntry, load_entries

# Scandinavian numbers group thousands with "." or a space and use "," for decimals
# ("219.224", "43 833", "6,5"); English groups with "," and uses "." ("25,871", "1.5").
NUMBER = r"\d{1,3}(?:[ \u00a0.]\d{3})+(?![\d,])|\d{1,9}(?:[.,]\d{1,6})?"
NUMBER_EN = r"\d{1,3}(?:[,\u00a0 ]\d{3})+(?![\d.])|\d{1,9}(?:\.\d{1,6})?"
THOUSANDS = {"en": ","}
DASH = r"\s{{0,3}}(?:[-–—]|\b(?:{words})\b)\s{{0,3}}"
WINDOW_AFTER = 45
WINDOW_BEFORE = 150
AGE_WORDS = re.compile(alternation("AGE_BEFORE") + r"\W*$|^\W*" + alternation("AGE_AFTER"), re.I)


@dataclass(frozen=True)
class FoundDose:
    """A dose found in a sentence; offsets are relative to the searched text."""

    start: int
    end: int
    min: float | None
    max: float | None
    unit: str | None
    per: str | None = None
    times_per_day: int | None = None
    rule_ids: tuple[str, ...] = ()
    qualifier: str | None = None
    per_kg: bool = False


@dataclass(frozen=True)
class FoundDuration:
    start: int
    end: int
    days: int
    rule_id: str


def _alternation(words: list[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(word) for word in ordered)


@dataclass
class DoseGrammar:
    """The compiled dose patterns of one language."""

    dose: re.Pattern[str]
    per_after: list[tuple[re.Pattern[str], RuleEntry]]
    per_before: list[tuple[re.Pattern[str], RuleEntry]]
    times: re.Pattern[str]
    duration: re.Pattern[str]
    units: dict[str, RuleEntry]
    numbers: dict[str, float]
    durations: dict[str, RuleEntry]
    glued: re.Pattern[str]
    times_id: str = ""
    qualifiers: list[tuple[re.Pattern[str], RuleEntry]] | None = None


def _word_re(pattern: str) -> re.Pattern[str]:
    left = r"(?<![^\W_])" if pattern[:1].isalnum() else ""
    right = r"(?![^\W_])" if pattern[-1:].isalnum() else ""
    body = re.escape(pattern).replace("/", r"/\s?", 1) if pattern.startswith("/") else re.escape(pattern)
    return re.compile(left + body + right, re.I)  # "/dygn" also as "/ dygn"


CONCENTRATION = r"(?!\s?/\s?(?:l|dl|ml|liter|litre)(?![^\W\d_]))"  # "mmol/l", "mg/dl": a blood value


@lru_cache(maxsize=None)
def grammar(lang: str) -> DoseGrammar:
    """Compile the dose vocabulary of ``lang`` (cached per process)."""
    entries = load_entries(lang)[0].values()
    by_label: dict[str, list[RuleEntry]] = {}
    for entry in entries:
        by_label.setdefault(entry.label, []).append(entry)
    units = {p.lower(): e for e in by_label.get("UNIT", []) for p in e.patterns}
    numbers = {}
    for entry in by_label.get("NUMBER", []):
        for pattern in entry.patterns:
            word, _, value = pattern.rpartition("=")
            numbers[word.lower()] = float(value)
    range_words = [p for e in by_label.get("RANGE", []) for p in e.patterns]
    number_words = _alternation(list(numbers))
    number = NUMBER_EN if THOUSANDS.get(lang) == "," else NUMBER
    amount = f"(?:{number}|(?<![^\\W\\d_])(?:{number_words})(?![^\\W\\d_]))" if numbers else f"(?:{number})"
    dash = DASH.format(words=_alternation(range_words) or "(?!)")
    unit_alt = _alternation(list(units))
    # "400 mg", "400–500 mg", and a dose table's row "75 | mg"; not a concentration ("0,7 mmol/l")
    dose = re.compile(
        rf"(?<![\w.,])(?P<a>{amount})(?:{dash}(?P<b>{amount}))?\s{{0,2}}(?:[|\t]\s{{0,2}})?"
        rf"(?P<unit>{unit_alt})(?![^\W\d_]){CONCENTRATION}",
        re.I,
    )
    qualifiers = [(re.compile(r"(?<![^\W_])" + re.escape(p) + r"\W{0,3}$", re.I), e)
                  for e in by_label.get("QUALIFIER", []) for p in sorted(e.patterns, key=len, reverse=True)]
    per_after, per_before = [], []
    for entry in by_label.get("PER", []):
        target = per_before if entry.direction == "forward" else per_after
        target.extend((_word_re(p), entry) for p in entry.patterns)
    times_entries = by_label.get("TIMES", [])
    times_words = _alternation([p for e in times_entries for p in e.patterns])
    day_words = _alternation([p.lstrip("/") for e in by_label.get("PER", []) if e.name == "day" for p in e.patterns])
    multiples = {p.rpartition("=")[0].lower(): float(p.rpartition("=")[2])
                 for e in by_label.get("TIMES_WORD", []) for p in e.patterns}
    times = re.compile(
        rf"(?<![\w.,])(?:(?P<n>\d{{1,2}}|{number_words or '(?!)'})\s{{0,2}}(?:{times_words or '(?!)'})\.?"
        rf"|(?P<m>{_alternation(list(multiples)) or '(?!)'}))\s{{0,2}}"
        rf"(?:(?:per|om|i|pr\.?|a|/)\s{{0,2}})?(?:dagen|dag|dygnet|døgnet|døgn|dygn|{day_words})",
        re.I,
    )
    numbers = {**numbers, **multiples}
    durations = {p.lower(): e for e in by_label.get("DURATION", []) for p in e.patterns}
    cues = _alternation([p for e in by_label.get("DURATION_CUE", []) for p in e.patterns])
    duration = re.compile(
        rf"(?:(?<![^\W_])(?P<cue>{cues or '(?!)'})\s{{1,3}})?(?<![\w.,])(?P<n>{NUMBER}|{number_words or '(?!)'})"
        rf"\s{{0,2}}-?(?P<unit>{_alternation(list(durations))})(?![^\W_])",
        re.I,
    )
    glued = re.compile(rf"(?<![^\W_])(?P<n>{number_words})(?P<unit>{_alternation(list(durations))})", re.I)
    grammar_ = DoseGrammar(
        dose=dose,
        per_after=per_after,
        per_before=per_before,
        times=times,
        duration=duration,
        units=units,
        numbers=numbers,
        durations=durations,
        glued=glued,
        times_id=times_entries[0].id if times_entries else "",
        qualifiers=qualifiers,
    )
    return grammar_


@lru_cache(maxsize=None)
def quantity_screen(lang: str) -> re.Pattern[str]:
    """A regex that finds something in every text where :func:`find_doses` or :func:`find_durations` do.

    Every dose ends in "amount unit" and every duration in "number [-]unit" or
    "numberunit", an amount ending in a digit or a number word. The screen
    keeps the unit's right boundary and the number word's left one, and drops
    the look-behind before an amount, which depends on where a sentence begins.
    """
    g = grammar(lang)
    words = _alternation(list(g.numbers)) or "(?!)"
    units = _alternation(list(g.units)) or "(?!)"
    durations = _alternation(list(g.durations)) or "(?!)"
    return re.compile(
        rf"(?:\d|(?<![^\W\d_])(?:{words}))\s{{0,2}}(?:[|\t]\s{{0,2}})?-?"
        rf"(?:(?:{units})(?![^\W\d_])|(?:{durations})(?![^\W_]))"
        rf"|(?<![^\W_])(?:{words})(?:{durations})",
        re.I,
    )


def parse_number(text: str, numbers: dict[str, float] | None = None, lang: str = "sv") -> float | None:
    """A number as written in ``lang``: "6,5", "219.224", "43 833", "fyra"; in English "25,871", "1.5"."""
    word = text.strip().lower()
    if numbers and word in numbers:
        return numbers[word]
    compact = word.replace("\u00a0", " ")
    if THOUSANDS.get(lang) == ",":
        if re.fullmatch(r"\d{1,3}(?:[, ]\d{3})+", compact):
            compact = compact.replace(" ", "").replace(",", "")
    elif re.fullmatch(r"\d{1,3}(?:[ .]\d{3})+", compact):
        compact = compact.replace(" ", "").replace(".", "")
    compact = compact.replace(",", ".")
    try:
        value = float(compact)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def expand_range(low: float, high: float, low_text: str, high_text: str) -> float:
    """ "2-300 mg" means 200-300: a short first number shares the second's magnitude."""
    if not (low_text.isdigit() and high_text.isdigit()) or low >= high:
        return low
    scale = 10 ** (len(high_text) - len(low_text))
    if scale > 1 and high % scale == 0 and low * scale <= high:
        return low * scale
    return low


# re.IGNORECASE and str.lower() agree on every character up to U+024F except three: "İ" lowercases
# to two characters, and "ı" and "ſ" match "i" and "s". In a text of the others, lowercase words
# are found case-sensitively in the lowercased text exactly where the case-insensitive pattern
# finds them in the text (tests/test_speed_identity.py checks every pair of such characters).
BEYOND_CASE_SAFE = re.compile("[^\u0000-\u012f\u0132-\u017e\u0180-\u024f]")


class WordScreen:
    """Whether a text holds one of some words, in any case: ``re.search(words, text, re.I)``,
    ten times faster on Latin text (1 µs against 10 on a sentence), where the pattern
    runs case-sensitively on the lowercased text and Python's regex engine can skip ahead
    to a word's first letter; other texts get the case-insensitive pattern."""

    def __init__(self, words: list[str]) -> None:
        lowered = [word.lower() for word in words]
        if BEYOND_CASE_SAFE.search("".join(lowered)):
            raise ValueError(f"a screen word is beyond Latin letters: {lowered}")
        alternation = _alternation(lowered) or "(?!)"
        self._lower = re.compile(alternation)
        self._any_case = re.compile(alternation, re.I)

    def search(self, text: str) -> bool:
        if BEYOND_CASE_SAFE.search(text):
            return self._any_case.search(text) is not None
        return self._lower.search(text.lower()) is not None


@lru_cache(maxsize=None)
def duration_screen(lang: str) -> WordScreen:
    """The duration units alone: every duration holds one, and four sentences in five have none,
    so :func:`find_durations` skips its two full patterns there."""
    return WordScreen(list(grammar(lang).durations))


def find_doses(text: str, lang: str) -> list[FoundDose]:
    """Every amount-with-unit in ``text`` (one sentence), with per-day and times-per-day."""
    g = grammar(lang)  # (no unit screen first: the units "g", "%", "ie" are everywhere, the amount is not)
    found = []
    for match in g.dose.finditer(text):
        low = parse_number(match["a"], g.numbers, lang)
        high = parse_number(match["b"], g.numbers, lang) if match["b"] else low
        if low is None or high is None:
            continue
        if match["b"]:
            low = expand_range(low, high, match["a"].strip(), match["b"].strip())
        if high < low:
            low, high = high, low
        unit_entry = g.units[match["unit"].lower()]
        per, times, ids = _find_per(text, match.start(), match.end(), g)
        times_before = TIMES_BEFORE.search(text[max(0, match.start() - 8):match.start()])
        if times_before and times is None:
            times, per = int(times_before["n"]), per or "day"
        qualifier = _qualifier(text[max(0, match.start() - QUALIFIER_WINDOW):match.start()], g)
        dose = FoundDose(
            start=match.start(), end=match.end(), min=_clean(low), max=_clean(high),
            unit=unit_entry.name, per=per, times_per_day=times,
            rule_ids=(unit_entry.id, *ids, *((qualifier[1],) if qualifier else ())),
            qualifier=qualifier[0] if qualifier else None,
            per_kg=bool(PER_KG.match(text, match.end())),
        )
        found.extend(_pair(dose, match, text, g, lang) if match["b"] else [dose])
    return _shared_per([d for d in found if not IN_BODY.search(text[max(0, d.start - 30):d.start])], text)


PAIR_WORD = re.compile(r"\s{1,3}" + alternation("DOSE_PAIR") + r"\s{1,3}", re.I)
RANGE_BETWEEN = re.compile(r"(?<![^\W_])" + alternation("RANGE_BETWEEN") + r"\s{1,3}$", re.I)


def _pair(dose: FoundDose, match: re.Match[str], text: str, g: DoseGrammar, lang: str) -> list[FoundDose]:
    """Two amounts joined by "og"/"och"/"eller" are two doses of the shared unit ("både 150 og 600 mg",
    "200 eller 400 mg"), unless "mellem"/"between" or "fra"/"from" opens a range before them."""
    if not PAIR_WORD.fullmatch(text, match.end("a"), match.start("b")) or \
            RANGE_BETWEEN.search(text, max(0, match.start() - 12), match.start()):
        return [dose]
    first, second = parse_number(match["a"], g.numbers, lang), parse_number(match["b"], g.numbers, lang)
    return [replace(dose, end=match.end("a"), min=_clean(first), max=_clean(first)),
            replace(dose, start=match.start("b"), min=_clean(second), max=_clean(second))]


IN_BODY = re.compile(r"\b" + alternation("IN_BODY") + r"\b(?!\s+" + alternation("BODY_NEEDS") + r"\b)[^.;]{0,20}$", re.I)
SHARED_PER_GAP = 90  # "350 mg og 280 mg ... 325 mg pr. dag": a per phrase ends the amounts listed before it


def _shared_per(found: list[FoundDose], text: str) -> list[FoundDose]:
    """An amount without "per" takes that of the next amount in the same clause ("50 µg D-vitamin,
    1 g omega-3 ... varje dag"); amounts in the body ("kroppen indeholder 24 g") are no doses."""
    result = list(found)
    for index in range(len(result) - 2, -1, -1):
        dose, after = result[index], result[index + 1]
        between = text[dose.end:after.start]
        if dose.per is None and after.per and after.start - dose.end <= SHARED_PER_GAP and not re.search(r"[;:]", between):
            result[index] = replace(dose, per=after.per)
    for index in range(1, len(result)):  # "1,1 mg per dag for kvinner og 1,4 mg for menn": the same per
        before, dose = result[index - 1], result[index]
        if dose.per is None and before.per and dose.start - before.end <= SHARED_PER_GAP:
            between = text[before.end:dose.start]
            group = PARALLEL_GROUP.match(text, dose.end)
            if group and not re.search(r"[,;:\d]", between) and PAIR_WORD.search(between) and \
                    re.search(rf"(?<!\w){group[1]}\s", between, re.I):
                result[index] = replace(dose, per=before.per)
    return result


# the same preposition after both amounts: "1,1 mg per dag for kvinner og 1,4 mg for menn" (two groups)
PARALLEL_GROUP = re.compile(r"\s{1,3}(for|för|hos|til|till|to|among|blandt|blant|bland|ved|vid)\s", re.I)


TIMES_BEFORE = re.compile(r"(?<![\w.,])(?P<n>[1-9])\s?[x×]\s?$")  # "2 x 200 mg"
PER_KG = re.compile(r"\s{0,2}(?:/|per|pr\.?|pro)\s{0,2}(?:kg|kilo)", re.I)  # "25 mg/kg"
QUALIFIER_WINDOW = 24


def _qualifier(before: str, g: DoseGrammar) -> tuple[str, str] | None:
    """ "högst 300 mg" -> at_most, "mindst 10 µg" -> at_least, "ca. 400 mg" -> about."""
    for regex, entry in g.qualifiers or ():
        if regex.search(before):
            return entry.name or "", entry.id
    return None


def _clean(value: float) -> float:
    return int(value) if value == int(value) and abs(value) < 1e15 else value


def _find_per(text: str, start: int, end: int, g: DoseGrammar) -> tuple[str | None, int | None, tuple[str, ...]]:
    after = text[end : end + WINDOW_AFTER]
    cut = re.search(r"(?<![^\W\d_])\d{2,}|[;:!?]|\.\s+(?=[A-ZÅÄÖÆØ])|\s(?:och|og|and|eller)\s+\d", after)
    if cut and not g.times.match(after.lstrip(" ,")):
        after = after[: cut.start()] if cut.start() > 0 else after[:0]
    times = g.times.search(text[end : end + WINDOW_AFTER])
    if times and times.start() < 25:
        count = parse_number(times["n"] or times["m"], g.numbers)
        if count and 1 <= count <= 24:
            return "day", int(count), (g.times_id,)
    best = None
    for regex, entry in g.per_after:
        hit = regex.search(after)
        if hit and (best is None or hit.start() < best[0]):
            best = (hit.start(), entry)
    if best:
        return best[1].name, None, (best[1].id,)
    before = text[max(0, start - WINDOW_BEFORE) : start]
    for regex, entry in g.per_before:
        if regex.search(before):
            return entry.name, None, (entry.id,)
    return None, None, ()


def find_durations(text: str, lang: str) -> list[FoundDuration]:
    """Treatment durations: "i 8 veckor" (56), "6,5 månader" (195), "sexmånadersstudie" (180)."""
    if not duration_screen(lang).search(text):
        return []
    g = grammar(lang)
    found = []
    for match in g.duration.finditer(text):
        number = parse_number(match["n"], g.numbers, lang)
        entry = g.durations[match["unit"].lower()]
        if number is None or number <= 0 or number > 1000 or _is_age(text, match, entry):
            continue
        found.append(FoundDuration(match.start(), match.end(), round(number * (entry.value or 1)), entry.id))
    for match in g.glued.finditer(text):
        number = parse_number(match["n"], g.numbers)
        entry = g.durations[match["unit"].lower()]
        if number:
            found.append(FoundDuration(match.start(), match.end(), round(number * (entry.value or 1)), entry.id))
    return sorted(found, key=lambda d: d.start)


def _is_age(text: str, match: re.Match[str], entry: RuleEntry) -> bool:
    """ "personer över 65 år" is an age, not a treatment duration."""
    if (entry.value or 0) < 365:
        return False
    before = text[max(0, match.start() - 12) : match.start() + len(match["cue"] or "")]
    return bool(AGE_WORDS.search(before) or AGE_WORDS.search(text[match.end() : match.end() + 12]))
