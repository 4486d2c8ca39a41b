"""Every code block of README.md and docs/ runs as a reader would run it, so a doc that drifts fails CI.

A doc's blocks run top to bottom in a scratch folder that holds the inputs the docs
name (`seeds/`, `corpus/`, `news.csv`, `news.csv.gz`, `big.jsonl`, `mysite.toml`, `card.md`, ...),
with the loopback stand-in for the Hub (`tests/helpers/hubserver.py`), never the internet:
- ```python blocks share one namespace per doc and run in this process;
- ```bash blocks run with `bash -e`; the README's set-up prefix (a venv, `pip install`)
  is left out, since the tests already run in an installed environment;
- a block whose fence says `file=NAME` is written to NAME instead of run; any other
  ```toml block must load as a rule pack;
- a block right under `<!-- no-run: REASON -->` is not run, and says why.
Fences without a language are sample output, not code. The package's doctests run too.
"""

from __future__ import annotations

import csv
import doctest
import gzip
import importlib
import io
import json
import os
import pkgutil
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import tomllib

import corpusprep
from corpusprep import load_rules

from .conftest import DATA, ROOT, SEEDS
from .hub.test_hub import TOKEN, command_env, hub  # noqa: F401  (the loopback Hub fixture)

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_FENCE = re.compile(r"^```(\w*)((?: +\w+=\S+)*) *$")
_NO_RUN = re.compile(r"^<!-- no-run: (.+) -->$")
_SETUP = re.compile(r"^python3 -m venv \.venv && \. \.venv/bin/activate && pip install \S+ && ")


@dataclass
class Block:
    doc: str
    line: int
    lang: str
    code: str
    file: str | None
    skip: str | None


def blocks(path: Path) -> list[Block]:
    lines = path.read_text(encoding="utf-8").split("\n")
    out, i = [], 0
    while i < len(lines):
        fence = _FENCE.match(lines[i])
        if not fence:
            i += 1
            continue
        end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
        attributes = dict(pair.split("=", 1) for pair in fence.group(2).split())
        skip = _NO_RUN.match(lines[i - 1]) if i else None
        out.append(Block(path.name, i + 1, fence.group(1), "\n".join(lines[i + 1:end]) + "\n",
                         attributes.get("file"), skip.group(1) if skip else None))
        i = end + 1
    return out


def _scratch(folder: Path) -> None:
    """The inputs the docs name, made from the bundled seeds and the real corpus sample."""
    shutil.copytree(SEEDS, folder / "seeds")
    shutil.copytree(SEEDS, folder / "corpus")
    with open(DATA / "fakenews_sample.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))[:40]
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    (folder / "news.csv").write_text(text.getvalue(), encoding="utf-8")
    (folder / "news.csv.gz").write_bytes(gzip.compress(text.getvalue().encode("utf-8"), mtime=0))
    (folder / "big.jsonl").write_text("".join(json.dumps({"id": str(i), "text": row["content"]}) + "\n"
                                              for i, row in enumerate(rows)), encoding="utf-8")
    (folder / "keep.txt").write_text("", encoding="utf-8")
    (folder / "card.md").write_text("## Uses\n\nFor research on how news sites reuse text.\n", encoding="utf-8")
    pack = '[pack]\nid = "{id}"\n\n[[boilerplate]]\nid = "promo"\nzone = "tail"\npatterns = [\'Buy the book\\.\']\n'
    for name in ("mysite", "a", "b"):
        (folder / f"{name}.toml").write_text(pack.format(id=name), encoding="utf-8")
    months = "".join(f"{m} = {i}\n" for i, m in enumerate(
        "january february march april may june july august september october november december".split(), 1))
    (folder / "mine.toml").write_text(pack.format(id="mine") + "\n[months.en]\n" + months, encoding="utf-8")


def _run_bash(block: Block, folder: Path, env: dict[str, str]) -> None:
    code = "\n".join(_SETUP.sub("", line) for line in block.code.splitlines())
    done = subprocess.run(["bash", "-e", "-c", code], cwd=folder, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{block.doc}:{block.line} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"


def _run_python(block: Block, namespace: dict) -> None:
    exec(compile(block.code, f"{block.doc}:{block.line}", "exec"), namespace)  # noqa: S102 - the docs' own code


@pytest.mark.parametrize("path", DOCS, ids=[p.name for p in DOCS])
def test_every_code_block_runs(path, tmp_path, monkeypatch, hub):  # noqa: F811
    folder = tmp_path / "work"
    folder.mkdir()
    _scratch(folder)
    monkeypatch.chdir(folder)
    monkeypatch.setenv("HF_TOKEN", TOKEN)  # the loopback Hub's
    env = {**command_env(hub, tmp_path), "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    namespace: dict = {"__name__": "__docs__"}
    for block in blocks(path):
        if block.skip or block.lang == "":
            continue
        if block.file:
            (folder / block.file).write_text(block.code, encoding="utf-8")
        elif block.lang == "python":
            _run_python(block, namespace)
        elif block.lang in ("bash", "sh"):
            _run_bash(block, folder, env)
        elif block.lang == "toml":
            pack = folder / f"_block_{block.line}.toml"
            pack.write_text(block.code, encoding="utf-8")
            tomllib.loads(block.code)
            if "[pack]" in block.code:
                load_rules(pack)
        else:
            pytest.fail(f"{block.doc}:{block.line}: a ```{block.lang} block: give it file=NAME, or a no-run reason")


def test_every_skipped_block_says_why():
    skipped = [b for path in DOCS for b in blocks(path) if b.skip]
    assert all(len(b.skip.split()) >= 3 for b in skipped)
    assert len(skipped) <= 8, [f"{b.doc}:{b.line}" for b in skipped]  # a doc of examples nobody runs drifts


def test_the_package_doctests_pass():
    failed, attempted = 0, 0
    for module in pkgutil.walk_packages(corpusprep.__path__, "corpusprep."):
        result = doctest.testmod(importlib.import_module(module.name), optionflags=doctest.ELLIPSIS)
        failed, attempted = failed + result.failed, attempted + result.attempted
    assert attempted >= 30 and failed == 0
