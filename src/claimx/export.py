"""Exports with review decisions applied: flat JSONL/CSV/parquet (the columns of :mod:`claimx.dataset`),
Label Studio and Prodigy.

Offsets are Python code-point indices into the record's text (newlines are
already LF), which is what current Label Studio stores; every exported span
satisfies ``text[start:end] == span text``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from claimx.dataset import NAMES, csv_cells, typed
from claimx.ids import rules_version
from claimx.labelstudio import linked_spans
from claimx.models import SCHEMA_VERSION, ArticleResult, Claim
from claimx.regulatory import flags_of
from claimx.review import ReviewError, ReviewStore, reviewed


def reviewed_claims(records: Iterable[ArticleResult], store: ReviewStore | None,
                    only: str | None = None) -> Iterator[tuple[ArticleResult, Claim, str, Any]]:
    """(record, claim as reviewed, status, decision); rejected claims are left out.

    ``only="accepted"`` keeps accepted and corrected claims only.
    """
    for record in records:
        if record.status != "ok":
            continue
        for original in record.claims:
            decision = store.get(original.id) if store else None
            claim, status = reviewed(original, decision)
            if status == "rejected" or (only == "accepted" and status not in ("accepted", "corrected")):
                continue
            yield record, claim, status, decision


def flat_row(record: ArticleResult, claim: Claim, status: str, decision: Any) -> dict[str, Any]:
    """One claim as a flat dict in the columns and types of :mod:`claimx.dataset`."""
    row: dict[str, Any] = {
        "schema": SCHEMA_VERSION, "rules_version": record.rules_version or rules_version(),
        "doc_id": record.doc_id, "source": record.source, "title": record.title,
        "language": claim.language or (record.language.code if record.language else None),
        "claim_id": claim.id, "status": status, "reviewer": decision.reviewer if decision else None,
        "note": decision.note if decision else None, "kinds": list(claim.kinds),
        "sentence": claim.sentence.text, "sentence_start": claim.sentence.start, "sentence_end": claim.sentence.end,
        "substance": claim.substance.name, "form": claim.substance.form, "substance_text": claim.substance.text,
        "substance_start": claim.substance.start, "substance_end": claim.substance.end,
        "polarity": claim.polarity, "certainty": claim.certainty,
        "evidence": claim.evidence.type if claim.evidence else None,
        "participants": claim.evidence.participants if claim.evidence else None,
        "rule_ids": list(claim.rule_ids),
    }
    d = claim.dose
    row.update({"dose_text": d.text if d else None, "dose_start": d.start if d else None,
                "dose_end": d.end if d else None, "dose_min": d.min if d else None, "dose_max": d.max if d else None,
                "dose_unit": d.unit if d else None, "dose_per": d.per if d else None,
                "times_per_day": d.times_per_day if d else None, "duration_days": d.duration_days if d else None,
                "route": d.route if d else None, "dose_qualifier": d.qualifier if d else None,
                "per_kg": d.per_kg if d else None})
    c, t, e = claim.condition, claim.target, claim.effect
    row.update({"condition": c.name if c else None, "icd10": c.icd10 if c else None,
                "condition_text": c.text if c else None, "condition_start": c.start if c else None,
                "condition_end": c.end if c else None, "target": t.name if t else None,
                "target_text": t.text if t else None, "target_start": t.start if t else None,
                "target_end": t.end if t else None, "effect_text": e.text if e else None,
                "magnitude_value": e.magnitude.value if e and e.magnitude else None,
                "magnitude_unit": e.magnitude.unit if e and e.magnitude else None})
    flags = flags_of(claim)
    over = flags.dose_above_ul
    row.update({"regulatory_kind": flags.kind, "verdict": flags.verdict, "authorised": flags.authorised,
                "dose_above_ul": over is not None, "ul": over.ul if over else None,
                "ul_unit": over.unit if over else None, "ul_population": over.population if over else None})
    return typed(row)


def export_jsonl(records, store, only=None) -> str:
    return "".join(json.dumps(flat_row(*item), ensure_ascii=False) + "\n"
                   for item in reviewed_claims(records, store, only))


def export_csv(records, store, only=None) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=NAMES, lineterminator="\n")
    writer.writeheader()
    for item in reviewed_claims(records, store, only):
        writer.writerow(csv_cells(flat_row(*item)))
    return out.getvalue()


def export_parquet(records, store, only=None) -> bytes:
    """The flat rows as one parquet file, typed by :func:`claimx.dataset.arrow_schema`."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ReviewError("--format parquet needs pyarrow: pip install 'claimx[parquet]'") from None
    from claimx.dataset import arrow_schema

    rows = [flat_row(*item) for item in reviewed_claims(records, store, only)]
    table = pa.Table.from_pylist(rows, schema=arrow_schema())
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


