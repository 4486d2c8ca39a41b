"""The bad-input catalogue: every document is kept or rejected with a documented reason, and the counts add up.

Real files, real builds, real Parquet; the command-line run is a real subprocess.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from corpusprep import CleanOptions, DedupOptions, LearnOptions, clean
from corpusprep.build.orchestrate import build_dataset
from corpusprep.readers.records import ReadOptions
from corpusprep.reasons import REASONS, code

from ..conftest import child_pids

BODY = "The council met on Tuesday and agreed the new budget for the schools after a long debate. " * 3
OTHER = "Farmers in the valley said the late rain had saved most of the harvest this autumn season. " * 3
FAST = {"options": CleanOptions(detect_language=False), "learn": LearnOptions(enabled=False),
        "dedup": DedupOptions(enabled=False)}


def build(inputs, tmp_path, read_options=ReadOptions(), **kw):
    report = build_dataset([Path(p) for p in inputs], "bad", "1.0.0", out=tmp_path / "dist",
                           read_options=read_options, **{**FAST, **kw})
    kept = _rows(report.path / "data")
    rejected = _rows(report.path / "rejected")
    assert report.kept + sum(report.rejected.values()) == report.read == len(kept) + len(rejected)
    assert all(r["reason"] in REASONS for r in rejected), [r["reason"] for r in rejected]
    return report, {r["id"]: r for r in kept}, {r["id"]: code(r["reason"]) for r in rejected}


def _rows(folder: Path) -> list[dict]:
    return [row for p in sorted(folder.glob("*.parquet")) for row in pq.read_table(p).to_pylist()]


def jsonl(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_a_reason_is_a_code_and_its_detail_a_column_of_its_own(tmp_path):
    path = jsonl(tmp_path / "c.jsonl", "not json", json.dumps({"text": BODY}), '{"text": ', "[1, 2")
    report, _, _ = build([path], tmp_path)
    assert report.rejected == {"bad_json": 3}  # one category, however the lines are broken
    details = [r["detail"] for r in _rows(report.path / "rejected")]
    assert len(set(details)) == 3 and all(d.startswith("line ") for d in details)
    card = (report.path / "README.md").read_text(encoding="utf-8")
    assert "name: detail" in card


def test_a_malformed_line_takes_no_good_document_id(tmp_path):
    path = jsonl(tmp_path / "c.jsonl", json.dumps({"text": BODY}), "not json", json.dumps({"text": OTHER}))
    _, kept, rejected = build([path], tmp_path)
    assert sorted(kept) == ["c.jsonl:0", "c.jsonl:2"]
    assert rejected == {"c.jsonl:1": "bad_json"}


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_a_byte_order_mark_starts_a_table_file(tmp_path, encoding):
    lines = json.dumps({"text": BODY}) + "\n" + json.dumps({"text": OTHER}) + "\n"
    (tmp_path / "b.jsonl").write_text(lines, encoding=encoding)
    (tmp_path / "b.csv").write_text("text,n\n\"" + BODY + "\",1\n", encoding=encoding)
    _, kept, rejected = build([tmp_path / "b.jsonl", tmp_path / "b.csv"], tmp_path)
    assert sorted(kept) == ["b.csv:0", "b.jsonl:0", "b.jsonl:1"] and rejected == {}


def test_random_bytes_are_binary_as_a_string_as_well_as_a_file(tmp_path):
    noise = random.Random(7).randbytes(8192)
    (tmp_path / "noise.bin.txt").write_bytes(noise)
    as_strings = [noise.decode("latin-1"), noise.decode("utf-8", "ignore"), noise.decode("utf-8", "replace")]
    path = jsonl(tmp_path / "n.jsonl", *(json.dumps({"text": s}) for s in as_strings), json.dumps({"text": BODY}))
    _, kept, rejected = build([path, tmp_path / "noise.bin.txt"], tmp_path)
    assert list(kept) == ["n.jsonl:3"]
    assert rejected == {"n.jsonl:0": "binary", "n.jsonl:1": "binary", "n.jsonl:2": "binary", "noise.bin.txt": "binary"}
    assert clean(BODY.replace(" ", "\t")).rejected is None  # tabs and breaks are not control noise


def test_a_row_without_its_id_is_rejected_not_a_traceback(tmp_path):
    path = jsonl(tmp_path / "i.jsonl", json.dumps({"id": "a", "text": BODY}), json.dumps({"text": OTHER}),
                 json.dumps({"id": None, "text": OTHER}), json.dumps({"id": "a", "text": OTHER}))
    _, kept, rejected = build([path], tmp_path, ReadOptions(id_column="id"))
    assert list(kept) == ["a"]
    assert rejected == {"i.jsonl:1": "no_id", "i.jsonl:2": "no_id", "a": "duplicate_id"}


def test_lone_surrogates_and_undecodable_file_names_are_stored_escaped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(BODY, encoding="utf-8")
    path = jsonl(tmp_path / "s.jsonl", '{"id": "a\\ud800", "text": "' + OTHER + ' \\udc00 end", "k": "x\\ud83d"}')
    _, kept, _ = build([folder], tmp_path)
    assert list(kept) == ["caf\\xe9.txt"]
    _, kept, _ = build([path], tmp_path / "2", ReadOptions(id_column="id", keep_columns=("k",)))
    (row,) = kept.values()
    assert row["id"] == "a\\ud800" and row["k"] == "x\\ud83d" and row["text"].endswith("\ufffd end")


def test_a_corrupt_parquet_row_group_rejects_its_rows_and_keeps_the_rest(tmp_path):
    path = tmp_path / "t.parquet"
    pq.write_table(pa.table({"text": [BODY + str(i) for i in range(6)]}), path, row_group_size=2, compression="zstd")
    chunk = pq.ParquetFile(path).metadata.row_group(1).column(0)
    start = chunk.dictionary_page_offset or chunk.data_page_offset
    data = bytearray(path.read_bytes())
    data[start + 4:start + chunk.total_compressed_size - 4] = b"\xab" * (chunk.total_compressed_size - 8)
    path.write_bytes(bytes(data))
    _, kept, rejected = build([path], tmp_path)
    assert {"t.parquet:0", "t.parquet:1"} <= set(kept)
    assert rejected["t.parquet:2"] == rejected["t.parquet:3"] == "unreadable"
    assert len(kept) + len(rejected) == 6


def test_too_large_documents_are_rejected_unread(tmp_path):
    path = jsonl(tmp_path / "l.jsonl", json.dumps({"text": BODY}), json.dumps({"text": OTHER * 20}))
    _, kept, rejected = build([path], tmp_path, options=CleanOptions(detect_language=False, max_chars=2000))
    assert list(kept) == ["l.jsonl:0"] and rejected == {"l.jsonl:1": "too_large"}
    doc = clean(OTHER * 20, options=CleanOptions(max_chars=2000))
    assert (doc.rejected, doc.text, doc.removed) == ("too_large", "", [])


def test_a_document_over_the_time_budget_is_rejected_and_the_build_goes_on(tmp_path):
    slow = "<b>" * 2_000_000 + BODY  # seconds of markup to strip, far over a tenth of a second
    path = jsonl(tmp_path / "t.jsonl", json.dumps({"text": BODY}), json.dumps({"text": slow}), json.dumps({"text": OTHER}))
    options = CleanOptions(detect_language=False, time_budget=0.1, max_chars=None)
    _, kept, rejected = build([path], tmp_path, options=options, learn=LearnOptions())
    assert sorted(kept) == ["t.jsonl:0", "t.jsonl:2"] and rejected == {"t.jsonl:1": "timeout"}


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to switch to an unprivileged user")
def test_a_folder_that_cannot_be_listed_is_a_rejection_not_a_gap(tmp_path_factory):
    base = Path(os.environ.get("TMPDIR", "/tmp")) / f"corpusprep-unlistable-{os.getpid()}"
    (base / "in" / "locked").mkdir(parents=True)
    try:
        (base / "in" / "ok.txt").write_text(BODY, encoding="utf-8")
        (base / "in" / "locked" / "hidden.txt").write_text(OTHER, encoding="utf-8")
        os.chmod(base, 0o777)
        os.chmod(base / "in", 0o755)
        os.chmod(base / "in" / "ok.txt", 0o644)
        os.chmod(base / "in" / "locked", 0o000)
        script = ("import json, os, sys; from corpusprep.readers.records import read_inputs; from pathlib import Path; "
                  "os.setgid(65534); os.setuid(65534); "  # after the imports: the interpreter lives under /root
                  "print(json.dumps([[r.id, r.problem] for r in read_inputs([Path(sys.argv[1])])]))")
        done = subprocess.run([sys.executable, "-c", script, str(base / "in")], capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": _src()}, check=False)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == [["locked", "unreadable: Permission denied"], ["ok.txt", None]]
    finally:
        os.chmod(base / "in" / "locked", 0o755)
        subprocess.run(["rm", "-rf", str(base)], check=True)


def _src() -> str:
    import corpusprep

    return str(Path(corpusprep.__file__).resolve().parent.parent)


def test_the_catalogue_through_the_command_line(tmp_path):
    """Every shape of bad input at once, through `build-dataset`: exit 0, no traceback, every document accounted for."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    files = {
        "good.txt": BODY.encode(), "cp1252.txt": b"caf\xe9 na\xefve " + BODY.encode(),
        "binary.txt": bytes(range(256)) * 8, "nul.txt": BODY.encode() + b"\x00" + OTHER.encode(),
        "empty.txt": b"", "blank.txt": b"  \n\t\n ", "bom8.txt": b"\xef\xbb\xbf" + OTHER.encode(),
        "bom16.txt": BODY.encode("utf-16"), "cr.txt": BODY.replace(". ", ".\r").encode(),
        "crlf.txt": (BODY + "\r\n\r\n" + OTHER).encode(), "tags.html": b"<div><p></p><br><span></span></div>",
        "sub/odd name \u2013 \U0001f600.md": OTHER.encode(), "-leading-dash.txt": BODY.encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "sub" / "up").symlink_to(folder)  # a folder loop: not followed
    table = tmp_path / "rows.jsonl"
    table.write_text("\n".join([json.dumps({"id": "1", "text": BODY}), "{broken", json.dumps({"id": "2", "text": None}),
                                json.dumps({"id": "3", "text": 42}), json.dumps({"id": "4", "text": ["a", "b"]}),
                                json.dumps({"id": "5"}), json.dumps([1, 2]), json.dumps({"id": "1", "text": OTHER}),
                                json.dumps({"id": None, "text": OTHER})]) + "\n", encoding="utf-8")
    ragged = tmp_path / "ragged.csv"
    ragged.write_text(f"id,text\n6,\"{BODY}\"\n7\n8,\"{OTHER}\",extra,cells\n", encoding="utf-8")
    typed = tmp_path / "typed.parquet"
    pq.write_table(pa.table({"id": ["9", "10"], "text": pa.array([1, 2], pa.int64())}), typed)
    out = tmp_path / "dist"
    runs = []
    for inputs, extra in (([folder], []), ([table, ragged, typed], ["--id-column", "id"])):
        done = subprocess.run([sys.executable, "-m", "corpusprep.cli.build_dataset", *map(str, inputs), "--name", f"c{len(runs)}",
                               "--version", "1.0.0", "--out", str(out), "--json", "--no-learn", "--no-dedup", *extra],
                              capture_output=True, text=True, check=False, env={**os.environ, "PYTHONPATH": _src()})
        assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
        runs.append(json.loads(done.stdout))
    folder_run, table_run = runs
    assert folder_run["read"] == len(files) + 1  # the link loop is a document that could not be read
    assert table_run["read"] == 9 + 3 + 2
    for run in runs:
        assert run["kept"] + sum(run["rejected"].values()) == run["read"]
        assert all(code(reason) in REASONS for reason in run["rejected"])
    rejected = {r["id"]: code(r["reason"]) for r in _rows(out / "c0" / "1.0.0" / "rejected")}
    assert rejected == {"binary.txt": "binary", "nul.txt": "binary", "empty.txt": "empty", "blank.txt": "empty",
                        "tags.html": "empty", "loop.txt": "unreadable"}
    rejected = {r["id"]: code(r["reason"]) for r in _rows(out / "c1" / "1.0.0" / "rejected")}
    assert rejected == {"rows.jsonl:1": "bad_json", "2": "no_text", "3": "no_text", "4": "no_text", "5": "no_text",
                        "rows.jsonl:6": "bad_json", "1": "duplicate_id", "rows.jsonl:8": "no_id", "7": "no_text",
                        "9": "no_text", "10": "no_text"}


