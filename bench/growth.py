"""Time and memory growth between two bench/run.py runs (the 10x row: 50,000 documents against 5,000).

  python bench/growth.py SMALL/results.json LARGE/results.json [--markdown]

For every stage in both runs: the documents, seconds, CPU s and peak RSS of each, and the
large run's over the small run's (issue 15's targets: 10x the documents in at most 10.5x
the time; peak RSS at most 400 MB and within 20% at 10x). Nothing is run; it reads the two
results files.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def growth(small: dict, large: dict) -> list[dict]:
    rows_small = {row["stage"]: row for row in small["rows"]}
    out = []
    for row in large["rows"]:
        base = rows_small.get(row["stage"])
        if base is None:
            continue
        out.append({
            "stage": row["stage"],
            "docs": (base["docs"], row["docs"]),
            "seconds": (base["seconds"], row["seconds"]),
            "cpu_seconds": (base["cpu_seconds"], row["cpu_seconds"]),
            "peak_rss_mb": (base["peak_rss_mb"], row["peak_rss_mb"]),
            "peak_total_pss_mb": (base["peak_total_pss_mb"], row["peak_total_pss_mb"]),
            "docs_x": row["docs"] / base["docs"],
            "time_x": row["seconds"] / base["seconds"],
            "cpu_x": row["cpu_seconds"] / base["cpu_seconds"],
            "rss_x": row["peak_rss_mb"] / base["peak_rss_mb"],
        })
    return out


def table(rows: list[dict]) -> str:
    head = ["stage", "docs", "seconds", "time ×", "CPU s", "CPU ×", "peak RSS MB", "RSS ×", "peak total PSS MB"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|"]
    for r in rows:
        lines.append("| " + " | ".join([
            r["stage"],
            f"{r['docs'][0]:,} → {r['docs'][1]:,}",
            f"{r['seconds'][0]:.1f} → {r['seconds'][1]:.1f}",
            f"{r['time_x']:.2f}×",
            f"{r['cpu_seconds'][0]:.1f} → {r['cpu_seconds'][1]:.1f}",
            f"{r['cpu_x']:.2f}×",
            f"{r['peak_rss_mb'][0]:,.0f} → {r['peak_rss_mb'][1]:,.0f}",
            f"{r['rss_x']:.2f}×",
            f"{r['peak_total_pss_mb'][0]:,.0f} → {r['peak_total_pss_mb'][1]:,.0f}",
        ]) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Time and memory growth between two bench/run.py results files.")
    p.add_argument("small", type=Path)
    p.add_argument("large", type=Path)
    args = p.parse_args(argv)
    small, large = (json.loads(path.read_text(encoding="utf-8")) for path in (args.small, args.large))
    rows = growth(small, large)
    if not rows:
        print("no stage in both runs", file=sys.stderr)
        return 1
    print(table(rows))
    print()
    for r in rows:
        if r["stage"].startswith("build"):
            time_ok = r["time_x"] <= 1.05 * r["docs_x"]
            rss_ok = r["peak_rss_mb"][1] <= 400 and r["rss_x"] <= 1.2
            print(f"{r['stage']}: time {r['time_x']:.2f}x for {r['docs_x']:.0f}x the documents "
                  f"({'within' if time_ok else 'over'} {1.05 * r['docs_x']:.1f}x); peak RSS {r['peak_rss_mb'][1]:.0f} MB, "
                  f"{r['rss_x']:.2f}x ({'within' if rss_ok else 'over'} 400 MB and 1.2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