def _grouped(records, store, only) -> Iterator[tuple[ArticleResult, list[tuple[Claim, str]]]]:
    current, claims = None, []
    for record, claim, status, _ in reviewed_claims(records, store, only):
        if current is not None and record is not current:
            yield current, claims
            claims = []
        current = record
        claims.append((claim, status))
    if current is not None:
        yield current, claims


def label_studio_export(records, store, only=None) -> tuple[str, list[str]]:
    """Label Studio tasks as JSON, and the ids of the claims it cannot hold (implied substances)."""
    from claimx.labelstudio import export_tasks

    return export_tasks(_grouped(records, store, only))


def export_label_studio(records, store, only=None) -> str:
    return label_studio_export(records, store, only)[0]


def _stable_hash(*parts: str) -> int:
    """A signed 32-bit hash like Prodigy's (prodigy.util.set_hashes is not open source)."""
    value = int.from_bytes(hashlib.blake2b("\x00".join(parts).encode(), digest_size=4).digest(), "big")
    return value - (1 << 32) if value >= 1 << 31 else value


def prodigy_task(record: ArticleResult, claims: list[tuple[Claim, str]]) -> dict[str, Any]:
    """A Prodigy spans+relations task; ``token_end`` is inclusive, as Prodigy wants."""
    from claimx.nlp import record_doc

    doc = record_doc(record.text, record.language.code if record.language else None)
    tokens = [{"text": t.text, "start": t.idx, "end": t.idx + len(t.text), "id": t.i, "ws": bool(t.whitespace_)}
              for t in doc]
    spans: dict[tuple[int, int, str], dict] = {}
    relations = []
    for claim, _ in claims:
        found = {}
        for label, span in linked_spans(claim):
            aligned = doc.char_span(span.start, span.end, alignment_mode="expand")
            if aligned is None or span.end <= span.start:
                continue
            item = {"start": aligned.start_char, "end": aligned.end_char, "token_start": aligned.start,
                    "token_end": aligned.end - 1, "label": label}
            spans.setdefault((item["start"], item["end"], label), item)
            found[label] = item
        for label, relation in (("DOSE", "has_dose"), ("CONDITION", "affects_condition"),
                                ("TARGET", "affects_target")):
            if "SUBSTANCE" in found and label in found:
                head, child = found["SUBSTANCE"], found[label]
                relations.append({"head": head["token_end"], "child": child["token_end"], "label": relation,
                                  "head_span": head, "child_span": child})
    task = {"text": record.text, "tokens": tokens, "spans": sorted(spans.values(), key=lambda s: s["start"]),
            "relations": relations, "meta": {"source": record.source, "doc_id": record.doc_id},
            "answer": "accept", "_view_id": "relations"}
    task["_input_hash"] = _stable_hash(record.text)
    task["_task_hash"] = _stable_hash(record.text, json.dumps(task["spans"]), json.dumps(relations))
    return task


def export_prodigy(records, store, only=None) -> str:
    return "".join(json.dumps(prodigy_task(record, claims), ensure_ascii=False) + "\n"
                   for record, claims in _grouped(records, store, only))


EXPORTERS = {"jsonl": export_jsonl, "csv": export_csv, "parquet": export_parquet,
             "label-studio": export_label_studio, "prodigy": export_prodigy}
