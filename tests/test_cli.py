"""The command line: help with examples, exit codes, atomic output, schema."""

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from helpers import assert_offsets

from claimx.cli import main
from claimx.models import ArticleResult


def _commands(group=main, prefix=()):
    import click

    for name, command in sorted(group.commands.items()):
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


@pytest.mark.parametrize("command", list(_commands()), ids=" ".join)
def test_every_command_has_help_with_an_example(command):
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0 and "Example" in result.output and "claimx " in result.output


def test_every_command_is_in_the_readme():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    for command in _commands():
        assert f"claimx {command[0]}" in readme, command


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and "0.1.0" in result.output


def test_run_corpus_validates_against_schema(tmp_path, corpus_dir):
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["run", str(corpus_dir), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    schema = json.loads(CliRunner().invoke(main, ["schema"]).output)
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) == len(list(corpus_dir.glob("*.txt")))
    for record in records:
        jsonschema.validate(record, schema)
        if record["language"]["code"] == "de":  # no German rules: extracted only with --translate
            assert record["status"] == "skipped" and "'de'" in record["error"]
            continue
        assert record["status"] == "ok" and record["claims"]
        assert_offsets(ArticleResult.model_validate(record))


def test_norwegian_is_reported_as_nb(tmp_path, corpus_dir):
    out = tmp_path / "out.jsonl"
    CliRunner().invoke(main, ["run", str(corpus_dir / "nb_vitamin_b12.txt"), "-o", str(out)])
    assert json.loads(out.read_text("utf-8"))["language"]["code"] == "nb"


def test_stdin_to_stdout():
    result = CliRunner().invoke(main, ["run", "-", "-o", "-", "-q"],
                                input="Magnesium kan minska antalet migränanfall hos vuxna.")
    record = json.loads(result.output)
    assert record["language"]["code"] == "sv" and record["claims"]


