"""The interactive terminal review: one claim at a time, decisions saved as they are made."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import click

from claimx.models import ArticleResult, Claim
from claimx.review import (
    Decision,
    ReviewError,
    ReviewStore,
    apply_corrections,
    editable_fields,
    status_of,
)

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


LEGEND = "marks: [substance]  {dose}  <condition or target>  (effect cue)"


def describe(item: Item, decision: Decision | None, index: int, total: int) -> str:
    """The claim as the reviewer left it: corrected values shown, and marked with *."""
    claim, status = item.claim, status_of(item.claim, decision)
    if decision is not None and decision.corrections and status != "stale":
        claim = apply_corrections(claim, decision.corrections)
    changed = set(decision.corrections) if decision is not None else set()

    def mark(*paths: str) -> str:
        return " *" if any(p in changed or any(c.startswith(p + ".") for c in changed) for p in paths) else ""

    dose = claim.dose
    outcome = claim.condition or claim.target
    lines = [
        f"── claim {index + 1}/{total} · {item.record.source} · {status} · {claim.id}",
        highlight(item.record, claim),
        f"  substance  {claim.substance.name}" + (f" ({claim.substance.form})" if claim.substance.form else "")
        + mark("substance"),
        "  dose       " + (json.dumps(dose.model_dump(exclude={'text', 'start', 'end'}), ensure_ascii=False)
                           if dose else "-") + mark("dose"),
        "  condition  " + (f"{claim.condition.name} [{claim.condition.icd10}]" if claim.condition
                           else f"target: {claim.target.name}" if claim.target else "-")
        + mark("condition", "target"),
        f"  polarity   {claim.polarity or '-'}{mark('polarity')}    certainty {claim.certainty}{mark('certainty')}",
        "  evidence   " + (f"{claim.evidence.type}" + (f", {claim.evidence.participants} participants"
                                                         if claim.evidence.participants else "")
                           if claim.evidence else "-") + mark("evidence"),
    ]
    if claim.translation is not None:
        lines.append(f"  english    {claim.translation.text}")
    if decision is not None and decision.note:
        lines.append(f"  note       {decision.note}")
    if changed:
        lines.append("  * corrected by " + (decision.reviewer or "a reviewer"))  # type: ignore[union-attr]
    if outcome is None and dose is None:
        lines.append("  (no outcome or dose)")
    return "\n".join(lines)


COMMANDS = {"a": "accept", "r": "reject", "e": "edit", "n": "note", "s": "skip", "b": "back", "q": "quit"}


def read_command(prompt: Callable, echo: Callable) -> str:
    """One of the command letters (or its word: "accept"); anything else is refused with a hint.

    The end of input quits, as "q" does.
    """
    while True:
        try:
            raw = str(prompt(KEYS, default="", show_default=False)).strip().lower()
        except (click.Abort, EOFError):
            return "q"
        key = next((k for k, word in COMMANDS.items() if raw in (k, word)), None)
        if key is not None:
            return key
        echo(f"claimx: {raw!r} is not a command; type one letter: " + ", ".join(
            f"{k} {word}" for k, word in COMMANDS.items()) if raw else
            "claimx: type a command letter (s skips this claim, q quits)")


def run_session(records: list[ArticleResult], store: ReviewStore, queue: list[Item], *, reviewer: str | None,
                position_key: str, prompt: Callable = click.prompt, echo: Callable = click.echo) -> dict[str, int]:
    """Review ``queue``; every decision is committed as soon as it is made.

    Returns counts of the decisions made in this session.
    """
    counts = {"accepted": 0, "rejected": 0, "corrected": 0, "notes": 0}
    if not queue:
        echo("claimx: nothing to review with these filters")
        return counts
    echo(LEGEND)
    ids = [item.claim.id for item in queue]
    last = store.get_meta(position_key)
    index = ids.index(last) if last in ids else 0
    while 0 <= index < len(queue):
        item = queue[index]
        store.set_meta(position_key, item.claim.id)
        echo(describe(item, store.get(item.claim.id), index, len(queue)))
        key = read_command(prompt, echo)
        if key == "q":
            break
        if key == "b":
            index = max(0, index - 1)
            continue
        if key in ("a", "r"):
            decision = "accepted" if key == "a" else "rejected"
            store.decide(item.claim, item.record, decision, reviewer=reviewer)  # an accepted edit stays
            counts[decision] += 1
        elif key == "e":
            if _edit(store, item, reviewer, prompt, echo):
                counts["corrected"] += 1
            continue
        elif key == "n":
            note = _ask(prompt, "note")
            if note is None:
                break
            current = store.get(item.claim.id)
            if current is None:
                echo("claimx: decide first (a/r/e); the note is kept with the decision")
                store.set_meta(f"note:{item.claim.id}", note)
            else:
                store.decide(item.claim, item.record, current.decision, reviewer=reviewer, note=note)
            counts["notes"] += 1
            continue
        index += 1
    else:
        echo("claimx: end of the queue")
    return counts


def _ask(prompt: Callable, text: str, **options) -> str | None:
    """A line of input; None at the end of input."""
    try:
        return str(prompt(text, **options))
    except (click.Abort, EOFError):
        return None


def _edit(store: ReviewStore, item: Item, reviewer: str | None, prompt: Callable, echo: Callable) -> bool:
    """Ask for a field (the allowed ones are listed) and its value (the allowed values are listed)."""
    fields = {f.path: f for f in editable_fields()}
    echo("fields: " + ", ".join(fields))
    path = (_ask(prompt, "field") or "").strip()
    if path not in fields:
        if path:
            echo(f"claimx: {path!r} is not a field; choose one of the fields listed")
        return False
    field = fields[path]
    if field.kind == "choice":
        echo(f"{path}: one of " + ", ".join(field.choices) + (", or none" if field.optional else ""))
    else:
        echo(f"{path}: a {field.kind}" + (", or none" if field.optional else ""))
    raw = _ask(prompt, "value")
    if raw is None:
        return False
    value = _parse(raw.strip(), field.kind)
    current = store.get(item.claim.id)
    corrections = dict(current.corrections) if current else {}
    corrections[path] = value
    try:
        store.decide(item.claim, item.record, "corrected", corrections=corrections, reviewer=reviewer)
    except ReviewError as error:
        echo(f"claimx: {error}")
        return False
    return True


def _parse(raw: str, kind: str):
    """A typed value: JSON as before ('"harm"', 400), or plain text; "none" or "null" clears the field."""
    if raw.lower() in ("none", "null", ""):
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return raw
    if kind in ("text", "choice") and not isinstance(value, str):
        return raw  # "400" as a substance name stays text
    return value
