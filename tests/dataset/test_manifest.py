"""The one manifest reader: each way a version folder can be wrong is named in one line."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from corpusprep.dataset.manifest import ManifestError, file_problem, read_manifest, write_manifest
from corpusprep.dataset.versions import is_whole


def version_folder(tmp_path):
    folder = tmp_path / "news" / "1.0.0"
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "train.parquet").write_bytes(b"rows")
    write_manifest(folder, {"name": "news", "version": "1.0.0",
                            "files": {"data/train.parquet": hashlib.sha256(b"rows").hexdigest()}})
    return folder


def test_a_whole_version_reads_back_and_passes(tmp_path):
    folder = version_folder(tmp_path)
    manifest = read_manifest(folder)
    assert manifest["version"] == "1.0.0" and file_problem(folder, manifest) is None and is_whole(folder, "1.0.0")
    assert not is_whole(folder, "1.0.1")


@pytest.mark.parametrize(("damage", "message"), [
    (lambda f: (f / "manifest.json").unlink(), "not a built version (no manifest.json)"),
    (lambda f: (f / "manifest.json").write_text("{", encoding="utf-8"), "cannot read"),
    (lambda f: (f / "manifest.json").write_text(json.dumps({"name": "news"}), encoding="utf-8"), "is not a corpusprep manifest"),
])
def test_a_bad_manifest_is_refused(tmp_path, damage, message):
    folder = version_folder(tmp_path)
    damage(folder)
    with pytest.raises(ManifestError, match=re.escape(message)):
        read_manifest(folder)
    assert not is_whole(folder, "1.0.0")


@pytest.mark.parametrize(("damage", "message"), [
    (lambda f: (f / "notes.txt").write_text("mine", encoding="utf-8"), "notes.txt is not listed in manifest.json"),
    (lambda f: (f / "data" / "train.parquet").unlink(), "train.parquet is missing"),
    (lambda f: (f / "data" / "train.parquet").write_bytes(b"other rows"), "train.parquet differs from manifest.json"),
])
def test_files_that_do_not_match_the_manifest_are_named(tmp_path, damage, message):
    folder = version_folder(tmp_path)
    damage(folder)
    problem = file_problem(folder, read_manifest(folder))
    assert problem is not None and message in problem
    assert not is_whole(folder, "1.0.0")


def test_card_manifest_and_report_show_the_same_counts(tmp_path):
    """One summary feeds all three: the counts cannot drift apart."""
    from corpusprep import build_dataset

    from ..conftest import SEEDS

    report = build_dataset([SEEDS], "seeds", "1.0.0", out=tmp_path / "dist")
    manifest = read_manifest(report.path)
    counts = manifest["counts"]
    assert (counts["read"], counts["kept"], counts["rejected"], counts["removals_by_rule"]) == \
        (report.read, report.kept, report.rejected, report.removals_by_rule)
    card = (report.path / "README.md").read_text(encoding="utf-8")
    assert f"{report.kept}" in card and manifest["learned_boilerplate"] == report.learned_boilerplate
