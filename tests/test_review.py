"""Review store, scripted review sessions, exports and the Label Studio round trip."""

import csv
import io
import json
import multiprocessing
import shutil

import pytest
from click.testing import CliRunner

from claimx.cli import main
from claimx.review import ReviewStore, default_store_path, load_records

ARTICLE = (
    "Magnesium och migrän\n"
    "Magnesium kan minska antalet migränanfall hos vuxna.\n"
    "I en studie fick deltagarna 400 mg magnesium dagligen i 8 veckor.\n"
    "Magnesium hjälper inte mot depression enligt en översikt.\n"
    "Höga doser magnesium ger ofta diarré.\n"
)


@pytest.fixture()
def run_dir(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "mag.txt").write_text(ARTICLE, "utf-8")
    (tmp_path / "in" / "zink.txt").write_text("Zink kan forkorte en forkølelse hos voksne.\n", "utf-8")
    return tmp_path


def _run(run_dir):
    result = CliRunner().invoke(main, ["run", str(run_dir / "in"), "-o", str(run_dir / "claims.jsonl"), "-j", "1"])
    assert result.exit_code == 0, result.output
    return result


def _decisions(run_dir):
    with ReviewStore(default_store_path(run_dir / "claims.jsonl")) as store:
        return {d.claim_id: d for d in store.all()}


def _review(run_dir, keys, *extra):
    return CliRunner().invoke(main, ["review", str(run_dir / "claims.jsonl"), "--reviewer", "ann", *extra],
                              input="\n".join(keys) + "\n")


def test_scripted_session_accepts_rejects_corrects(run_dir):
    _run(run_dir)
    result = _review(run_dir, ["a", "r", "e", "polarity", '"harm"', "n", "checked twice", "q"])
    assert result.exit_code == 0, result.output
    decisions = list(_decisions(run_dir).values())
    assert sorted(d.decision for d in decisions) == ["accepted", "corrected", "rejected"]
    corrected = next(d for d in decisions if d.decision == "corrected")
    assert corrected.corrections == {"polarity": "harm"} and corrected.note == "checked twice"
    assert all(d.reviewer == "ann" for d in decisions)
    # Resume: the next session starts at the first pending claim, not at the start.
    again = _review(run_dir, ["q"], "--status", "pending")
    assert "claim 1/" in again.output
    queue_size = int(again.output.split("claim 1/")[1].split()[0])
    records = load_records(run_dir / "claims.jsonl")
    assert queue_size == sum(len(r.claims) for r in records) - 3


def test_invalid_correction_is_refused(run_dir):
    _run(run_dir)
    result = _review(run_dir, ["e", "polarity", '"great"', "q"])
    assert "invalid correction" in result.output
    assert _decisions(run_dir) == {}


def test_rerun_keeps_decisions_and_edit_marks_only_affected_claims_stale(run_dir):
    _run(run_dir)
    _review(run_dir, ["a"] * 8 + ["q"], "--status", "all")
    before = _decisions(run_dir)
    before_records = load_records(run_dir / "claims.jsonl")
    assert len(before) >= 5
    result = _run(run_dir)
    assert "0 stale" in result.output
    assert {k: v.decision for k, v in _decisions(run_dir).items()} == {k: v.decision for k, v in before.items()}
    # Edit one sentence: only the claims of that sentence go stale.
    edited = ARTICLE.replace("Höga doser magnesium ger ofta diarré.", "Höga doser magnesium ger ibland diarré.")
    (run_dir / "in" / "mag.txt").write_text(edited, "utf-8")
    _run(run_dir)
    after = _decisions(run_dir)
    stale = {k for k, v in after.items() if v.stale}
    current_ids = {c.id for r in load_records(run_dir / "claims.jsonl") for c in r.claims}
    assert len(after) == len(before)  # nothing dropped
    assert stale == set(before) - current_ids
    assert stale and all("diarré" in _sentence_of(before_records, k) for k in stale)
    with ReviewStore(default_store_path(run_dir / "claims.jsonl")) as store:
        assert store.history_count() >= len(before)


