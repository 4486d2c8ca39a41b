"""Fixed-size records partitioned by hash into files on disk, read back one partition at a time.

Corpus-level passes (paragraph counts, duplicate candidates) produce a few records
per paragraph or per document: far more than should sit in memory for a corpus of
millions. Records are appended to one of `PARTS` files chosen by their key, so every
record with a given key lands in the same file, and each file can then be loaded and
grouped on its own: memory holds one partition, about 1/PARTS of the records.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np

PARTS = 64
FLUSH_RECORDS = 1 << 16


class BucketSpill:
    """Append numpy records with a uint64 `key` field; iterate over partitions sorted by key."""

    def __init__(self, folder: Path, dtype: np.dtype, parts: int = PARTS):
        self.folder = folder
        self.dtype = np.dtype(dtype)
        self.parts = parts
        self.records = 0
        self._pending: list[np.ndarray] = []
        self._pending_count = 0
        folder.mkdir(parents=True, exist_ok=True)

    def add(self, records: np.ndarray) -> None:
        if len(records) == 0:
            return
        self._pending.append(records.astype(self.dtype, copy=False))
        self._pending_count += len(records)
        self.records += len(records)
        if self._pending_count >= FLUSH_RECORDS:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        records = np.concatenate(self._pending)
        self._pending, self._pending_count = [], 0
        part = (records["key"] % np.uint64(self.parts)).astype(np.int64)
        order = np.argsort(part, kind="stable")
        records, part = records[order], part[order]
        bounds = np.searchsorted(part, np.arange(self.parts + 1))
        for number in range(self.parts):
            chunk = records[bounds[number]:bounds[number + 1]]
            if len(chunk):
                with open(self._path(number), "ab") as handle:
                    handle.write(chunk.tobytes())

    def partitions(self) -> Iterator[np.ndarray]:
        """Each non-empty partition, its records sorted by key (then by their other fields, in order)."""
        self.flush()
        for number in range(self.parts):
            path = self._path(number)
            if not path.exists():
                continue
            records = np.fromfile(path, dtype=self.dtype)
            yield np.sort(records, order=list(self.dtype.names or ()))

    def _path(self, number: int) -> Path:
        return self.folder / f"part-{number:03d}.bin"


def runs(keys: np.ndarray) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of equal values in sorted `keys`."""
    if len(keys) == 0:
        return
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ends = np.r_[starts[1:], len(keys)]
    yield from zip(starts.tolist(), ends.tolist())
