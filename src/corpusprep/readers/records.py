"""Readers: every supported input becomes a lazy stream of `RawRecord`s.

Folders of .txt/.md/.html files, JSON Lines, CSV (both optionally gzipped), Parquet,
a dataset saved by `datasets.save_to_disk`, or a local Hub-layout folder (Parquet or
JSONL files under it); the same on any storage fsspec reaches, given as a URL
(`hf://datasets/OWNER/NAME`, `s3://bucket/corpus/`, `memory://…`). Records are
yielded one at a time, so a corpus larger than memory can be read. A problem with the
whole input (a missing path, a missing column) raises `InputError`, one clear line; a
problem with one record (undecodable bytes, a row without text) becomes a record the
cleaner rejects with a reason.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import posixpath
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CorpusprepError
from ..hashing import sha256_of

if TYPE_CHECKING:
    from typing_extensions import TypeIs  # typing.TypeIs from Python 3.13

TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
TABLE_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".json", ".csv", ".csv.gz", ".parquet")


#: The key a row reader uses for a row that is no document (malformed JSON): the problem.
_PROBLEM = "__problem__"


class InputError(CorpusprepError):
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


def is_url(value: object) -> TypeIs[str]:
    """Whether an input is an fsspec URL (`hf://…`, `s3://…`) rather than a local path."""
    return isinstance(value, str) and "://" in value


def as_input(value: str | Path) -> str | Path:
    """An input as the readers take it: a URL stays text (`Path` would fold its `//`), anything else is a `Path`."""
    return value if is_url(value) else Path(value)


def check_inputs(paths: Sequence[str | Path]) -> None:
    """Refuse missing paths and unsupported files before any work starts."""
    if not paths:
        raise InputError("no input given")
    for path in map(as_input, paths):
        if is_url(path):
            _check_url(path)
            continue
        if not path.exists():
            raise InputError(f"no such file or folder: {path}")
        if path.is_file() and _kind(path) is None:
            raise InputError(f"unsupported input {path}: use {', '.join(TEXT_SUFFIXES + TABLE_SUFFIXES)}, or a folder")


def count_documents(paths: Sequence[str | Path]) -> int | None:
    """How many records the inputs hold, when that is cheap to know (for a progress ETA), else None.

    Text files and Parquet row counts are known without reading; JSON Lines and CSV are not.
    It follows the same choice of files as `read_inputs`; a URL is not counted (each file
    would be one more request).
    """
    total = 0
    for path in map(as_input, paths):
        if is_url(path):
            return None
        if path.is_dir() and (path / "state.json").is_file():
            return None
        texts, tables = ([path], []) if path.is_file() and _kind(path) == "text" else _members(path)[:2]
        if texts:
            total += len(texts)
            continue
        for table in tables:
            if _kind(table) != "parquet":
                return None
            import pyarrow.parquet as pq

            total += pq.ParquetFile(table).metadata.num_rows
    return total


def read_inputs(paths: Sequence[str | Path], options: ReadOptions = ReadOptions()) -> Iterator[RawRecord]:
    """Yield every record of every input, lazily, in a stable order."""
    check_inputs(paths)
    for path in map(as_input, paths):
        yield from _read_url(path, options) if is_url(path) else _read_path(path, options)


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
    texts, tables, unreadable = _members(path)
    yield from unreadable
    if tables and not texts:  # a Hub-layout folder: data files, a README card
        for table in tables:
            yield from _table(table, _kind(table), options, prefix=table.relative_to(path).as_posix())
        return
    if not texts and not unreadable:
        raise InputError(f"no {'/'.join(TEXT_SUFFIXES)} files or data files in {path}")
    for text_path in texts:
        yield _text_file(text_path, path)


def _members(path: Path) -> tuple[list[Path], list[Path], list[RawRecord]]:
    """The text files and the data files of an input (a folder, or one data file), and what could not be read."""
    if path.is_file():
        return [], [path], []
    files, unreadable = _walk(path)
    # Top-level .json files of a dataset folder are metadata (manifest.json, dataset_infos.json).
    tables = _hub_data_files(path) or [
        p for p in files if _kind(p) not in (None, "text") and not (p.parent == path and p.suffix == ".json")
    ]
    texts = [p for p in files if _kind(p) == "text" and p.name.lower() != "readme.md"]
    return texts, tables, unreadable


def _walk(root: Path) -> tuple[list[Path], list[RawRecord]]:
    """Every visible file below `root`, sorted; a folder that cannot be listed, or a link
    that leads nowhere, becomes a record with the problem `unreadable` (never a silent gap)."""
    files: list[Path] = []
    unreadable: list[RawRecord] = []

    def failed(exc: OSError) -> None:
        if Path(exc.filename) == root:
            raise InputError(f"cannot read folder {_path_text(str(root))}: {exc.strerror}")
        unreadable.append(_unreadable(Path(exc.filename), root, exc.strerror or "cannot be listed"))

    for folder, dirs, names in os.walk(root, onerror=failed):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            file = Path(folder) / name
            if name.startswith("."):
                continue
            if file.is_file():
                files.append(file)
            elif file.is_symlink() and _kind(file) is not None:
                unreadable.append(_unreadable(file, root, "a link to nothing, or a loop of links"))
    return sorted(files), sorted(unreadable, key=lambda r: r.id)


def _unreadable(path: Path, root: Path, why: str | None) -> RawRecord:
    """The record of a file below `root` that cannot be read: rejected as `unreadable`, with why."""
    return _file_record(path, root, b"", problem=f"unreadable: {why}")


def _file_record(path: Path, root: Path, data: bytes, problem: str | None = None) -> RawRecord:
    """A file below `root` as a record: its id is its path below `root`, its site the folder it is in."""
    record_id = _path_text(path.relative_to(root).as_posix())
    site = _path_text((Path(root.name) / path.parent.relative_to(root)).as_posix())
    return RawRecord(record_id, data, _path_text(str(path)), sha256_of(data), problem=problem, site=site)


def _hub_data_files(root: Path) -> list[Path]:
    """The data files of the default config a dataset card declares, if the folder has such a card."""
    card = root / "README.md"
    if not card.is_file():
        return []
    patterns = _card_patterns(card.read_text(encoding="utf-8", errors="replace"))
    found = {p for pattern in patterns if pattern for p in root.glob(pattern) if p.is_file() and _kind(p) not in (None, "text")}
    return sorted(found)


def _card_patterns(text: str) -> list[str]:
    """The `data_files` patterns of the default config in a dataset card's front matter (none without a card)."""
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
    return [data_files] if isinstance(data_files, str) else [
        f if isinstance(f, str) else f.get("path", "") for f in data_files if isinstance(f, (str, dict))
    ]


