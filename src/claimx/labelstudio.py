"""Label Studio, both ways: tasks with claimx's spans, relations and per-claim choices, the labeling
config they need, and annotations turned back into review decisions without losing anything.

A claim is shown as a substance span linked by a relation to its dose, condition
or target span. Its polarity and certainty are per-region choices on its head
region (the outcome, or the dose of a dose statement); claims that share a head
span but disagree on a choice get a region each, so every claim's values can be
seen and changed. The return trip reads, for each claim, the regions it was
exported with (by id, or by the same characters and label if the annotator drew
them again):

- both regions still there and linked, nothing changed: ``accepted``;
- a span moved or widened, or a choice changed: ``corrected`` with the new values;
- a region or the relation removed: ``rejected``.

A claim whose substance is implied (not written in its sentence) has no span
to link, so it cannot be reviewed in Label Studio: the export and the import
name these claims.
"""

from __future__ import annotations

import hashlib
import json
import typing
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from claimx import __version__
from claimx.ids import rules_version
from claimx.models import ArticleResult, Certainty, Claim, Polarity
from claimx.review import ReviewError, ReviewStore, reviewed

LABELS = {"SUBSTANCE": "#7aecec", "DOSE": "#feca74", "CONDITION": "#ff9561", "TARGET": "#c887fb"}
RELATIONS = {"DOSE": "has_dose", "CONDITION": "affects_condition", "TARGET": "affects_target"}
FIELDS = {"DOSE": "dose", "CONDITION": "condition", "TARGET": "target"}
CHOICES = {"polarity": typing.get_args(Polarity), "certainty": typing.get_args(Certainty)}
NOT_REVIEWABLE = "implied substance (no span in its sentence to link in Label Studio)"


def label_config() -> str:
    """The labeling config the tasks need (also printed in full in the README)."""
    labels = "\n".join(f'    <Label value="{name}" background="{color}"/>' for name, color in LABELS.items())
    relations = "\n".join(f'    <Relation value="{name}"/>' for name in RELATIONS.values())
    choices = []
    for name, values in CHOICES.items():
        options = "\n".join(f'      <Choice value="{value}"/>' for value in values)
        choices.append(f'    <Header value="{name} of the claim whose outcome or dose this is"/>\n'
                       f'    <Choices name="{name}" toName="text" perRegion="true" choice="single">\n'
                       f"{options}\n    </Choices>")
    return ("<View>\n  <Style>.htx-text { white-space: pre-wrap; }</Style>\n"
            f'  <Labels name="label" toName="text">\n{labels}\n  </Labels>\n'
            '  <Text name="text" value="$text"/>\n'
            f"  <Relations>\n{relations}\n  </Relations>\n"
            '  <View visibleWhen="region-selected">\n' + "\n".join(choices) + "\n  </View>\n</View>\n")


def linked_spans(claim: Claim) -> list[tuple[str, Any]]:
    spans = [("SUBSTANCE", claim.substance)] if reviewable(claim) else []
    for label, name in FIELDS.items():
        span = getattr(claim, name)
        if span is not None and span.end > span.start:
            spans.append((label, span))
    return spans


def _id(*parts: object) -> str:
    return hashlib.sha1(":".join(map(str, parts)).encode()).hexdigest()[:10]


def reviewable(claim: Claim) -> bool:
    """Label Studio can hold the claim: its substance has a span to link from."""
    return claim.substance.end > claim.substance.start


