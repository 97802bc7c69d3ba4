"""Batch runs: incremental, parallel and Dask engines give the same records."""

import json
import shutil

import pytest

from claimx.batch import run_batch
from conftest import ROOT

N = len(list((ROOT / "corpus").glob("*.txt")))  # sample articles; one (German) is skipped without --translate


@pytest.fixture()
def articles(tmp_path, corpus_dir):
    folder = tmp_path / "in"
    shutil.copytree(corpus_dir, folder, ignore=shutil.ignore_patterns("gold"))
    return folder


def _records(path):
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_incremental_skips_unchanged_and_redoes_changed(articles, tmp_path, monkeypatch):
    out = tmp_path / "claims.jsonl"
    first = run_batch([str(articles)], str(out), jobs=1)
    assert first["ok"] == N - 1 and first["skipped"] == 1  # the German sample needs --translate
    before = {r["source"]: r for r in _records(out)}

    import claimx.pipeline

    calls = []
    real = claimx.pipeline.process_article
    monkeypatch.setattr(claimx.pipeline, "process_article", lambda *a, **k: calls.append(a[0].source) or real(*a, **k))
    # Unchanged corpus: no NLP work at all.
    again = run_batch([str(articles)], str(out), jobs=1, incremental=True)
    assert calls == [] and again["reused"] == N
    assert {r["source"]: r for r in _records(out)} == before
    # One edited article is re-extracted, the rest reused.
    edited = articles / "sv_melatonin_somn.txt"
    edited.write_text(edited.read_text("utf-8") + "\nMelatonin kan minska jetlag hos piloter.\n", "utf-8")
    third = run_batch([str(articles)], str(out), jobs=1, incremental=True)
    assert calls == [str(edited)] and third["reused"] == N - 1
    assert {r["source"]: r["doc_id"] for r in _records(out)}[str(edited)] != before[str(edited)]["doc_id"]


def test_removed_articles_are_kept_or_pruned(articles, tmp_path):
    out = tmp_path / "claims.jsonl"
    run_batch([str(articles)], str(out), jobs=1)
    (articles / "nb_vitamin_b12.txt").unlink()
    kept = run_batch([str(articles)], str(out), jobs=1, incremental=True)
    assert kept["kept"] == 1 and len(_records(out)) == N
    run_batch([str(articles)], str(out), jobs=1, incremental=True, prune=True)
    assert len(_records(out)) == N - 1