def _kind(path: Path | RemoteFile) -> str | None:
    name = path.name.lower()
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    for suffix, kind in ((".jsonl.gz", "jsonl"), (".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "jsonl"),
                         (".csv.gz", "csv"), (".csv", "csv"), (".parquet", "parquet")):
        if name.endswith(suffix):
            return kind
    return None


def _text_file(path: Path, root: Path) -> RawRecord:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _unreadable(path, root, exc.strerror)
    return _file_record(path, root, data)


def _path_text(name: str) -> str:
    """A file name as storable text: bytes that are not UTF-8 are shown as `\\xff` escapes."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _open_text(path: Path | RemoteFile) -> io.TextIOBase:
    """A table file as text: UTF-8, or the UTF-16 its byte-order mark announces; a UTF-8 BOM is skipped."""
    if isinstance(path, RemoteFile):
        binary = path.open("rb")
    else:
        binary = gzip.open(path, "rb") if path.name.lower().endswith(".gz") else path.open("rb")
    start = binary.peek(4)[:4] if hasattr(binary, "peek") else b""
    encoding = "utf-16" if start.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    # typeshed: TextIOWrapper wants a buffer with .name, which BufferedIOBase does not declare (every real one has it)
    return io.TextIOWrapper(binary, encoding=encoding, errors="replace", newline="")  # type: ignore[type-var]


def _table(path: Path | RemoteFile, kind: str | None, options: ReadOptions, prefix: str) -> Iterator[RawRecord]:
    rows: Iterable[dict[str, Any]]
    if kind == "jsonl":
        rows = _jsonl_rows(path)
    elif kind == "csv":
        rows = _csv_rows(path)
    else:
        rows = _parquet_rows(path)
    yield from _records(rows, options, _path_text(str(path)), _path_text(prefix))


def _jsonl_rows(path: Path | RemoteFile) -> Iterator[dict[str, Any]]:
    try:
        with _open_text(path) as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield {_PROBLEM: f"bad_json: line {number}: {exc.msg}"}
                    continue
                yield row if isinstance(row, dict) else {_PROBLEM: f"bad_json: line {number} is not an object"}
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise InputError(f"cannot read {path}: {exc}") from None


def _csv_rows(path: Path | RemoteFile) -> Iterator[dict[str, Any]]:
    csv.field_size_limit(sys.maxsize)
    try:
        with _open_text(path) as handle:
            yield from csv.DictReader(handle)
    except (OSError, EOFError, gzip.BadGzipFile, csv.Error) as exc:
        raise InputError(f"cannot read {path}: {exc}") from None


def _parquet_rows(path: Path | RemoteFile) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    handle = None
    try:
        handle = path.open("rb") if isinstance(path, RemoteFile) else None
        parquet = pq.ParquetFile(path if handle is None else handle)
    except Exception as exc:  # pyarrow raises several types for a bad file
        if handle is not None:
            handle.close()
        raise InputError(f"cannot read {path} as Parquet: {exc}") from None
    try:
        for group in range(parquet.metadata.num_row_groups):
            yield from _row_group(parquet, group)
    finally:
        if handle is not None:
            handle.close()


def _row_group(parquet: Any, group: int) -> Iterator[dict[str, Any]]:
    """The rows of one row group; if its data cannot be read, a problem row for each row not read."""
    done = 0
    try:
        for batch in parquet.iter_batches(batch_size=1024, row_groups=[group]):
            rows = batch.to_pylist()
            done += len(rows)
            yield from rows
    except Exception as exc:  # pyarrow raises OSError, ArrowInvalid and more for a corrupt page
        reason = f"unreadable: row group {group}: {_first_line(exc)}"
        for _ in range(parquet.metadata.row_group(group).num_rows - done):
            yield {_PROBLEM: reason}


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]


def _saved_dataset(path: Path | RemoteFile, options: ReadOptions) -> Iterator[RawRecord]:
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
    """One record per row; a row that cannot be a document becomes a record with its problem.

    Every row has the id `prefix:N` (N from 0, counting every row, good or bad) unless the
    id column gives one, so a bad row never takes a good row's id.
    """
    checked = False
    for number, row in enumerate(rows):
        record_id = f"{prefix}:{number}"
        if _PROBLEM in row:
            yield RawRecord(record_id, "", source, sha256_of(""), problem=row[_PROBLEM], site=prefix)
            continue
        if not checked:
            _check_columns(row, options, source)
            checked = True
        carried = {name: storable(row.get(name)) for name in options.keep_columns}
        site = prefix if options.site_column is None or row.get(options.site_column) is None else storable(str(row[options.site_column]))
        if options.id_column:
            given = row.get(options.id_column)
            if given is None or given == "":
                yield RawRecord(record_id, "", source, sha256_of(""), carried, problem="no_id", site=site)
                continue
            record_id = storable(str(given))
        text = row.get(options.text_column)
        if not isinstance(text, (str, bytes)):
            yield RawRecord(record_id, "", source, sha256_of(""), carried, problem="no_text", site=site)
            continue
        yield RawRecord(record_id, text, source, sha256_of(text), carried, site=site)


def storable(value: Any) -> Any:
    """`value` with every string made encodable as UTF-8: a lone surrogate becomes its escape (`\\ud800`).

    Ids, sites and carried columns are stored as they are, so they must be valid text;
    nested lists and dicts are walked.
    """
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "backslashreplace").decode("utf-8")
        return value
    if isinstance(value, list):
        return [storable(v) for v in value]
    if isinstance(value, dict):
        return {k: storable(v) for k, v in value.items()}
    return value


def _check_columns(row: dict[str, Any], options: ReadOptions, source: str) -> None:
    wanted = [options.text_column] + [c for c in (options.id_column, options.site_column) if c] + list(options.keep_columns)
    missing = [name for name in wanted if name not in row]
    if missing:
        columns = ", ".join(sorted(row)[:20])
        raise InputError(f"{source} has no column {', '.join(missing)} (columns: {columns}); see --text-column/--id-column/--site-column/--keep-columns")


# Inputs given as URLs: the same formats and the same choice of files as local paths, read through fsspec.


@dataclass(frozen=True)
class RemoteFile:
    """A file (or folder) behind an fsspec URL, with the few `Path` methods the readers use."""

    fs: Any
    path: str  # as the filesystem spells it ("datasets/OWNER/NAME/data/x.parquet")
    url: str  # as the user spelled it, for ids, sources and messages

    @property
    def name(self) -> str:
        return posixpath.basename(self.path.rstrip("/"))

    def __str__(self) -> str:
        return self.url

    def open(self, mode: str = "rb") -> io.BufferedIOBase:
        """The file's bytes (gunzipped for a .gz name), buffered so a byte-order mark can be peeked at.

        Any failure of the storage is an `OSError`: the callers treat it as they treat a local file's.
        """
        try:
            compression = "gzip" if self.name.lower().endswith(".gz") else None
            handle = self.fs.open(self.path, "rb", compression=compression)
        except OSError:
            raise
        except Exception as exc:  # each filesystem has its own errors (HTTP, credentials)
            raise OSError(f"{self.url}: {_first_line(exc)}") from None
        return handle if hasattr(handle, "peek") else io.BufferedReader(handle)

    def child(self, relative: str) -> RemoteFile:
        return RemoteFile(self.fs, f"{self.path.rstrip('/')}/{relative}", f"{self.url.rstrip('/')}/{relative}")


def remote(url: str) -> RemoteFile:
    """The location a URL names; an unknown protocol or a filesystem package not installed is an `InputError`."""
    try:
        from fsspec.core import url_to_fs

        fs, path = url_to_fs(url)
    except Exception as exc:  # ValueError (unknown protocol), ImportError (install s3fs), a bad repo id
        raise InputError(f"cannot read {url}: {_first_line(exc)}") from None
    return RemoteFile(fs, path.rstrip("/") or path, url.rstrip("/") if path.rstrip("/") else url)


def _ask(url: str, question: Callable[[], Any]) -> Any:
    """One call to the storage; its failure (network, credentials) is an `InputError` naming the URL."""
    try:
        return question()
    except Exception as exc:
        raise InputError(f"cannot read {url}: {_first_line(exc)}") from None


def _check_url(url: str) -> None:
    where = remote(url)
    if not _ask(url, lambda: where.fs.exists(where.path)):
        raise InputError(f"no such file or folder: {url}")
    if _ask(url, lambda: where.fs.isfile(where.path)) and _kind(where) is None:
        raise InputError(f"unsupported input {url}: use {', '.join(TEXT_SUFFIXES + TABLE_SUFFIXES)}, or a folder")


def url_files(url: str) -> list[tuple[str, RemoteFile]]:
    """Every file below a URL (or the file it names), as (path relative to it, file), sorted: what a fingerprint reads."""
    where = remote(url)
    if _ask(url, lambda: where.fs.isfile(where.path)):
        return [(where.name, where)]
    found = _ask(url, lambda: where.fs.find(where.path, withdirs=False))
    prefix = where.path.rstrip("/") + "/"
    relative = sorted(p[len(prefix):] for p in found if p.startswith(prefix))
    return [(rel, where.child(rel)) for rel in relative]


def _read_url(url: str, options: ReadOptions) -> Iterator[RawRecord]:
    """Like `_read_path`, for a URL: one file, a saved dataset, a Hub-layout folder, or a folder of text files."""
    where = remote(url)
    fs = where.fs
    if _ask(url, lambda: fs.isfile(where.path)):
        kind = _kind(where)
        parent = posixpath.basename(posixpath.dirname(where.path))
        if kind == "text":
            yield _remote_text(where, where.name, parent)
        else:
            yield from _table(where, kind, options, prefix=where.name)
        return
    files = [(rel, file) for rel, file in url_files(url) if not any(part.startswith(".") for part in rel.split("/"))]
    names = {rel for rel, _ in files}
    if {"dataset_info.json", "state.json"} <= names:
        yield from _saved_dataset(where, options)
        return
    tables = _remote_card_files(where, names) or [
        (rel, f) for rel, f in files if _kind(f) not in (None, "text") and not ("/" not in rel and rel.endswith(".json"))
    ]
    texts = [(rel, f) for rel, f in files if _kind(f) == "text" and f.name.lower() != "readme.md"]
    if tables and not texts:
        for rel, table in tables:
            yield from _table(table, _kind(table), options, prefix=rel)
        return
    if not texts:
        raise InputError(f"no {'/'.join(TEXT_SUFFIXES)} files or data files in {url}")
    for rel, text_file in texts:
        yield _remote_text(text_file, rel, posixpath.join(where.name, posixpath.dirname(rel)).rstrip("/"))


def _remote_card_files(root: RemoteFile, names: set[str]) -> list[tuple[str, RemoteFile]]:
    """The data files of the default config the folder's dataset card declares (see `_hub_data_files`)."""
    if "README.md" not in names:
        return []
    card = root.child("README.md")
    try:
        with card.open() as handle:
            text = handle.read().decode("utf-8", errors="replace")
    except OSError:
        return []
    prefix = root.path.rstrip("/") + "/"
    found: set[str] = set()
    for pattern in _card_patterns(text):
        if pattern:
            found.update(p[len(prefix):] for p in _ask(root.url, partial(root.fs.glob, prefix + pattern))
                         if p.startswith(prefix))
    chosen = sorted(rel for rel in found if rel in names and _kind(root.child(rel)) not in (None, "text"))
    return [(rel, root.child(rel)) for rel in chosen]


def _remote_text(file: RemoteFile, record_id: str, site: str) -> RawRecord:
    try:
        with file.open() as handle:
            data = handle.read()
    except OSError as exc:
        return RawRecord(record_id, b"", file.url, sha256_of(b""), problem=f"unreadable: {exc.strerror or exc}",
                         site=site)
    return RawRecord(record_id, data, file.url, sha256_of(data), site=site)