def task(record: ArticleResult, claims: list[tuple[Claim, str]]) -> dict[str, Any]:
    """A Label Studio task: the text, and claimx's spans, relations and choices as a prediction."""
    results: dict[tuple[str, str], dict] = {}
    index = []

    def region(label: str, span: Any, key: tuple = ()) -> str:
        rid = "s" + _id(span.start, span.end, label, *key)
        value = {"start": span.start, "end": span.end, "text": record.text[span.start:span.end]}
        results.setdefault((rid, "label"), {"id": rid, "from_name": "label", "to_name": "text", "type": "labels",
                                            "value": {**value, "labels": [label]}})
        for name, chosen in zip(CHOICES, key):
            if chosen is not None:
                results.setdefault((rid, name), {"id": rid, "from_name": name, "to_name": "text",
                                                 "type": "choices", "value": {**value, "choices": [chosen]}})
        return rid

    for claim, status in claims:
        if not reviewable(claim):
            index.append({"claim_id": claim.id, "status": status, "reviewable": False, "why": NOT_REVIEWABLE})
            continue
        spans = dict(linked_spans(claim))
        head = next((label for label in ("CONDITION", "TARGET", "DOSE") if label in spans), None)
        ids = {}
        for label, span in spans.items():
            key = (claim.polarity, claim.certainty) if label == head else ()
            ids[label] = region(label, span, key)
        relations = []
        for label, relation in RELATIONS.items():
            if label in ids:
                rid = "r" + _id(ids["SUBSTANCE"], ids[label], relation)
                results.setdefault((rid, "relation"), {"id": rid, "type": "relation", "from_id": ids["SUBSTANCE"],
                                                       "to_id": ids[label], "direction": "right",
                                                       "labels": [relation]})
                relations.append(rid)
        index.append({"claim_id": claim.id, "status": status, "spans": ids, "relations": relations,
                      "head": head})
    return {
        "data": {"text": record.text, "doc_id": record.doc_id, "source": record.source, "title": record.title or "",
                 "claimx_claims": index},
        "predictions": [{"model_version": f"claimx-{__version__}+{rules_version()}", "score": 1.0,
                         "result": list(results.values())}],
    }


def export_tasks(groups: Iterator[tuple[ArticleResult, list[tuple[Claim, str]]]]) -> tuple[str, list[str]]:
    """The tasks as JSON, and the ids of the claims Label Studio cannot hold."""
    tasks = [task(record, claims) for record, claims in groups]
    skipped = [e["claim_id"] for t in tasks for e in t["data"]["claimx_claims"] if e.get("reviewable") is False]
    return json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", skipped


@dataclass
class Annotation:
    """One annotation's regions (by id) and relations."""

    regions: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> start, end, text, label, choices
    links: set[tuple[str, str, str]] = field(default_factory=set)

    @classmethod
    def read(cls, results: list[dict]) -> Annotation:
        self = cls()
        for r in results:
            value = r.get("value") if isinstance(r.get("value"), dict) else {}
            if r.get("type") == "labels":
                self.regions.setdefault(str(r.get("id")), {}).update(
                    start=value.get("start"), end=value.get("end"), text=value.get("text"),
                    label=(value.get("labels") or [None])[0])
            elif r.get("type") == "choices" and r.get("from_name") in CHOICES:
                self.regions.setdefault(str(r.get("id")), {})[r["from_name"]] = (value.get("choices") or [None])[0]
        for r in results:
            if r.get("type") == "relation":
                for label in r.get("labels") or [""]:
                    self.links.add((str(r.get("from_id")), str(r.get("to_id")), label))
        return self

    def find(self, rid: str | None, span: Any, label: str) -> str | None:
        """The region exported as ``rid``, or one drawn again on the same characters with the same label."""
        if rid in self.regions and self.regions[rid].get("label") == label:
            return rid
        return next((i for i, r in self.regions.items()
                     if r.get("label") == label and (r.get("start"), r.get("end")) == (span.start, span.end)), None)


