"""Sort rows by id in bounded memory: sorted runs on disk, then a streaming merge.

Rows arrive in input order; datasets are sorted by id. Holding every row to sort
would make memory grow with the corpus, so rows are sorted in runs of a fixed size,
each written to an Arrow IPC file, and the runs are merged a batch at a time. The
merge reads at most `FAN_IN` runs at once (more runs are first merged into longer
ones), and reads them as plain files: a memory map would keep every page it touched
resident, so the merge's memory would grow with the corpus after all.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.ipc as ipc

RUN_ROWS = 2000
FAN_IN = 32
BATCH_ROWS = 64


class ExternalSorter:
    """Collects rows, spills sorted runs to `folder`, yields all rows sorted by id."""

    def __init__(self, schema: pa.Schema, folder: Path, run_rows: int = RUN_ROWS):
        self.schema = schema
        self.folder = folder
        self.run_rows = run_rows
        self._pending: list[dict[str, Any]] = []
        self._runs: list[Path] = []

    def add(self, row: dict[str, Any]) -> None:
        self._pending.append(row)
        if len(self._pending) >= self.run_rows:
            self._spill()

    def _spill(self) -> None:
        if not self._pending:
            return
        self._pending.sort(key=lambda row: row["id"])
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"run-{len(self._runs):06d}.arrow"
        table = pa.Table.from_pylist(self._pending, schema=self.schema)
        with ipc.new_file(path, self.schema) as writer:
            writer.write_table(table, max_chunksize=BATCH_ROWS)
        self._runs.append(path)
        self._pending = []

    def sorted_rows(self) -> Iterator[dict[str, Any]]:
        if not self._runs:  # everything fits in one run: no disk round trip
            yield from sorted(self._pending, key=lambda row: row["id"])
            return
        self._spill()
        while len(self._runs) > FAN_IN:
            self._runs = [self._merge_into_run(self._runs[i:i + FAN_IN], number)
                          for number, i in enumerate(range(0, len(self._runs), FAN_IN))]
        yield from self._merged(self._runs)

    def _merged(self, runs: list[Path]) -> Iterator[dict[str, Any]]:
        return heapq.merge(*(self._read_run(path) for path in runs), key=lambda row: row["id"])

    def _merge_into_run(self, runs: list[Path], number: int) -> Path:
        """Merge `runs` into one longer run file (streaming), and delete them."""
        path = runs[0].with_name(f"merged-{number:06d}-{runs[0].name}")
        with ipc.new_file(path, self.schema) as writer:
            batch: list[dict[str, Any]] = []
            for row in self._merged(runs):
                batch.append(row)
                if len(batch) == BATCH_ROWS:
                    writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=self.schema))
                    batch = []
            if batch:
                writer.write_batch(pa.RecordBatch.from_pylist(batch, schema=self.schema))
        for run in runs:
            run.unlink()
        return path

    @staticmethod
    def _read_run(path: Path) -> Iterator[dict[str, Any]]:
        with pa.OSFile(str(path)) as source:
            reader = ipc.open_file(source)
            for index in range(reader.num_record_batches):
                yield from reader.get_batch(index).to_pylist()
