"""Readers: every supported input becomes a lazy stream of `RawRecord`s.

Folders of .txt/.md/.html files, JSON Lines, CSV (both optionally gzipped), Parquet,
a dataset saved by `datasets.save_to_disk`, or a local Hub-layout folder (Parquet or
JSONL files under it). Records are yielded one at a time, so a corpus larger than
memory can be read. A problem with the whole input (a missing path, a missing column)
raises `InputError`, one clear line; a problem with one record (undecodable bytes, a
row without text) becomes a record the cleaner rejects with a reason.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .hashing import sha256_of

TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
TABLE_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".json", ".csv", ".csv.gz", ".parquet")


class InputError(Exception):
    """The input as a whole cannot be read: the message is one line for the user."""


@dataclass(frozen=True)
class RawRecord:
    """One input document before cleaning, with where it came from."""

    id: str
    raw: str | bytes
    source: str
    sha256: str
    carried: dict[str, Any] = field(default_factory=dict)
    problem: str | None = None  # set when the record itself is unusable ("no_text")
    #: The site whose boilerplate the document shares: the --site-column value, else the
    #: folder holding a text file or the name of a table file.
    site: str = ""
    #: Between a build's two passes: what the learning pass prepared (`prepare.pack`).
    prepared: bytes | None = None


@dataclass(frozen=True)
class ReadOptions:
    """How tabular inputs map onto records (see docs/build-dataset.md)."""

    text_column: str = "text"
    id_column: str | None = None
    keep_columns: tuple[str, ...] = ()
    site_column: str | None = None


def check_inputs(paths: Sequence[Path]) -> None:
    """Refuse missing paths and unsupported files before any work starts."""
    if not paths:
        raise InputError("no input given")
    for path in paths:
        if not path.exists():
            raise InputError(f"no such file or folder: {path}")
        if path.is_file() and _kind(path) is None:
            raise InputError(f"unsupported input {path}: use {', '.join(TEXT_SUFFIXES + TABLE_SUFFIXES)}, or a folder")


def count_documents(paths: Sequence[Path]) -> int | None:
    """How many records the inputs hold, when that is cheap to know (for a progress ETA), else None.

    Text files and Parquet row counts are known without reading; JSON Lines and CSV are not.
    It follows the same choice of files as `read_inputs`.
    """
    total = 0
    for path in paths:
        if path.is_dir() and (path / "state.json").is_file():
            return None
        texts, tables = ([path], []) if path.is_file() and _kind(path) == "text" else _members(path)
        if texts:
            total += len(texts)
            continue
        for table in tables:
            if _kind(table) != "parquet":
                return None
            import pyarrow.parquet as pq

            total += pq.ParquetFile(table).metadata.num_rows
    return total


def read_inputs(paths: Sequence[Path], options: ReadOptions = ReadOptions()) -> Iterator[RawRecord]:
    """Yield every record of every input, lazily, in a stable order."""
    check_inputs(paths)
    for path in paths:
        yield from _read_path(path, options)


def _read_path(path: Path, options: ReadOptions) -> Iterator[RawRecord]:
    if path.is_file():
        kind = _kind(path)
        if kind == "text":
            yield _text_file(path, path.parent)
        else:
            yield from _table(path, kind, options, prefix=path.name)
        return
    if (path / "dataset_info.json").is_file() and (path / "state.json").is_file():
        yield from _saved_dataset(path, options)
        return
    texts, tables = _members(path)
    if tables and not texts:  # a Hub-layout folder: data files, a README card
        for table in tables:
            yield from _table(table, _kind(table), options, prefix=table.relative_to(path).as_posix())
        return
    if not texts:
        raise InputError(f"no {'/'.join(TEXT_SUFFIXES)} files or data files in {path}")
    for text_path in texts:
        yield _text_file(text_path, path)


def _members(path: Path) -> tuple[list[Path], list[Path]]:
    """The text files and the data files of an input (a folder, or one data file)."""
    if path.is_file():
        return [], [path]
    files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
    # Top-level .json files of a dataset folder are metadata (manifest.json, dataset_infos.json).
    tables = _hub_data_files(path) or [
        p for p in files if _kind(p) not in (None, "text") and not (p.parent == path and p.suffix == ".json")
    ]
    texts = [p for p in files if _kind(p) == "text" and p.name.lower() != "readme.md"]
    return texts, tables


def _hub_data_files(root: Path) -> list[Path]:
    """The data files of the default config a dataset card declares, if the folder has such a card."""
    card = root / "README.md"
    if not card.is_file():
        return []
    text = card.read_text(encoding="utf-8", errors="replace")
    if not text.startswith("---\n") or "\n---" not in text[4:]:
        return []
    import yaml

    try:
        meta = yaml.safe_load(text[4:text.index("\n---", 4)]) or {}
    except yaml.YAMLError:
        return []
    configs = meta.get("configs") if isinstance(meta, dict) else None
    if not isinstance(configs, list) or not configs:
        return []
    chosen = next((c for c in configs if isinstance(c, dict) and (c.get("default") or c.get("config_name") == "default")), configs[0])
    data_files = chosen.get("data_files", []) if isinstance(chosen, dict) else []
    patterns = [data_files] if isinstance(data_files, str) else [
        f if isinstance(f, str) else f.get("path", "") for f in data_files if isinstance(f, (str, dict))
    ]
    found = {p for pattern in patterns if pattern for p in root.glob(pattern) if p.is_file() and _kind(p) not in (None, "text")}
    return sorted(found)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    for suffix, kind in ((".jsonl.gz", "jsonl"), (".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "jsonl"),
                         (".csv.gz", "csv"), (".csv", "csv"), (".parquet", "parquet")):
        if name.endswith(suffix):
            return kind
    return None


def _text_file(path: Path, root: Path) -> RawRecord:
    record_id = path.relative_to(root).as_posix()
    site = (Path(root.name) / path.parent.relative_to(root)).as_posix()
    try:
        data = path.read_bytes()
    except OSError as exc:
        return RawRecord(record_id, b"", str(path), sha256_of(b""), problem=f"unreadable: {exc.strerror}", site=site)
    return RawRecord(record_id, data, str(path), sha256_of(data), site=site)


def _open_text(path: Path) -> io.TextIOBase:
    if path.name.lower().endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="replace", newline="")
    return path.open(encoding="utf-8", errors="replace", newline="")


def _table(path: Path, kind: str, options: ReadOptions, prefix: str) -> Iterator[RawRecord]:
    rows: Iterable[dict[str, Any]]
    if kind == "jsonl":
        rows = _jsonl_rows(path)
    elif kind == "csv":
        rows = _csv_rows(path)
    else:
        rows = _parquet_rows(path)
    yield from _records(rows, options, str(path), prefix)


def _jsonl_rows(path: Path) -> Iterator[dict[str, Any]]:
    try:
        with _open_text(path) as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield {"__problem__": f"bad_json: line {number}: {exc.msg}", "__line__": number}
                    continue
                yield row if isinstance(row, dict) else {"__problem__": f"bad_json: line {number} is not an object", "__line__": number}
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise InputError(f"cannot read {path}: {exc}") from None


def _csv_rows(path: Path) -> Iterator[dict[str, Any]]:
    csv.field_size_limit(sys.maxsize)
    try:
        with _open_text(path) as handle:
            yield from csv.DictReader(handle)
    except (OSError, EOFError, gzip.BadGzipFile, csv.Error) as exc:
        raise InputError(f"cannot read {path}: {exc}") from None


def _parquet_rows(path: Path) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except Exception as exc:  # pyarrow raises several types for a bad file
        raise InputError(f"cannot read {path} as Parquet: {exc}") from None
    for batch in parquet.iter_batches(batch_size=1024):
        yield from batch.to_pylist()


def _saved_dataset(path: Path, options: ReadOptions) -> Iterator[RawRecord]:
    """A `datasets.save_to_disk` folder: Arrow files, read through `datasets` itself."""
    from datasets import load_from_disk

    try:
        dataset = load_from_disk(str(path))
    except Exception as exc:
        raise InputError(f"cannot load the saved dataset {path}: {exc}") from None
    if hasattr(dataset, "keys"):  # a DatasetDict: every split, in name order
        for split in sorted(dataset.keys()):
            yield from _records(iter(dataset[split]), options, str(path), f"{path.name}/{split}")
    else:
        yield from _records(iter(dataset), options, str(path), path.name)


def _records(rows: Iterable[dict[str, Any]], options: ReadOptions, source: str, prefix: str) -> Iterator[RawRecord]:
    checked = False
    for number, row in enumerate(rows):
        if "__problem__" in row:
            yield RawRecord(f"{prefix}:{row['__line__']}", "", source, sha256_of(""), problem=row["__problem__"], site=prefix)
            continue
        if not checked:
            _check_columns(row, options, source)
            checked = True
        record_id = str(row[options.id_column]) if options.id_column else f"{prefix}:{number}"
        text = row.get(options.text_column)
        carried = {name: row.get(name) for name in options.keep_columns}
        site = prefix if options.site_column is None or row.get(options.site_column) is None else str(row[options.site_column])
        if not isinstance(text, (str, bytes)):
            yield RawRecord(record_id, "", source, sha256_of(""), carried, problem="no_text", site=site)
            continue
        yield RawRecord(record_id, text, source, sha256_of(text), carried, site=site)


def _check_columns(row: dict[str, Any], options: ReadOptions, source: str) -> None:
    wanted = [options.text_column] + [c for c in (options.id_column, options.site_column) if c] + list(options.keep_columns)
    missing = [name for name in wanted if name not in row]
    if missing:
        columns = ", ".join(sorted(row)[:20])
        raise InputError(f"{source} has no column {', '.join(missing)} (columns: {columns}); see --text-column/--id-column/--site-column/--keep-columns")
