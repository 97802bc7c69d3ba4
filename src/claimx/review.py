"""Review decisions: a SQLite store beside the output, and applying decisions to claims.

Decisions are keyed by the claim id, which depends only on the article's
source and the claim's own sentence, so re-running claimx keeps them. Each
decision remembers a fingerprint of the claim it was made on: when that
claim disappears or changes (an edited sentence, new rules), the decision is
flagged ``stale`` instead of being dropped or silently applied. Every
decision ever made is also kept in an append-only history.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from claimx.errors import ClaimxError
from claimx.models import ArticleResult, Claim
from claimx.output import default_store_path, load_records  # noqa: F401  (review commands use these)

DecisionKind = Literal["accepted", "rejected", "corrected"]
SCHEMA = """
CREATE TABLE IF NOT EXISTS decisions (
    claim_id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected', 'corrected')),
    corrections TEXT NOT NULL DEFAULT '{}',
    reviewer TEXT,
    note TEXT,
    decided_at TEXT NOT NULL,
    stale INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS history (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id TEXT NOT NULL,
    source TEXT NOT NULL,
    decision TEXT NOT NULL,
    corrections TEXT NOT NULL,
    reviewer TEXT,
    note TEXT,
    decided_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


class ReviewError(ClaimxError):
    """A review store or a correction cannot be used."""


class ReviewConflict(ReviewError):
    """The claim was decided by someone else since this reviewer saw it."""


SPAN_FIELDS = ("sentence", "substance", "dose", "condition", "target", "effect")


def fingerprint(claim: Claim) -> str:
    """A hash of what a reviewer saw: the claim's own content, not its id, rule trace or place.

    Offsets count from the claim's sentence, so an edit elsewhere in the article
    (a word added in an earlier paragraph) leaves the decision current.
    """
    data = claim.model_dump(exclude={"id", "rule_ids", "language", "regulatory"})  # regulatory: derived flags
    base = claim.sentence.start
    for name in SPAN_FIELDS:
        span = data.get(name)
        if span is not None:
            span["start"] -= base
            span["end"] -= base
    content = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(content.encode()).hexdigest()[:16]


def _absolute_fingerprint(claim: Claim) -> str:
    """The fingerprint stores made before offsets counted from the sentence; matched and upgraded."""
    content = claim.model_dump_json(exclude={"id", "rule_ids", "language", "regulatory"})
    return hashlib.sha256(content.encode()).hexdigest()[:16]


def is_current(decision: Decision, claim: Claim) -> bool:
    """The decision was made on this claim as it is now."""
    return decision.fingerprint == fingerprint(claim) or decision.fingerprint == _absolute_fingerprint(claim)


@dataclass(frozen=True)
class Decision:
    claim_id: str
    source: str
    doc_id: str
    fingerprint: str
    decision: DecisionKind
    corrections: dict[str, Any]
    reviewer: str | None
    note: str | None
    decided_at: str
    stale: bool


OPEN_TIMEOUT = 30  # seconds a reviewer waits for another one holding the store


class ReviewStore:
    """Decisions in SQLite: WAL mode and a busy timeout, so several reviewers can work at once."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        deadline = time.monotonic() + OPEN_TIMEOUT
        while True:
            db = None
            try:
                db = sqlite3.connect(self.path, timeout=OPEN_TIMEOUT, isolation_level=None)
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=FULL")
                db.execute(f"PRAGMA busy_timeout={OPEN_TIMEOUT * 1000}")
                db.executescript(SCHEMA)
                self.db = db
                return
            except sqlite3.DatabaseError as error:
                if db is not None:
                    db.close()
                # Switching a new store to WAL needs it alone, and SQLite reports a concurrent
                # opener as "locked" at once instead of waiting: try again, within the timeout.
                if "locked" in str(error) and time.monotonic() < deadline:
                    time.sleep(0.02)
                    continue
                raise ReviewError(f"{self.path}: not a usable review store ({error})") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> ReviewStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def decide(self, claim: Claim, record: ArticleResult, decision: DecisionKind, *,
               corrections: dict[str, Any] | None = None, reviewer: str | None = None,
               note: str | None = None, expected: int | None = None) -> Decision:
        """Record a decision at once (one transaction): a crash loses nothing already decided.

        ``corrections`` and ``note`` left as None keep what the claim already has, so
        accepting a claim after editing it keeps the edits (the decision is then
        ``corrected``: accepted with corrections), and a note survives later decisions.
        A rejection keeps the corrections too, for a later change of mind.
        ``expected`` is the claim's :meth:`version` the reviewer saw: if the claim was
        decided since, :class:`ReviewConflict` is raised and nothing is written.
        """
        with self._transaction():  # what the claim has is read in the same transaction that writes
            self._check(claim.id, expected)
            current = self.get(claim.id)
            if corrections is None:
                corrections = dict(current.corrections) if current is not None else {}
            if note is None:
                note = current.note if current is not None else self.get_meta(f"note:{claim.id}")
            if decision in ("accepted", "corrected"):
                decision = "corrected" if corrections else "accepted"
            if corrections:
                apply_corrections(claim, corrections)  # refuse corrections that make an invalid claim
            now = datetime.now(timezone.utc).isoformat(timespec="seconds")
            row = (claim.id, record.source, record.doc_id, fingerprint(claim), decision,
                   json.dumps(corrections, ensure_ascii=False, sort_keys=True), reviewer, note, now)
            self.db.execute(
                "INSERT INTO decisions (claim_id, source, doc_id, fingerprint, decision, corrections, reviewer,"
                " note, decided_at, stale) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"
                " ON CONFLICT(claim_id) DO UPDATE SET source=excluded.source, doc_id=excluded.doc_id,"
                " fingerprint=excluded.fingerprint, decision=excluded.decision, corrections=excluded.corrections,"
                " reviewer=excluded.reviewer, note=excluded.note, decided_at=excluded.decided_at, stale=0", row)
            self.db.execute(
                "INSERT INTO history (claim_id, source, decision, corrections, reviewer, note, decided_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)", (row[0], row[1], row[4], row[5], row[6], row[7], row[8]))
        return self.get(claim.id)  # type: ignore[return-value]

    def _transaction(self):
        store = self

        class Transaction:
            def __enter__(self) -> None:
                store.db.execute("BEGIN IMMEDIATE")

            def __exit__(self, kind, *rest) -> None:
                store.db.execute("ROLLBACK" if kind else "COMMIT")

        return Transaction()

    def version(self, claim_id: str) -> int:
        """A number that changes with every decision on the claim (0: never decided)."""
        row = self.db.execute("SELECT MAX(seq) FROM history WHERE claim_id = ?", (claim_id,)).fetchone()
        return row[0] or 0

    def _check(self, claim_id: str, expected: int | None) -> None:
        if expected is None or self.version(claim_id) == expected:
            return
        row = self.db.execute("SELECT decision, reviewer, decided_at FROM history WHERE claim_id = ?"
                              " ORDER BY seq DESC LIMIT 1", (claim_id,)).fetchone()
        decision, reviewer, when = row if row else ("changed", None, "")
        raise ReviewConflict(f"claim {claim_id} was {decision} by {reviewer or 'another reviewer'} at {when}"
                             " since you loaded it; reload to see the current decision, then decide again")

    def undo(self, claim: Claim, record: ArticleResult, *, reviewer: str | None = None,
             expected: int | None = None) -> Decision | None:
        """Take back the claim's latest decision: the one before it is restored (or none).

        The undo is itself kept in the history (as ``undone``), so nothing is lost;
        repeated undos step further back.
        """
        with self._transaction():
            self._check(claim.id, expected)
            rows = self.db.execute("SELECT decision, corrections, reviewer, note, decided_at FROM history"
                                   " WHERE claim_id = ? ORDER BY seq", (claim.id,)).fetchall()
            stack: list[tuple] = []
            for row in rows:
                if row[0] == "undone":
                    if stack:
                        stack.pop()
                else:
                    stack.append(row)
            if not stack:
                raise ReviewError(f"claim {claim.id} has no decision to undo")
            stack.pop()
            now = datetime.now(timezone.utc).isoformat(timespec="seconds")
            self.db.execute("INSERT INTO history (claim_id, source, decision, corrections, reviewer, note, decided_at)"
                            " VALUES (?, ?, 'undone', '{}', ?, NULL, ?)", (claim.id, record.source, reviewer, now))
            if not stack:
                self.db.execute("DELETE FROM decisions WHERE claim_id = ?", (claim.id,))
            else:
                decision, corrections, who, note, when = stack[-1]
                self.db.execute("UPDATE decisions SET decision = ?, corrections = ?, reviewer = ?, note = ?,"
                                " decided_at = ?, fingerprint = ?, stale = 0 WHERE claim_id = ?",
                                (decision, corrections, who, note, when, fingerprint(claim), claim.id))
        return self.get(claim.id)

    def history(self, claim_id: str) -> list[tuple[str, dict[str, Any], str | None, str | None, str]]:
        """(decision, corrections, reviewer, note, decided_at) of every decision on the claim, oldest first."""
        return [(d, json.loads(c), r, n, t) for d, c, r, n, t in self.db.execute(
            "SELECT decision, corrections, reviewer, note, decided_at FROM history WHERE claim_id = ? ORDER BY seq",
            (claim_id,))]

    def get(self, claim_id: str) -> Decision | None:
        row = self.db.execute("SELECT * FROM decisions WHERE claim_id = ?", (claim_id,)).fetchone()
        return _decision(row) if row else None

    def all(self) -> Iterator[Decision]:
        for row in self.db.execute("SELECT * FROM decisions ORDER BY source, decided_at"):
            yield _decision(row)

    def history_count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM history").fetchone()[0]

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                        (key, value))

    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def reconcile(self, records: Iterable[ArticleResult]) -> dict[str, int]:
        """Flag decisions whose claim vanished or changed; un-flag those that are current again.

        Only sources present in ``records`` are judged; decisions on other
        sources are left as they are.
        """
        counts = {"current": 0, "stale": 0}
        with self._transaction():
            for record in records:
                if record.status != "ok":
                    continue
                claims = {c.id: c for c in record.claims}
                rows = self.db.execute("SELECT claim_id, fingerprint FROM decisions WHERE source = ?",
                                       (record.source,)).fetchall()
                for claim_id, print_ in rows:
                    claim = claims.get(claim_id)
                    now = fingerprint(claim) if claim is not None else None
                    if claim is not None and print_ != now and print_ == _absolute_fingerprint(claim):
                        print_ = now  # a store from before relative offsets: upgrade it
                    stale = now != print_
                    counts["stale" if stale else "current"] += 1
                    self.db.execute("UPDATE decisions SET stale = ?, fingerprint = ? WHERE claim_id = ?",
                                    (int(stale), print_, claim_id))
        return counts


def _decision(row: tuple) -> Decision:
    claim_id, source, doc_id, print_, decision, corrections, reviewer, note, decided_at, stale = row
    return Decision(claim_id, source, doc_id, print_, decision, json.loads(corrections), reviewer, note,
                    decided_at, bool(stale))


def status_of(claim: Claim, decision: Decision | None) -> str:
    """pending, accepted, rejected, corrected, or stale (decided on a claim that has since changed)."""
    if decision is None:
        return "pending"
    if decision.stale or not is_current(decision, claim):
        return "stale"
    return decision.decision


def apply_corrections(claim: Claim, corrections: dict[str, Any]) -> Claim:
    """The claim with corrected fields ("polarity", "condition.icd10", "dose.min", ...), validated."""
    data = claim.model_dump()
    for path, value in corrections.items():
        target = data
        *parents, last = path.split(".")
        for key in parents:
            if not isinstance(target.get(key), dict):
                raise ReviewError(f"cannot correct {path!r}: {key!r} is empty in this claim")
            target = target[key]
        if last not in target:
            raise ReviewError(f"cannot correct {path!r}: no such field")
        target[last] = value
    try:
        corrected = Claim.model_validate(data)
    except ValidationError as error:
        problem = error.errors()[0]
        raise ReviewError(f"invalid correction {'.'.join(map(str, problem['loc']))}: {problem['msg']}") from None
    if corrected.regulatory is not None and corrections:
        from claimx.regulatory import regulatory_of

        corrected.regulatory = regulatory_of(corrected)  # the flags follow the corrected fields
    return corrected


def reviewed(claim: Claim, decision: Decision | None) -> tuple[Claim, str]:
    """The claim as the reviewer left it, and its review status."""
    status = status_of(claim, decision)
    if status == "corrected" and decision is not None:
        return apply_corrections(claim, decision.corrections), status
    return claim, status


@dataclass(frozen=True)
class EditableField:
    """A claim field a reviewer may correct: its path and the values it takes."""

    path: str
    kind: str  # "choice", "number", "integer", "text" or "boolean"
    choices: tuple[str, ...] = ()
    optional: bool = False


EDITABLE = ("substance", "dose", "condition", "target", "polarity", "effect", "certainty", "evidence")
NOT_EDITABLE = {"text", "start", "end", "magnitude"}  # spans are re-drawn in a span editor, not typed


@lru_cache(maxsize=1)
def editable_fields() -> tuple[EditableField, ...]:
    """Every correctable field, read from the schema (so the review screens and the schema never disagree)."""
    def leaf(path: str, annotation: Any) -> EditableField | None:
        args = typing.get_args(annotation)
        optional = type(None) in args
        inner = [a for a in args if a is not type(None)] if typing.get_origin(annotation) in (
            typing.Union, types.UnionType) else [annotation]
        kind = inner[0] if len(inner) == 1 else None
        if typing.get_origin(kind) is Literal:
            return EditableField(path, "choice", tuple(typing.get_args(kind)), optional)
        names = {float: "number", int: "integer", str: "text", bool: "boolean"}
        return EditableField(path, names[kind], (), optional) if kind in names else None

    fields: list[EditableField] = []
    for name in EDITABLE:
        info = Claim.model_fields[name]
        model = next((a for a in (typing.get_args(info.annotation) or (info.annotation,))
                      if isinstance(a, type) and issubclass(a, BaseModel)), None)
        if model is None:
            found = leaf(name, info.annotation)
            if found:
                fields.append(found)
            continue
        for sub, sub_info in model.model_fields.items():
            if sub not in NOT_EDITABLE:
                found = leaf(f"{name}.{sub}", sub_info.annotation)
                if found:
                    fields.append(found)
    return tuple(fields)
