"""``claimx serve``: review claims in the browser, on the same SQLite store as ``claimx review``.

A small Flask app (server-rendered Jinja2 pages, one static script, no Node
build step, nothing fetched from the network). Every decision is committed at
once through :class:`claimx.review.ReviewStore`, with its history; a decision
on a claim that changed since the page was loaded is refused. Article text is
escaped (Jinja2 autoescaping and :func:`claimx.report.highlighted_text`), every
POST carries a CSRF token, and the Content-Security-Policy allows only the
app's own script and style.
"""

from __future__ import annotations

import secrets
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import Flask, abort, flash, redirect, render_template, request, session, url_for
from markupsafe import Markup

from claimx.models import ArticleResult, Claim
from claimx.regulatory import flags_of
from claimx.report import claim_spans, highlighted_text
from claimx.review import (
    EditableField,
    ReviewError,
    ReviewStore,
    apply_corrections,
    editable_fields,
    load_records,
    reviewed,
)

FILTERS = ("status", "language", "substance", "polarity", "certainty", "kind", "evidence", "verdict", "above_ul")
POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self';"
          " base-uri 'none'; frame-ancestors 'none'")


@dataclass
class Row:
    """One claim as the pages show it: the claim as reviewed, its status and its decision."""

    index: int
    record: ArticleResult
    original: Claim
    claim: Claim
    status: str
    decision: Any
    version: int

    def value(self, name: str) -> str:
        claim = self.claim
        if name == "status":
            return self.status
        if name == "language":
            return claim.language or (self.record.language.code if self.record.language else "")
        if name == "substance":
            return claim.substance.name
        if name == "polarity":
            return claim.polarity or "none"
        if name == "certainty":
            return claim.certainty
        if name == "evidence":
            return claim.evidence.type if claim.evidence else "none"
        if name in ("verdict", "above_ul"):
            flags = flags_of(claim)
            return flags.verdict if name == "verdict" else ("yes" if flags.dose_above_ul else "no")
        return ""

    def matches(self, wanted: dict[str, str], search: str) -> bool:
        for name, value in wanted.items():
            if name == "kind":
                if value not in self.claim.kinds:
                    return False
            elif self.value(name) != value:
                return False
        return not search or search in self.claim.sentence.text.lower() or search in self.claim.substance.name