def test_edit_elsewhere_in_the_article_keeps_later_decisions_current(run_dir):
    _run(run_dir)
    _review(run_dir, ["a"] * 8 + ["q"], "--status", "all")
    before = _decisions(run_dir)
    records = load_records(run_dir / "claims.jsonl")
    # A word inserted into the second line moves every later sentence by five characters.
    edited = ARTICLE.replace("Magnesium kan minska", "Magnesium kan ofta minska")
    (run_dir / "in" / "mag.txt").write_text(edited, "utf-8")
    result = _run(run_dir)
    stale = {k for k, v in _decisions(run_dir).items() if v.stale}
    assert stale and all("ofta" not in _sentence_of(records, k) and "minska antalet" in _sentence_of(records, k)
                         for k in stale)
    later = {k for k in before if "diarré" in _sentence_of(records, k) or "400 mg" in _sentence_of(records, k)}
    assert later and not later & stale
    assert f"{len(before) - len(stale)} current, {len(stale)} stale" in result.output


def test_store_from_before_relative_fingerprints_is_upgraded_not_stale(run_dir):
    from claimx.review import _absolute_fingerprint, fingerprint

    _run(run_dir)
    _review(run_dir, ["a", "a", "q"])
    records = load_records(run_dir / "claims.jsonl")
    claims = {c.id: c for r in records for c in r.claims}
    path = default_store_path(run_dir / "claims.jsonl")
    with ReviewStore(path) as store:  # the fingerprints an older claimx wrote
        for decision in store.all():
            store.db.execute("UPDATE decisions SET fingerprint = ? WHERE claim_id = ?",
                             (_absolute_fingerprint(claims[decision.claim_id]), decision.claim_id))
        assert store.reconcile(records) == {"current": 2, "stale": 0}
        assert {d.fingerprint for d in store.all()} == {fingerprint(claims[d.claim_id]) for d in store.all()}


def test_edit_then_accept_keeps_the_edit_everywhere(run_dir):
    _run(run_dir)
    result = _review(run_dir, ["e", "polarity", "harm", "a", "q"])
    assert result.exit_code == 0, result.output
    [decision] = _decisions(run_dir).values()
    assert (decision.decision, decision.corrections) == ("corrected", {"polarity": "harm"})
    assert "1 accepted, 0 rejected, 1 corrected" in result.output
    screens = result.output.split("── claim ")
    assert "polarity   harm *" in screens[2]  # the screen after the edit shows the corrected value
    only = [json.loads(line) for line in _export(run_dir, "jsonl", "--only", "accepted").splitlines()]
    assert [(r["claim_id"], r["polarity"]) for r in only] == [(decision.claim_id, "harm")]
    # A note, then a rejection and a new acceptance: the edit and the note stay.
    _review(run_dir, ["n", "checked", "r", "q"], "--status", "all")
    _review(run_dir, ["b", "a", "q"], "--status", "all")  # the session resumes after the rejected claim
    [decision] = _decisions(run_dir).values()
    assert (decision.decision, decision.corrections, decision.note) == ("corrected", {"polarity": "harm"}, "checked")


@pytest.mark.parametrize("typo", ["ar", "x", "", "accept it"])
def test_unknown_keys_are_refused_with_a_hint(run_dir, typo):
    _run(run_dir)
    result = _review(run_dir, [typo, "q"])
    assert result.exit_code == 0, result.output
    assert "not a command" in result.output or "type a command letter" in result.output
    assert _decisions(run_dir) == {}
    assert result.output.count("── claim 1/") == 1  # still on the first claim: nothing was skipped


def test_command_words_and_end_of_input(run_dir):
    _run(run_dir)
    result = CliRunner().invoke(main, ["review", str(run_dir / "claims.jsonl"), "--reviewer", "ann"],
                                input="accept\nreject\n")  # the input ends without "q"
    assert result.exit_code == 0, result.output
    assert "Aborted" not in result.output and "1 accepted, 1 rejected" in result.output
    assert "marks: [substance]" in result.output


