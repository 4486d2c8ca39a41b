"""The external sorter: any number of runs, merged in bounded fan-in, gives every row once, sorted by id."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from corpusprep.build import sorting
from corpusprep.build.sorting import ExternalSorter

SCHEMA = pa.schema([("id", pa.string()), ("value", pa.int64())])


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(max_size=6), unique=True, max_size=400), st.integers(1, 12))
def test_rows_come_back_sorted_by_id_whatever_the_number_of_runs(ids, run_rows):
    with tempfile.TemporaryDirectory() as tmp:
        sorter = ExternalSorter(SCHEMA, Path(tmp), run_rows=run_rows)
        for value, doc_id in enumerate(ids):
            sorter.add({"id": doc_id, "value": value})
        rows = list(sorter.sorted_rows())
    assert [r["id"] for r in rows] == sorted(ids)
    assert sorted(r["value"] for r in rows) == list(range(len(ids)))


def test_more_runs_than_the_fan_in_are_merged_in_rounds(tmp_path):
    sorter = ExternalSorter(SCHEMA, tmp_path, run_rows=1)
    ids = [f"{(n * 7919) % 1000:04d}" for n in range(3 * sorting.FAN_IN * sorting.FAN_IN // 2)]
    for value, doc_id in enumerate(ids):
        sorter.add({"id": f"{doc_id}-{value}", "value": value})
    assert [r["value"] for r in sorter.sorted_rows()] == [v for _, v in sorted((f"{d}-{v}", v) for v, d in enumerate(ids))]
    assert len(list(tmp_path.glob("*.rows"))) <= sorting.FAN_IN  # earlier rounds left only merged runs
