"""corpusprep throughput benchmark: one command, one table.

Run: python bench/run.py [--docs 50000] [--workdir bench/.work] [--seed 0] [--skip-naive] [--backends ...] [--repeat K]
                         [--skip-datatrove] [--datatrove-pipelines ...] [--datatrove-venv PATH]

1. Generates the benchmark corpus with bench/make_corpus.py into the work folder (or
   reuses it when one with the same --docs and --seed is there, checked by sha256).
2. Runs each stage in a fresh child process of its own, one after the other:
     floor       pyarrow.json.read_json + pyarrow.parquet.write_table (zstd), nothing else
     naive       datasets.load_dataset("json") + .map(ftfy, BeautifulSoup, langdetect) + .to_parquet()
     build B 1   build-dataset CORPUS ... --num-proc 1 --language-backend B
     build B N   build-dataset CORPUS ... --num-proc N, N = os.cpu_count(), for B in
                 stopwords (the default), langdetect and fasttext (--backends chooses)
     datatrove P W  bench/datatrove_stages.py P in datatrove's own environment (bench/datatrove_env.py
                 makes it on first use in bench/.work/datatrove-venv; skipped with a note when it cannot be
                 made, or with --skip-datatrove), W = 1 worker and os.cpu_count() workers, for P in
                 minimal (ftfy + fastText language ID + Parquet), fineweb (the FineWeb recipe's filters)
                 and minhash (its 4-stage MinHash deduplication); the corpus split into one file per
                 core beforehand, untimed
   and measures the child's wall-clock time (process start to exit, imports included),
   its CPU time (user + system, workers included), its peak RSS (os.wait4's ru_maxrss for that child alone: the largest single process
   of its tree) and, sampled five times a second from /proc, the peak total PSS of the
   child and all its worker processes (shared pages counted once).
3. Checks that the 1-process and N-process builds wrote byte-identical files (sha256
   of every file), prints the table and writes it with everything measured to
   WORKDIR/results.json.

MB are 10^6 bytes; MB/s is input MB (the JSONL file) per second. See docs/performance.md.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import datatrove_env  # noqa: E402
import make_corpus  # noqa: E402

from corpusprep.hashing import sha256_file  # noqa: E402

DEFAULT_WORKDIR = HERE / ".work"
NAME, VERSION = "bench", "1.0.0"


# ---------------------------------------------------------------- measuring a child

def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    try:
        entries = list(os.scandir("/proc"))
    except OSError:  # no /proc: the sampler sees the stage's own process only
        return children
    for entry in entries:
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        fields = stat[stat.rindex(b")") + 2:].split()  # the command name may hold spaces and parentheses
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    return children


def _tree(pid: int) -> list[int]:
    children = _children_map()
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def _pss_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:  # no smaps_rollup: resident pages instead (counts shared pages once per process)
        with open(f"/proc/{pid}/statm", "rb") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


class TreeSampler(threading.Thread):
    """Peak of the summed PSS of a process and its descendants, sampled every `interval` seconds."""

    def __init__(self, pid: int, interval: float = 0.2):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak = 0
        self.peak_processes = 0
        self.done = threading.Event()

    def run(self) -> None:
        while True:
            try:
                pids = _tree(self.pid)
                total = sum(_pss_bytes(p) for p in pids)
            except (OSError, ValueError, IndexError):
                pids, total = [], 0
            if total > self.peak:
                self.peak, self.peak_processes = total, len(pids)
            if self.done.wait(self.interval):
                return


def measure(name: str, cmd: list[str], env: dict[str, str], logs: Path) -> dict:
    """Run `cmd` as a fresh child; its wall time, peak RSS and peak tree PSS. Exits on failure."""
    logs.mkdir(parents=True, exist_ok=True)
    slug = name.replace(" ", "-")
    out_path, err_path = logs / f"{slug}.out", logs / f"{slug}.err"
    print(f"[bench] {name}: {' '.join(cmd)}", flush=True)
    load_before = _loadavg()
    with out_path.open("wb") as out, err_path.open("wb") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)  # the rusage of this child (and its reaped workers) only
        seconds = time.perf_counter() - started
        sampler.done.set()
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = err_path.read_text(encoding="utf-8", errors="replace")[-3000:]
        sys.exit(f"[bench] {name} failed with exit code {proc.returncode}; stderr ({err_path}):\n{tail}")
    return {
        "stage": name,
        "command": cmd,
        "seconds": seconds,
        "peak_rss_mb": usage.ru_maxrss * 1024 / 1e6,  # ru_maxrss is in KiB on Linux
        "peak_total_pss_mb": sampler.peak / 1e6,
        "processes_at_peak": sampler.peak_processes,
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "user_seconds": usage.ru_utime,
        "system_seconds": usage.ru_stime,
        "loadavg_1min_before": load_before,
        "loadavg_1min_after": _loadavg(),
        "stdout": out_path.read_text(encoding="utf-8", errors="replace").strip(),
    }


def _loadavg() -> float | None:
    """The 1-minute load average: well above the stage's own processes means something else was running."""
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


