"""`build_dataset()`: inputs in, an immutable, documented dataset version out under dist/NAME/X.Y.Z/.

The version is written in a temporary folder beside its final place and renamed into
place at the very end, so a build killed at any moment leaves no partial version; the
next build sweeps the leftovers. Rebuilding an existing version is a no-op when the
inputs and options are identical, refused otherwise unless forced.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from .card import render_card
from .diff import diff_versions
from .hashing import sha256_file
from .options import CleanOptions
from .parallel import ordered_map
from .parquet_writer import write_shards
from .pipeline import clean
from .readers import RawRecord, ReadOptions, check_inputs, read_inputs
from .rules import RuleSet, default_rules
from .schema import kept_row, kept_schema, rejected_row, rejected_schema
from .sorting import ExternalSorter
from .versions import VersionError, bump as bump_version, check_name, existing_versions, parse_version, previous_version

DEPENDENCIES = ("ftfy", "beautifulsoup4", "langdetect", "pyarrow", "datasets")


class BuildError(Exception):
    """The build cannot go on: one line for the user."""


@dataclass
class BuildReport:
    """What a build did; `to_dict()` is the `--json` summary."""

    name: str
    version: str
    path: Path
    noop: bool = False
    read: int = 0
    kept: int = 0
    rejected: dict[str, int] = field(default_factory=dict)
    removals_by_rule: dict[str, int] = field(default_factory=dict)
    bytes: int = 0
    previous_version: str | None = None
    diff_counts: dict[str, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out["path"] = str(self.path)
        return out


def build_dataset(
    inputs: Sequence[str | Path],
    name: str,
    version: str | None = None,
    *,
    bump: str | None = None,
    out: str | Path = "dist",
    read_options: ReadOptions = ReadOptions(),
    rules: RuleSet | None = None,
    options: CleanOptions | None = None,
    license: str = "unknown",
    num_proc: int = 1,
    force: bool = False,
    progress: Callable[[int], None] | None = None,
    engine: str = "local",
    ray_address: str | None = None,
) -> BuildReport:
    """Clean every input document and write version `version` (or the `bump`ed one) of dataset `name`.

    Raises `BuildError`, `VersionError` or `readers.InputError` for user errors, each with
    a one-line message. `progress` is called with the number of documents done so far.
    `engine="ray"` cleans on Ray (a local instance, or the cluster at `ray_address`); the
    files written are the same as with the local engine.
    """
    check_name(name)
    if (version is None) == (bump is None):
        raise VersionError("give exactly one of a version (X.Y.Z) or a bump (major, minor, patch)")
    paths = [Path(p) for p in inputs]
    check_inputs(paths)
    if num_proc < 1:
        raise BuildError(f"--num-proc must be 1 or more, not {num_proc}")
    if engine not in ("local", "ray"):
        raise BuildError(f"unknown engine {engine!r}: use local or ray")
    rules = rules or default_rules()
    options = options or CleanOptions()
    dataset_dir = Path(out) / name
    _sweep_leftovers(dataset_dir)
    versions = existing_versions(dataset_dir)
    version = version if version is not None else bump_version(versions[-1] if versions else None, bump or "")
    parse_version(version)
    settings = _settings(paths, read_options, rules, options, license)
    final = dataset_dir / version
    if final.exists():
        built = _read_manifest(final)
        if built.get("settings") == settings and not force:
            return _noop_report(name, version, final, built)
        if not force:
            raise BuildError(f"{name} {version} already exists at {final} with other inputs or options: "
                             "build a new version (--version or --bump) or replace it with --force")
    tmp = dataset_dir / f".tmp-{version}-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    try:
        report = _build_into(tmp, paths, name, version, settings, read_options, rules, options, num_proc, progress,
                             previous=previous_version([v for v in versions if v != version], version),
                             dataset_dir=dataset_dir, engine=engine, ray_address=ray_address)
        _replace(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if not any(dataset_dir.iterdir()):
            dataset_dir.rmdir()  # leave no trace of a build that never produced a version
        raise
    report.path = final
    return report


def _build_into(tmp: Path, paths, name, version, settings, read_options, rules, options, num_proc, progress,
                previous: str | None, dataset_dir: Path, engine: str, ray_address: str | None) -> BuildReport:
    keep = read_options.keep_columns
    kept_rows = ExternalSorter(kept_schema(keep), tmp / ".runs" / "kept")
    rejected_rows = ExternalSorter(rejected_schema(keep), tmp / ".runs" / "rejected")
    reasons: Counter[str] = Counter()
    fired: Counter[str] = Counter()
    seen: set[str] = set()
    read = 0
    records = read_inputs(paths, read_options)
    describe = lambda record: f"{record.id} ({record.source})"  # noqa: E731
    if engine == "ray":
        from .ray import connect, ordered_map_on_ray

        connect(ray_address, num_cpus=num_proc)
        results = ordered_map_on_ray(_clean_batch_with, records, (rules, options), describe=describe)
    else:
        results = ordered_map(_clean_batch, records, num_proc, initializer=_init_worker,
                              initargs=(rules, options), describe=describe)
    for record, reason, doc in results:
        read += 1
        if record.id in seen:  # the first document with an id keeps it
            reason = "duplicate_id"
        seen.add(record.id)
        if doc is not None:
            fired.update(r.rule for r in doc.removed)
        if reason is None:
            kept_rows.add(kept_row(record.id, record.source, record.sha256, doc, record.carried))
        else:
            reasons[reason] += 1
            rejected_rows.add(rejected_row(record.id, record.source, record.sha256, reason, record.raw, record.carried))
        if progress:
            progress(read)
    if read == 0:
        raise BuildError("the inputs hold no documents")
    kept = write_shards(kept_rows.sorted_rows(), kept_rows.schema, tmp / "data")
    rejected = write_shards(rejected_rows.sorted_rows(), rejected_rows.schema, tmp / "rejected")
    shutil.rmtree(tmp / ".runs", ignore_errors=True)

    diff = diff_versions(dataset_dir / previous, tmp) if previous else None
    if diff is not None:
        (tmp / "diff.json").write_text(json.dumps(diff, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    languages = _languages(tmp / "data")
    info = {
        "name": name,
        "pretty_name": name,
        "version": version,
        "license": settings["license"],
        "languages": languages,
        "corpusprep_version": _version("corpusprep"),
        "rule_packs": list(rules.packs),
        "rules_fingerprint": rules.fingerprint,
        "options": settings["clean_options"],
        "counts": {
            "read": read,
            "kept": kept.rows,
            "rejected": dict(sorted(reasons.items())),
            "rejected_total": rejected.rows,
            "removals_by_rule": dict(sorted(fired.items())),
        },
        "bytes": {"kept": kept.uncompressed_bytes, "rejected": rejected.uncompressed_bytes},
        "diff": diff,
    }
    (tmp / "README.md").write_text(render_card(info, kept_rows.schema, rejected_rows.schema), encoding="utf-8")
    manifest = {
        "name": name,
        "version": version,
        "built": _build_date(),
        "corpusprep_version": info["corpusprep_version"],
        "dependencies": {dep: _version(dep) for dep in DEPENDENCIES},
        "settings": settings,
        "rule_packs": info["rule_packs"],
        "counts": info["counts"],
        "languages": languages,
        "previous_version": previous,
        "diff_counts": diff["counts"] if diff else None,
        "files": {p.relative_to(tmp).as_posix(): sha256_file(p) for p in sorted(tmp.rglob("*")) if p.is_file()},
    }
    (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return BuildReport(name, version, tmp, read=read, kept=kept.rows, rejected=info["counts"]["rejected"],
                       removals_by_rule=info["counts"]["removals_by_rule"], bytes=_folder_bytes(tmp), previous_version=previous,
                       diff_counts=manifest["diff_counts"])


# Worker side: the rule set and options are sent once per process, not per batch.
_WORKER: dict[str, Any] = {}


def _init_worker(rules: RuleSet, options: CleanOptions) -> None:
    _WORKER["rules"], _WORKER["options"] = rules, options


def _clean_batch_with(records: list[RawRecord], state: tuple[RuleSet, CleanOptions]) -> list[tuple[RawRecord, str | None, Any]]:
    """A Ray task: the rule set and options travel with it (once per worker, via the object store)."""
    _init_worker(*state)
    return _clean_batch(records)


def _clean_batch(records: list[RawRecord]) -> list[tuple[RawRecord, str | None, Any]]:
    out = []
    for record in records:
        if record.problem:
            out.append((record, record.problem, None))
            continue
        doc = clean(record.raw, rules=_WORKER["rules"], options=_WORKER["options"])
        out.append((record, doc.rejected, doc))
    return out


def _settings(paths, read_options: ReadOptions, rules: RuleSet, options: CleanOptions, license: str) -> dict[str, Any]:
    """Everything that decides the output: equal settings mean an identical build (JSON-normalised)."""
    return json.loads(json.dumps({
        "inputs": [{"path": str(p), "sha256": _fingerprint_input(p)} for p in paths],
        "read_options": dataclasses.asdict(read_options),
        "clean_options": dataclasses.asdict(options),
        "rules_fingerprint": rules.fingerprint,
        "license": license,
        "corpusprep_version": _version("corpusprep"),
    }))


def _fingerprint_input(path: Path) -> str:
    digest = hashlib.sha256()
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for file in files:
        relative = file.name if file == path else file.relative_to(path).as_posix()
        digest.update(relative.encode("utf-8", "surrogateescape") + b"\0" + sha256_file(file).encode() + b"\n")
    return digest.hexdigest()


def _languages(data_dir: Path) -> list[str]:
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    found: set[str] = set()
    for path in sorted(data_dir.glob("*.parquet")):
        column = pq.read_table(path, columns=["language"]).column("language")
        found.update(v for v in pc.unique(column).to_pylist() if v)
    return sorted(found)


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def _build_date() -> str | None:
    """Only with SOURCE_DATE_EPOCH: otherwise a build carries no clock and stays reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return None
    import datetime as dt

    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).isoformat()


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _read_manifest(version_dir: Path) -> dict[str, Any]:
    try:
        return json.loads((version_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}


def _noop_report(name: str, version: str, final: Path, built: dict[str, Any]) -> BuildReport:
    counts = built.get("counts", {})
    return BuildReport(name, version, final, noop=True, read=counts.get("read", 0), kept=counts.get("kept", 0),
                       rejected=counts.get("rejected", {}), removals_by_rule=counts.get("removals_by_rule", {}),
                       bytes=_folder_bytes(final),
                       previous_version=built.get("previous_version"), diff_counts=built.get("diff_counts"))


def _replace(tmp: Path, final: Path) -> None:
    """Move the finished version into place; an existing one (with --force) is swapped out first."""
    if final.exists():
        old = final.with_name(f".old-{final.name}-{os.getpid()}")
        final.rename(old)
        tmp.rename(final)
        shutil.rmtree(old, ignore_errors=True)
    else:
        tmp.rename(final)


def _sweep_leftovers(dataset_dir: Path) -> None:
    """Remove temporary folders of builds that were killed (their process is gone)."""
    if not dataset_dir.is_dir():
        return
    for leftover in dataset_dir.glob(".tmp-*"):
        pid = leftover.name.rsplit("-", 1)[-1]
        if not pid.isdigit() or not _alive(int(pid)):
            shutil.rmtree(leftover, ignore_errors=True)
    for leftover in dataset_dir.glob(".old-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
