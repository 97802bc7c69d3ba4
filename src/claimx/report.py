"""One self-contained HTML report: the source texts with inline highlights, sortable and
filterable claim tables, reviewer notes, summaries, and the articles that were skipped or failed.

The text is shown exactly as in the record: every character, no added spaces
(displaCy's renderer joins tokens with spaces, so it is not used here). Article
text is untrusted: every value goes through ``html.escape``, and a
Content-Security-Policy allows no script but the report's own (pinned by its
hash), so even a missed escape cannot run.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections import Counter
from itertools import pairwise

from claimx.models import ArticleResult, Claim
from claimx.regulatory import flags_of
from claimx.review import Decision, ReviewStore, reviewed

SCRIPT = """
document.querySelectorAll('table.sortable').forEach(function (table) {
  table.querySelectorAll('thead th').forEach(function (th) {
    th.addEventListener('click', function () {
      var column = th.cellIndex, body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var up = th.getAttribute('data-order') !== 'asc';
      rows.sort(function (a, b) {
        var x = a.cells[column].textContent, y = b.cells[column].textContent;
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
        return up ? c : -c;
      });
      rows.forEach(function (row) { body.appendChild(row); });
      table.querySelectorAll('thead th').forEach(function (other) { other.removeAttribute('data-order'); });
      th.setAttribute('data-order', up ? 'asc' : 'desc');
    });
  });
});
var filters = document.querySelectorAll('#filters select, #filters input');
function applyFilters() {
  var wanted = {}, search = '';
  filters.forEach(function (f) {
    if (f.name === 'q') { search = f.value.toLowerCase(); } else if (f.value) { wanted[f.name] = f.value; }
  });
  var shown = 0;
  document.querySelectorAll('tr.group').forEach(function (row) {
    row.hidden = (wanted.verdict && row.getAttribute('data-verdicts').split(' ').indexOf(wanted.verdict) < 0)
      || (wanted.above_ul === 'yes' && row.getAttribute('data-above-ul') !== 'yes');
  });
  document.querySelectorAll('tr.claim').forEach(function (row) {
    var ok = Object.keys(wanted).every(function (k) { return row.getAttribute('data-' + k) === wanted[k]; })
      && (!search || row.textContent.toLowerCase().indexOf(search) >= 0);
    row.hidden = !ok;
    if (ok) { shown += 1; }
  });
  document.querySelectorAll('section.doc').forEach(function (section) {
    section.hidden = section.querySelector('tr.claim:not([hidden])') === null && section.querySelector('tr.claim') !== null;
  });
  document.getElementById('shown').textContent = shown;
}
filters.forEach(function (f) { f.addEventListener('input', applyFilters); });
applyFilters();
"""
STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #222; max-width: 80rem; }
h1 { margin-top: 0; } section.doc { border-top: 2px solid #ddd; margin-top: 2rem; padding-top: 1rem; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 0.9rem; }
th, td { border: 1px solid #ccc; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
table.sortable th { background: #f3f3f3; cursor: pointer; }
th[data-order=asc]::after { content: " ▲"; } th[data-order=desc]::after { content: " ▼"; }
.summary { display: flex; gap: 2rem; flex-wrap: wrap; align-items: flex-start; }
.text { white-space: pre-wrap; line-height: 1.6; max-width: 60rem; }
mark { padding: 0 1px; border-radius: 2px; color: inherit; }
mark.SUBSTANCE { background: #7aecec; } mark.DOSE { background: #feca74; }
mark.CONDITION { background: #ff9561; } mark.TARGET { background: #c887fb; } mark.EFFECT { background: #aa9cfc; }
mark.nested { box-shadow: inset 0 -2px 0 #333; }
.legend mark { margin-right: 0.5rem; }
#filters { padding: 0.5rem 0; border-bottom: 1px solid #ddd; }
#filters label { margin-right: 1rem; }
nav.toc ol { columns: 2; }
.status-accepted { background: #e5f6e5; } .status-rejected { background: #fbe3e3; }
.status-corrected { background: #fff4d6; } .status-stale { background: #eee; color: #777; }
"""
LABELS = ("SUBSTANCE", "DOSE", "CONDITION", "TARGET", "EFFECT")
COLUMNS = ("#", "sentence", "substance", "form", "dose", "condition / target", "polarity", "certainty",
           "evidence", "verdict", "status", "note")