def test_edit_lists_fields_and_allowed_values(run_dir):
    _run(run_dir)
    result = _review(run_dir, ["e", "polarity", "great", "e", "colour", "q"])
    assert "fields: substance.name, substance.form, dose.min" in result.output
    assert "polarity: one of benefit, harm, no_effect, association, or none" in result.output
    assert "invalid correction polarity" in result.output and "'colour' is not a field" in result.output
    assert _decisions(run_dir) == {}


def _sentence_of(records, claim_id):
    return next(c.sentence.text for r in records for c in r.claims if c.id == claim_id)


def _export(run_dir, fmt, *extra):
    result = CliRunner().invoke(main, ["export", str(run_dir / "claims.jsonl"), "--format", fmt, *extra])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_exports_apply_decisions(run_dir):
    _run(run_dir)
    _review(run_dir, ["a", "r", "e", "certainty", '"hedged"', "q"])
    decisions = _decisions(run_dir)
    rows = [json.loads(line) for line in _export(run_dir, "jsonl").splitlines()]
    ids = {r["claim_id"] for r in rows}
    rejected = next(k for k, d in decisions.items() if d.decision == "rejected")
    corrected = next(k for k, d in decisions.items() if d.decision == "corrected")
    assert rejected not in ids and corrected in ids
    assert next(r for r in rows if r["claim_id"] == corrected)["certainty"] == "hedged"
    only = [json.loads(line) for line in _export(run_dir, "jsonl", "--only", "accepted").splitlines()]
    assert sorted(r["status"] for r in only) == ["accepted", "corrected"]
    table = list(csv.DictReader(io.StringIO(_export(run_dir, "csv"))))
    assert [r["claim_id"] for r in table] == [r["claim_id"] for r in rows]
    assert table[0].keys() >= {"substance", "icd10", "dose_min", "polarity", "certainty", "status"}


def _check_label_studio(tasks):
    for task in tasks:
        text = task["data"]["text"]
        ids = set()
        [prediction] = task["predictions"]
        assert prediction["model_version"].startswith("claimx-") and isinstance(prediction["score"], float)
        spans = {}
        for result in prediction["result"]:
            assert result["id"] not in ids or result["type"] == "choices"
            ids.add(result["id"])
            if result["type"] == "labels":
                assert result["from_name"] == "label" and result["to_name"] == "text"
                v = result["value"]
                assert text[v["start"]:v["end"]] == v["text"] and v["labels"]
                spans[result["id"]] = v
            elif result["type"] == "choices":  # per-region polarity and certainty, on a region of this task
                assert result["from_name"] in ("polarity", "certainty") and len(result["value"]["choices"]) == 1
                assert text[result["value"]["start"]:result["value"]["end"]] == result["value"]["text"]
            else:
                assert result["type"] == "relation" and result["direction"] in ("right", "left", "bi")
                assert result["from_id"] in ids or result["from_id"] in {r["id"] for r in prediction["result"]}
                assert result["to_id"] in {r["id"] for r in prediction["result"] if r["type"] == "labels"}


def annotate(tasks, change):
    """Tasks as Label Studio exports them after an annotator worked: ``change(task, result)`` edits."""
    for number, task in enumerate(tasks, start=1):
        result = json.loads(json.dumps(task["predictions"][0]["result"]))
        change(task, result)
        task["annotations"] = [{"id": 100 + number, "result": result, "completed_by": 1,
                                "created_username": " ann@example.org, 1", "created_at": "2026-11-21T10:00:00Z"}]
    return tasks


def _entry(task, word):
    """The claimx index entry and spans of the first claim whose outcome or dose text contains ``word``."""
    regions = {r["id"]: r for r in task["predictions"][0]["result"] if r["type"] == "labels"}
    for entry in task["data"]["claimx_claims"]:
        head = entry.get("head")
        if head and word in regions[entry["spans"][head]]["value"]["text"]:
            return entry, regions
    raise AssertionError(word)


