"""Is clean() linear in its input? Times each hostile input at growing sizes and checks the ratios.

Run: python bench/linearity.py [--size BYTES] [--examples N]

For every case the input is built at `size` and at 4 x `size`; a linear stage takes
about 4 times as long on the larger one, a quadratic one 16 times. A case whose ratio
is over 8 is reported as super-linear and the script exits 1. The cases are the
hand-written ones of `adversarial.py` (heading markers, nested links, tag runs, ...)
and a set that hypothesis generates: short units of markup-like tokens, each repeated
to the size. Hypothesis runs derandomised, so the generated set is the same every run.
Not part of the test suite: timing assertions do not belong in tests.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from adversarial import CASES

from corpusprep import CleanOptions, clean

RATIO_LIMIT = 8.0  # 4x the input: linear is ~4, quadratic ~16
OPTIONS = CleanOptions(max_chars=None, detect_language=False)
TOKENS = ["# ", "#", "[", "]", "](u)", "](", "(", ")", "<b>", "</b>", "<p>", "<", ">", "> ", "* ", "+ ", "- ", "*", "**",
          "_", "__", "`", "```", "~~~", "=", "---", "&amp;", "&", "!", "[x]: y", "\n", "\n\n", " ", "\t", "a", "word ",
          "Share", "By Jo Lee", "2 May 2020", "©", "|", ":", ".", "Ã©"]


def seconds(text: str) -> float:
    started = time.perf_counter()
    clean(text, options=OPTIONS)
    return time.perf_counter() - started


def ratio(make: Callable[[int], str], size: int) -> tuple[float, float, float]:
    """Seconds at `size` and at 4 x `size`, and their ratio (the small size timed twice, best kept)."""
    small = min(seconds(make(size)), seconds(make(size)))
    large = seconds(make(4 * size))
    return small, large, large / max(small, 1e-3)


def repeated(unit: str) -> Callable[[int], str]:
    return lambda size: unit * (size // len(unit) + 1)


def hypothesis_units(count: int) -> list[str]:
    """`count` short units of markup-like tokens, the same ones every run."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    units: list[str] = []

    @settings(max_examples=count, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=6).map("".join))
    def collect(unit: str) -> None:
        if unit.strip() and unit not in units:
            units.append(unit)

    collect()
    return units


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000, help="the smaller input size in characters")
    parser.add_argument("--examples", type=int, default=60, help="how many hypothesis-generated units")
    args = parser.parse_args()
    cases: dict[str, Callable[[int], str]] = {name: repeated(text[:200]) for name, text in CASES.items()}
    cases["nested links"] = lambda size: "[" * (size // 5) + "x" + "](y)" * (size // 5)  # not a repeated unit
    cases["closed heading"] = lambda size: "# " * (size // 4) + " #" * (size // 4)
    cases["stars then a word"] = lambda size: "* " * (size // 2) + "x"
    cases.update({f"generated {unit!r}": repeated(unit) for unit in hypothesis_units(args.examples)})
    worst, slow = (0.0, ""), []
    print(f"{'case':<44} {'small s':>8} {'4x s':>8} {'ratio':>6}  s/MB at 4x")
    for name, make in cases.items():
        small, large, r = ratio(make, args.size)
        per_mb = large / (4 * args.size / 1e6)
        worst = max(worst, (per_mb, name))
        print(f"{name[:44]:<44} {small:8.3f} {large:8.3f} {r:6.1f}  {per_mb:6.2f}", flush=True)
        if r > RATIO_LIMIT and large > 0.05:
            slow.append(name)
    print(f"worst time per MB: {worst[0]:.2f} s ({worst[1]})")
    if slow:
        print(f"super-linear (ratio over {RATIO_LIMIT:g}): {', '.join(slow)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
