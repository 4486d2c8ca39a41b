"""The `corpusprep` command run as a user runs it: a real subprocess of this interpreter."""

from __future__ import annotations

import subprocess
import sys


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "corpusprep.cli.main", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)
