"""`corpusprep clean` and `explain` read table files row by row, with build-dataset's readers (real subprocesses)."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq

from corpusprep import clean, explain

from ..conftest import SEEDS
from ..helpers.commands import run
from ..helpers.realcorpus import CORPUS


def _rows(n: int = 4) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with open(CORPUS, encoding="utf-8", newline="") as handle:
        return [{"id": row["id"], "text": row["content"], "domain": row["domain"]}
                for _, row in zip(range(n), csv.DictReader(handle))]


def _lines(result: subprocess.CompletedProcess) -> list[dict]:
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_clean_prints_one_json_object_per_csv_row_with_its_id(tmp_path):
    rows = _rows()
    with open(tmp_path / "news.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "content", "domain"])
        writer.writeheader()
        writer.writerows({"id": r["id"], "content": r["text"], "domain": r["domain"]} for r in rows)

    lines = _lines(run("clean", str(tmp_path / "news.csv"), "--text-column", "content", "--id-column", "id", "--json"))

    assert [line["id"] for line in lines] == [r["id"] for r in rows]
    for line, row in zip(lines, rows):
        assert line["path"] == str(tmp_path / "news.csv")
        assert {k: v for k, v in line.items() if k not in ("id", "path")} == json.loads(json.dumps(clean(row["text"]).to_dict()))


def test_clean_reads_jsonl_rows_with_the_default_text_column_and_row_ids(tmp_path):
    rows = _rows(3)
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows) + "{broken\n", encoding="utf-8")

    lines = _lines(run("clean", str(tmp_path / "in.jsonl"), "--json"))

    assert [line["id"] for line in lines] == ["in.jsonl:0", "in.jsonl:1", "in.jsonl:2", "in.jsonl:3"]
    assert [line["title"] for line in lines[:3]] == [clean(r["text"]).title for r in rows]
    assert lines[3]["rejected"].startswith("bad_json: line 4")
    summary = run("clean", str(tmp_path / "in.jsonl"))
    assert summary.returncode == 0 and "\n4 documents: " in summary.stdout and "in.jsonl:0" in summary.stdout


def test_explain_renders_every_parquet_row_under_its_id(tmp_path):
    rows = _rows(2)
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "corpus.parquet")

    result = run("explain", str(tmp_path / "corpus.parquet"), "--id-column", "id")

    assert result.returncode == 0, result.stderr
    expected = "\n".join(f"==> {r['id']} <==\n" + explain(r["text"]) for r in rows)
    assert result.stdout == expected
    assert "rejected: binary" not in result.stdout


def test_a_text_file_and_a_file_of_no_known_kind_are_still_one_document(tmp_path):
    seed = SEEDS / "002_e169762a8f106654.txt"
    (tmp_path / "article").write_bytes(seed.read_bytes())

    lines = _lines(run("clean", str(seed), str(tmp_path / "article"), "--json"))

    assert [(line["id"], line["path"]) for line in lines] == [(seed.name, str(seed)), ("article", str(tmp_path / "article"))]
    assert lines[0]["text"] == lines[1]["text"] == clean(seed.read_bytes()).text
    assert run("explain", str(seed)).stdout == explain(seed.read_bytes())


def test_a_missing_column_is_one_line_and_a_file_url_is_read(tmp_path):
    (tmp_path / "in.jsonl").write_text(json.dumps({"body": "x"}) + "\n", encoding="utf-8")
    for args in (("clean", str(tmp_path / "in.jsonl")), ("explain", str(tmp_path / "in.jsonl"))):
        result = run(*args)
        assert result.returncode == 2, args
        assert result.stderr.strip().splitlines() == [
            f"corpusprep: error: {tmp_path / 'in.jsonl'} has no column text (columns: body); "
            "see --text-column/--id-column/--site-column/--keep-columns"]
    lines = _lines(run("clean", SEEDS.as_uri(), "--json"))
    assert len(lines) == 5 and lines[0]["path"].startswith(SEEDS.as_uri() + "/")