FILTERS = ("status", "language", "substance", "polarity", "certainty", "verdict", "above_ul")
GROUP_COLUMNS = ("substance", "condition / target", "polarity", "articles", "mentions", "certainty", "evidence",
                 "verdicts", "doses over UL", "first published", "last published")


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def claim_spans(claims: list[Claim]) -> list[tuple[int, int, str]]:
    """The distinct (start, end, label) spans of the claims: substance, dose, outcome and effect cue."""
    seen: set[tuple[int, int, str]] = set()
    for claim in claims:
        for label, span in zip(LABELS, (claim.substance, claim.dose, claim.condition, claim.target, claim.effect)):
            if span is not None and span.end > span.start:
                seen.add((span.start, span.end, label))
    return sorted(seen)


def highlighted_text(text: str, spans: list[tuple[int, int, str]]) -> str:
    """``text`` exactly, escaped, with each span wrapped in ``<mark>``.

    Overlapping spans are cut at every boundary: a piece covered by two spans is
    coloured by the innermost (shortest) one and underlined, so nothing is hidden.
    """
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for start, end in pairwise(cuts):
        piece = _e(text[start:end])
        covering = [(e - s, label) for s, e, label in spans if s <= start and end <= e]
        if not covering:
            out.append(piece)
            continue
        covering.sort()
        label = covering[0][1]
        names = " · ".join(sorted({lab.lower() for _, lab in covering}))
        nested = " nested" if len(covering) > 1 else ""
        out.append(f'<mark class="{label}{nested}" title="{_e(names)}">{piece}</mark>')
    return "".join(out)


def _dose(claim: Claim) -> str:
    d = claim.dose
    if d is None:
        return ""
    amount = "" if d.min is None else (f"{d.min:g}" if d.min == d.max else f"{d.min:g}–{d.max:g}")
    parts = [f"{amount} {d.unit or ''}".strip(), f"/{d.per}" if d.per else "",
             f"×{d.times_per_day}" if d.times_per_day else "", f"{d.duration_days} d" if d.duration_days else "",
             d.route or ""]
    return " ".join(p for p in parts if p)


def _row(number: int, claim: Claim, status: str, language: str, decision: Decision | None) -> str:
    outcome = (f"{claim.condition.name} [{claim.condition.icd10}]" if claim.condition
               else claim.target.name if claim.target else "")
    evidence = (claim.evidence.type + (f" (n={claim.evidence.participants})" if claim.evidence.participants else "")
                if claim.evidence else "")
    note = decision.note if decision is not None and decision.note else ""
    if note and decision is not None and decision.reviewer:
        note = f"{note} — {decision.reviewer}"
    flags = flags_of(claim)
    verdict = flags.verdict + (" · dose over UL" if flags.dose_above_ul else "")
    cells = (number, claim.sentence.text, claim.substance.name, claim.substance.form, _dose(claim), outcome,
             claim.polarity, claim.certainty, evidence, verdict, status, note)
    data = {"status": status, "language": language, "substance": claim.substance.name,
            "polarity": claim.polarity or "-", "certainty": claim.certainty, "verdict": flags.verdict,
            "above_ul": "yes" if flags.dose_above_ul else "no"}
    attributes = "".join(f' data-{k}="{_e(v)}"' for k, v in data.items())
    return f'<tr class="claim status-{_e(status)}" id="claim-{_e(claim.id)}"{attributes}>' + "".join(
        f"<td>{_e(c)}</td>" for c in cells) + "</tr>"


def _mix(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in counts.items())


def groups_table(records: list[ArticleResult], store: ReviewStore | None) -> str:
    """The same claim across articles (see :mod:`claimx.groups`), one sortable row per group."""
    from claimx.groups import group_claims

    rows = []
    for group in group_claims(records, store):
        row = group.row()
        outcome = row["outcome"] + (f" [{row['icd10']}]" if row["icd10"] else "")
        cells = (row["substance"], outcome, row["polarity"], row["articles"], row["mentions"],
                 _mix(row["certainty"]), _mix(row["evidence"]), _mix(row["verdicts"]), row["above_ul"],
                 row["first_published"], row["last_published"])
        verdicts = " ".join(row["verdicts"])
        rows.append(f'<tr class="group" data-verdicts="{_e(verdicts)}" data-above-ul="{"yes" if row["above_ul"] else "no"}">'
                    + "".join(f"<td>{_e(c)}</td>" for c in cells) + "</tr>")
    header = "".join(f"<th>{_e(c)}</th>" for c in GROUP_COLUMNS)
    return ('<section id="groups"><h2>The same claim across articles</h2>'
            "<p>Claims grouped by substance, outcome and polarity, review decisions applied. The verdicts flag"
            " claims for a person to check against the EU register; they are not a legal opinion.</p>"
            f'<table class="sortable groups"><thead><tr>{header}</tr></thead><tbody>{"".join(rows)}</tbody>'
            "</table></section>")


