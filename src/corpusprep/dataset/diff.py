"""What changed between two built versions: ids added, removed, changed, and which fields changed.

Both versions are sorted by id, so one streaming merge compares them in bounded memory.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

IGNORED = frozenset({"source"})  # where a copy of the input lay is not a change of the data


def _rows(version_dir: Path) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    for path in sorted((version_dir / "data").glob("*.parquet")):
        for batch in pq.ParquetFile(path).iter_batches(batch_size=512):
            yield from batch.to_pylist()


def diff_versions(old_dir: Path, new_dir: Path) -> dict[str, Any]:
    """A JSON-ready diff of the kept rows of two version folders."""
    added: list[str] = []
    removed: list[str] = []
    changed: dict[str, list[str]] = {}
    fields: Counter[str] = Counter()
    old_rows, new_rows = _rows(old_dir), _rows(new_dir)
    old, new = next(old_rows, None), next(new_rows, None)
    while old is not None or new is not None:
        if new is None or old is not None and old["id"] < new["id"]:
            assert old is not None  # for the type checker: not both None inside the loop
            removed.append(old["id"])
            old = next(old_rows, None)
        elif old is None or new["id"] < old["id"]:
            added.append(new["id"])
            new = next(new_rows, None)
        else:
            names = sorted(k for k in set(old) | set(new) if k not in IGNORED and old.get(k) != new.get(k))
            if names:
                changed[new["id"]] = names
                fields.update(names)
            old, new = next(old_rows, None), next(new_rows, None)
    return {
        "previous_version": old_dir.name,
        "counts": {"added": len(added), "removed": len(removed), "changed": len(changed)},
        "fields_changed": dict(sorted(fields.items())),
        "added": added,
        "removed": removed,
        "changed": changed,
    }
