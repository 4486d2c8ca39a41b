"""The cleaning core is pure in its imports: `import corpusprep` and `clean()` load neither numpy nor pyarrow.

Run in a fresh interpreter (a real subprocess), since this test process has loaded both already.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SEED = next((Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds").glob("*.txt"), None)

PROBE = """
import sys
import corpusprep
from corpusprep import clean, CleanOptions, DedupOptions, LearnOptions, LearnedBoilerplate, load_rules
doc = clean(sys.argv[1])
assert doc.text, "the probe cleaned nothing"
print(",".join(m for m in ("numpy", "pyarrow", "datasets", "huggingface_hub") if m in sys.modules))
"""


def test_import_and_clean_load_no_numpy_or_pyarrow():
    text = SEED.read_text(encoding="utf-8") if SEED else "A short article about the harbour.\n\n" + "The council met. " * 40
    out = subprocess.run([sys.executable, "-c", PROBE, text], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_the_corpus_tier_still_loads_on_demand():
    out = subprocess.run([sys.executable, "-c", "import sys, corpusprep; corpusprep.learn_boilerplate; print('numpy' in sys.modules)"],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