def _summary_table(title: str, counts: Counter[str]) -> str:
    rows = "".join(f"<tr><td>{_e(k)}</td><td>{v}</td></tr>" for k, v in counts.most_common())
    return (f'<table class="sortable summary-{_e(title)}"><thead><tr><th>{_e(title)}</th><th>claims</th></tr>'
            f"</thead><tbody>{rows}</tbody></table>")


def _filters(values: dict[str, Counter[str]]) -> str:
    selects = []
    for name in FILTERS:
        options = "".join(f'<option value="{_e(v)}">{_e(v)} ({n})</option>' for v, n in sorted(values[name].items()))
        selects.append(f'<label>{name} <select name="{name}"><option value="">all</option>{options}</select></label>')
    return ('<form id="filters">' + "".join(selects)
            + '<label>search <input name="q" type="search" placeholder="text in a claim row"></label>'
            '<span><span id="shown"></span> claims shown</span></form>')


def _not_read(records: list[ArticleResult]) -> str:
    rows = "".join(f"<tr><td>{_e(r.source)}</td><td>{_e(r.status)}</td><td>{_e(r.error)}</td></tr>"
                   for r in records if r.status != "ok")
    if not rows:
        return ""
    return ('<section id="not-read"><h2>Skipped and failed articles</h2><table class="sortable"><thead><tr>'
            f"<th>source</th><th>status</th><th>why</th></tr></thead><tbody>{rows}</tbody></table></section>")


def build_report(records: list[ArticleResult], store: ReviewStore | None) -> str:
    """The whole report as one HTML string (no external resources)."""
    counts = {name: Counter() for name in ("substance", "condition", *FILTERS)}
    sections, toc = [], []
    for index, record in enumerate(records):
        if record.status != "ok":
            continue
        language = record.language.code if record.language else ""
        rows = []
        for number, original in enumerate(record.claims, start=1):
            decision = store.get(original.id) if store else None
            claim, status = reviewed(original, decision)
            claim_language = claim.language or language
            counts["substance"][claim.substance.name] += 1
            counts["condition"][claim.condition.name if claim.condition else
                                (claim.target.name if claim.target else "-")] += 1
            flags = flags_of(claim)
            for name, value in (("status", status), ("language", claim_language),
                                ("polarity", claim.polarity or "-"), ("certainty", claim.certainty),
                                ("verdict", flags.verdict), ("above_ul", "yes" if flags.dose_above_ul else "no")):
                counts[name][value] += 1
            rows.append(_row(number, claim, status, claim_language, decision))
        header = "".join(f"<th>{_e(c)}</th>" for c in COLUMNS)
        title = record.title or record.source
        toc.append(f'<li><a href="#doc-{index}">{_e(title)}</a> ({len(record.claims)})</li>')
        sections.append(
            f'<section class="doc" id="doc-{index}"><h2>{_e(title)}</h2>'
            f'<p class="meta">{_e(record.source)} · {_e(language)} · {len(record.claims)} claims</p>'
            f'<div class="text">{highlighted_text(record.text, claim_spans(record.claims))}</div>'
            f'<table class="sortable claims"><thead><tr>{header}</tr></thead><tbody>{"".join(rows)}</tbody>'
            "</table></section>")
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    policy = f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{digest}'"
    summary = "".join(_summary_table(t, counts[t]) for t in ("substance", "condition", "polarity", "status"))
    legend = "".join(f'<mark class="{label}">{label.lower()}</mark>' for label in LABELS)
    total = sum(counts["status"].values())
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
            f"<title>claimx report</title><style>{STYLE}</style></head><body>"
            f"<h1>claimx report</h1><p>{total} claims in {len(sections)} documents"
            f" ({sum(r.status != 'ok' for r in records)} skipped or failed)</p>"
            f'<p class="legend">{legend}</p><div class="summary">{summary}</div>'
            f'<nav class="toc"><h2>Documents</h2><ol>{"".join(toc)}</ol></nav>{_not_read(records)}'
            f'{groups_table(records, store)}{_filters(counts)}{"".join(sections)}'
            f"<script>{SCRIPT}</script></body></html>")