# ---------------------------------------------------------------- the stages

def corpus_for(docs: int, seed: int, workdir: Path) -> tuple[Path, dict]:
    """The benchmark corpus in `workdir`, generated unless an identical one is there already."""
    path = workdir / f"corpus-{docs}-seed{seed}.jsonl"
    meta_file = make_corpus.meta_path(path)
    if path.is_file() and meta_file.is_file():
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        if (meta.get("generator"), meta.get("docs"), meta.get("seed")) == (make_corpus.GENERATOR, docs, seed) \
                and path.stat().st_size == meta.get("bytes") and sha256_file(path) == meta.get("sha256"):
            print(f"[bench] reusing {path} ({meta['bytes'] / 1e6:.1f} MB)", flush=True)
            return path, meta
    started = time.perf_counter()
    meta = make_corpus.generate(docs, path, seed)
    print(f"[bench] generated {path}: {docs} documents, {meta['bytes'] / 1e6:.1f} MB "
          f"in {time.perf_counter() - started:.1f} s", flush=True)
    return path, meta


BACKENDS = ("stopwords", "langdetect", "fasttext")
DATATROVE_PIPELINES = ("minimal", "fineweb", "minhash")


def split_corpus(corpus: Path, parts: int, folder: Path) -> Path:
    """The corpus as `parts` JSON Lines files of consecutive documents (datatrove's readers shard by file)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    lines = corpus.read_bytes().splitlines(keepends=True)
    size = -(-len(lines) // parts)
    for index in range(parts):
        (folder / f"part-{index:05d}.jsonl").write_bytes(b"".join(lines[index * size:(index + 1) * size]))
    return folder


def datatrove_rows(args, corpus: Path, docs: int, cores: int, workdir: Path, env: dict[str, str],
                   logs: Path) -> tuple[list[dict], dict]:
    """datatrove's pipelines, 1 worker and all cores, in datatrove's own environment; ([], why) when skipped."""
    if args.skip_datatrove:
        note = "datatrove rows skipped: --skip-datatrove"
        print(f"[bench] {note}", flush=True)
        return [], {"skipped": note}
    python, info = datatrove_env.ensure(args.datatrove_venv)
    if python is None:
        note = f"datatrove rows skipped: its environment ({args.datatrove_venv}) could not be made: {info}"
        print(f"[bench] {note}", flush=True)
        return [], {"skipped": note}
    shards = split_corpus(corpus, cores, workdir / "datatrove-shards")
    denv = {k: v for k, v in env.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}  # datatrove's own packages only
    denv["HF_HUB_OFFLINE"] = "1"
    rows = []
    for pipeline in args.datatrove_pipelines:
        runs: dict[int, list[dict]] = {n: [] for n in dict.fromkeys((1, cores))}
        for _ in range(args.repeat):
            for workers in runs:
                out = workdir / "datatrove" / pipeline
                cmd = [str(python), str(HERE / "datatrove_stages.py"), pipeline, str(shards), str(out),
                       "--workers", str(workers)]
                row = measure(f"datatrove {pipeline} {workers}", cmd, denv, logs)
                result = json.loads(row["stdout"].splitlines()[-1])
                row.update(docs=docs, kept=result["kept"], rejected=docs - result["kept"], num_proc=workers,
                           backend=f"datatrove {pipeline}")
                runs[workers].append(row)
        rows.extend(_median_run(measured) for measured in runs.values())
    return rows, {"python": str(python), "versions": info}


def comparison(rows: list[dict]) -> dict:
    """Issue 15's targets against datatrove, one process/worker each: how many times faster the default build is."""
    by = {(r.get("backend"), r.get("num_proc")): r for r in rows}
    build = by.get(("stopwords", 1))
    minimal, fineweb, minhash = (by.get((f"datatrove {p}", 1)) for p in DATATROVE_PIPELINES)
    out: dict = {}
    if build and minimal:
        out["default_build_vs_datatrove_minimal"] = {
            "times_faster": minimal["seconds"] / build["seconds"], "target": 3.0}
    if build and fineweb and minhash:
        out["default_build_vs_datatrove_fineweb_plus_minhash"] = {
            "times_faster": (fineweb["seconds"] + minhash["seconds"]) / build["seconds"], "target": 20.0}
    return out


