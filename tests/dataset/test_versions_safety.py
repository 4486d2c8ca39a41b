"""No version destroyed: concurrent builds, a --force swap cut short, kill -9, odd --out folders, unreadable inputs.

Real `build-dataset` subprocesses. A build is stopped at a named step by the test hook
CORPUSPREP_FAULT (STEP: the process ends there at once, as a crash would; pause:STEP: it
says so on stderr and waits for a line on stdin), so nothing here depends on timing.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from corpusprep import CleanOptions, DedupOptions, LearnOptions
from corpusprep.build.orchestrate import BuildError, build_dataset
from corpusprep.readers.records import ReadOptions

from ..conftest import SEEDS, child_pids

FAST = ("--no-learn", "--no-dedup", "--quiet")


def api_build(out: Path, version: str, name: str = "s", **kw):
    """The same fast build in this process (a second process beside the subprocess under test)."""
    return build_dataset([SEEDS], name, version, out=out, learn=LearnOptions(enabled=False),
                         dedup=DedupOptions(enabled=False), **kw)


def _src() -> str:
    import corpusprep

    return str(Path(corpusprep.__file__).resolve().parent.parent)


def _env(fault: str | None = None) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": _src()}
    env.pop("CORPUSPREP_FAULT", None)
    if fault:
        env["CORPUSPREP_FAULT"] = fault
    return env


def build(*args: str, cwd: Path, fault: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "corpusprep.cli.build_dataset", *args], capture_output=True, text=True,
                          cwd=cwd, env=_env(fault), timeout=300)


def paused(*args: str, cwd: Path, step: str) -> subprocess.Popen:
    """A build stopped at `step`, once it says so; write a line to its stdin to let it go on."""
    process = subprocess.Popen([sys.executable, "-m", "corpusprep.cli.build_dataset", *args], cwd=cwd, env=_env(f"pause:{step}"),
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stderr.readline()
    if line.strip() != f"corpusprep: paused at {step}":
        process.kill()
        _, rest = process.communicate()
        pytest.fail(f"the build did not pause at {step}: {line}{rest}")
    return process


def file_hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def assert_whole(folder: Path) -> dict:
    """A complete version: every file as its manifest lists it, and every document read kept or rejected."""
    built = manifest(folder)
    assert {k: v for k, v in file_hashes(folder).items() if k != "manifest.json"} == built["files"]
    counts = built["counts"]
    assert counts["kept"] + sum(counts["rejected"].values()) == counts["read"]
    rows = sum(pq.ParquetFile(p).metadata.num_rows for p in folder.glob("*/*.parquet"))
    assert rows == counts["read"]
    return built


def test_a_second_build_of_the_same_dataset_is_refused_while_the_first_runs(tmp_path):
    first = paused(str(SEEDS), "--name", "s", "--version", "1.0.0", *FAST, cwd=tmp_path, step="built")
    try:
        second = build(str(SEEDS), "--name", "s", "--version", "1.0.0", "--min-words", "5000", *FAST, cwd=tmp_path)
        assert second.returncode == 2, second.stderr
        assert second.stderr == f"build-dataset: error: another build of s is running (pid {first.pid}); " \
                                "run this one when it has finished\n"
        with pytest.raises(BuildError, match=rf"^another build of s is running \(pid {first.pid}\)"):
            api_build(tmp_path / "dist", None, bump="minor")  # any version of the dataset
        assert api_build(tmp_path / "dist", "1.0.0", name="t").kept == 5  # the lock is per dataset name
    finally:
        out, err = first.communicate("\n", timeout=300)
    assert first.returncode == 0, err
    built = assert_whole(tmp_path / "dist" / "s" / "1.0.0")
    assert built["settings"]["clean_options"]["min_words"] == 15 and built["counts"]["kept"] == 5
    assert sorted(p.name for p in (tmp_path / "dist" / "s").iterdir()) == ["1.0.0"]  # the lock file goes too
    with pytest.raises(BuildError, match="already exists"):
        api_build(tmp_path / "dist", "1.0.0", options=CleanOptions(min_words=5000))


def test_worker_processes_do_not_hold_the_lock(tmp_path):
    """Forked workers would keep the lock of a build killed with -9 until they notice: they close it at once."""
    first = paused(str(SEEDS), "--name", "s", "--version", "1.0.0", "--num-proc", "2", *FAST, cwd=tmp_path,
                   step="cleaning")
    try:
        lock = (tmp_path / "dist" / "s" / ".lock").resolve()
        workers = child_pids(first.pid)
        assert len(workers) >= 2
        assert str(lock) in _open_files(first.pid)
        for pid in workers:
            assert str(lock) not in _open_files(pid)
    finally:
        first.kill()
        first.communicate()




def _open_files(pid: int) -> set[str]:
    found = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            found.add(os.readlink(fd))
        except OSError:
            pass
    return found


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("reference")
    build_dataset([SEEDS], "s", "1.0.0", out=out)
    return file_hashes(out / "s" / "1.0.0")


@pytest.mark.parametrize("step", ["cleaning", "built"])
def test_a_build_killed_with_kill_9_leaves_no_version_and_the_rerun_is_byte_identical(tmp_path, step, reference):
    args = (str(SEEDS), "--name", "s", "--version", "1.0.0", "--quiet")
    process = paused(*args, cwd=tmp_path, step=step)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate()
    assert process.returncode == -signal.SIGKILL
    dataset = tmp_path / "dist" / "s"
    assert [p.name for p in dataset.iterdir() if not p.name.startswith(".")] == []  # no version, not even a partial one
    rerun = build(*args, cwd=tmp_path)
    assert rerun.returncode == 0, rerun.stderr
    assert sorted(p.name for p in dataset.iterdir()) == ["1.0.0"]
    assert file_hashes(dataset / "1.0.0") == reference


# What a --force rebuild cut short at each step must leave: which build's 1.0.0 the next run finds.
SWAP_STEPS = {
    "built": "old",        # the new version is complete, nothing moved yet: the old one stays
    "set-aside": "new",    # the old one moved aside, the new one complete: the swap is finished
    "swapped": "new",      # the new one in place, the old one not yet deleted: it is deleted now
}


@pytest.mark.parametrize("step", sorted(SWAP_STEPS))
def test_a_force_swap_cut_short_at_any_step_destroys_no_version(tmp_path, step):
    api_build(tmp_path / "dist", "1.0.0")
    dataset = tmp_path / "dist" / "s"
    old = file_hashes(dataset / "1.0.0")
    crashed = build(str(SEEDS), "--name", "s", "--version", "1.0.0", *FAST, "--min-words", "5000", "--force",
                    cwd=tmp_path, fault=step)
    assert crashed.returncode == 99, crashed.stderr
    versions = [p for p in dataset.iterdir() if p.is_dir() and not p.name.startswith(".tmp-")]
    assert old in [file_hashes(p) for p in versions]  # the earlier version survives, in place or set aside
    api_build(tmp_path / "dist", "2.0.0")  # any next build of the dataset recovers
    assert sorted(p.name for p in dataset.iterdir()) == ["1.0.0", "2.0.0"]
    recovered = assert_whole(dataset / "1.0.0")
    assert recovered["counts"]["kept"] == (5 if SWAP_STEPS[step] == "old" else 0)
    if SWAP_STEPS[step] == "old":
        assert file_hashes(dataset / "1.0.0") == old
    assert manifest(dataset / "2.0.0")["previous_version"] == "1.0.0"


@pytest.mark.parametrize("damage", ["no manifest", "a file changed"])
def test_a_set_aside_version_is_put_back_when_the_new_one_is_not_whole(tmp_path, damage):
    api_build(tmp_path / "dist", "1.0.0")
    dataset = tmp_path / "dist" / "s"
    old = file_hashes(dataset / "1.0.0")
    crashed = build(str(SEEDS), "--name", "s", "--version", "1.0.0", *FAST, "--min-words", "5000", "--force",
                    cwd=tmp_path, fault="set-aside")
    assert crashed.returncode == 99, crashed.stderr
    [new] = dataset.glob(".tmp-*")
    if damage == "no manifest":
        (new / "manifest.json").unlink()
    else:
        (new / "README.md").write_text("edited\n")
    api_build(tmp_path / "dist", "2.0.0")
    assert file_hashes(dataset / "1.0.0") == old  # put back, not rebuilt
    assert sorted(p.name for p in dataset.iterdir()) == ["1.0.0", "2.0.0"]


def test_out_inside_the_input_folder_is_neither_read_nor_fingerprinted(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns("expected"))
    tables = tmp_path / "tables"
    tables.mkdir()
    (tables / "news.jsonl").write_text("".join(json.dumps({"id": p.name, "text": p.read_text(encoding="utf-8")}) + "\n"
                                               for p in sorted(SEEDS.glob("*.txt"))), encoding="utf-8")
    for folder, read_options in ((corpus, ReadOptions()), (tables, ReadOptions(id_column="id"))):
        def again(version: str, folder=folder, read_options=read_options):
            return build_dataset([folder], "s", version, out=folder / "dist", read_options=read_options,
                                 learn=LearnOptions(enabled=False), dedup=DedupOptions(enabled=False))

        assert not again("1.0.0").noop
        assert again("1.0.0").noop  # the first build's output is not an input of the second
        bumped = again("1.1.0")  # nor is it read: a folder of data files would take it for more data
        assert (bumped.read, bumped.kept, bumped.diff_counts) == (5, 5, {"added": 0, "removed": 0, "changed": 0})


@pytest.mark.parametrize("out", ["a-file", "/dev/null", "a-file/below"])
def test_out_that_is_not_a_folder_is_one_line(tmp_path, out):
    (tmp_path / "a-file").write_text("mine\n")
    result = build(str(SEEDS), "--name", "s", "--version", "1.0.0", "--out", out, *FAST, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("build-dataset: error: ") and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert (tmp_path / "a-file").read_text() == "mine\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file"]


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to switch to an unprivileged user")
def test_an_unreadable_input_file_is_an_unreadable_rejection(tmp_path):
    base = Path(os.environ.get("TMPDIR", "/tmp")) / f"corpusprep-unreadable-{os.getpid()}"
    (base / "in").mkdir(parents=True)
    try:
        for path in sorted(SEEDS.glob("*.txt"))[:2]:
            shutil.copy(path, base / "in" / path.name)
        (base / "in" / "secret.txt").write_text("Nobody may read this file.", encoding="utf-8")
        os.chmod(base, 0o777)
        os.chmod(base / "in", 0o755)
        for path in (base / "in").iterdir():
            os.chmod(path, 0o644)
        os.chmod(base / "in" / "secret.txt", 0o000)
        script = ("import json, os, sys; from pathlib import Path; from corpusprep.build.orchestrate import build_dataset; "
                  "warm = Path(sys.argv[2]) / 'warm'; warm.mkdir(); (warm / 'a.txt').write_text(sys.argv[3]); "
                  "build_dataset([warm], 'warm', '1.0.0', out=warm / 'dist'); "  # imports what a build imports lazily
                  "os.setgid(65534); os.setuid(65534); "  # then drop root: the interpreter lives under /root
                  "report = build_dataset([Path(sys.argv[1])], 'u', '1.0.0', out=Path(sys.argv[2]) / 'dist'); "
                  "print(json.dumps(report.to_dict()))")
        done = subprocess.run([sys.executable, "-c", script, str(base / "in"), str(base), (SEEDS / "000_c2bbe43d8b8d3bed.txt").read_text()],
                              capture_output=True, text=True, env=_env(), timeout=300)
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout)
        assert (report["read"], report["kept"], report["rejected"]) == (3, 2, {"unreadable": 1})
        rejected = pq.read_table(base / "dist" / "u" / "1.0.0" / "rejected").to_pylist()
        assert [(r["id"], r["reason"], r["detail"]) for r in rejected] == [("secret.txt", "unreadable", "Permission denied")]
        assert_whole(base / "dist" / "u" / "1.0.0")
    finally:
        subprocess.run(["rm", "-rf", str(base)], check=True)
