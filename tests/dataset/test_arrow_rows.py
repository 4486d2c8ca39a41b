"""Rows through Arrow's JSON reader make the table `from_pylist` makes, and a build never loads pandas."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from unittest import mock

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpusprep.dataset import arrow_rows
from corpusprep.dataset.arrow_rows import rows_table
from corpusprep.dataset.schema import kept_schema

SCHEMA = kept_schema(["url"])
SEEDS = Path(__file__).resolve().parents[2] / "seeds"

text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)  # lone surrogates: no file can store them
maybe = lambda s: st.none() | s  # noqa: E731
removal = st.fixed_dictionaries({"rule": text, "text": maybe(text), "index": maybe(st.integers(-2**31, 2**31 - 1))})
day = st.dates() | st.datetimes()  # a datetime is stored as its day, as from_pylist does


def _row(draw: st.DrawFn) -> dict:
    row = {}
    for field in SCHEMA:
        if draw(st.booleans()):  # a key left out reads as null
            continue
        kind = field.type
        value: object
        if kind == pa.string():
            value = draw(maybe(text))
        elif kind == pa.date32():
            value = draw(maybe(day))
        elif pa.types.is_list(kind) and pa.types.is_struct(kind.value_type):
            value = draw(maybe(st.lists(removal, max_size=3)))
        else:
            value = draw(maybe(st.lists(maybe(text), max_size=3)))
        row[field.name] = value
    if draw(st.booleans()):
        row["__not_in_schema"] = draw(text)  # ignored, as from_pylist ignores it
    return row


rows = st.lists(st.composite(_row)(), max_size=12)


@settings(max_examples=80, deadline=None)
@given(rows, st.integers(1, 5))
def test_rows_table_equals_from_pylist(batch, slice_rows):
    with mock.patch.object(arrow_rows, "SLICE_ROWS", slice_rows):  # many slices from a few rows
        made = rows_table(batch, SCHEMA)
    assert made.schema == SCHEMA
    assert made.equals(pa.Table.from_pylist(batch, schema=SCHEMA))


def test_a_value_arrow_cannot_store_is_an_error_not_a_silent_null():
    with pytest.raises((TypeError, pa.ArrowInvalid)):
        rows_table([{"id": "a", "date": 3.5}], SCHEMA)


PROBE = """
import sys
from corpusprep.build.orchestrate import build_dataset
build_dataset([sys.argv[1]], name="seeds", version="1.0.0", out=sys.argv[2])
print("pandas" in sys.modules)
"""


def test_a_build_does_not_load_pandas(tmp_path):
    out = subprocess.run([sys.executable, "-c", PROBE, str(SEEDS), str(tmp_path)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"  # pyarrow would import it (42 MB) to inspect Python lists
