"""ruff and mypy --strict, as configured in pyproject.toml, pass on the code: CI runs them here.

Both come from the `test` extra (pinned there), so `pip install '.[test]'` and `pytest` are
all CI needs. Real subprocesses of this interpreter, with their output shown on failure.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_is_clean():
    done = _run("ruff", "check", "--no-cache", "src", "tests")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_is_clean(tmp_path):
    """The files and strictness are pyproject's [tool.mypy]; the cache goes to a temporary folder."""
    done = _run("mypy", "--cache-dir", str(tmp_path / "mypy_cache"))
    assert done.returncode == 0, done.stdout + done.stderr
