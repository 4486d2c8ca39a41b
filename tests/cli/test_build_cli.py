"""The `build-dataset` command as a real subprocess: output, user errors, and a build killed mid-way."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time

from ..conftest import SEEDS
from ..helpers.realcorpus import CORPUS, rows


def build(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "corpusprep.cli.build_dataset", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def test_help_shows_examples_without_importing_datasets():
    code = ("import sys\nfrom corpusprep.cli.build_dataset import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print('IMPORTED' if 'datasets' in sys.modules or 'pyarrow' in sys.modules else 'LIGHT')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "build-dataset seeds/ --name wsws-syria --version 1.0.0" in result.stdout
    assert result.stdout.strip().endswith("LIGHT")


def test_build_prints_a_summary_and_json(tmp_path):
    result = build(str(SEEDS), "--name", "seeds", "--version", "1.0.0", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "built seeds 1.0.0" in result.stdout and "documents read" in result.stdout
    again = build(str(SEEDS), "--name", "seeds", "--version", "1.0.0", "--json", cwd=tmp_path)
    summary = json.loads(again.stdout)
    assert summary["noop"] is True and summary["kept"] == 5 and summary["path"] == "dist/seeds/1.0.0"


def test_corpus_level_options_and_summary(tmp_path):
    from ..helpers.copies import write_corpus

    corpus = write_corpus(tmp_path / "copies")
    result = build(str(corpus), "--name", "c", "--version", "1.0.0", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "rejected: duplicate" in result.stdout and "duplicate groups" in result.stdout
    assert "1 (4 documents, 2 exact copies)" in result.stdout
    kept_all = build(str(corpus), "--name", "c", "--version", "1.1.0", "--keep-duplicates", "--json", cwd=tmp_path)
    assert json.loads(kept_all.stdout)["kept"] == 8
    (tmp_path / "allow.txt").write_text("Subscribe to Canada Free Press for FREE\n")
    learned = build(str(CORPUS), "--name", "r", "--version", "1.0.0", "--text-column", "content", "--id-column", "id",
                    "--site-column", "domain", "--allow-boilerplate", "allow.txt", "--json", cwd=tmp_path)
    summary = json.loads(learned.stdout)
    assert {site: s["paragraphs_learned"] for site, s in summary["learned_boilerplate"].items()} == {
        "beforeitsnews.com": 5, "canadafreepress.com": 1}
    assert summary["removals_by_rule"]["learned:beforeitsnews.com"] >= 180


def test_user_errors_are_one_line_on_stderr(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01")
    cases = [
        ("nope/", "--name", "x", "--version", "1.0.0"),
        (str(SEEDS), "--name", "a/b", "--version", "1.0.0"),
        (str(SEEDS), "--name", "x", "--version", "v1"),
        (str(tmp_path / "empty"), "--name", "x", "--version", "1.0.0"),
        (str(tmp_path / "blob.bin"), "--name", "x", "--version", "1.0.0"),
        (str(CORPUS), "--name", "x", "--version", "1.0.0", "--text-column", "body"),
        (str(SEEDS), "--name", "x", "--version", "1.0.0", "--num-proc", "0"),
        (str(SEEDS), "--name", "x", "--version", "1.0.0", "--allow-boilerplate", "missing.txt"),
        (str(SEEDS), "--name", "x", "--version", "1.0.0", "--duplicate-threshold", "0"),
        (str(SEEDS), "--name", "x", "--version", "1.0.0", "--dedup-method", "fuzzy"),
        (str(SEEDS), "--name", "x", "--version", "1.0.0", "--learn-min-share", "2"),
        (str(CORPUS), "--name", "x", "--version", "1.0.0", "--text-column", "content", "--site-column", "site"),
    ]
    for args in cases:
        result = build(*args, cwd=tmp_path)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.startswith("build-dataset: error: "), result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not [p for p in (tmp_path / "dist").rglob("*") if p.is_file()]


def test_a_killed_build_leaves_no_partial_version_and_a_rerun_succeeds(tmp_path):
    big = tmp_path / "big.csv"
    source = rows()
    with big.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "content"])
        writer.writeheader()
        for copy in range(8):
            writer.writerows({"id": f"{copy}-{r['id']}", "content": r["content"]} for r in source)
    args = [sys.executable, "-m", "corpusprep.cli.build_dataset", str(big), "--name", "big", "--version", "1.0.0",
            "--text-column", "content", "--id-column", "id", "--quiet"]
    process = subprocess.Popen(args, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list((tmp_path / "dist" / "big").glob(".tmp-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)  # well into cleaning: about 2 s of work remain
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert list((tmp_path / "dist" / "big").glob(".tmp-*")), "the build was killed before it started writing"
    assert not (tmp_path / "dist" / "big" / "1.0.0").exists()
    rerun = subprocess.run(args[:-1] + ["--json"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert json.loads(rerun.stdout)["read"] == 2000
    assert sorted(p.name for p in (tmp_path / "dist" / "big").iterdir()) == ["1.0.0"]


def test_corpusprep_diff_compares_two_built_versions(tmp_path):
    first = tmp_path / "in"
    first.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        (first / path.name).write_bytes(path.read_bytes())
    assert build(str(first), "--name", "s", "--version", "1.0.0", "--quiet", cwd=tmp_path).returncode == 0
    (first / "000_c2bbe43d8b8d3bed.txt").unlink()
    assert build(str(first), "--name", "s", "--bump", "patch", "--quiet", cwd=tmp_path).returncode == 0
    result = subprocess.run([sys.executable, "-m", "corpusprep.cli.main", "diff", "dist/s/1.0.0", "dist/s/1.0.1"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.stdout.startswith("dist/s/1.0.0 -> dist/s/1.0.1: 0 added, 1 removed, 0 changed"), result.stderr
    missing = subprocess.run([sys.executable, "-m", "corpusprep.cli.main", "diff", "dist/s/1.0.0", "dist/s/9.9.9"],
                             capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert missing.returncode == 2 and "not a built version" in missing.stderr


def test_each_tool_prints_its_own_version(tmp_path):
    from importlib import metadata

    version = metadata.version("corpusprep")
    tool = subprocess.run([sys.executable, "-m", "corpusprep.cli.main", "--version"], capture_output=True, text=True,
                          timeout=60)
    assert (tool.returncode, tool.stdout, tool.stderr) == (0, f"corpusprep {version}\n", "")
    for flag in ("-V", "--tool-version"):  # --version is the dataset's version to build
        result = build(flag, cwd=tmp_path)
        assert (result.returncode, result.stdout, result.stderr) == (0, f"build-dataset (corpusprep) {version}\n", "")
    assert not (tmp_path / "dist").exists()
