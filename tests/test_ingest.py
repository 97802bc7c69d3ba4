"""Reading .txt, .html and .jsonl; every bad input becomes a named, recorded item."""

import json

import pytest

from claimx.ingest import Rejected, read_articles
from claimx.models import Article


def _read(*paths):
    return list(read_articles([str(p) for p in paths]))


def test_txt_utf8_and_crlf(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes("Magnesium kan minska migrän.\r\nRad två.\r\n".encode())
    [item] = _read(f)
    assert isinstance(item, Article) and item.text == "Magnesium kan minska migrän.\nRad två.\n"


def test_txt_cp1252_falls_back_with_warning(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes("Magnesium minskar migrän – kanske.".encode("cp1252"))
    [item] = _read(f)
    assert item.text.startswith("Magnesium minskar migrän") and item.warnings


def test_utf16_bom(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes("Zink forebygger forkølelse.".encode("utf-16"))
    [item] = _read(f)
    assert item.text == "Zink forebygger forkølelse."


def test_html_main_text_via_trafilatura(tmp_path):
    f = tmp_path / "a.html"
    body = "<p>Magnesium kan minska antalet migränanfall hos vuxna enligt flera studier.</p>" * 5
    f.write_text(f"<html><head><title>Magnesium och migrän</title><script>alert(1)</script></head>"
                 f"<body><nav>Meny Hem Kontakt</nav><article>{body}</article></body></html>", "utf-8")
    [item] = _read(f)
    assert "migränanfall" in item.text and "alert" not in item.text and "Meny" not in item.text
    assert item.title == "Magnesium och migrän"


def test_jsonl_good_and_bad_lines(tmp_path):
    f = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": "a1", "text": "Zink forkorter forkølelse.", "url": "https://x"}), "{broken",
             json.dumps({"id": "a2"}), json.dumps({"id": "a3", "text": 5}), json.dumps({"id": "a1", "text": "dup"}),
             json.dumps({"id": "a4", "text": "   "})]
    f.write_text("\n".join(lines), "utf-8")
    items = _read(f)
    assert isinstance(items[0], Article) and items[0].source == "a1" and items[0].url == "https://x"
    reasons = [(i.source, i.status, i.reason) for i in items[1:]]
    assert reasons[0][0].endswith("feed.jsonl:2") and "bad JSON" in reasons[0][2]
    assert "missing text" in reasons[1][2]
    assert "'text' is not a string" in reasons[2][2]
    assert "duplicate id" in reasons[3][2]
    assert reasons[4][1] == "skipped"


def test_directory_recursive_sorted_and_missing(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Två.", "utf-8")
    (tmp_path / "1.txt").write_text("Ett.", "utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    items = _read(tmp_path, tmp_path / "nope.txt")
    assert [i.source for i in items[:2]] == [str(tmp_path / "1.txt"), str(tmp_path / "b" / "2.txt")]
    assert isinstance(items[2], Rejected) and "no such file" in items[2].reason


@pytest.mark.parametrize("content,status,reason", [
    (b"", "skipped", "empty"),
    (b"   \n\t ", "skipped", "empty"),
    (b"\x00\x01\x02binary", "failed", "binary"),
])
def test_bad_text_files(tmp_path, content, status, reason):
    f = tmp_path / "x.txt"
    f.write_bytes(content)
    [item] = _read(f)
    assert isinstance(item, Rejected) and item.status == status and reason in item.reason


def test_too_big_is_skipped_without_reading(tmp_path):
    f = tmp_path / "big.txt"
    with f.open("wb") as handle:
        handle.truncate(60_000_000)
    [item] = list(read_articles([str(f)]))
    assert item.status == "skipped" and "limit" in item.reason


def test_count_items_matches_what_is_read(tmp_path):
    from claimx.ingest import count_items

    (tmp_path / "a.txt").write_text("Ett.", "utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "feed.jsonl").write_text('{"id": "1", "text": "x"}\n\n{broken\n{"id": "3", "text": "y"}\n')
    assert count_items([str(tmp_path)]) == len(list(read_articles([str(tmp_path)]))) == 4
    assert count_items(["-"]) is None


def test_jsonl_feed_is_limited_per_line_not_per_file(tmp_path):
    """A feed larger than --max-bytes is read as a stream; only an over-long line is skipped."""
    feed = tmp_path / "feed.jsonl"
    line = json.dumps({"id": "ok", "text": "Magnesium kan minska migrän. " * 20})
    huge = json.dumps({"id": "huge", "text": "x" * 5000})
    feed.write_text("\n".join([line.replace('"ok"', f'"ok{i}"') for i in range(30)] + [huge, line.replace('"ok"', '"last"')])
                    + "\n", "utf-8")
    assert feed.stat().st_size > 4000
    items = list(read_articles([str(feed)], max_bytes=4000))
    assert [i.source for i in items if isinstance(i, Article)] == [f"ok{i}" for i in range(30)] + ["last"]
    [skipped] = [i for i in items if not isinstance(i, Article)]
    assert skipped.source == f"{feed}:31" and skipped.status == "skipped" and "limit" in skipped.reason