def test_jobs_give_byte_identical_output(articles, tmp_path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    (articles / "feed.jsonl").write_text("\n".join(
        json.dumps({"id": f"a{i}", "text": f"Magnesium kan minska migrän hos {i} vuxna. Zink minskar förkylning."})
        for i in range(30)) + "\n{broken\n", "utf-8")
    run_batch([str(articles)], str(one), jobs=1)
    run_batch([str(articles)], str(two), jobs=2)
    assert one.read_bytes() == two.read_bytes()
    assert len(_records(one)) == N + 31


def test_dask_engine_matches_local(articles, tmp_path):
    pytest.importorskip("dask.distributed")
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    run_batch([str(articles)], str(local), jobs=1)
    counts = run_batch([str(articles)], str(dask), jobs=2, engine="dask")
    assert counts["ok"] == N - 1
    assert _records(dask) == _records(local)
    assert not list(tmp_path.glob("claimx-parts-*")), "part files are cleaned up"


def test_index_beside_the_output_is_used_only_while_it_describes_the_file(articles, tmp_path, monkeypatch):
    import claimx.batch as batch

    out = tmp_path / "claims.jsonl"
    run_batch([str(articles)], str(out), jobs=2)
    assert batch.index_path(out).is_file()
    saved = batch.index_path(out).read_bytes()
    from_index = batch.index_output(out)
    batch.index_path(out).unlink()
    scanned = batch.index_output(out)  # every line parsed
    assert len(scanned) == N and from_index == scanned
    batch.index_path(out).write_bytes(saved)

    parsed = []
    real = batch.record_meta
    monkeypatch.setattr(batch, "record_meta", lambda *a: parsed.append(a) or real(*a))
    assert batch.index_output(out) == scanned and parsed == []  # read from the index, no line parsed
    lines = out.read_text("utf-8").splitlines(keepends=True)
    for source, previous in scanned.items():  # offsets point at the right records
        record = json.loads(out.read_bytes()[previous.offset:previous.offset + previous.length])
        assert record["source"] == source and record["doc_id"] == previous.doc_id

    # Someone edits the output by hand: the index no longer describes it and is not trusted.
    out.write_text("".join(reversed(lines)), "utf-8")
    assert batch.index_output(out) != scanned and len(parsed) == N
    again = run_batch([str(articles)], str(out), jobs=1, incremental=True)
    assert again["reused"] == N
    assert sorted(out.read_text("utf-8").splitlines()) == sorted(line.rstrip("\n") for line in lines)

    # A stale or broken index is ignored, never an error.
    batch.index_path(out).write_text("{not json", "utf-8")
    assert len(batch.index_output(out)) == N


def test_run_to_stdout_writes_no_index(articles, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    run_batch([str(articles)], "-", jobs=1)
    assert capsys.readouterr().out.count("\n") == N
    assert not list(tmp_path.rglob("*.index*"))


def test_a_language_first_seen_after_the_warm_up_window_is_built_by_the_workers(tmp_path):
    """Only the first articles' languages are built before forking; later ones still come out right."""
    from claimx.batch import WARM_UP_LOOKAHEAD

    feed = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": f"sv{i}", "text": f"Magnesium kan minska migrän hos {i} vuxna."})
             for i in range(WARM_UP_LOOKAHEAD + 6)]
    lines.append(json.dumps({"id": "en1", "text": "Magnesium may reduce migraine attacks in adults, a trial shows."}))
    feed.write_text("\n".join(lines) + "\n", "utf-8")
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_batch([str(feed)], str(one), jobs=1)
    run_batch([str(feed)], str(two), jobs=2)
    assert one.read_bytes() == two.read_bytes()
    last = _records(two)[-1]
    assert last["language"]["code"] == "en" and last["claims"]


def test_unchanged_incremental_run_leaves_the_output_alone(articles, tmp_path):
    import os

    import claimx.batch as batch

    out = tmp_path / "claims.jsonl"
    run_batch([str(articles)], str(out), jobs=1)
    before = out.read_bytes()
    stamp = (out.stat().st_ino, out.stat().st_mtime_ns)
    assert run_batch([str(articles)], str(out), jobs=1, incremental=True)["reused"] == N
    assert (out.stat().st_ino, out.stat().st_mtime_ns) == stamp and out.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]

    # Without its index the output is scanned, left alone, and the index is written again.
    batch.index_path(out).unlink()
    run_batch([str(articles)], str(out), jobs=1, incremental=True)
    assert (out.stat().st_ino, out.stat().st_mtime_ns) == stamp and batch.index_is_current(out)

    # A change in the middle: the output is exactly what a full run writes.
    edited = articles / "da_magnesium_kramper.txt"
    assert edited.is_file()
    edited.write_text(edited.read_text("utf-8") + "\nMagnesium kan mindske træthed.\n", "utf-8")
    run_batch([str(articles)], str(out), jobs=1, incremental=True)
    full = tmp_path / "full.jsonl"
    run_batch([str(articles)], str(full), jobs=1)
    assert out.read_bytes() == full.read_bytes() and out.read_bytes() != before
    assert batch.index_output(out) == {s: p for s, p in batch.index_output(full).items()}

    # A pruned article at the end shortens the output.
    os.unlink(sorted(articles.iterdir())[-1])
    run_batch([str(articles)], str(out), jobs=1, incremental=True, prune=True)
    assert len(_records(out)) == N - 1
