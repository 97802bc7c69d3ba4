"""Score claimx output against gold claims, exactly as ``GOLD.md`` defines.

Scoring is mention-level and deduplicated per sentence. A gold claim's
sentence is the sentence of the document containing its ``quote``; a
predicted claim matches when its ``sentence.text`` contains that quote
(whitespace-normalised, case-insensitive) and the scored fields agree.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from claimx.errors import GoldError
from claimx.models import ArticleResult
from claimx.output import load_records

SYNONYMS = {"curcumin": "turmeric", "fish oil": "omega-3", "coq10": "coenzyme q10", "folate": "folic acid"}
UNITS = {"µg": "ug", "μg": "ug", "mcg": "ug", "IE": "IU", "iu": "IU", "ie": "IU"}


def norm_text(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def norm_substance(name: str) -> str:
    name = name.strip().lower()
    return SYNONYMS.get(name, name)


def norm_unit(unit: str | None) -> str | None:
    return UNITS.get(unit, unit) if unit else unit


def norm_number(value: float | None) -> float | None:
    return None if value is None else round(float(value), 4)


@dataclass
class Score:
    """Precision, recall and F1 of one metric, with the items behind them."""

    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp_pred += other.tp_pred
        self.n_pred += other.n_pred
        self.tp_gold += other.tp_gold
        self.n_gold += other.n_gold
        self.misses += other.misses
        self.false_positives += other.false_positives


@dataclass
class Accuracy:
    correct: int = 0
    total: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass
class Report:
    sent: Score = field(default_factory=Score)
    dose: Score = field(default_factory=Score)
    cond: Score = field(default_factory=Score)
    polarity: Accuracy = field(default_factory=Accuracy)
    certainty: Accuracy = field(default_factory=Accuracy)
    lang: Accuracy = field(default_factory=Accuracy)
    documents: int = 0
    languages: dict[str, Report] = field(default_factory=dict)  # the same scores per gold language

    def as_dict(self) -> dict:
        out: dict = {"documents": self.documents}
        for name in ("sent", "dose", "cond"):
            score: Score = getattr(self, name)
            out[name] = {"p": round(score.precision, 4), "r": round(score.recall, 4), "f1": round(score.f1, 4),
                         "pred": score.n_pred, "gold": score.n_gold}
        out["polarity_acc"] = round(self.polarity.value, 4)
        out["certainty_acc"] = round(self.certainty.value, 4)
        out["lang_acc"] = round(self.lang.value, 4)
        return out

    def line(self) -> str:
        d = self.as_dict()
        return (f"docs={d['documents']} sent_f1={d['sent']['f1']:.3f} dose_f1={d['dose']['f1']:.3f} "
                f"cond_f1={d['cond']['f1']:.3f} polarity_acc={d['polarity_acc']:.3f} "
                f"certainty_acc={d['certainty_acc']:.3f} lang_acc={d['lang_acc']:.3f}")


@dataclass
class GoldDoc:
    doc: str
    language: str
    claims: list[dict]


def load_gold(gold_dir: Path) -> list[GoldDoc]:
    """Every ``*.json`` gold file of a folder."""
    docs = []
    for path in sorted(gold_dir.glob("*.json")):
        try:
            data = json.loads(path.read_text("utf-8"))
            docs.append(GoldDoc(doc=data["doc"], language=data["language"], claims=list(data["claims"])))
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise GoldError(f"{path}: not a gold file ({error})") from None
    if not docs:
        raise GoldError(f"{gold_dir}: no gold files (*.json)")
    return docs


def load_predictions(path: Path) -> dict[str, ArticleResult]:
    """Output records keyed by the file name of their source."""
    return {Path(record.source).name: record for record in load_records(path)}


def _group_key(quote: str, sentences: list[str]) -> str:
    """The sentence containing the quote (by our segmentation), else the quote itself."""
    q = norm_text(quote)
    for sentence in sentences:
        if q in sentence:
            return sentence
    return q


def score_document(gold: GoldDoc, record: ArticleResult | None, sentences: list[str], report: Report) -> None:
    """Add one document's scores to ``report``."""
    report.documents += 1
    report.lang.total += 1
    if record is not None and record.language and record.language.code == gold.language:
        report.lang.correct += 1
    claims = record.claims if record else []
    pred_sents = {norm_text(c.sentence.text) for c in claims}
    gold_groups: dict[str, list[dict]] = {}
    for claim in gold.claims:
        gold_groups.setdefault(_group_key(claim["quote"], sentences), []).append(claim)
    quotes = {key: [norm_text(c["quote"]) for c in group] for key, group in gold_groups.items()}

    def contains(sentence: str, key: str) -> bool:
        return any(q in sentence for q in quotes[key])

    report.sent.add(_score({k: k for k in gold_groups}, {s: s for s in pred_sents},
                           lambda p, g: contains(p, g), gold.doc))
    report.dose.add(_score(_gold_doses(gold_groups), _pred_doses(claims),
                           lambda p, g: p[1:] == g[1:] and contains(p[0], g[0]), gold.doc))
    cond_gold = _gold_conds(gold_groups)
    cond_pred = _pred_conds(claims)
    report.cond.add(_score(cond_gold, cond_pred,
                           lambda p, g: p[1] == g[1] and p[2] in g[2] and contains(p[0], g[0]), gold.doc))
    _score_accuracy(cond_gold, cond_pred, gold_groups, contains, report, gold.doc)