def test_workers_exit_when_their_build_is_killed(tmp_path):
    path = tmp_path / "many.jsonl"
    rng = random.Random(3)
    words = (BODY + OTHER).split()
    path.write_text("".join(json.dumps({"text": " ".join(rng.choices(words, k=400))}) + "\n" for _ in range(8000)))
    build_proc = subprocess.Popen([sys.executable, "-m", "corpusprep.cli.build_dataset", str(path), "--name", "k", "--version",
                                   "1.0.0", "--out", str(tmp_path / "dist"), "--num-proc", "2", "--quiet"],
                                  env={**os.environ, "PYTHONPATH": _src()})
    try:
        workers = _wait_for(lambda: child_pids(build_proc.pid) if len(child_pids(build_proc.pid)) >= 2 else None)
        assert workers, "the build started no worker processes"
    finally:
        build_proc.kill()
        build_proc.wait()
    assert _wait_for(lambda: not any(_alive(pid) for pid in workers) or None), f"orphaned workers {workers}"


def _wait_for(probe, seconds: float = 30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.1)
    return None




def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_the_documented_reasons_are_the_table():
    docs = (Path(__file__).resolve().parents[2] / "docs" / "build-dataset.md").read_text(encoding="utf-8")
    assert all(f"| `{reason}` | {meaning} |" in docs for reason, meaning in REASONS.items())
