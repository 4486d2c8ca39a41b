"""Exact and near-duplicate documents, syndicated copies included, grouped across the whole corpus.

Every kept document's body gets a MinHash signature (`minhash`); its band keys are
spilled to disk by hash (`corpus.spill`), and documents sharing a band key become
candidates, confirmed when their signatures agree on at least `threshold` of their
positions (estimated Jaccard similarity of word 5-gram shingles). Confirmed pairs are
joined into groups (union-find), so copies of copies group too. Identical bodies have
identical signatures and always group. With `method="exact"` only documents whose
bodies have the same words (case and punctuation aside) group: no signatures, no
candidate checks (a build about 25% faster on the benchmark corpus).

Each group keeps one canonical copy: the original publisher's (a member whose
publisher another member names as `original_publisher`), else the earliest dated,
else the smallest id. Memory holds one spill partition, one int per document (the
union-find) and one entry per group; signatures and per-document facts wait on disk.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import os
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..document import Document
from .dedup_options import DedupOptions
from .minhash import PERMUTATIONS, band_keys, similarity
from .spill import BucketSpill, runs

_BAND = np.dtype([("key", "<u8"), ("doc", "<u4")])
REPORT_GROUPS = 10


@dataclass(frozen=True)
class Member:
    doc_id: str
    publisher: str | None
    original_publisher: str | None
    date: str | None
    exact: int


@dataclass
class Duplicates:
    """The groups found. `canonical[ordinal]` is the ordinal of the copy a document's group keeps."""

    canonical: np.ndarray | None = None
    canonical_ids: dict[int, str] = field(default_factory=dict)
    groups: int = 0
    documents_in_groups: int = 0
    exact_copies: int = 0
    largest: list[dict[str, Any]] = field(default_factory=list)

    def group_of(self, ordinal: int | None, doc_id: str) -> tuple[str, str | None]:
        """(duplicate_group, duplicate_of) of the document `add()`ed as number `ordinal`; a lone document is its own group."""
        if self.canonical is None or ordinal is None or self.canonical[ordinal] == ordinal:
            return doc_id, None
        kept = self.canonical_ids[int(self.canonical[ordinal])]
        return kept, kept

    def report(self) -> dict[str, Any]:
        return {"groups": self.groups, "documents_in_groups": self.documents_in_groups,
                "copies": self.documents_in_groups - self.groups, "exact_copies": self.exact_copies,
                "largest_groups": self.largest}


def _preference(member: Member, originals: set[str]) -> tuple[Any, ...]:
    """Smaller is kept: the original publisher's copy, else the earliest dated, else the smallest id."""
    return (not (member.publisher and member.publisher.casefold() in originals), member.date or "9999-12-31",
            member.doc_id)


def canonical(members: list[Member]) -> Member:
    """The copy a group keeps (see `_preference`)."""
    originals = {m.original_publisher.casefold() for m in members if m.original_publisher}
    return min(members, key=lambda m: _preference(m, originals))