def _score(gold: dict, pred: dict, match, doc: str) -> Score:
    score = Score(n_pred=len(pred), n_gold=len(gold))
    matched_gold = set()
    for p in pred:
        hits = [g for g in gold if match(p, g)]
        if hits:
            score.tp_pred += 1
            matched_gold.update(hits)
        else:
            score.false_positives.append(f"{doc}: {p}")
    score.tp_gold = len(matched_gold)
    score.misses = [f"{doc}: {g}" for g in gold if g not in matched_gold]
    return score


def _gold_doses(groups: dict[str, list[dict]]) -> dict:
    out = {}
    for key, group in groups.items():
        for c in group:
            d = c.get("dose")
            if d and d.get("min") is not None:
                out[(key, norm_number(d["min"]), norm_number(d["max"]), norm_unit(d["unit"]), d.get("per"))] = c
    return out


def _pred_doses(claims) -> dict:
    out = {}
    for c in claims:
        d = c.dose
        if d and d.min is not None:
            out[(norm_text(c.sentence.text), norm_number(d.min), norm_number(d.max), norm_unit(d.unit), d.per)] = c
    return out


def _gold_conds(groups: dict[str, list[dict]]) -> dict:
    out: dict = {}
    for key, group in groups.items():
        for c in group:
            if c.get("condition"):
                codes = tuple(sorted(code[:3] for code in c["condition"]["icd10"]))
                out.setdefault((key, norm_substance(c["substance"]), codes), []).append(c)
    return out


def _pred_conds(claims) -> dict:
    out: dict = {}
    for c in claims:
        if c.condition:
            out.setdefault((norm_text(c.sentence.text), norm_substance(c.substance.name), c.condition.icd10[:3]), c)
    return out


def _score_accuracy(cond_gold: dict, cond_pred: dict, groups, contains, report: Report, doc: str) -> None:
    for p, claim in cond_pred.items():
        hits = [g for g in cond_gold if p[1] == g[1] and p[2] in g[2] and contains(p[0], g[0])]
        if not hits:
            continue
        polarities = {c["polarity"] for g in hits for c in cond_gold[g]}
        certainties = {c["certainty"] for g in hits for c in cond_gold[g]}
        report.polarity.total += 1
        report.certainty.total += 1
        if claim.polarity in polarities:
            report.polarity.correct += 1
        else:
            report.polarity.errors.append(f"{doc}: {claim.polarity} not in {sorted(map(str, polarities))}: {p}")
        if claim.certainty in certainties:
            report.certainty.correct += 1
        else:
            report.certainty.errors.append(f"{doc}: {claim.certainty} not in {sorted(certainties)}: {p}")


def evaluate_sets(sets: list[tuple[str, Path, Path]], output: Path | None = None) -> dict[str, Report]:
    """Score several (name, gold folder, texts folder) sets, by name.

    With ``output``, its records are scored; without, each set's texts are
    extracted in this process first (through a temporary output file).
    """
    import tempfile

    from claimx.ingest import read_articles
    from claimx.output import atomic_writer
    from claimx.pipeline import process_all, segment_text

    reports: dict[str, Report] = {}
    for name, gold_dir, texts_dir in sets:
        key = name
        while key in reports:
            key += "'"
        if output is not None:
            reports[key] = evaluate(output, gold_dir, texts_dir, segment_text)
            continue
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "claims.jsonl"
            with atomic_writer(path) as handle:
                for result in process_all(read_articles([str(texts_dir)])):
                    handle.write(result.to_json() + "\n")
            reports[key] = evaluate(path, gold_dir, texts_dir, segment_text)
    return reports


def evaluate(output: Path, gold_dir: Path, texts_dir: Path, segment) -> Report:
    """Score an output file against a gold folder.

    Args:
        output: claimx JSONL output.
        gold_dir: folder of gold ``*.json`` files.
        texts_dir: folder with the documents the gold files name.
        segment: ``(text, lang) -> list of sentence texts``, to find the gold sentences.
    """
    predictions = load_predictions(output)
    report = Report()
    for gold in load_gold(gold_dir):
        text_path = texts_dir / gold.doc
        try:
            text = text_path.read_text("utf-8").replace("\r\n", "\n")
        except OSError as error:
            raise GoldError(f"{text_path}: cannot read the text of a gold document ({error.strerror})") from None
        sentences = [norm_text(s) for s in segment(text, gold.language)]
        record = predictions.get(gold.doc)
        score_document(gold, record, sentences, report)
        score_document(gold, record, sentences, report.languages.setdefault(gold.language, Report()))
    return report


FIELDS = (("sent", "sentences"), ("dose", "doses"), ("cond", "condition claims"))


def iter_lines(report: Report, verbose: bool, name: str | None = None, by_language: bool = False) -> Iterable[str]:
    """What ``claimx evaluate`` prints for one set: its line, a line per language, and with
    ``verbose`` the misses and false positives grouped by field."""
    label = f"{name}: " if name else ""
    yield label + report.line()
    if by_language:
        for lang in sorted(report.languages):
            yield f"{name or 'all'}/{lang}: " + report.languages[lang].line()
    if not verbose:
        return
    for key, title in FIELDS:
        score: Score = getattr(report, key)
        yield f"-- {label}{title}: {len(score.misses)} missed, {len(score.false_positives)} false positives"
        for item in score.misses:
            yield f"MISS {key}: {item}"
        for item in score.false_positives:
            yield f"FP   {key}: {item}"
    for key, accuracy in (("polarity", report.polarity), ("certainty", report.certainty)):
        yield f"-- {label}{key}: {len(accuracy.errors)} wrong of {accuracy.total}"
        for item in accuracy.errors:
            yield f"{key.upper()} {item}"
