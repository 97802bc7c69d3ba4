"""One self-contained HTML report: highlighted texts (displaCy), sortable claim tables, summaries.

Article text is untrusted: displaCy escapes it, every other value goes
through ``html.escape``, and a Content-Security-Policy allows no script but
the report's own (pinned by its hash), so even a missed escape cannot run.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections import Counter

from claimx.models import ArticleResult, Claim
from claimx.review import ReviewStore, reviewed

SORT_SCRIPT = """
document.querySelectorAll('table.claims th').forEach(function (th, column) {
  th.addEventListener('click', function () {
    var table = th.closest('table'), body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var up = th.getAttribute('data-order') !== 'asc';
    rows.sort(function (a, b) {
      var x = a.cells[column].textContent, y = b.cells[column].textContent;
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      return up ? c : -c;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    th.setAttribute('data-order', up ? 'asc' : 'desc');
  });
});
"""
STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; }
h1 { margin-top: 0; } section.doc { border-top: 2px solid #ddd; margin-top: 2rem; padding-top: 1rem; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }
th, td { border: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; cursor: pointer; }
.summary { display: flex; gap: 2rem; flex-wrap: wrap; align-items: flex-start; }
.text { white-space: pre-wrap; line-height: 2.2; }
.status-accepted { background: #e5f6e5; } .status-rejected { background: #fbe3e3; }
.status-corrected { background: #fff4d6; } .status-stale { background: #eee; color: #777; }
"""
COLORS = {"SUBSTANCE": "#7aecec", "DOSE": "#feca74", "CONDITION": "#ff9561", "TARGET": "#c887fb",
          "EFFECT": "#aa9cfc"}
COLUMNS = ("#", "sentence", "substance", "form", "dose", "condition / target", "polarity", "certainty",
           "evidence", "status")


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def highlighted_text(record: ArticleResult) -> str:
    """The article text with every claim span marked, rendered by displaCy (overlaps allowed)."""
    from spacy import displacy

    from claimx.nlp import record_doc

    doc = record_doc(record.text, record.language.code if record.language else None)
    seen, spans = set(), []
    for claim in record.claims:
        for label, span in (("SUBSTANCE", claim.substance), ("DOSE", claim.dose), ("CONDITION", claim.condition),
                            ("TARGET", claim.target), ("EFFECT", claim.effect)):
            if span is None or span.end <= span.start or (span.start, span.end, label) in seen:
                continue
            seen.add((span.start, span.end, label))
            char_span = doc.char_span(span.start, span.end, label=label, alignment_mode="expand")
            if char_span is not None:
                spans.append(char_span)
    doc.spans["sc"] = spans
    return displacy.render(doc, style="span", page=False, jupyter=False, options={"colors": COLORS})


def _dose(claim: Claim) -> str:
    d = claim.dose
    if d is None:
        return ""
    amount = "" if d.min is None else (f"{d.min:g}" if d.min == d.max else f"{d.min:g}–{d.max:g}")
    parts = [f"{amount} {d.unit or ''}".strip(), f"/{d.per}" if d.per else "",
             f"×{d.times_per_day}" if d.times_per_day else "", f"{d.duration_days} d" if d.duration_days else "",
             d.route or ""]
    return " ".join(p for p in parts if p)


def _row(number: int, claim: Claim, status: str) -> str:
    outcome = (f"{claim.condition.name} [{claim.condition.icd10}]" if claim.condition
               else claim.target.name if claim.target else "")
    evidence = (claim.evidence.type + (f" (n={claim.evidence.participants})" if claim.evidence.participants else "")
                if claim.evidence else "")
    cells = (number, claim.sentence.text, claim.substance.name, claim.substance.form, _dose(claim), outcome,
             claim.polarity, claim.certainty, evidence, status)
    return f'<tr class="status-{_e(status)}" id="claim-{_e(claim.id)}">' + "".join(
        f"<td>{_e(c)}</td>" for c in cells) + "</tr>"


def _summary_table(title: str, counts: Counter[str]) -> str:
    rows = "".join(f"<tr><td>{_e(k)}</td><td>{v}</td></tr>" for k, v in counts.most_common())
    return (f'<table class="claims summary-{_e(title)}"><thead><tr><th>{_e(title)}</th><th>claims</th></tr>'
            f"</thead><tbody>{rows}</tbody></table>")


def build_report(records: list[ArticleResult], store: ReviewStore | None) -> str:
    """The whole report as one HTML string (no external resources)."""
    by_substance: Counter[str] = Counter()
    by_condition: Counter[str] = Counter()
    by_polarity: Counter[str] = Counter()
    by_status: Counter[str] = Counter()
    sections = []
    for record in records:
        if record.status != "ok":
            continue
        rows = []
        for number, original in enumerate(record.claims, start=1):
            claim, status = reviewed(original, store.get(original.id) if store else None)
            by_substance[claim.substance.name] += 1
            by_condition[claim.condition.name if claim.condition else (claim.target.name if claim.target else "-")] += 1
            by_polarity[claim.polarity or "-"] += 1
            by_status[status] += 1
            rows.append(_row(number, claim, status))
        header = "".join(f"<th>{_e(c)}</th>" for c in COLUMNS)
        sections.append(
            f'<section class="doc"><h2>{_e(record.title or record.source)}</h2>'
            f'<p class="meta">{_e(record.source)} · {_e(record.language.code if record.language else "")}'
            f" · {len(record.claims)} claims</p>"
            f'<div class="text">{highlighted_text(record)}</div>'
            f'<table class="claims"><thead><tr>{header}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
            "</section>")
    digest = base64.b64encode(hashlib.sha256(SORT_SCRIPT.encode()).digest()).decode()
    policy = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{digest}'"
    summary = "".join(_summary_table(t, c) for t, c in (("substance", by_substance), ("condition", by_condition),
                                                          ("polarity", by_polarity), ("status", by_status)))
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
            f"<title>claimx report</title><style>{STYLE}</style></head><body>"
            f"<h1>claimx report</h1><p>{sum(by_status.values())} claims in {len(sections)} documents</p>"
            f'<div class="summary">{summary}</div>{"".join(sections)}'
            f"<script>{SORT_SCRIPT}</script></body></html>")