class DuplicateFinder:
    """Streaming: `add()` every kept document with its signature, then `finish()` once."""

    def __init__(self, folder: Path, options: DedupOptions = DedupOptions()):
        self.options = options
        folder.mkdir(parents=True, exist_ok=True)
        self._bands = BucketSpill(folder / "bands", _BAND)
        self._signatures_path = folder / "signatures.bin"
        self._signatures = self._signatures_path.open("wb")
        self._members_path = folder / "documents.jsonl"
        self._members = self._members_path.open("w", encoding="utf-8")
        self._count = 0
        self._exact = options.method == "exact"

    def add(self, doc_id: str, doc: Document, sig: np.ndarray | None, exact: int,
            bands: np.ndarray | None = None) -> int:
        """Record one kept document; returns its ordinal, which `Duplicates.group_of` takes.

        `bands` are `band_keys(sig)`, when a worker computed them already. With
        `method="exact"` the signature is not needed (None) and the exact key is the one band.
        """
        if self._exact:
            bands = np.array([exact], dtype=np.uint64)
        else:
            assert sig is not None, "a signature is needed unless method is exact"
            bands = band_keys(sig) if bands is None else bands
            self._signatures.write(np.asarray(sig, dtype=np.uint32).tobytes())
        keys = np.empty(len(bands), _BAND)
        keys["key"], keys["doc"] = bands, self._count
        self._bands.add(keys)
        date = doc.date.isoformat() if isinstance(doc.date, dt.date) else None
        self._members.write(json.dumps([doc_id, doc.publisher, doc.original_publisher, date, exact]) + "\n")
        self._count += 1
        return self._count - 1

    def finish(self) -> Duplicates:
        """Group the documents; memory: one int per document, one entry per group, one spill partition."""
        self._signatures.close()
        self._members.close()
        if self._count < 2:
            return Duplicates()
        parent = np.arange(self._count, dtype=np.int64)
        with _Signatures(self._signatures_path) as signatures:
            for part in self._bands.partitions():
                for start, end in runs(part["key"]):
                    if end - start > 1:
                        self._join(parent, signatures, part["doc"][start:end].tolist())
        roots = _roots(parent)
        sizes = np.bincount(roots, minlength=self._count)
        if not (sizes > 1).any():
            return Duplicates()
        return self._decide(roots, sizes)

    def _members_of_groups(self, roots: np.ndarray, sizes: np.ndarray) -> Iterator[tuple[int, int, Member]]:
        """(ordinal, root, member) of every document in a group of two or more, read back from disk."""
        with self._members_path.open(encoding="utf-8") as handle:
            for ordinal, line in enumerate(handle):
                root = int(roots[ordinal])
                if sizes[root] > 1:
                    yield ordinal, root, Member(*json.loads(line))

    def _decide(self, roots: np.ndarray, sizes: np.ndarray) -> Duplicates:
        """Three streaming reads of the members: the originals each group names, the kept copy, the report."""
        originals: dict[int, set[str]] = defaultdict(set)
        for _, root, member in self._members_of_groups(roots, sizes):
            if member.original_publisher:
                originals[root].add(member.original_publisher.casefold())
        best: dict[int, tuple[tuple[Any, ...], int, Member]] = {}
        for ordinal, root, member in self._members_of_groups(roots, sizes):
            key = _preference(member, originals.get(root, set()))
            if root not in best or key < best[root][0]:
                best[root] = (key, ordinal, member)
        kept_of_root = np.arange(self._count, dtype=np.int64)
        for root, (_, ordinal, _) in best.items():
            kept_of_root[root] = ordinal
        found = Duplicates(kept_of_root[roots], {ordinal: m.doc_id for _, ordinal, m in best.values()},
                           groups=len(best), documents_in_groups=int(sizes[sizes > 1].sum()))
        shown = sorted(best, key=lambda root: (-int(sizes[root]), best[root][2].doc_id))[:REPORT_GROUPS]
        copies: dict[int, list[str]] = {root: [] for root in shown}
        for ordinal, root, member in self._members_of_groups(roots, sizes):
            kept = best[root][2]
            if ordinal != best[root][1]:
                found.exact_copies += member.exact == kept.exact
                if root in copies:  # keep the REPORT_GROUPS smallest ids, not the whole group
                    bisect.insort(copies[root], member.doc_id)
                    del copies[root][REPORT_GROUPS:]
        found.largest = [{"kept": best[root][2].doc_id, "size": int(sizes[root]), "copies": copies[root]}
                         for root in shown]
        return found

    def _join(self, parent: np.ndarray, signatures: _Signatures, docs: list[int]) -> None:
        """Group the documents of one bucket: all of them for exact keys, else those similar enough to the first."""
        first, mine = docs[0], None
        for other in docs[1:]:
            a, b = _find(parent, first), _find(parent, other)
            if a == b:
                continue
            if not self._exact:
                mine = signatures[first] if mine is None else mine
                if similarity(mine, signatures[other]) < self.options.threshold:
                    continue
            parent[max(a, b)] = min(a, b)


class _Signatures:
    """Signatures read from their file one at a time, when a comparison needs them.

    Not memory-mapped: band buckets point all over the file, and every page a map
    touches stays in the process's resident set (half a kilobyte per document).
    """

    _SIZE = PERMUTATIONS * 4

    def __init__(self, path: Path):
        self._fd = os.open(path, os.O_RDONLY)

    def __getitem__(self, ordinal: int) -> np.ndarray:
        return np.frombuffer(os.pread(self._fd, self._SIZE, ordinal * self._SIZE), dtype=np.uint32)

    def __enter__(self) -> _Signatures:
        return self

    def __exit__(self, *exc: object) -> None:
        os.close(self._fd)


def _find(parent: np.ndarray, node: int) -> int:
    while parent[node] != node:
        parent[node] = parent[parent[node]]
        node = int(parent[node])
    return node


def _roots(parent: np.ndarray) -> np.ndarray:
    """Every node's root, by pointer jumping (vectorised)."""
    while True:
        jumped = parent[parent]
        if np.array_equal(jumped, parent):
            return parent
        parent = jumped
