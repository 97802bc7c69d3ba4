"""The one column list of claimx's flat dataset exports (jsonl, csv, parquet) and its types.

Every flat export has these columns in this order, so exports of different
runs concatenate in pandas, Hugging Face ``datasets`` and pyarrow:

- ``string`` columns are never null: a missing value is ``""`` (a CSV cannot
  tell an empty string from a null, so neither format does);
- ``int`` and ``float`` columns are numbers or null (empty in CSV);
- ``bool`` is true, false or null (``true``/``false``/empty in CSV);
- ``list`` columns are lists of strings: JSON lists in JSONL and parquet, a
  JSON-encoded list in CSV (``["dose", "condition"]``).

:func:`arrow_schema`, :func:`hf_features` and :func:`pandas_dtypes` are the
same list for each tool.
"""

from __future__ import annotations

import json
from typing import Any

COLUMNS: list[tuple[str, str]] = [
    ("schema", "string"), ("rules_version", "string"),
    ("doc_id", "string"), ("source", "string"), ("title", "string"), ("language", "string"),
    ("claim_id", "string"), ("status", "string"), ("reviewer", "string"), ("note", "string"),
    ("kinds", "list"), ("sentence", "string"), ("sentence_start", "int"), ("sentence_end", "int"),
    ("substance", "string"), ("form", "string"), ("substance_text", "string"), ("substance_start", "int"),
    ("substance_end", "int"),
    ("dose_text", "string"), ("dose_start", "int"), ("dose_end", "int"), ("dose_min", "float"),
    ("dose_max", "float"), ("dose_unit", "string"), ("dose_per", "string"), ("times_per_day", "int"),
    ("duration_days", "int"), ("route", "string"), ("dose_qualifier", "string"), ("per_kg", "bool"),
    ("condition", "string"), ("icd10", "string"), ("condition_text", "string"), ("condition_start", "int"),
    ("condition_end", "int"),
    ("target", "string"), ("target_text", "string"), ("target_start", "int"), ("target_end", "int"),
    ("polarity", "string"), ("effect_text", "string"), ("magnitude_value", "float"), ("magnitude_unit", "string"),
    ("certainty", "string"), ("evidence", "string"), ("participants", "int"),
    ("regulatory_kind", "string"), ("verdict", "string"), ("authorised", "list"), ("dose_above_ul", "bool"),
    ("ul", "float"), ("ul_unit", "string"), ("ul_population", "string"), ("rule_ids", "list"),
]
NAMES = [name for name, _ in COLUMNS]
KINDS = dict(COLUMNS)


def typed(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` in column order with every value of its column's type (strings never null)."""
    out: dict[str, Any] = {}
    for name, kind in COLUMNS:
        value = row.get(name)
        if kind == "string":
            out[name] = "" if value is None else str(value)
        elif kind == "int":
            out[name] = None if value is None else int(value)
        elif kind == "float":
            out[name] = None if value is None else float(value)
        elif kind == "bool":
            out[name] = None if value is None else bool(value)
        else:
            out[name] = [str(v) for v in value or []]
    return out


def csv_cells(row: dict[str, Any]) -> dict[str, str]:
    """A typed row as CSV cells: lists JSON-encoded, booleans lowercase, numbers as Python writes them."""
    cells = {}
    for name, kind in COLUMNS:
        value = row[name]
        if value is None:
            cells[name] = ""
        elif kind == "list":
            cells[name] = json.dumps(value, ensure_ascii=False)
        elif kind == "bool":
            cells[name] = "true" if value else "false"
        elif kind == "float":
            cells[name] = repr(float(value))
        else:
            cells[name] = str(value)
    return cells


def arrow_schema():
    """The columns as a pyarrow schema (``pip install 'claimx[parquet]'``)."""
    import pyarrow as pa

    types = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
             "list": pa.list_(pa.string())}
    return pa.schema([pa.field(name, types[kind], nullable=kind != "string") for name, kind in COLUMNS],
                     metadata={"claimx": "flat claims export, one row per claim"})


def hf_features():
    """The columns as Hugging Face ``datasets.Features``, for ``load_dataset("json", ..., features=...)``."""
    from datasets import Features, Sequence, Value

    types = {"string": Value("string"), "int": Value("int64"), "float": Value("float64"), "bool": Value("bool"),
             "list": Sequence(Value("string"))}
    return Features({name: types[kind] for name, kind in COLUMNS})


def pandas_dtypes() -> dict[str, str]:
    """pandas dtypes for the scalar columns (nullable ones: ``Int64``, ``Float64``, ``boolean``);
    list columns are ``object`` holding lists."""
    names = {"string": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}
    return {name: names[kind] for name, kind in COLUMNS if kind in names}


def pandas_csv_options() -> dict[str, Any]:
    """``pd.read_csv`` options that read a claimx CSV back exactly: strings stay strings (an empty
    cell is ``""``), empty numeric and boolean cells are missing values."""
    missing = {name: [""] for name, kind in COLUMNS if kind in ("int", "float", "bool")}
    return {"dtype": pandas_dtypes(), "keep_default_na": False, "na_values": missing}
