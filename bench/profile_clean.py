"""Where corpusprep.clean() spends its time, on the first N benchmark documents.

Run: python bench/profile_clean.py [--docs 500] [--corpus PATH.jsonl] [--top 5]

Without --corpus the documents are generated with bench/make_corpus.py (seed 0), which
gives the first N documents of the benchmark corpus. Three views, each after one
warm-up call (rule packs and langdetect's profiles load once per process):

  stages     wall time of each pipeline stage (plain timers around the stage
             functions; no profiler, so no profiler overhead)
  packages   cProfile internal time summed by the package the code lives in
  functions  cProfile's top functions by internal time

cProfile inflates code made of many small Python calls (langdetect, parts of ftfy) more
than code that spends its time in C (regexes, str methods); the stage timers do not.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402

ENTRY_POINTS = {"langdetect/detector.py:detect", "bs4/__init__.py:__init__", "ftfy/__init__.py:fix_text",
                "cleaning/unmark.py:html_to_text", "cleaning/repair.py:repair"}
PREPARE = ("decode", "repair", "unmark")  # called by name from corpusprep.cleaning.prepare
FINISH = ("join_body", "judge")  # called by name from corpusprep.cleaning.pipeline


def stage_times(texts: list[str]) -> tuple[float, dict[str, float]]:
    """Total seconds of clean() over the texts and seconds per stage, by timers around the stage functions."""
    from corpusprep import clean
    from corpusprep.cleaning import pipeline, prepare, stages

    spent: defaultdict[str, float] = defaultdict(float)
    owner = {**{name: prepare for name in PREPARE}, **{name: pipeline for name in FINISH}}
    originals = {name: getattr(owner[name], name) for name in owner}
    listed = stages.STAGES

    def timed(name, func):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - started
        return wrapper

    for name, func in originals.items():
        setattr(owner[name], name, timed(name, func))
    stages.STAGES = tuple(timed(stage.__name__, stage) for stage in listed)  # the stage list, each entry timed
    try:
        started = time.perf_counter()
        for text in texts:
            clean(text)
        total = time.perf_counter() - started
    finally:
        for name, func in originals.items():
            setattr(owner[name], name, func)
        stages.STAGES = listed
    return total, dict(spent)


def _package(filename: str) -> str:
    path = Path(filename)
    parts = path.parts
    for anchor in ("site-packages", "src"):
        if anchor in parts:
            i = parts.index(anchor)
            if i + 1 < len(parts):
                return parts[i + 1].removesuffix(".py")
    if filename.startswith("<") or filename == "~":
        return "builtins (C: str, re, dict...)"
    return "stdlib: " + path.stem


def profile(texts: list[str]) -> pstats.Stats:
    from corpusprep import clean

    profiler = cProfile.Profile()
    profiler.enable()
    for text in texts:
        clean(text)
    profiler.disable()
    return pstats.Stats(profiler)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--docs", type=int, default=500)
    p.add_argument("--corpus", type=Path, help="benchmark JSONL (default: generate the first --docs documents)")
    p.add_argument("--top", type=int, default=5)
    args = p.parse_args(argv)

    texts = make_corpus.read_texts(args.docs, args.corpus)
    from corpusprep import clean

    clean(texts[0])  # warm-up: rule packs, langdetect profiles
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    total, spent = stage_times(texts)
    print(f"{len(texts)} documents, {mb:.1f} MB: clean() took {total:.2f} s, {len(texts) / total:.0f} docs/s on one core\n")
    print("| stage | seconds | share |\n|---|---:|---:|")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {seconds:.2f} | {seconds / total:.1%} |")
    print(f"| (between stages) | {total - sum(spent.values()):.2f} | {(total - sum(spent.values())) / total:.1%} |")

    stats = profile(texts)
    entries = stats.stats  # {(file, line, function): (calls, primitive calls, tottime, cumtime, callers)}
    profiled = sum(e[2] for e in entries.values())
    by_package: Counter[str] = Counter()
    for (filename, _, _), entry in entries.items():
        by_package[_package(filename)] += entry[2]
    print(f"\ncProfile: {profiled:.2f} s in total (with profiler overhead)\n")
    print("| package | internal time s | share |\n|---|---:|---:|")
    for package, seconds in by_package.most_common(args.top + 3):
        print(f"| {package} | {seconds:.2f} | {seconds / profiled:.1%} |")
    print(f"\n| top {args.top} functions by internal time | calls | internal s | share | cumulative s |\n|---|---:|---:|---:|---:|")
    top = sorted(entries.items(), key=lambda kv: -kv[1][2])[: args.top]
    for (filename, line, function), (calls, _, tottime, cumtime, _) in top:
        where = function if filename == "~" else f"{_package(filename)}: {Path(filename).name}:{line} {function}"
        print(f"| `{where}` | {calls:,} | {tottime:.2f} | {tottime / profiled:.1%} | {cumtime:.2f} |")
    print("\n| library entry points | calls | cumulative s | share |\n|---|---:|---:|---:|")
    for (filename, _line, function), (calls, _, _tottime, cumtime, _) in sorted(entries.items(), key=lambda kv: -kv[1][3]):
        where = f"{Path(filename).parent.name}/{Path(filename).name}:{function}"
        if where in ENTRY_POINTS:
            print(f"| `{where}` | {calls:,} | {cumtime:.2f} | {cumtime / profiled:.1%} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