def review(annotation: Annotation, entry: dict, claim: Claim) -> tuple[str, dict[str, Any]]:
    """(decision, corrections) for one exported claim in one annotation."""
    spans = dict(linked_spans(claim))
    found = {label: annotation.find(entry.get("spans", {}).get(label), span, label) for label, span in spans.items()}
    if any(rid is None for rid in found.values()):
        return "rejected", {}
    for label, relation in RELATIONS.items():
        if label in found and (found["SUBSTANCE"], found[label], relation) not in annotation.links:
            return "rejected", {}
    corrections: dict[str, Any] = {}
    for label, rid in found.items():
        region, span = annotation.regions[rid], spans[label]
        name = "substance" if label == "SUBSTANCE" else FIELDS[label]
        if (region.get("start"), region.get("end")) != (span.start, span.end):
            corrections.update({f"{name}.start": region["start"], f"{name}.end": region["end"],
                                f"{name}.text": region.get("text")})
        if label == entry.get("head"):
            for choice in CHOICES:
                if region.get(choice) is not None and region[choice] != getattr(claim, choice):
                    corrections[choice] = region[choice]
    return ("corrected" if corrections else "accepted"), corrections


def annotator(annotation: dict, annotators: dict[str, str]) -> tuple[str | None, str | None]:
    """(the annotator's e-mail or name, the user id if only an id was found).

    Label Studio's plain JSON export gives ``completed_by`` as a user id; a snapshot
    export with ``completed_by`` expanded gives the user with its e-mail. ``annotators``
    maps ids to e-mails for plain exports (``--annotator 1=ann@example.org``).
    """
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        if who.get("email"):
            return str(who["email"]), None
        who = who.get("id")
    named = str(annotation.get("created_username") or "")
    email = next((part.strip(",") for part in named.split() if "@" in part), None)
    if email:
        return email, None
    if who is None:
        return None, None
    return annotators.get(str(who), f"label-studio user {who}"), (None if str(who) in annotators else str(who))


def import_annotations(tasks: list[dict], records: list[ArticleResult], store: ReviewStore,
                       reviewer: str | None = None, annotators: dict[str, str] | None = None) -> dict[str, Any]:
    """Turn a Label Studio JSON export back into decisions; the latest annotation of a task decides.

    Returns counts, the ids of the claims that could not be reviewed there
    (``not reviewable``) and the user ids found without an e-mail (``user ids``).
    """
    if not isinstance(tasks, list):
        raise ReviewError("a Label Studio export is a JSON list of tasks")
    claims = {c.id: (record, c) for record in records for c in record.claims}
    counts: dict[str, Any] = {"accepted": 0, "corrected": 0, "rejected": 0, "unannotated": 0,
                              "not in this output": 0, "not reviewable": [], "user ids": set()}
    for item in tasks:
        annotations = [a for a in item.get("annotations") or [] if not a.get("was_cancelled")]
        if not annotations:
            counts["unannotated"] += 1
            continue
        latest = max(annotations, key=lambda a: str(a.get("updated_at") or a.get("created_at") or ""))
        annotation = Annotation.read(latest.get("result") or [])
        who, user_id = (reviewer, None) if reviewer else annotator(latest, annotators or {})
        if user_id is not None:
            counts["user ids"].add(user_id)
        mark = f"Label Studio annotation {latest.get('id', '')} by {who or 'unknown'}".replace("  ", " ")
        for entry in (item.get("data") or {}).get("claimx_claims", []):
            found = claims.get(entry.get("claim_id"))
            if found is None:
                counts["not in this output"] += 1
                continue
            record, claim = found
            if entry.get("reviewable") is False or not reviewable(claim):
                counts["not reviewable"].append(claim.id)
                continue
            current = store.get(claim.id)
            shown, status = reviewed(claim, current)  # the claim as it was exported: earlier corrections in
            decision, corrections = review(annotation, entry, shown)
            if status == "corrected" and current is not None:
                corrections = {**current.corrections, **corrections}
            note = current.note if current is not None else None
            if not note or mark not in note:
                note = f"{note}; {mark}" if note else mark
            store.decide(claim, record, decision, corrections=None if decision == "rejected" else corrections,
                         reviewer=who, note=note)
            counts[decision] += 1
    return counts
