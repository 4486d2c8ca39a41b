"""`build_dataset()`: inputs in, an immutable, documented dataset version out under dist/NAME/X.Y.Z/.

The version is written in a temporary folder beside its final place and renamed into
place at the very end, so a build killed at any moment leaves no partial version; the
next build sweeps the leftovers, and finishes or undoes a --force swap cut short. One
build of a dataset runs at a time (a lock, see locks.py): a second one is refused.
Rebuilding an existing version is a no-op when the inputs and options are identical,
refused otherwise unless forced.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..cleaning.learned import LearnedBoilerplate, LearnedReport, LearnOptions
from ..cleaning.options import CleanOptions
from ..corpus.dedup_options import DedupOptions
from ..corpus.duplicates import DuplicateFinder, Duplicates
from ..corpus.learner import BoilerplateLearner
from ..dataset.card import CardError, CardOptions, Template, check_license, read_template, render_card
from ..dataset.diff import diff_versions
from ..dataset.manifest import ManifestError, read_manifest, write_manifest
from ..dataset.parquet import Written, write_empty_shard, write_shards
from ..dataset.schema import kept_row, kept_schema, raw_text, rejected_row, rejected_schema
from ..dataset.summary import BuildSummary
from ..dataset.versions import VersionError, check_name, existing_versions, is_version, is_whole, parse_version, previous_version
from ..dataset.versions import bump as bump_version
from ..errors import CorpusprepError
from ..hashing import sha256_file
from ..readers.records import ReadOptions, RemoteFile, as_input, check_inputs, is_url, read_inputs, url_files
from ..reasons import code
from ..rules.compile import RuleSet, default_rules
from . import workers
from .local_engine import ordered_map
from .locks import Busy, DatasetLock
from .prepared_cache import FrameWriter, attach, read_frames
from .seen_ids import SeenIds
from .sorting import ExternalSorter

DEPENDENCIES = ("ftfy", "beautifulsoup4", "langdetect", "pyarrow", "datasets")


class BuildError(CorpusprepError):
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
    #: Per site with learned paragraphs: documents, paragraphs learned, removals, top paragraphs.
    learned_boilerplate: dict[str, Any] = field(default_factory=dict)
    #: Groups, documents in groups, copies, exact copies, the largest groups (None: detection off).
    duplicates: dict[str, Any] | None = None

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
    progress: Callable[[int, str], None] | None = None,
    engine: str = "local",
    ray_address: str | None = None,
    learn: LearnOptions | None = None,
    dedup: DedupOptions | None = None,
    card: CardOptions | None = None,
) -> BuildReport:
    """Clean every input document and write version `version` (or the `bump`ed one) of dataset `name`.

    Raises `BuildError`, `VersionError` or `readers.InputError` for user errors, each with
    a one-line message. The inputs are read twice: a first pass learns each site's
    recurring boilerplate (`learn`), the second cleans; duplicates are grouped after it
    (`dedup`). `progress(done, phase)` is called with the number of documents done so
    far in the pass, phase "learning" or "cleaning". `engine="ray"` runs both passes on
    Ray (a local instance, or the cluster at `ray_address`); the files written are the
    same as with the local engine. The dataset is locked for the whole build: a second
    build of `name` under the same `out` meanwhile raises `BuildError` at once. `card`
    supplies what the dataset card cannot learn from the data (front matter, the curator's
    text in a template); `license` must be one of the Hub's license ids.
    """
    check_name(name)
    if (version is None) == (bump is None):
        raise VersionError("give exactly one of a version (X.Y.Z) or a bump (major, minor, patch)")
    paths = [as_input(p) for p in inputs]  # a URL (hf://, s3://) stays text: Path would fold its //
    check_inputs(paths)
    if num_proc < 1:
        raise BuildError(f"--num-proc must be 1 or more, not {num_proc}")
    if engine not in ("local", "ray"):
        raise BuildError(f"unknown engine {engine!r}: use local or ray")
    card = card or CardOptions()
    template, template_text = _card_inputs(card, license)
    rules = rules or default_rules()
    options = options or CleanOptions()
    learn = learn or LearnOptions()
    dedup = dedup or DedupOptions()
    dataset_dir = Path(out) / name
    lock = _lock(Path(out), dataset_dir, name)
    try:
        _sweep_leftovers(dataset_dir)
        versions = existing_versions(dataset_dir)
        version = version if version is not None else bump_version(versions[-1] if versions else None, bump or "")
        parse_version(version)
        own_output = _inside_inputs(Path(out), paths)
        settings = _settings(paths, read_options, rules, options, license, learn, dedup, own_output,
                             card.settings(template_text))
        final = dataset_dir / version
        if final.exists():
            built = _read_manifest(final)
            if built.get("settings") == settings and not force:
                return _noop_report(name, version, final, built)
            if not force:
                raise BuildError(f"{name} {version} already exists at {final} with other "
                                 f"{_what_differs(built.get('settings'), settings)}: "
                                 "build a new version (--version or --bump) or replace it with --force")
        tmp = dataset_dir / f".tmp-{version}-{os.getpid()}"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        try:
            plan = _Plan(paths, name, version, settings, read_options, rules, options, num_proc, progress,
                         previous_version([v for v in versions if v != version], version), dataset_dir, engine,
                         ray_address, learn, dedup, own_output, card, template)
            report = _build_into(tmp, plan)
            _checkpoint("built")
            _replace(tmp, final)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    finally:
        lock.release()
        try:
            dataset_dir.rmdir()  # only if empty: leave no trace of a build that never produced a version
        except OSError:
            pass
    report.path = final
    return report


def _lock(out: Path, dataset_dir: Path, name: str) -> DatasetLock:
    """Take the dataset's lock (creating its folder): a second build of `name` at once is refused, not raced."""
    for folder in (out, dataset_dir):
        if folder.exists() and not folder.is_dir():
            raise BuildError(f"cannot write the dataset in {folder}: it is not a folder")
    try:
        return DatasetLock(dataset_dir)
    except Busy as exc:
        raise BuildError(f"another build of {name} is running (pid {exc.pid or 'unknown'}); "
                         "run this one when it has finished") from None
    except OSError as exc:
        raise BuildError(f"cannot write the dataset in {out}: {exc.strerror or exc}") from None