def create_app(output: Path, store_path: Path, reviewer: str | None = None) -> Flask:
    """The review app for one claimx output and its review store."""
    app = Flask(__name__)
    app.config.update(SECRET_KEY=secrets.token_hex(32), SESSION_COOKIE_SAMESITE="Strict",
                      SESSION_COOKIE_HTTPONLY=True, MAX_CONTENT_LENGTH=1 << 20)
    records = load_records(output)
    fields = editable_fields()
    with ReviewStore(store_path) as db:  # the records do not change while the app runs: flag stale decisions once
        db.reconcile(records)

    def store() -> ReviewStore:
        return ReviewStore(store_path)

    def rows_of(db: ReviewStore, record_index: int | None = None) -> list[Row]:
        rows = []
        for index, record in enumerate(records):
            if record.status != "ok" or (record_index is not None and index != record_index):
                continue
            for original in record.claims:
                decision = db.get(original.id)
                claim, status = reviewed(original, decision)
                rows.append(Row(index, record, original, claim, status, decision, db.version(original.id)))
        return rows

    def wanted() -> tuple[dict[str, str], str]:
        chosen = {name: request.args[name] for name in FILTERS if request.args.get(name)}
        return chosen, request.args.get("q", "").strip().lower()

    @app.before_request
    def csrf() -> None:
        session.setdefault("csrf", secrets.token_urlsafe(32))
        session.setdefault("reviewer", reviewer or "")
        if request.method == "POST" and not secrets.compare_digest(request.form.get("csrf", ""), session["csrf"]):
            abort(400, "missing or wrong CSRF token: reload the page")

    @app.after_request
    def headers(response):
        response.headers["Content-Security-Policy"] = POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        return response

    @app.get("/favicon.ico")
    def favicon():
        return "", 204

    @app.get("/")
    def corpus():
        chosen, search = wanted()
        with store() as db:
            rows = rows_of(db)
        options = {name: Counter(r.value(name) for r in rows) for name in FILTERS if name != "kind"}
        options["kind"] = Counter(k for r in rows for k in r.claim.kinds)
        documents = []
        for index, record in enumerate(records):
            mine = [r for r in rows if r.index == index]
            shown = [r for r in mine if r.matches(chosen, search)]
            if record.status == "ok" and (shown or not (chosen or search)):
                documents.append((index, record, Counter(r.status for r in mine), len(shown)))
        statuses = Counter(r.status for r in rows)
        done = sum(n for s, n in statuses.items() if s in ("accepted", "rejected", "corrected"))
        skipped = [r for r in records if r.status != "ok"]
        return render_template("corpus.html", documents=documents, options=options, chosen=chosen,
                               search=search, statuses=statuses, total=len(rows), done=done, skipped=skipped,
                               filters=FILTERS, output=output)

    @app.get("/doc/<int:index>")
    def document(index: int):
        if not 0 <= index < len(records) or records[index].status != "ok":
            abort(404)
        record = records[index]
        chosen, search = wanted()
        with store() as db:
            rows = [r for r in rows_of(db, index) if r.matches(chosen, search)]
            history = {r.original.id: db.history(r.original.id) for r in rows}
        text = Markup(highlighted_text(record.text, claim_spans([r.claim for r in rows])))
        later = [i for i, r in enumerate(records) if r.status == "ok" and i > index]
        return render_template("document.html", record=record, index=index, rows=rows, text=text,
                               fields=fields, history=history, chosen=chosen, search=search,
                               next_index=later[0] if later else None, query=request.query_string.decode())

    @app.get("/claims")
    def groups():
        from claimx.groups import group_claims

        verdict = request.args.get("verdict") or None
        above = request.args.get("above_ul") == "yes"
        with store() as db:
            found = [g.row() for g in group_claims(records, db)]
        shown = [g for g in found if (verdict is None or g["verdicts"].get(verdict)) and (not above or g["above_ul"])]
        verdicts = sorted({v for g in found for v in g["verdicts"]})
        return render_template("groups.html", groups=shown, total=len(found), verdicts=verdicts, verdict=verdict,
                               above=above)

    @app.post("/claim/<claim_id>")
    def decide(claim_id: str):
        found = next(((i, r, c) for i, r in enumerate(records) for c in r.claims if c.id == claim_id), None)
        if found is None:
            abort(404)
        index, record, claim = found
        action = request.form.get("action", "")
        who = request.form.get("reviewer", "").strip() or session.get("reviewer") or None
        session["reviewer"] = who or ""
        expected = int(request.form.get("version", "0") or 0)
        note = (request.form.get("note") or "").strip()  # empty: the claim keeps its note
        try:
            with store() as db:
                if action in ("accept", "reject"):
                    db.decide(claim, record, "accepted" if action == "accept" else "rejected", reviewer=who,
                              note=note or None, expected=expected)
                elif action == "edit":
                    corrections = _corrections(claim, request.form, fields)
                    current = db.get(claim.id)
                    if corrections == (current.corrections if current else {}) and not note:
                        raise ReviewError("nothing changed: edit a field, or accept the claim as it is")
                    db.decide(claim, record, "corrected", corrections=corrections, reviewer=who,
                              note=note or None, expected=expected)
                elif action == "undo":
                    db.undo(claim, record, reviewer=who, expected=expected)
                else:
                    abort(400, f"unknown action {action!r}")
        except ReviewError as error:
            flash(str(error), "error")
        back = url_for("document", index=index) + (("?" + request.form["query"]) if request.form.get("query") else "")
        return redirect(back + f"#claim-{claim_id}", code=303)

    app.jinja_env.globals.update(csrf_token=lambda: session.get("csrf", ""), current_reviewer=lambda: session.get(
        "reviewer", ""), field_value=_field_value, filter_url=_filter_url)
    return app


def _field_value(claim: Claim, path: str) -> Any:
    target: Any = claim
    for part in path.split("."):
        target = getattr(target, part, None)
        if target is None:
            return None
    return target


def _filter_url(endpoint: str, chosen: dict[str, str], search: str, **values: Any) -> str:
    args = {**chosen, **({"q": search} if search else {})}
    return url_for(endpoint, **values, **args)


def _corrections(claim: Claim, form, fields: list[EditableField]) -> dict[str, Any]:
    """The fields the form changes, typed, against the claim as claimx found it (so earlier edits that
    the form still shows stay corrections); validated by the schema before anything is stored."""
    corrections: dict[str, Any] = {}
    for field in fields:
        name = f"field:{field.path}"
        if name not in form:
            continue
        raw = form[name].strip()
        value: Any
        if raw == "":
            value = None
        elif field.kind == "number":
            try:
                value = float(raw)
            except ValueError:
                raise ReviewError(f"{field.path}: {raw!r} is not a number") from None
        elif field.kind == "integer":
            try:
                value = int(raw)
            except ValueError:
                raise ReviewError(f"{field.path}: {raw!r} is not a whole number") from None
        elif field.kind == "boolean":
            value = {"true": True, "false": False}.get(raw.lower())
        else:
            value = raw
        if value != _field_value(claim, field.path):
            corrections[field.path] = value
    apply_corrections(claim, corrections)  # the same pydantic models decide what is valid
    return corrections


def serve(output: Path, store_path: Path, host: str, port: int, reviewer: str | None) -> None:
    """Run the app until interrupted (Werkzeug's threaded server: enough for a few reviewers on one machine)."""
    from werkzeug.serving import make_server

    server = make_server(host, port, create_app(output, store_path, reviewer), threaded=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