def test_label_studio_round_trip_keeps_every_correction(run_dir, tmp_path):
    _run(run_dir)
    # A note written in the terminal before the round trip.
    _review(run_dir, ["n", "seen in print", "a", "q"])
    [first_id] = _decisions(run_dir)
    exported = run_dir / "tasks.json"
    result = CliRunner().invoke(main, ["export", str(run_dir / "claims.jsonl"), "--format", "label-studio",
                                       "-o", str(exported)])
    assert result.exit_code == 0, result.output
    config = (run_dir / "tasks.label-config.xml").read_text("utf-8")
    assert '<Choices name="polarity" toName="text" perRegion="true"' in config
    tasks = json.loads(exported.read_text("utf-8"))
    _check_label_studio(tasks)
    mag = next(t for t in tasks if t["data"]["source"].endswith("mag.txt"))
    widened, _ = _entry(mag, "migränanfall")
    flipped, _ = _entry(mag, "diarré")
    removed, _ = _entry(mag, "depression")
    text = mag["data"]["text"]

    def change(task, result):
        if task is not mag:
            return
        for r in result:
            if r["id"] == widened["spans"]["CONDITION"] and r["type"] in ("labels", "choices"):
                start = text.index("antalet migränanfall")  # the annotator widens "migränanfall" leftwards
                r["value"].update(start=start, text=text[start:r["value"]["end"]])
            if r["id"] == flipped["spans"]["CONDITION"] and r.get("from_name") == "polarity":
                r["value"]["choices"] = ["benefit"]
        result[:] = [r for r in result if r["id"] not in removed["relations"]]

    path = tmp_path / "ls-export.json"
    path.write_text(json.dumps(annotate(tasks, change)), "utf-8")
    result = CliRunner().invoke(main, ["import-reviews", str(run_dir / "claims.jsonl"), str(path)])
    assert result.exit_code == 0, result.output
    decisions = _decisions(run_dir)
    start = text.index("antalet migränanfall")
    assert decisions[widened["claim_id"]].decision == "corrected"
    assert decisions[widened["claim_id"]].corrections["condition.start"] == start
    assert decisions[flipped["claim_id"]].corrections == {"polarity": "benefit"}
    assert decisions[removed["claim_id"]].decision == "rejected"
    assert all(d.reviewer == "ann@example.org" for d in decisions.values())
    assert decisions[first_id].note.startswith("seen in print; Label Studio annotation")
    # The corrected values reach the exports.
    rows = {r["claim_id"]: r for r in map(json.loads, _export(run_dir, "jsonl", "--only", "accepted").splitlines())}
    assert rows[flipped["claim_id"]]["polarity"] == "benefit"
    assert rows[widened["claim_id"]]["condition_text"] == text[start:text.index("migränanfall") + 12]
    assert removed["claim_id"] not in rows
    # Importing the same export again changes nothing and adds no second mark to the notes.
    CliRunner().invoke(main, ["import-reviews", str(run_dir / "claims.jsonl"), str(path)])
    again = _decisions(run_dir)
    assert {k: (d.decision, d.corrections, d.note) for k, d in again.items()} == \
        {k: (d.decision, d.corrections, d.note) for k, d in decisions.items()}


