"""Shared fixtures. The Hugging Face Hub is never reachable here: HF_HUB_OFFLINE is a tripwire."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

os.environ["HF_HUB_OFFLINE"] = "1"  # only tests that talk to the loopback Hub lift it

# The suite is deterministic: hypothesis draws the same examples on every run, so a green CI
# stays green. Set CORPUSPREP_HYPOTHESIS_RANDOM=1 to explore new examples (a failure then
# prints its example; pin it with @example before fixing).
settings.register_profile("deterministic", derandomize=True, print_blob=True)
settings.register_profile("random", print_blob=True)
settings.load_profile("random" if os.environ.get("CORPUSPREP_HYPOTHESIS_RANDOM") else "deterministic")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in seed_paths()}


def child_pids(pid: int) -> list[int]:
    """The processes whose parent is `pid` (Linux /proc): a build's workers."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found