def test_nothing_processed_exits_nonzero(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    result = CliRunner().invoke(main, ["run", str(empty), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1
    assert "skipped" in result.output and "empty.txt" in result.output


def test_usage_error_exits_2():
    assert CliRunner().invoke(main, ["run"]).exit_code == 2
    assert CliRunner().invoke(main, ["run", "x", "--lang", "xx"]).exit_code == 2


def test_bad_input_zoo(tmp_path):
    zoo = tmp_path / "zoo"
    zoo.mkdir()
    (zoo / "good.txt").write_text("Magnesium kan minska antalet migränanfall hos vuxna.", "utf-8")
    (zoo / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (zoo / "empty.txt").write_bytes(b"")
    (zoo / "invalid.txt").write_bytes(b"Magnesium \xff\xfe minskar migr\xe4n.")
    (zoo / "broken.html").write_bytes(b"<html><body><p>unclosed <div><<<>>")
    (zoo / "feed.jsonl").write_text('{"id": "x", "text": "Zink forkorter forkølelse."}\n{bad\n', "utf-8")
    with (zoo / "huge.txt").open("wb") as handle:
        handle.truncate(50_000_001)
    unreadable = zoo / "locked.txt"
    unreadable.write_text("Magnesium minskar migrän.", "utf-8")
    unreadable.chmod(0)
    (zoo / "loop").symlink_to(zoo, target_is_directory=True)
    out = tmp_path / "claims.jsonl"
    result = CliRunner().invoke(main, ["run", str(zoo), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = {Path(r["source"]).name: r for r in map(json.loads, out.read_text("utf-8").splitlines())}
    assert records["good.txt"]["status"] == "ok"
    assert records["binary.txt"]["status"] == "failed"
    assert records["empty.txt"]["status"] == "skipped"
    assert records["invalid.txt"]["status"] == "ok" and records["invalid.txt"]["warnings"]
    assert records["huge.txt"]["status"] == "skipped"
    assert records["feed.jsonl:2"]["status"] == "failed"
    if os.geteuid() != 0:  # root can read anything
        assert records["locked.txt"]["status"] == "failed"
    for line in result.output.splitlines()[:-1]:
        assert line.startswith("claimx: ") and "\n" not in line
    assert "ok," in result.output.splitlines()[-1]


def test_interrupted_run_keeps_previous_output(tmp_path, monkeypatch):
    out = tmp_path / "claims.jsonl"
    out.write_text("previous\n", "utf-8")

    def explode(*args, **kwargs):
        yield from ()
        raise KeyboardInterrupt

    monkeypatch.setattr("claimx.batch.read_articles", explode)
    result = CliRunner().invoke(main, ["run", "-", "-o", str(out)], input="x")
    assert result.exit_code != 0
    assert out.read_text("utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.jsonl"]


def test_console_script_installed():
    """The installed `claimx` entry point runs (the install path works)."""
    exe = Path(sys.executable).parent / "claimx"
    assert exe.exists()
    result = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and "claimx" in result.stdout


def test_seeds_end_to_end(tmp_path, shared_dir):
    """The five seed articles: status ok, right language, claims in each, valid schema and offsets."""
    out = tmp_path / "seeds.jsonl"
    result = CliRunner().invoke(main, ["run", str(shared_dir / "seeds"), "-o", str(out), "-q"])
    assert result.exit_code == 0
    schema = json.loads(CliRunner().invoke(main, ["schema"]).output)
    gold = {p.name[:-5]: json.loads(p.read_text("utf-8"))["language"] for p in (shared_dir / "gold").glob("*.json")}
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) == 5
    for record in records:
        jsonschema.validate(record, schema)
        assert record["status"] == "ok" and record["claims"]
        assert record["language"]["code"] == gold[Path(record["source"]).name]
        assert_offsets(ArticleResult.model_validate(record))


def test_unsupported_language_is_skipped_with_code(tmp_path):
    f = tmp_path / "de.txt"
    f.write_text("Magnesium kann die Häufigkeit von Migräneanfällen bei Erwachsenen deutlich verringern.", "utf-8")
    out = tmp_path / "o.jsonl"
    CliRunner().invoke(main, ["run", str(f), "-o", str(out)])
    record = json.loads(out.read_text("utf-8"))
    assert record["status"] == "skipped" and "'de'" in record["error"]


def test_claim_ids_do_not_depend_on_how_the_path_is_spelled(tmp_path, corpus_dir, monkeypatch):
    import shutil

    shutil.copytree(corpus_dir, tmp_path / "copy")
    monkeypatch.chdir(tmp_path)
    CliRunner().invoke(main, ["run", "copy", "-o", "rel.jsonl", "-j", "1", "-q"])
    CliRunner().invoke(main, ["run", str(corpus_dir), "-o", "abs.jsonl", "-j", "1", "-q"])
    ids = [[c["id"] for line in Path(name).read_text("utf-8").splitlines() for c in json.loads(line)["claims"]]
           for name in ("rel.jsonl", "abs.jsonl")]
    assert ids[0] and ids[0] == ids[1]


def test_outputs_get_ordinary_permissions_and_keep_the_ones_they_had(tmp_path):
    """The temp file behind an atomic write is 0600; the output is not."""
    import os

    from claimx.output import atomic_writer

    out = tmp_path / "claims.jsonl"
    old = os.umask(0o022)
    try:
        with atomic_writer(out) as handle:
            handle.write("x\n")
        assert out.stat().st_mode & 0o777 == 0o644
        out.chmod(0o640)
        with atomic_writer(out) as handle:
            handle.write("y\n")
        assert out.stat().st_mode & 0o777 == 0o640 and out.read_text() == "y\n"
    finally:
        os.umask(old)


# --- honest counts and messages -------------------------------------------------------------

def _folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Magnesium kan minska antalet migränanfall hos vuxna.\n", "utf-8")
    (folder / "b.txt").write_text("Zink kan forkorte en forkølelse hos voksne.\n", "utf-8")
    (folder / "c.txt").write_text("Magnesium kann die Schlafqualität bei älteren Menschen verbessern.\n", "utf-8")
    return folder


def test_incremental_run_counts_reused_skips_as_skips(tmp_path):
    folder, out = _folder(tmp_path), tmp_path / "claims.jsonl"
    first = CliRunner().invoke(main, ["run", str(folder), "-o", str(out), "-j", "1"])
    assert "2 ok, 1 skipped, 0 failed" in first.stderr
    again = CliRunner().invoke(main, ["run", str(folder), "-o", str(out), "-j", "1", "--incremental"])
    assert "2 ok, 1 skipped, 0 failed, 3 reused" in again.stderr
    assert "skipped: " in again.stderr and "unsupported language 'de'" in again.stderr and "None" not in again.stderr


def test_size_limit_is_given_in_units_that_show_the_numbers(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.txt").write_text("Magnesium kan minska migrän hos vuxna. " * 60, "utf-8")
    size = (folder / "long.txt").stat().st_size
    result = CliRunner().invoke(main, ["run", str(folder), "-o", str(tmp_path / "c.jsonl"), "--max-bytes", "1000"])
    assert f"file is {size:,} bytes, over the --max-bytes limit of 1,000 bytes" in result.stderr
    assert "0.0 MB" not in result.stderr
    from claimx.ingest import human_size

    assert (human_size(20_000_000), human_size(812_500)) == ("20.0 MB", "812.5 KB")


def test_cache_stats_on_a_missing_cache_creates_nothing(tmp_path):
    missing = tmp_path / "no" / "such" / "x.sqlite"
    result = CliRunner().invoke(main, ["cache", "stats", "--cache", str(missing)])
    assert result.exit_code == 1 and "no translation cache here yet" in result.stderr
    assert not (tmp_path / "no").exists()
    cleared = CliRunner().invoke(main, ["cache", "clear", "--cache", str(missing)])
    assert cleared.exit_code == 0 and "nothing to remove" in cleared.output and not (tmp_path / "no").exists()


def _zip(path, first_member):
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(first_member, "<x/>")


@pytest.mark.parametrize("name,make,named", [
    ("report.docx", lambda p: _zip(p, "word/document.xml"), "a Word document (.docx)"),
    ("renamed.txt", lambda p: p.write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\n"), "a PDF document"),
    ("photo.txt", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200)), "a PNG image"),
    ("notes.html", lambda p: p.write_bytes(b"\x1f\x8b\x08\x00" + bytes(100)), "a gzip archive"),
    ("sheet.txt", lambda p: _zip(p, "xl/workbook.xml"), "an Excel workbook (.xlsx)"),
    ("old.txt", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)), "an old Microsoft Office"),
])
def test_documents_images_and_archives_are_named_by_their_real_type(tmp_path, name, make, named):
    path = tmp_path / name
    make(path)
    result = CliRunner().invoke(main, ["run", str(path), "-o", str(tmp_path / "c.jsonl")])
    line = next(line for line in result.stderr.splitlines() if "failed: " in line)
    assert named in line and "not text" in line and str(path) in line


def test_an_input_without_articles_says_where_claimx_looked(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "readme.docx").write_bytes(b"")  # not a kind claimx reads from a folder
    result = CliRunner().invoke(main, ["run", str(empty), "-o", str(tmp_path / "c.jsonl")])
    assert result.exit_code == 1
    assert f"no articles found in {empty}" in result.stderr and ".txt" in result.stderr and ".jsonl" in result.stderr


# --- one naming rule for options -------------------------------------------------------------

WRITES = {"run": "claims.jsonl", "report": "report.html", "export": "-", "claims": "-"}  # command: default of -o/--output
READS_CLAIMS = {"review", "report", "export", "import-reviews", "serve", "evaluate", "claims"}


@pytest.mark.parametrize("command", list(_commands()), ids=" ".join)
def test_help_shows_the_one_option_naming_rule(command):
    text = CliRunner().invoke(main, [*command, "--help"]).output
    usage = text.splitlines()[0]
    options = text.split("Options:")[1] if "Options:" in text else ""
    if command[0] in WRITES:
        assert "-o, --output" in options, text  # -o/--output is the file the command writes
    else:
        assert "-o, --output" not in options and "--output" not in options, text
    if command[0] in READS_CLAIMS:  # the claims file a command reads is its first argument
        assert usage.split("[OPTIONS] ")[1].startswith(("CLAIMS", "[CLAIMS]")), usage
    assert "--out " not in text and "--out," not in text  # the old spelling is hidden


def test_old_spellings_still_work_with_a_deprecation_note(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Magnesium kan minska antalet migränanfall hos vuxna.\n", "utf-8")
    claims = tmp_path / "claims.jsonl"
    CliRunner().invoke(main, ["run", str(folder), "-o", str(claims), "-j", "1"])
    report = CliRunner().invoke(main, ["report", str(claims), "--out", str(tmp_path / "r.html")])
    assert report.exit_code == 0 and (tmp_path / "r.html").exists() and "--out is deprecated" in report.stderr
    export = CliRunner().invoke(main, ["export", str(claims), "--format", "csv", "--out", str(tmp_path / "c.csv")])
    assert export.exit_code == 0 and (tmp_path / "c.csv").read_text("utf-8").startswith("schema,")
    assert "use -o/--output" in export.stderr
    tasks = tmp_path / "tasks.json"
    CliRunner().invoke(main, ["export", str(claims), "--format", "label-studio", "-o", str(tasks)])
    annotated = json.loads(tasks.read_text("utf-8"))
    for task in annotated:
        task["annotations"] = [{"result": task["predictions"][0]["result"], "completed_by": {"email": "a@b.se"}}]
    tasks.write_text(json.dumps(annotated), "utf-8")
    old = CliRunner().invoke(main, ["import-reviews", str(tasks), "--output", str(claims)])
    assert old.exit_code == 0 and "1 accepted" in old.stdout and "deprecated" in old.stderr
    new = CliRunner().invoke(main, ["import-reviews", str(claims), str(tasks)])
    assert new.exit_code == 0 and "1 accepted" in new.stdout and "deprecated" not in new.stderr