def build_command(corpus: Path, out: Path, num_proc: int, backend: str) -> list[str]:
    script = Path(sys.executable).parent / "build-dataset"
    head = [str(script)] if script.is_file() else [sys.executable, "-m", "corpusprep.cli.build_dataset"]
    return head + [str(corpus), "--name", NAME, "--version", VERSION, "--text-column", "text", "--id-column", "id",
                   "--quiet", "--out", str(out), "--force", "--num-proc", str(num_proc), "--language-backend", backend]


def tree_hashes(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): sha256_file(p) for p in sorted(root.rglob("*")) if p.is_file()}


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = round(int(line.split()[1]) * 1024 / 2**30, 1)
    except OSError:
        pass
    versions = {}
    for package in ("corpusprep", "datasets", "pyarrow", "ftfy", "beautifulsoup4", "langdetect"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    return {
        "corpusprep": _corpusprep_source(),
        "cpu_count": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu_model": cpu,
        "memory_gib": memory,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": versions,
    }


def _corpusprep_source() -> dict:
    """Which corpusprep the children import (PYTHONPATH can point them at a snapshot) and the repo's commit."""
    spec = importlib.util.find_spec("corpusprep")
    origin = str(Path(spec.origin).parent) if spec and spec.origin else None
    root = HERE.parent

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    status = git("status", "--porcelain", "--", "src")
    inside = origin is not None and Path(origin).resolve().is_relative_to(root.resolve())
    return {"imported_from": origin, "from_this_repo": inside,
            "repo_commit_at_start": git("rev-parse", "HEAD"),
            "repo_src_modified_at_start": None if status is None else bool(status)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Measure corpusprep's build-dataset against the I/O floor and a naive datasets pipeline.")
    p.add_argument("--docs", type=int, default=make_corpus.DEFAULT_DOCS,
                   help=f"documents in the benchmark corpus (default {make_corpus.DEFAULT_DOCS:,}, about 230 MB)")
    p.add_argument("--seed", type=int, default=make_corpus.DEFAULT_SEED, help="corpus seed (default 0)")
    p.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR, help="work folder (default bench/.work)")
    p.add_argument("--skip-naive", action="store_true", help="leave out the naive datasets pipeline (the slowest row)")
    p.add_argument("--backends", nargs="+", choices=BACKENDS, default=list(BACKENDS),
                   help="language-ID backends to build with (default: all three; fasttext needs corpusprep[fast])")
    p.add_argument("--skip-datatrove", action="store_true", help="leave out the datatrove rows")
    p.add_argument("--datatrove-pipelines", nargs="+", choices=DATATROVE_PIPELINES, default=list(DATATROVE_PIPELINES),
                   help="datatrove pipelines to run (default: all three)")
    p.add_argument("--datatrove-venv", type=Path, default=DEFAULT_WORKDIR / "datatrove-venv",
                   help="datatrove's own environment, made there with pip on first use "
                        "(default bench/.work/datatrove-venv, whatever --workdir is)")
    p.add_argument("--repeat", type=int, default=1,
                   help="run each build this many times, 1 and N processes alternating, and report the median run "
                        "(a shared VM's noise is often 10%%; default 1)")
    args = p.parse_args(argv)
    if args.repeat < 1:
        p.error("--repeat must be 1 or more")

    total_started = time.perf_counter()
    host = machine()  # before the stages: which corpusprep (and commit) is measured
    workdir = args.workdir.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    logs = workdir / "logs"
    corpus, corpus_meta = corpus_for(args.docs, args.seed, workdir)
    input_mb = corpus_meta["bytes"] / 1e6
    cores = os.cpu_count() or 1

    env = dict(os.environ)
    env["HF_HUB_OFFLINE"] = "1"
    env["HF_HOME"] = str(workdir / "hf")
    env["HF_DATASETS_CACHE"] = str(workdir / "hf" / "datasets")

    rows = []
    floor_out = workdir / "floor.parquet"
    row = measure("floor", [sys.executable, str(HERE / "stages.py"), "floor", str(corpus), str(floor_out)], env, logs)
    row["docs"] = json.loads(row["stdout"].splitlines()[-1])["rows"]
    rows.append(row)

    if not args.skip_naive:
        shutil.rmtree(workdir / "hf", ignore_errors=True)  # a fresh datasets cache: nothing converted or mapped before
        naive_out = workdir / "naive.parquet"
        row = measure("naive", [sys.executable, str(HERE / "stages.py"), "naive", str(corpus), str(naive_out)], env, logs)
        row["docs"] = json.loads(row["stdout"].splitlines()[-1])["rows"]
        rows.append(row)
        shutil.rmtree(workdir / "hf", ignore_errors=True)

    dist = workdir / "dist"
    version_dir = dist / NAME / VERSION
    hashes: dict[str, dict[int, dict[str, str]]] = {}
    repeats_differ: list[str] = []
    for backend in args.backends:
        runs: dict[int, list[dict]] = {n: [] for n in dict.fromkeys((1, cores))}
        for attempt in range(args.repeat):  # 1 process, N processes, 1, N, ...: a drift in the machine hits both
            for num_proc in runs:
                row = measure(f"build {backend} {num_proc}", build_command(corpus, dist, num_proc, backend), env, logs)
                manifest = json.loads((version_dir / "manifest.json").read_text(encoding="utf-8"))
                row["docs"] = manifest["counts"]["read"]
                row["kept"] = manifest["counts"]["kept"]
                row["rejected"] = manifest["counts"]["rejected_total"]
                row["num_proc"] = num_proc
                row["backend"] = backend
                files = tree_hashes(version_dir)
                if hashes.setdefault(backend, {}).setdefault(num_proc, files) != files:
                    repeats_differ.append(f"{backend} {num_proc} (run {attempt + 1})")
                runs[num_proc].append(row)
        for measured in runs.values():
            rows.append(_median_run(measured))

    found, datatrove = datatrove_rows(args, corpus, corpus_meta["docs"], cores, workdir, env, logs)
    rows.extend(found)

    for row in rows:
        row["docs_per_s"] = row["docs"] / row["seconds"]
        row["mb_per_s"] = input_mb / row["seconds"]
    naive = next((r for r in rows if r["stage"] == "naive"), None)
    one = {r["backend"]: r for r in rows if r.get("num_proc") == 1}
    for row in rows:
        row["vs_naive"] = row["docs_per_s"] / naive["docs_per_s"] if naive else None
        row["vs_one_process"] = row["docs_per_s"] / one[row["backend"]]["docs_per_s"] if "backend" in row else None

    checks = {backend: _identical(by_proc, cores) for backend, by_proc in hashes.items()}
    identical = {"identical": None if any(c["identical"] is None for c in checks.values())
                 else all(c["identical"] for c in checks.values()) and not repeats_differ,
                 "summary": "; ".join(f"{b}: {c['summary']}" for b, c in checks.items())
                 + (f"; repeated builds DIFFERENT: {', '.join(repeats_differ)}" if repeats_differ else ""),
                 "backends": checks, "repeats_differ": repeats_differ}
    results = {
        "docs": args.docs,
        "seed": args.seed,
        "corpus": {"path": str(corpus), **corpus_meta},
        "input_mb": input_mb,
        "machine": host,
        "rows": rows,
        "identical_builds": identical,
        "datatrove": datatrove,
        "vs_datatrove": comparison(rows),
        "total_seconds": time.perf_counter() - total_started,
    }
    (workdir / "results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")

    print()
    print(table(rows))
    print()
    m = results["machine"]
    print(f"corpus: {args.docs:,} documents, {input_mb:.1f} MB, seed {args.seed}; "
          f"machine: {m['cpu_count']} cores ({m['cpu_model']}), Python {m['python']}")
    print(f"build 1 vs build {cores}: {identical['summary']}")
    if args.repeat > 1:
        print(f"each build ran {args.repeat} times, the table shows the median run; all runs (seconds): "
              + "; ".join(f"{r['stage']} " + ", ".join(f"{t:.1f}" for t in r["runs_seconds"]) for r in rows
                          if "runs_seconds" in r))
    if "skipped" in datatrove:
        print(f"note: {datatrove['skipped']}")
    else:
        print(f"datatrove {datatrove['versions'].get('datatrove')} in {datatrove['python']}")
    for key, value in results["vs_datatrove"].items():
        print(f"{key.replace('_', ' ')} (1 process, 1 worker): {value['times_faster']:.2f}x "
              f"(target {value['target']:g}x)")
    print("1-min load average when each stage started (other work on the machine shows here): "
          + ", ".join(f"{r['stage']} {r['loadavg_1min_before']}" for r in rows))
    print(f"results: {workdir / 'results.json'} (total {results['total_seconds']:.0f} s)")
    return 0 if identical["identical"] is not False else 1


def _median_run(runs: list[dict]) -> dict:
    """The run of median wall time (the faster of the middle two for an even count), with every run's time."""
    ordered = sorted(runs, key=lambda r: r["seconds"])
    return {**ordered[(len(ordered) - 1) // 2], "runs_seconds": [r["seconds"] for r in runs]}


def _identical(hashes: dict[int, dict[str, str]], cores: int) -> dict:
    if len(hashes) < 2:
        return {"identical": None, "summary": f"not compared: os.cpu_count() is {cores}, so only one build ran"}
    first, second = hashes[1], hashes[cores]
    differing = sorted(name for name in first.keys() | second.keys() if first.get(name) != second.get(name))
    if differing:
        return {"identical": False, "files": len(first), "differing": differing,
                "summary": f"DIFFERENT: {', '.join(differing)}"}
    return {"identical": True, "files": len(first), "differing": [],
            "summary": f"byte-identical ({len(first)} files, sha256 of each)"}


def table(rows: list[dict]) -> str:
    head = ["stage", "docs", "seconds", "CPU s", "docs/s", "MB/s", "peak RSS MB", "peak total PSS MB", "vs naive", "vs 1 process"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|"]
    for row in rows:
        cells = [
            _label(row),
            f"{row['docs']:,}",
            f"{row['seconds']:.1f}",
            f"{row['cpu_seconds']:.1f}",
            f"{row['docs_per_s']:,.0f}",
            f"{row['mb_per_s']:.2f}",
            f"{row['peak_rss_mb']:,.0f}",
            f"{row['peak_total_pss_mb']:,.0f}",
            "" if row["vs_naive"] is None else f"{row['vs_naive']:.2f}×",
            "" if row["vs_one_process"] is None else f"{row['vs_one_process']:.2f}×",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _label(row: dict) -> str:
    if row["stage"] == "floor":
        return "I/O floor (pyarrow read_json + write_table)"
    if row["stage"] == "naive":
        return "naive datasets .map (ftfy + bs4 + langdetect)"
    n = row["num_proc"]
    if row["backend"].startswith("datatrove"):
        return f"{row['backend']}, {n} worker" + ("s (all cores)" if n > 1 else "")
    return f"build-dataset {row['backend']} --num-proc {n}" + (" (all cores)" if n > 1 else "")


if __name__ == "__main__":
    sys.exit(main())
