"""Flat exports of different runs load together, typed, in pandas, Hugging Face datasets and pyarrow."""

import io
import json

import pytest
from click.testing import CliRunner

from claimx.cli import main
from claimx.dataset import COLUMNS, NAMES, arrow_schema, hf_features, pandas_dtypes

HTML = """<!DOCTYPE html><html><head><title>Selen og skjoldbruskkirtlen</title></head><body>
<nav><a href="/">Forside</a></nav><article><h1>Selen og skjoldbruskkirtlen</h1>
<p>Selen er et sporstof, som kroppen bruger i skjoldbruskkirtlen.</p>
<p>I et randomiseret forsøg med 364 deltagere gav 200 mikrogram selen dagligen færre antistoffer.</p>
<p>Høje doser selen kan give hårtab og kvalme.</p></article></body></html>"""


@pytest.fixture(scope="module")
def exports(tmp_path_factory, corpus_dir):
    """Two runs (plain texts without titles; an HTML page with one), each exported three ways."""
    import shutil

    root = tmp_path_factory.mktemp("exports")
    (root / "txt").mkdir()
    for name in ("sv_melatonin_somn.txt", "nb_probiotika_diare.txt", "da_zink_forkolelse.txt"):
        shutil.copy(corpus_dir / name, root / "txt")
    (root / "html").mkdir()
    (root / "html" / "selen.html").write_text(HTML, "utf-8")
    files = {}
    for run in ("txt", "html"):
        output = root / f"{run}.claims.jsonl"
        assert CliRunner().invoke(main, ["run", str(root / run), "-o", str(output), "-j", "1"]).exit_code == 0
        for fmt, ext in (("jsonl", "jsonl"), ("csv", "csv"), ("parquet", "parquet")):
            files[run, fmt] = root / f"{run}.{ext}"
            result = CliRunner().invoke(main, ["export", str(output), "--format", fmt, "-o", str(files[run, fmt])])
            assert result.exit_code == 0, result.output
    return files


def _rows(path):
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def test_jsonl_rows_have_every_column_in_order_with_fixed_types(exports):
    rows = _rows(exports["txt", "jsonl"]) + _rows(exports["html", "jsonl"])
    assert rows and all(list(r) == NAMES for r in rows)
    kinds = dict(COLUMNS)
    for row in rows:
        for name, value in row.items():
            expected = {"string": (str,), "int": (int, type(None)), "float": (float, type(None)),
                        "bool": (bool, type(None)), "list": (list,)}[kinds[name]]
            assert isinstance(value, expected) and not isinstance(value, bool) or kinds[name] == "bool", name
        assert row["schema"] == "claimx/1" and row["rules_version"]
    assert {r["title"] for r in _rows(exports["txt", "jsonl"])} == {""}
    assert {r["title"] for r in _rows(exports["html", "jsonl"])} == {"Selen og skjoldbruskkirtlen"}


def test_csv_has_the_jsonl_columns_and_values(exports):
    import csv

    for run in ("txt", "html"):
        table = list(csv.DictReader(io.StringIO(exports[run, "csv"].read_text("utf-8"))))
        rows = _rows(exports[run, "jsonl"])
        assert list(table[0]) == NAMES and len(table) == len(rows)
        for cells, row in zip(table, rows):
            for name, kind in COLUMNS:
                value = row[name]
                if kind == "list":
                    assert json.loads(cells[name]) == value
                elif value is None:
                    assert cells[name] == ""
                elif kind == "bool":
                    assert cells[name] == ("true" if value else "false")
                elif kind in ("int", "float"):
                    assert float(cells[name]) == value
                else:
                    assert cells[name] == value


def test_pandas_loads_two_runs_together_with_the_documented_dtypes(exports):
    import pandas as pd

    from claimx.dataset import pandas_csv_options

    jsonl = pd.concat([pd.read_json(exports[run, "jsonl"], lines=True, dtype=pandas_dtypes())
                       for run in ("txt", "html")], ignore_index=True)
    csv_ = pd.concat([pd.read_csv(exports[run, "csv"], **pandas_csv_options()) for run in ("txt", "html")],
                     ignore_index=True)
    parquet = pd.read_parquet([exports["txt", "parquet"], exports["html", "parquet"]],
                              dtype_backend="numpy_nullable")
    for frame in (jsonl, csv_, parquet):
        assert list(frame.columns) == NAMES
        for name, dtype in pandas_dtypes().items():
            assert str(frame[name].dtype) == {"string": "string", "Int64": "Int64", "Float64": "Float64",
                                              "boolean": "boolean"}[dtype], (name, frame[name].dtype)
        assert frame["title"].isna().sum() == 0 and frame["substance_text"].isna().sum() == 0
        assert frame["participants"].dropna().astype(int).tolist()  # integers, not floats
    lists = [name for name, kind in COLUMNS if kind == "list"]
    assert all(jsonl[name].map(type).eq(list).all() for name in lists)
    pd.testing.assert_frame_equal(jsonl.drop(columns=lists), csv_.drop(columns=lists))
    assert csv_["authorised"].map(json.loads).tolist() == jsonl["authorised"].tolist()


def test_hugging_face_datasets_loads_two_runs_together(exports, tmp_path, monkeypatch):
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    import datasets

    files = [str(exports["txt", "jsonl"]), str(exports["html", "jsonl"])]
    typed = datasets.load_dataset("json", data_files=files, features=hf_features(), cache_dir=str(tmp_path))["train"]
    inferred = datasets.load_dataset("json", data_files=files, cache_dir=str(tmp_path / "inferred"))["train"]
    assert typed.features == hf_features() and typed.num_rows == len(_rows(exports["txt", "jsonl"])) + len(
        _rows(exports["html", "jsonl"]))
    assert inferred.features["title"] == datasets.Value("string")  # never inferred as null
    assert typed.features["participants"] == datasets.Value("int64")
    assert typed.features["rule_ids"] == datasets.Sequence(datasets.Value("string"))
    parquet = datasets.load_dataset("parquet", data_files=[str(exports["txt", "parquet"]),
                                                            str(exports["html", "parquet"])],
                                    cache_dir=str(tmp_path / "parquet"))["train"]
    assert parquet.num_rows == typed.num_rows


def test_pyarrow_reads_and_concatenates_both_runs(exports):
    import pyarrow as pa
    import pyarrow.json as pj
    import pyarrow.parquet as pq

    schema = arrow_schema()
    tables = [pj.read_json(exports[run, "jsonl"], parse_options=pj.ParseOptions(explicit_schema=schema))
              for run in ("txt", "html")]
    joined = pa.concat_tables(tables)
    assert [(f.name, f.type) for f in joined.schema] == [(f.name, f.type) for f in schema]
    stored = pa.concat_tables([pq.read_table(exports[run, "parquet"]) for run in ("txt", "html")])
    assert stored.schema.equals(schema, check_metadata=False)
    assert stored.to_pylist() == joined.to_pylist()


def test_parquet_needs_a_file(tmp_path, corpus_dir):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Zink kan forkorte en forkølelse.\n", "utf-8")
    CliRunner().invoke(main, ["run", str(tmp_path / "in"), "-o", str(tmp_path / "c.jsonl"), "-j", "1"])
    result = CliRunner().invoke(main, ["export", str(tmp_path / "c.jsonl"), "--format", "parquet"])
    assert result.exit_code == 2 and "give -o FILE" in result.stderr


def test_readme_lists_the_columns_in_order():
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    assert " ".join(f"`{n}` ({k})" for n, k in COLUMNS) in readme