def test_implied_substance_claims_are_named_as_not_reviewable_in_label_studio(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "b12.txt").write_text(
        "Vitamin B12 tas ofta som tillskott.\nDosen är 250 mikrogram om dagen.\n", "utf-8")
    CliRunner().invoke(main, ["run", str(tmp_path / "in"), "-o", str(tmp_path / "claims.jsonl"), "-j", "1"])
    records = load_records(tmp_path / "claims.jsonl")
    implied = [c.id for r in records for c in r.claims if c.substance.end == c.substance.start]
    assert implied
    result = CliRunner().invoke(main, ["export", str(tmp_path / "claims.jsonl"), "--format", "label-studio",
                                       "-o", str(tmp_path / "tasks.json")])
    assert "implied substance" in result.stderr and all(i in result.stderr for i in implied)
    tasks = annotate(json.loads((tmp_path / "tasks.json").read_text("utf-8")), lambda task, result: None)
    (tmp_path / "ls.json").write_text(json.dumps(tasks), "utf-8")
    result = CliRunner().invoke(main, ["import-reviews", str(tmp_path / "claims.jsonl"), str(tmp_path / "ls.json")])
    assert "not reviewable in Label Studio" in result.output and all(i in result.output for i in implied)


def test_offsets_survive_emoji_combining_and_crlf(tmp_path):
    (tmp_path / "in").mkdir()
    text = ("Magnesium 😀 kan minska migrän hos vuxna.\r\n"
            "Zink\u0301 👍🏽 kan minska förkylning och 400 mg magnesium dagligen sänker blodtrycket.\r\n")
    (tmp_path / "in" / "odd.txt").write_bytes(text.encode())
    CliRunner().invoke(main, ["run", str(tmp_path / "in"), "-o", str(tmp_path / "claims.jsonl"), "-j", "1"])
    records = load_records(tmp_path / "claims.jsonl")
    assert records[0].claims
    tasks = json.loads(CliRunner().invoke(main, ["export", str(tmp_path / "claims.jsonl"), "--format",
                                                 "label-studio"]).stdout)
    _check_label_studio(tasks)
    for line in CliRunner().invoke(main, ["export", str(tmp_path / "claims.jsonl"), "--format",
                                          "prodigy"]).stdout.splitlines():
        task = json.loads(line)
        for span in task["spans"]:
            tokens = task["tokens"][span["token_start"]:span["token_end"] + 1]
            assert task["text"][span["start"]:span["end"]].startswith(tokens[0]["text"])
            assert tokens[-1]["end"] == span["end"]
        for token in task["tokens"]:
            assert task["text"][token["start"]:token["end"]] == token["text"]
    # Round trip through Label Studio: the annotations are the predictions, everything is accepted.
    for task in tasks:
        task["annotations"] = [{"result": task["predictions"][0]["result"]}]
    (tmp_path / "ls.json").write_text(json.dumps(tasks, ensure_ascii=False), "utf-8")
    CliRunner().invoke(main, ["import-reviews", str(tmp_path / "claims.jsonl"), str(tmp_path / "ls.json")])
    with ReviewStore(default_store_path(tmp_path / "claims.jsonl")) as store:
        assert {d.decision for d in store.all()} == {"accepted"}


def _hammer(path: str, worker: int, claims: list) -> None:
    records = load_records(claims[0])
    with ReviewStore(path) as store:
        for record in records:
            for claim in record.claims:
                store.decide(claim, record, "accepted" if worker else "rejected", reviewer=f"w{worker}")


