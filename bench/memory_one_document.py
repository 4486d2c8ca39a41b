"""Peak memory of cleaning one large document, per MB of input.

Run: python bench/memory_one_document.py [MB ...]   (default: 10 50). Each size runs in a
fresh process (peak RSS is a high-water mark) on news-like text made of distinct
paragraphs, with the size limit off; it prints the peak RSS above the baseline (the
interpreter, the input and the language model loaded), the ratio to the input's size
and the seconds taken. Builds refuse documents over `CleanOptions.max_chars` (default
5,000,000) as `too_large`, a guard for time more than memory.
"""

from __future__ import annotations

import json
import subprocess
import sys

_CHILD = r"""
import json, resource, sys, time
from corpusprep import CleanOptions, clean
mb = float(sys.argv[1])
words = "the council agreed a budget for schools after debate on roads housing and rain in the valley".split()
paragraphs, size, i = [], 0, 0
while size < mb * 1_000_000:
    p = f"Paragraph {i}: " + " ".join(words[(i + k) % len(words)] for k in range(60)) + "."
    paragraphs.append(p); size += len(p) + 2; i += 1
text = "\n\n".join(paragraphs)
clean("A warm-up paragraph in English, so that the language model is loaded before we measure. " * 4)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
start = time.perf_counter()
clean(text, options=CleanOptions(max_chars=None))
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"mb": len(text) / 1e6, "peak_mb": peak - base, "seconds": seconds}))
"""


def main(sizes: list[float]) -> None:
    print(f"{'input MB':>9} {'peak RSS MB':>12} {'x input':>8} {'seconds':>8}")
    for mb in sizes:
        done = subprocess.run([sys.executable, "-c", _CHILD, str(mb)], capture_output=True, text=True, check=True)
        r = json.loads(done.stdout)
        print(f"{r['mb']:9.1f} {r['peak_mb']:12.0f} {r['peak_mb'] / r['mb']:8.1f} {r['seconds']:8.2f}")


if __name__ == "__main__":
    main([float(a) for a in sys.argv[1:]] or [10.0, 50.0])
