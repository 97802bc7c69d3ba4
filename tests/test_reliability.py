"""Hostile input, regex worst cases and interrupted runs (bounded in count and time)."""

import json
import random
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimx.cli import main
from claimx.dose import find_doses, find_durations
from claimx.models import Article
from claimx.pipeline import process_article


def make_zoo(folder: Path) -> dict[str, str]:
    """Write hostile inputs; return the expected status per source name."""
    folder.mkdir()
    expected = {}

    def put(name: str, data: bytes, status: str) -> None:
        (folder / name).write_bytes(data)
        expected[name] = status

    put("good.txt", "Magnesium kan minska antalet migränanfall hos vuxna.".encode(), "ok")
    put("binary.txt", bytes(range(256)) * 64, "failed")
    bomb = folder / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros.txt", b"\0" * 20_000_000)
    bomb.rename(folder / "bomb.txt")
    expected["bomb.txt"] = "failed"
    put("invalid-utf8.txt", b"Magnesium \xff\xfe minskar migr\xe4n hos vuxna.", "ok")
    put("utf16.txt", "Magnesium kan reducere migræne hos voksne.".encode("utf-16"), "ok")
    put("mixed.txt", "Magnesium minskar migrän. ".encode() + "Zink hjälper mot förkylning.".encode("latin-1"), "ok")
    put("empty.txt", b"", "skipped")
    put("spaces.txt", b"  \n\n\t  ", "skipped")
    put("huge-line.txt", b"Magnesium minskar migr\xc3\xa4n. " * 2_000_000, "skipped")  # 54 MB, one line
    attribute = "x" * 1_000_000
    html = (f"<html><head><title>Magnesium</title><script>alert('owned')</script></head><body>"
            f"<iframe src='https://evil.example'></iframe><svg><script>alert(2)</script><circle r='1'/></svg>"
            f"<div data-x='{attribute}'></div><article><p>Magnesium kan minska antalet migränanfall hos vuxna, "
            f"visar flera studier från Sverige och Danmark.</p>" * 3 + "</article></body></html>")
    put("hostile.html", html.encode(), "ok")
    put("broken.html", b"<html><body><p>unclosed <div><<<>>", "ok")  # trafilatura salvages the text
    lines = [json.dumps({"id": "j1", "text": "Zink forkorter forkølelse hos voksne."}), "{broken",
             json.dumps({"id": "j1", "text": "dup"}), json.dumps({"id": "j3"}), json.dumps({"id": "j4", "text": 7})]
    (folder / "feed.jsonl").write_text("\n".join(lines), "utf-8")
    expected.update({"j1": "ok", "feed.jsonl:2": "failed", "feed.jsonl:3": "failed", "feed.jsonl:4": "failed",
                     "feed.jsonl:5": "failed"})
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    expected["dangling.txt"] = "failed"
    return expected


def test_hostile_zoo(tmp_path):
    expected = make_zoo(tmp_path / "zoo")
    out = tmp_path / "claims.jsonl"
    started = time.monotonic()
    result = CliRunner().invoke(main, ["run", str(tmp_path / "zoo"), "-o", str(out), "-j", "1"])
    assert time.monotonic() - started < 60
    assert result.exit_code == 0, result.output
    records = {Path(r["source"]).name if "/" in r["source"] else r["source"]: r
               for r in map(json.loads, out.read_text("utf-8").splitlines())}
    assert {name: records[name]["status"] for name in expected} == expected
    for record in records.values():
        assert record["status"] == "ok" or record["error"]
    html = records["hostile.html"]
    assert "alert" not in html["text"] and "migränanfall" in html["text"]
    ok = sum(s == "ok" for s in expected.values())
    skipped = sum(s == "skipped" for s in expected.values())
    failed = sum(s == "failed" for s in expected.values())
    assert result.output.strip().splitlines()[-1].startswith(f"claimx: {ok} ok, {skipped} skipped, {failed} failed")


WORST = [
    "1 " * 50_000 + "mg",
    "1.000" * 20_000 + " mg",
    "1-" * 50_000 + "2 mg",
    "9" * 100_000 + " mg dagligen",
    "400 mg " * 20_000,
    "i " * 50_000 + "8 veckor",
    "400–500 mg/dag " * 10_000,
    " " * 100_000 + "mg",
    "2ggr per dag " * 10_000,
]


@pytest.mark.parametrize("text", WORST, ids=[f"worst{i}" for i in range(len(WORST))])
def test_regexes_stay_linear_on_worst_inputs(text):
    started = time.monotonic()
    find_doses(text, "sv")
    find_durations(text, "da")
    assert time.monotonic() - started < 5


def test_whole_pipeline_on_a_huge_token_and_deep_brackets():
    started = time.monotonic()
    for text in ("Magnesium " + "x" * 1_000_000, "(" * 50_000 + "Magnesium minskar migrän" + ")" * 50_000):
        assert process_article(Article(source="worst", text=text), "sv").status == "ok"
    assert time.monotonic() - started < 60


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_killed_run_never_leaves_a_truncated_output(tmp_path, corpus_dir, sig):
    feed = tmp_path / "feed.jsonl"
    texts = [p.read_text("utf-8") for p in sorted(corpus_dir.glob("*.txt")) if not p.name.startswith("de_")]
    feed.write_text("\n".join(json.dumps({"id": f"a{i}", "text": texts[i % len(texts)] + f" {i}"})
                              for i in range(120)), "utf-8")
    out = tmp_path / "claims.jsonl"
    previous = "previous output\n"
    rng = random.Random(sig)
    for attempt in range(2):
        out.write_text(previous, "utf-8")
        process = subprocess.Popen([sys.executable, "-m", "claimx.cli", "run", str(feed), "-o", str(out), "-j", "1",
                                    "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(1.0, 6.0))
        process.send_signal(sig)
        process.wait(timeout=60)
        content = out.read_text("utf-8")
        if content != previous:  # the run finished before the signal: then it is complete
            records = [json.loads(line) for line in content.splitlines()]
            bad = [(r["source"], r["status"], r["error"]) for r in records if r["status"] != "ok"]
            assert len(records) == 120 and not bad, bad[:3]
        if sig != signal.SIGKILL:
            assert not list(tmp_path.glob(".claims.jsonl.*.tmp")), "temp file cleaned up"
