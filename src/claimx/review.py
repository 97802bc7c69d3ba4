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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

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


def fingerprint(claim: Claim) -> str:
    """A hash of what a reviewer saw: the claim's content, not its id or rule trace."""
    content = claim.model_dump_json(exclude={"id", "rule_ids", "language"})
    return hashlib.sha256(content.encode()).hexdigest()[:16]


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
               note: str | None = None) -> Decision:
        """Record a decision at once (one transaction): a crash loses nothing already decided."""
        corrections = corrections or {}
        if decision == "corrected":
            apply_corrections(claim, corrections)  # refuse corrections that make an invalid claim
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        row = (claim.id, record.source, record.doc_id, fingerprint(claim), decision,
               json.dumps(corrections, ensure_ascii=False, sort_keys=True), reviewer, note, now)
        with self._transaction():
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
                current = {c.id: fingerprint(c) for c in record.claims}
                rows = self.db.execute("SELECT claim_id, fingerprint FROM decisions WHERE source = ?",
                                       (record.source,)).fetchall()
                for claim_id, print_ in rows:
                    stale = current.get(claim_id) != print_
                    counts["stale" if stale else "current"] += 1
                    self.db.execute("UPDATE decisions SET stale = ? WHERE claim_id = ?", (int(stale), claim_id))
        return counts


def _decision(row: tuple) -> Decision:
    claim_id, source, doc_id, print_, decision, corrections, reviewer, note, decided_at, stale = row
    return Decision(claim_id, source, doc_id, print_, decision, json.loads(corrections), reviewer, note,
                    decided_at, bool(stale))


def status_of(claim: Claim, decision: Decision | None) -> str:
    """pending, accepted, rejected, corrected, or stale (decided on a claim that has since changed)."""
    if decision is None:
        return "pending"
    if decision.stale or decision.fingerprint != fingerprint(claim):
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
        return Claim.model_validate(data)
    except ValidationError as error:
        problem = error.errors()[0]
        raise ReviewError(f"invalid correction {'.'.join(map(str, problem['loc']))}: {problem['msg']}") from None


def reviewed(claim: Claim, decision: Decision | None) -> tuple[Claim, str]:
    """The claim as the reviewer left it, and its review status."""
    status = status_of(claim, decision)
    if status == "corrected" and decision is not None:
        return apply_corrections(claim, decision.corrections), status
    return claim, status
