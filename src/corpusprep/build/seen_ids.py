"""The set of document ids a build has seen, in 16 bytes a slot rather than a Python set's ~90 an id.

A build rejects a repeated id (`duplicate_id`), so it must remember every id it has
read (with one integer per kept document for the duplicate groups, the main process's
only per-document memory). Ids are held as 128-bit
blake2b digests (a false "repeated" needs a 2**-128-grade collision) in a numpy
open-addressing table that doubles when half full.
"""

from __future__ import annotations

import hashlib

import numpy as np


class SeenIds:
    """`add(id)` is True the first time an id is added, False after."""

    def __init__(self, capacity: int = 1 << 12):
        self._high = np.zeros(capacity, dtype=np.uint64)
        self._low = np.zeros(capacity, dtype=np.uint64)
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def add(self, doc_id: str) -> bool:
        digest = hashlib.blake2b(doc_id.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        high = int.from_bytes(digest[:8], "little") or 1  # (0, 0) marks an empty slot
        low = int.from_bytes(digest[8:], "little")
        if not self._insert(high, low):
            return False
        self._count += 1
        if 2 * self._count > len(self._high):
            self._grow()
        return True

    def _insert(self, high: int, low: int) -> bool:
        highs, lows = self._high, self._low
        mask = len(highs) - 1
        slot = low & mask
        while highs[slot]:
            if highs[slot] == high and lows[slot] == low:
                return False
            slot = (slot + 1) & mask
        highs[slot], lows[slot] = high, low
        return True

    def _grow(self) -> None:
        used = self._high != 0
        highs, lows = self._high[used], self._low[used]
        self._high = np.zeros(2 * len(self._high), dtype=np.uint64)
        self._low = np.zeros_like(self._high)
        for high, low in zip(highs.tolist(), lows.tolist()):
            self._insert(high, low)