def _inside_inputs(out: Path, paths: Sequence[str | Path]) -> list[Path]:
    """The output folder as it is spelled below each input folder that holds it (usually none).

    A build must neither read its own versions as input nor fingerprint them: otherwise
    every rebuild of the same inputs would see other inputs and be refused.
    """
    root = out.resolve()
    found = []
    for path in paths:
        if not is_url(path) and path.is_dir() and root != path.resolve() and root.is_relative_to(path.resolve()):
            found.append(path / root.relative_to(path.resolve()))
    return found


@dataclass(frozen=True)
class _Plan:
    """Everything one build runs with, settled before it starts (checked options, the version's place)."""

    paths: list[str | Path]
    name: str
    version: str
    settings: dict[str, Any]
    read_options: ReadOptions
    rules: RuleSet
    options: CleanOptions
    num_proc: int
    progress: Callable[[int, str], None] | None
    previous: str | None
    dataset_dir: Path
    engine: str
    ray_address: str | None
    learn: LearnOptions
    dedup: DedupOptions
    own_output: list[Path]
    card: CardOptions
    template: Template


def _build_into(tmp: Path, plan: _Plan) -> BuildReport:
    """Run the passes of `plan` and write the version into `tmp` (renamed into place by the caller)."""
    keep = plan.read_options.keep_columns
    scratch = tmp / ".runs"
    if plan.engine == "ray":
        from .ray_engine import connect

        connect(plan.ray_address, num_cpus=plan.num_proc)
    mapper = _Mapper(plan.engine, plan.num_proc, plan.paths, plan.read_options, plan.progress, plan.own_output)
    prepared = scratch / "prepared.bin"
    learned = (_learn(mapper, workers.WorkerContext(plan.rules, plan.options), plan.learn, scratch / "learn", prepared)
               if plan.learn.enabled else LearnedBoilerplate())
    learned_report = LearnedReport(learned)
    by_rule = learned.by_rule
    finder = DuplicateFinder(scratch / "duplicates", plan.dedup) if plan.dedup.enabled else None
    kept_rows = ExternalSorter(kept_schema(keep).append(pa.field(_RAW, pa.string())).append(pa.field(_ORDINAL, pa.int64())),
                               scratch / "kept")
    rejected_rows = ExternalSorter(rejected_schema(keep), scratch / "rejected")
    reasons: Counter[str] = Counter()
    fired: Counter[str] = Counter()
    seen = SeenIds()
    read = 0
    keep_raw = plan.dedup.enabled and not plan.dedup.keep_duplicates  # a copy sent to `rejected` keeps its raw text
    state = workers.WorkerContext(plan.rules, plan.options, learned, plan.dedup.method if finder is not None else None)
    frames = read_frames(prepared) if plan.learn.enabled else None
    for record, reason, doc, fingerprint in mapper.map("cleaning", workers.clean_batch, workers.clean_batch_with, state,
                                                       frames):
        read += 1
        if read == 1:
            _checkpoint("cleaning")
        if not seen.add(record.id):  # the first document with an id keeps it
            reason = "duplicate_id"
        if doc is not None:
            fired.update(by_rule[r.rule].site_rule if r.rule in by_rule else r.rule for r in doc.removed)
            learned_report.add(doc.removed)
        if reason is None:
            row = kept_row(record.id, record.source, record.sha256, doc, record.carried)
            row[_RAW] = raw_text(record.raw) if keep_raw else None
            row[_ORDINAL] = finder.add(record.id, doc, *fingerprint) if finder is not None and fingerprint else None
            kept_rows.add(row)
        else:
            reasons[code(reason)] += 1
            rejected_rows.add(rejected_row(record.id, record.source, record.sha256, reason, record.raw, record.carried))
    if read == 0:
        raise BuildError("the inputs hold no documents")
    duplicates = finder.finish() if finder is not None else Duplicates()
    routed = _route_duplicates(kept_rows.sorted_rows(), duplicates, plan.dedup, rejected_rows, reasons)
    kept = _write_split(routed, kept_schema(keep), tmp / "data")
    rejected = _write_split(rejected_rows.sorted_rows(), rejected_rows.schema, tmp / "rejected")
    shutil.rmtree(scratch, ignore_errors=True)

    diff = diff_versions(plan.dataset_dir / plan.previous, tmp) if plan.previous else None
    if diff is not None:
        (tmp / "diff.json").write_text(json.dumps(diff, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    summary = BuildSummary(
        name=plan.name, version=plan.version, license=plan.settings["license"], corpusprep_version=_version("corpusprep"),
        rule_packs=plan.rules.packs, rules_fingerprint=plan.rules.fingerprint, options=plan.settings["clean_options"],
        read=read, kept=kept.rows, rejected=dict(sorted(reasons.items())), rejected_total=rejected.rows,
        removals_by_rule=dict(sorted(fired.items())), bytes_kept=kept.uncompressed_bytes,
        bytes_rejected=rejected.uncompressed_bytes, inputs=plan.settings["inputs"], distribution=_distribution(tmp / "data"),
        learned_boilerplate=learned_report.to_dict(),
        duplicates={**duplicates.report(), "copies_kept": plan.dedup.keep_duplicates} if plan.dedup.enabled else None,
        previous_version=plan.previous, diff=diff,
    )
    (tmp / "README.md").write_text(render_card(summary.card_info(), kept_schema(keep), rejected_rows.schema, plan.card, plan.template),
                                   encoding="utf-8")
    files = {p.relative_to(tmp).as_posix(): sha256_file(p) for p in sorted(tmp.rglob("*")) if p.is_file()}
    write_manifest(tmp, summary.manifest(_build_date(), {dep: _version(dep) for dep in DEPENDENCIES}, plan.settings, files))
    return BuildReport(plan.name, plan.version, tmp, read=read, kept=kept.rows, rejected=summary.rejected,
                       removals_by_rule=summary.removals_by_rule, bytes=_folder_bytes(tmp), previous_version=plan.previous,
                       diff_counts=diff["counts"] if diff else None, **summary.corpus())


# Ride along with a kept row until duplicates are known, then are dropped: the raw text
# (for a copy sent to `rejected`) and the document's number in the duplicate finder.
_RAW = "__raw"
_ORDINAL = "__ordinal"


class _Mapper:
    """Runs one corpus pass: every input record through a worker function, in input order, locally or on Ray."""

    def __init__(self, engine: str, num_proc: int, paths: list[str | Path], read_options: ReadOptions,
                 progress: Callable[[int, str], None] | None, own_output: Sequence[Path] = ()):
        self.engine, self.num_proc, self.paths, self.read_options = engine, num_proc, paths, read_options
        self.progress = progress
        # A record's source is its file's path as the reader spells it below its input.
        self.skip = tuple(_path_text(str(folder)) + os.sep for folder in own_output)

    def map(self, phase: str, local: Callable[..., list[Any]], remote: Callable[..., list[Any]], state: workers.WorkerContext,
            prepared: Iterator[tuple[str, bytes | None]] | None = None) -> Iterator[Any]:
        """Results in input order; `prepared` frames (from the learning pass) ride along with their records."""
        records = read_inputs(self.paths, self.read_options)
        if self.skip:
            records = (record for record in records if not record.source.startswith(self.skip))
        if prepared is not None:
            records = attach(records, prepared)
        describe = lambda record: f"{record.id} ({record.source})"  # noqa: E731
        if self.engine == "ray":
            from .ray_engine import ordered_map_on_ray

            results = ordered_map_on_ray(remote, records, state, describe=describe)
        else:
            results = ordered_map(local, records, self.num_proc, initializer=workers.init, initargs=(state,),
                                  describe=describe)
        for done, result in enumerate(results, 1):
            yield result
            if self.progress:
                self.progress(done, phase)


def _learn(mapper: _Mapper, state: workers.WorkerContext, learn: LearnOptions, folder: Path, prepared: Path) -> LearnedBoilerplate:
    """Pass 1: count every site's paragraphs (hashes only) and learn the recurring ones.

    What each document's first stages made is spilled to `prepared`, for pass 2.
    """
    learner = BoilerplateLearner(folder, learn)
    frames = FrameWriter(prepared)
    try:
        for sha256, site, keys, packed in mapper.map("learning", workers.keys_batch, workers.keys_batch_with, state):
            learner.add(site, keys)
            frames.write(sha256, packed)
    finally:
        frames.close()
    return learner.finish()


def _route_duplicates(rows: Iterator[dict[str, Any]], duplicates: Duplicates, dedup: DedupOptions,
                      rejected_rows: ExternalSorter, reasons: Counter[str]) -> Iterator[dict[str, Any]]:
    """Kept rows in id order with their duplicate group; copies go to `rejected` unless all copies are kept."""
    for row in rows:
        raw, ordinal = row.pop(_RAW), row.pop(_ORDINAL)
        group, of = duplicates.group_of(ordinal, row["id"]) if dedup.enabled else (None, None)
        if of is not None and not dedup.keep_duplicates:
            reasons["duplicate"] += 1
            carried = {name: row[name] for name in rejected_rows.schema.names if name in row}
            rejected_rows.add({**carried, **rejected_row(row["id"], row["source"], row["sha256"], "duplicate",
                                                         raw or "", {}, of)})
            continue
        row["duplicate_group"], row["duplicate_of"] = group, of
        yield row


def _write_split(rows: Iterator[dict[str, Any]], schema: pa.Schema, folder: Path) -> Written:
    """A split's shards; with no rows, one empty shard, so every version declares the same configs."""
    written = write_shards(rows, schema, folder)
    return written if written.files else write_empty_shard(schema, folder)


def _card_inputs(card: CardOptions, license: str) -> tuple[Template, str | None]:
    """Check the card's options and read its template before anything is written: one line if they cannot be used."""
    try:
        check_license(license)
        card.check()
        card.check_license_terms(license)
        return read_template(card.template)
    except CardError as exc:
        raise BuildError(str(exc)) from None


def _what_differs(built: dict[str, Any] | None, settings: dict[str, Any]) -> str:
    """What the existing version was built with that this build changes: its card only, or more."""
    if built and {k: v for k, v in built.items() if k != "card"} == {k: v for k, v in settings.items() if k != "card"}:
        return "card options or --card-template"
    return "inputs or options"


def _settings(paths: Sequence[str | Path], read_options: ReadOptions, rules: RuleSet, options: CleanOptions, license: str,
              learn: LearnOptions, dedup: DedupOptions, own_output: list[Path],
              card: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything that decides the output: equal settings mean an identical build (JSON-normalised)."""
    normalised: dict[str, Any] = json.loads(json.dumps({
        "inputs": [{"path": str(p), "sha256": _fingerprint_input(p, own_output)} for p in paths],
        "read_options": dataclasses.asdict(read_options),
        "clean_options": dataclasses.asdict(options),
        "learn_options": dataclasses.asdict(learn),
        "dedup_options": dataclasses.asdict(dedup),
        "rules_fingerprint": rules.fingerprint,
        "license": license,
        "card": card,
        "corpusprep_version": _version("corpusprep"),
    }))
    return normalised


def _fingerprint_input(path: Path | str, skip: Sequence[Path] = ()) -> str:
    """The sha256 of an input's file names and contents, leaving out the build's own output folder.

    A file that cannot be read counts as its name and the error: the reader rejects it as
    `unreadable`, and the fingerprint changes once it can be read.
    """
    digest = hashlib.sha256()
    entries: Sequence[tuple[str, Path | RemoteFile]]
    if is_url(path):  # the same, through fsspec (its content read once more: no storage gives every file a hash)
        entries = url_files(path)
    else:
        files = [path] if path.is_file() else sorted(
            p for p in path.rglob("*") if not any(p.is_relative_to(folder) for folder in skip) and p.is_file())
        entries = [(file.name if file == path else file.relative_to(path).as_posix(), file) for file in files]
    for relative, file in entries:
        try:
            content = sha256_file(file)
        except OSError as exc:
            content = f"unreadable: {exc.strerror or exc}"
        digest.update(relative.encode("utf-8", "surrogateescape") + b"\0" + content.encode() + b"\n")
    return digest.hexdigest()


def _path_text(name: str) -> str:
    """A path as the readers store it in `source`: bytes that are not UTF-8 as `\\xff` escapes."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _distribution(data_dir: Path) -> dict[str, Any]:
    """Kept documents by language and by publisher (largest first, then by name), and their date range, for the card."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    languages: Counter[str | None] = Counter()
    publishers: Counter[str | None] = Counter()
    first: Any = None  # the earliest and latest dates (datetime.date), once a shard has one
    last: Any = None
    undated = 0
    for path in sorted(data_dir.glob("*.parquet")):
        table = pq.ParquetFile(path).read(columns=["language", "publisher", "date"])  # read_table imports pandas
        for counter, column in ((languages, "language"), (publishers, "publisher")):
            for item in pc.value_counts(table.column(column)).to_pylist():
                counter[item["values"] or None] += item["counts"]
        dates = table.column("date")
        undated += dates.null_count
        if dates.null_count < len(dates):
            low, high = pc.min_max(dates).values()
            first = min(first, low.as_py()) if first else low.as_py()
            last = max(last, high.as_py()) if last else high.as_py()

    def ranked(counter: Counter[str | None]) -> dict[str | None, int]:
        return dict(sorted(counter.items(), key=lambda item: (-item[1], item[0] is None, item[0] or "")))

    return {"languages": ranked(languages), "publishers": ranked(publishers),
            "dates": [first.isoformat(), last.isoformat()] if first else None, "undated": undated}


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
    """The manifest of an existing version, or {} when there is none worth comparing with."""
    try:
        return read_manifest(version_dir)
    except ManifestError:
        return {}


def _noop_report(name: str, version: str, final: Path, built: dict[str, Any]) -> BuildReport:
    counts = built.get("counts", {})
    return BuildReport(name, version, final, noop=True, read=counts.get("read", 0), kept=counts.get("kept", 0),
                       rejected=counts.get("rejected", {}), removals_by_rule=counts.get("removals_by_rule", {}),
                       bytes=_folder_bytes(final),
                       previous_version=built.get("previous_version"), diff_counts=built.get("diff_counts"),
                       learned_boilerplate=built.get("learned_boilerplate", {}), duplicates=built.get("duplicates"))


def _replace(tmp: Path, final: Path) -> None:
    """Move the finished version into place; an existing one (with --force) is swapped out first.

    A crash between the two renames leaves `.old-X.Y.Z-PID` (the old version) beside
    `.tmp-X.Y.Z-PID` (the new, complete one) and no X.Y.Z: the next build of the dataset
    finishes or undoes the swap (`_recover_swap`).
    """
    if final.exists():
        aside = final.with_name(f".old-{final.name}-{os.getpid()}")
        final.rename(aside)
        _checkpoint("set-aside")
        try:
            tmp.rename(final)
        except BaseException:
            aside.rename(final)
            raise
        _checkpoint("swapped")
        shutil.rmtree(aside, ignore_errors=True)
    else:
        tmp.rename(final)


def _sweep_leftovers(dataset_dir: Path) -> None:
    """Clear what killed builds left: swaps cut short first (they may need their new version), then temporary folders.

    Runs under the dataset's lock: no other build of it is running, so every leftover is a dead build's.
    """
    if not dataset_dir.is_dir():
        return
    for aside in sorted(dataset_dir.glob(".old-*")):
        _recover_swap(aside)
    for leftover in dataset_dir.glob(".tmp-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _recover_swap(aside: Path) -> None:
    """Finish a --force swap a crash cut short, or undo it; a set-aside version is deleted only once its
    replacement is in place and whole (every file as its manifest lists it)."""
    version, _, pid = aside.name[len(".old-"):].rpartition("-")
    if not is_version(version):
        return
    final = aside.with_name(version)
    new = aside.with_name(f".tmp-{version}-{pid}")
    if not final.exists():
        if new.is_dir() and is_whole(new, version):
            new.rename(final)  # the new version was complete: finish the swap
        else:
            aside.rename(final)  # put the old one back
            return
    if is_whole(final, version):
        shutil.rmtree(aside, ignore_errors=True)


def _checkpoint(step: str) -> None:
    """A test hook, off unless CORPUSPREP_FAULT is set: the tests stop a build at a named step.

    CORPUSPREP_FAULT=STEP ends the process there at once (exit status 99, no clean-up: a
    crash); CORPUSPREP_FAULT=pause:STEP prints `corpusprep: paused at STEP` on stderr and
    waits for a line on stdin (to be killed, or raced by another build). Steps: cleaning
    (the first document cleaned), built (the version complete in its temporary folder),
    set-aside and swapped (the two renames of a --force swap).
    """
    fault = os.environ.get("CORPUSPREP_FAULT")
    if fault == step:
        os._exit(99)
    if fault == f"pause:{step}":
        print(f"corpusprep: paused at {step}", file=sys.stderr, flush=True)
        sys.stdin.readline()
