"""The interactive terminal review: one claim at a time, decisions saved as they are made."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import click

from claimx.models import ArticleResult, Claim
from claimx.review import Decision, ReviewError, ReviewStore, status_of

KEYS = "[a]ccept  [r]eject  [e]dit field  [n]ote  [s]kip  [b]ack  [q]uit"
STATUSES = ("pending", "accepted", "rejected", "corrected", "stale", "all")


@dataclass
class Item:
    record: ArticleResult
    claim: Claim


def claim_queue(records: list[ArticleResult], store: ReviewStore, *, status: str = "pending",
                lang: str | None = None, substance: str | None = None, kind: str | None = None) -> list[Item]:
    """The claims to review, in output order, filtered."""
    queue = []
    for record in records:
        for claim in record.claims:
            if lang and (claim.language or (record.language.code if record.language else None)) != lang:
                continue
            if substance and claim.substance.name != substance.lower():
                continue
            if kind and kind not in claim.kinds:
                continue
            if status != "all" and status_of(claim, store.get(claim.id)) != status:
                continue
            queue.append(Item(record, claim))
    return queue


def highlight(record: ArticleResult, claim: Claim) -> str:
    """The sentence with the claim's spans marked: [substance] {dose} <condition/target> (effect)."""
    s = claim.sentence
    marks = []
    for span, left, right, color in (
        (claim.substance, "[", "]", "cyan"), (claim.dose, "{", "}", "yellow"),
        (claim.condition, "<", ">", "magenta"), (claim.target, "<", ">", "magenta"),
        (claim.effect, "(", ")", "green"),
    ):
        if span is not None and span.end > span.start and s.start <= span.start and span.end <= s.end:
            marks.append((span.start - s.start, span.end - s.start, left, right, color))
    out, cursor = [], 0
    for start, end, left, right, color in sorted(marks):
        if start < cursor:
            continue  # overlapping spans: the first one is marked
        out.append(s.text[cursor:start])
        out.append(click.style(f"{left}{s.text[start:end]}{right}", fg=color, bold=True))
        cursor = end
    out.append(s.text[cursor:])
    return "".join(out)


def describe(item: Item, decision: Decision | None, index: int, total: int) -> str:
    claim = item.claim
    dose = claim.dose
    outcome = claim.condition or claim.target
    lines = [
        f"── claim {index + 1}/{total} · {item.record.source} · {status_of(claim, decision)} · {claim.id}",
        highlight(item.record, claim),
        f"  substance  {claim.substance.name}" + (f" ({claim.substance.form})" if claim.substance.form else ""),
        "  dose       " + (json.dumps(dose.model_dump(exclude={'text', 'start', 'end'}), ensure_ascii=False)
                           if dose else "-"),
        "  condition  " + (f"{claim.condition.name} [{claim.condition.icd10}]" if claim.condition
                           else f"target: {claim.target.name}" if claim.target else "-"),
        f"  polarity   {claim.polarity or '-'}    certainty {claim.certainty}",
        "  evidence   " + (f"{claim.evidence.type}" + (f", {claim.evidence.participants} participants"
                                                         if claim.evidence.participants else "")
                           if claim.evidence else "-"),
    ]
    if claim.translation is not None:
        lines.append(f"  english    {claim.translation.text}")
    if decision is not None and decision.note:
        lines.append(f"  note       {decision.note}")
    if outcome is None and dose is None:
        lines.append("  (no outcome or dose)")
    return "\n".join(lines)


def run_session(records: list[ArticleResult], store: ReviewStore, queue: list[Item], *, reviewer: str | None,
                position_key: str, prompt: Callable = click.prompt, echo: Callable = click.echo) -> dict[str, int]:
    """Review ``queue``; every decision is committed as soon as it is made.

    Returns counts of the decisions made in this session.
    """
    counts = {"accepted": 0, "rejected": 0, "corrected": 0, "notes": 0}
    if not queue:
        echo("claimx: nothing to review with these filters")
        return counts
    ids = [item.claim.id for item in queue]
    last = store.get_meta(position_key)
    index = ids.index(last) if last in ids else 0
    while 0 <= index < len(queue):
        item = queue[index]
        store.set_meta(position_key, item.claim.id)
        echo(describe(item, store.get(item.claim.id), index, len(queue)))
        key = str(prompt(KEYS, default="s", show_default=False)).strip().lower()[:1]
        if key == "q":
            break
        if key == "b":
            index = max(0, index - 1)
            continue
        if key in ("a", "r"):
            decision = "accepted" if key == "a" else "rejected"
            current = store.get(item.claim.id)
            note = current.note if current else store.get_meta(f"note:{item.claim.id}")
            store.decide(item.claim, item.record, decision, reviewer=reviewer, note=note)
            counts[decision] += 1
        elif key == "e":
            if _edit(store, item, reviewer, prompt, echo):
                counts["corrected"] += 1
            continue
        elif key == "n":
            note = str(prompt("note", default="", show_default=False))
            current = store.get(item.claim.id)
            if current is None:
                echo("claimx: decide first (a/r/e); the note is kept with the decision")
                store.set_meta(f"note:{item.claim.id}", note)
            else:
                store.decide(item.claim, item.record, current.decision, corrections=current.corrections,
                             reviewer=reviewer, note=note)
            counts["notes"] += 1
            continue
        index += 1
    else:
        echo("claimx: end of the queue")
    return counts


def _edit(store: ReviewStore, item: Item, reviewer: str | None, prompt: Callable, echo: Callable) -> bool:
    field = str(prompt("field (e.g. polarity, certainty, condition.icd10, dose.min)")).strip()
    raw = str(prompt("value (JSON, or text)"))
    try:
        value = json.loads(raw)
    except ValueError:
        value = raw
    current = store.get(item.claim.id)
    corrections = dict(current.corrections) if current and current.decision == "corrected" else {}
    corrections[field] = value
    note = current.note if current else store.get_meta(f"note:{item.claim.id}")
    try:
        store.decide(item.claim, item.record, "corrected", corrections=corrections, reviewer=reviewer, note=note)
    except ReviewError as error:
        echo(f"claimx: {error}")
        return False
    return True