def test_concurrent_reviewers_do_not_corrupt_the_store(run_dir):
    _run(run_dir)
    store_path = str(default_store_path(run_dir / "claims.jsonl"))
    processes = [multiprocessing.get_context("spawn").Process(target=_hammer,
                 args=(store_path, i, [str(run_dir / "claims.jsonl")])) for i in range(2)]
    for p in processes:
        p.start()
    for p in processes:
        p.join(60)
        assert p.exitcode == 0
    with ReviewStore(store_path) as store:
        total = sum(len(r.claims) for r in load_records(run_dir / "claims.jsonl"))
        assert len(list(store.all())) == total and store.history_count() == 2 * total
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_report_escapes_untrusted_text(tmp_path):
    (tmp_path / "in").mkdir()
    evil = ("Magnesium <script>document.title='PWNED'</script> kan minska migrän hos vuxna.\n"
            "<img src=x onerror=\"document.title='PWNED2'\"> Zink minskar förkylning hos vuxna.\n")
    (tmp_path / "in" / "evil.txt").write_text(evil, "utf-8")
    CliRunner().invoke(main, ["run", str(tmp_path / "in"), "-o", str(tmp_path / "claims.jsonl"), "-j", "1"])
    result = CliRunner().invoke(main, ["report", str(tmp_path / "claims.jsonl"), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "r.html").read_text("utf-8")
    assert "<script>document.title" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page and "Content-Security-Policy" in page
    assert page.count("<script>") == 1  # the report's own sorting script only


REPORT_LAYOUT = """() => {
  const out = [];
  document.querySelectorAll('section.doc .text').forEach((div) => {
    const line = parseFloat(getComputedStyle(div).lineHeight);
    const marks = [];
    div.querySelectorAll('mark').forEach((mark) => {
      const rects = mark.getClientRects();
      const before = mark.previousSibling;
      let neighbour = null;
      if (before && before.nodeType === 3 && before.textContent.length && !/\\s$/.test(before.textContent)) {
        const range = document.createRange();
        range.setStart(before, before.textContent.length - 1);
        range.setEnd(before, before.textContent.length);
        neighbour = range.getBoundingClientRect().top;
      }
      marks.push({top: rects[0].top, height: rects[0].height, lines: rects.length, neighbour: neighbour});
    });
    out.push({text: div.textContent, height: div.getBoundingClientRect().height, line: line, marks: marks});
  });
  return out;
}"""


def _report_page(tmp_path, corpus_dir, browser, names):
    (tmp_path / "in").mkdir()
    for name in names:
        shutil.copy(corpus_dir / name, tmp_path / "in")
    (tmp_path / "in" / "evil.txt").write_text(
        "Magnesium <script>document.title='PWNED'</script> kan minska migrän.\n"
        "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"> Zink minskar förkylning.\n", "utf-8")
    CliRunner().invoke(main, ["run", str(tmp_path / "in"), "-o", str(tmp_path / "claims.jsonl"), "-j", "1"])
    result = CliRunner().invoke(main, ["report", str(tmp_path / "claims.jsonl"), "-o", str(tmp_path / "report.html")])
    assert result.exit_code == 0, result.output
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((tmp_path / "report.html").as_uri())
    return page, errors, load_records(tmp_path / "claims.jsonl")


def test_report_layout_in_headless_chromium(tmp_path, corpus_dir, browser):
    page, errors, records = _report_page(tmp_path, corpus_dir, browser,
                                         ["sv_melatonin_somn.txt", "da_jern_traethed.txt"])
    texts = page.evaluate(REPORT_LAYOUT)
    ok = [r for r in records if r.status == "ok"]
    assert sum(len(t["marks"]) for t in texts) >= 20
    assert [t["text"] for t in texts] == [r.text for r in ok]  # the source text exactly: no added spaces
    for shown, record in zip(texts, ok):
        assert len(shown["marks"]) >= (5 if len(record.claims) >= 3 else 0)
        for mark in shown["marks"]:
            # compact and inline: one line high, level with the character before it
            assert mark["height"] <= 1.5 * shown["line"]
            if mark["neighbour"] is not None and mark["lines"] == 1:
                assert abs(mark["top"] - mark["neighbour"]) < 0.5 * shown["line"]
        # the text block is as tall as its lines, not a highlight per line with space around it
        lines = record.text.count("\n") + 1 + len(record.text) / 60
        assert shown["height"] <= shown["line"] * lines + 20
    page.screenshot(path=str(tmp_path / "report.png"))
    assert page.title() == "claimx report" and page.evaluate("document.body.dataset.pwned") is None
    assert not errors


def test_every_report_table_sorts_and_filters(tmp_path, corpus_dir, browser):
    page, errors, records = _report_page(tmp_path, corpus_dir, browser,
                                         ["sv_melatonin_somn.txt", "da_jern_traethed.txt"])
    for header in page.query_selector_all("table.sortable thead th"):
        header.click()
    assert not errors
    tables = page.query_selector_all("table.claims")
    last = tables[-1]
    last.query_selector_all("thead th")[2].click()  # substance, in a table that is not the first
    column = [row.inner_text() for row in last.query_selector_all("tbody tr td:nth-child(3)")]
    assert column == sorted(column) or column == sorted(column, reverse=True)
    assert not errors
    total = sum(len(r.claims) for r in records)
    assert page.inner_text("#shown") == str(total)
    page.select_option("select[name=substance]", "iron")
    shown = page.query_selector_all("tr.claim:not([hidden])")
    iron = sum(c.substance.name == "iron" for r in records for c in r.claims)
    assert len(shown) == iron == int(page.inner_text("#shown")) and iron < total
    page.fill("input[name=q]", "løbere")
    assert 0 < len(page.query_selector_all("tr.claim:not([hidden])")) < iron


def test_report_lists_skipped_articles_toc_and_notes(tmp_path, corpus_dir, browser):
    (tmp_path / "in").mkdir()
    shutil.copy(corpus_dir / "de_magnesium_schlaf.txt", tmp_path / "in")
    shutil.copy(corpus_dir / "sv_melatonin_somn.txt", tmp_path / "in")
    CliRunner().invoke(main, ["run", str(tmp_path / "in"), "-o", str(tmp_path / "claims.jsonl"), "-j", "1"])
    keys = ["n", "check the dose", "a", "q"]
    CliRunner().invoke(main, ["review", str(tmp_path / "claims.jsonl"), "--reviewer", "ann"],
                       input="\n".join(keys) + "\n")
    CliRunner().invoke(main, ["report", str(tmp_path / "claims.jsonl"), "-o", str(tmp_path / "report.html")])
    page = browser.new_page()
    page.goto((tmp_path / "report.html").as_uri())
    assert "de_magnesium_schlaf.txt" in page.inner_text("#not-read") and "unsupported language" in \
        page.inner_text("#not-read")
    assert page.query_selector_all("nav.toc li a")[0].get_attribute("href") == "#doc-1"
    assert "check the dose — ann" in page.inner_text("table.claims")


def _open_store(path: str, results) -> None:
    try:
        with ReviewStore(path) as store:
            store.db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        results.put("")
    except BaseException as error:  # reported to the parent, which fails the test
        results.put(repr(error))


def test_reviewers_opening_a_new_store_at_once_all_get_in(tmp_path):
    """SQLite reports a second opener "locked" at once while a new store switches to WAL."""
    context = multiprocessing.get_context("fork")
    errors = []
    for attempt in range(60):
        path, results = str(tmp_path / f"r{attempt}.sqlite"), context.Queue()
        openers = [context.Process(target=_open_store, args=(path, results)) for _ in range(6)]
        for opener in openers:
            opener.start()
        for opener in openers:
            opener.join(60)
        errors += [error for error in (results.get(timeout=60) for _ in openers) if error]
    assert errors == []


def test_readme_prints_the_full_label_studio_config():
    from pathlib import Path

    from claimx.labelstudio import label_config

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    assert "```xml\n" + label_config() + "```" in readme and "…</Labels>" not in readme


def test_report_shows_claims_across_articles_filtered_by_verdict(tmp_path, corpus_dir, browser):
    page, errors, records = _report_page(tmp_path, corpus_dir, browser,
                                         ["sv_melatonin_somn.txt", "da_zink_forkolelse.txt"])
    groups = page.query_selector_all("#groups tr.group")
    assert groups and "not a legal opinion" in page.inner_text("#groups")
    page.select_option("select[name=verdict]", "disease_claim")
    visible = page.query_selector_all("#groups tr.group:not([hidden])")
    assert 0 < len(visible) < len(groups)
    assert all("disease_claim" in row.inner_text() for row in visible)
    claims = page.query_selector_all("tr.claim:not([hidden])")
    assert claims and all(row.get_attribute("data-verdict") == "disease_claim" for row in claims)
    assert not errors
