"""The `corpusprep` command, run as a real subprocess from the installed package."""

from __future__ import annotations

import json

from ..conftest import SEEDS
from ..helpers.commands import run


def test_clean_prints_a_summary_of_the_seeds():
    result = run("clean", str(SEEDS))
    assert result.returncode == 0, result.stderr
    assert "5 documents: 5 kept" in result.stdout
    assert "wsws.contact_footer 3" in result.stdout


def test_clean_json_gives_one_document_per_line():
    result = run("clean", str(SEEDS), "--json")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["title"] for line in lines][0] == "American war planes slaughter civilians in northern Syria"
    assert {line["date"] for line in lines} >= {"2016-07-20", "2016-09-20"}


def test_explain_marks_each_removal_with_its_rule():
    result = run("explain", str(SEEDS / "002_e169762a8f106654.txt"))
    assert result.returncode == 0
    assert "- [globalresearch_fr.disclaimer] Avis de non-responsabilité" in result.stdout
    assert "original_publisher: World Socialist Web Site" in result.stdout


def test_user_errors_are_one_line_without_traceback(tmp_path):
    bad_pack = tmp_path / "bad.toml"
    bad_pack.write_text("[pack]\nid = 'x'\n[[boilerplate]]\nid = 'y'\nzone = 'middle'\npattern = 'z'\n")
    empty = tmp_path / "empty"
    empty.mkdir()
    for args in (("clean", str(tmp_path / "missing.txt")), ("clean", str(empty)),
                 ("explain", str(tmp_path)), ("clean", str(SEEDS), "--rules", str(bad_pack)),
                 ("clean", str(SEEDS), "--rules", str(tmp_path / "nope.toml"))):
        result = run(*args)
        assert result.returncode == 2, args
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert result.stderr.startswith("corpusprep: error: ")


def test_binary_file_is_rejected_not_a_crash(tmp_path):
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 4)
    result = run("clean", str(tmp_path), "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["rejected"] == "binary"
