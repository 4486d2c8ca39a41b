"""Sort rows by id in bounded memory: sorted runs on disk, then a streaming merge.

Rows arrive in input order; datasets are sorted by id. Holding every row to sort
would make memory grow with the corpus, so rows are sorted in runs of a fixed size,
each written to a file as pickled batches of rows, and the runs are merged a batch at a
time. The merge reads at most `FAN_IN` runs at once (more runs are first merged into
longer ones), and reads them as plain files: a memory map would keep every page it
touched resident, so the merge's memory would grow with the corpus after all.

Pickle rather than Arrow: the rows come back exactly as they went in, two and a half
times faster than Arrow's round trip through Python objects, and without `pa.array`,
which loads pandas (see dataset/arrow_rows.py). The files are the build's own scratch, read by the
process that wrote them.
"""

from __future__ import annotations

import heapq
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pyarrow as pa

RUN_ROWS = 2000
FAN_IN = 32
BATCH_ROWS = 16  # the merge holds a batch of each of up to FAN_IN runs: 512 rows, a few MB of news


class ExternalSorter:
    """Collects rows, spills sorted runs to `folder`, yields all rows sorted by id.

    `schema` is the one the rows will be written with (the sorter stores them as they are).
    """

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
        path = self.folder / f"run-{len(self._runs):06d}.rows"
        with path.open("wb") as out:
            for start in range(0, len(self._pending), BATCH_ROWS):
                _write_batch(out, self._pending[start:start + BATCH_ROWS])
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
        with path.open("wb") as out:
            batch: list[dict[str, Any]] = []
            for row in self._merged(runs):
                batch.append(row)
                if len(batch) == BATCH_ROWS:
                    _write_batch(out, batch)
                    batch = []
            if batch:
                _write_batch(out, batch)
        for run in runs:
            run.unlink()
        return path

    @staticmethod
    def _read_run(path: Path) -> Iterator[dict[str, Any]]:
        with path.open("rb") as source:
            while True:
                try:
                    batch = pickle.load(source)
                except EOFError:
                    return
                yield from batch


def _write_batch(out: IO[bytes], rows: list[dict[str, Any]]) -> None:
    pickle.dump(rows, out, protocol=pickle.HIGHEST_PROTOCOL)
