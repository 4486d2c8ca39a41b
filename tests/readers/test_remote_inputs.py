"""Inputs given as fsspec URLs: read through fsspec's in-process `memory://` filesystem and `file://`, never the network."""

from __future__ import annotations

import csv
import gzip
import io
import json
import subprocess
import sys

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from corpusprep.build.orchestrate import BuildError, build_dataset
from corpusprep.readers.records import InputError, ReadOptions, read_inputs

from ..conftest import SEEDS
from ..helpers.realcorpus import CORPUS


@pytest.fixture
def memory(tmp_path):
    """A fresh folder of fsspec's memory filesystem, `memory://<test>`, emptied afterwards."""
    fs = fsspec.filesystem("memory")
    root = f"/{tmp_path.name}"
    yield fs, f"memory:/{root}"
    if fs.exists(root):
        fs.rm(root, recursive=True)


def _news_rows(n: int = 12) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with open(CORPUS, encoding="utf-8", newline="") as handle:
        return [{"id": row["id"], "content": row["content"], "domain": row["domain"]}
                for _, row in zip(range(n), csv.DictReader(handle))]


def _table(report) -> pa.Table:
    return pq.read_table(report.path / "data")


def test_a_folder_of_text_files_builds_as_it_does_from_disk(tmp_path, memory):
    fs, url = memory
    for seed in sorted(SEEDS.glob("*.txt")):
        fs.pipe(f"{url}/seeds/{seed.name}", seed.read_bytes())
    fs.pipe(f"{url}/seeds/.hidden/skipped.txt", b"never read")

    remote = build_dataset([f"{url}/seeds"], "remote", "1.0.0", out=tmp_path / "a")
    local = build_dataset([SEEDS], "local", "1.0.0", out=tmp_path / "b")

    assert (remote.read, remote.kept) == (local.read, local.kept) == (5, 5)
    ours, theirs = _table(remote), _table(local)
    assert ours.column("id").to_pylist() == theirs.column("id").to_pylist()
    assert ours.drop(["source"]).equals(theirs.drop(["source"]))
    assert ours.column("source")[0].as_py() == f"{url}/seeds/{sorted(SEEDS.glob('*.txt'))[0].name}"


def test_csv_jsonl_gz_and_parquet_files_and_a_hub_layout_folder(tmp_path, memory):
    fs, url = memory
    rows = _news_rows()
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    fs.pipe(f"{url}/news.csv", text.getvalue().encode("utf-8"))
    fs.pipe(f"{url}/news.jsonl.gz", gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode("utf-8")))
    with fs.open(f"{url}/news.parquet", "wb") as handle:
        pq.write_table(pa.Table.from_pylist(rows), handle)
    options = ReadOptions(text_column="content", id_column="id", keep_columns=("domain",))

    built = {}
    for name in ("news.csv", "news.jsonl.gz", "news.parquet"):
        report = build_dataset([f"{url}/{name}"], name.replace(".", "-"), "1.0.0", out=tmp_path / "d",
                               read_options=options)
        assert report.read == len(rows), name
        built[name] = _table(report).drop(["source"])
    assert built["news.csv"].equals(built["news.jsonl.gz"]) and built["news.csv"].equals(built["news.parquet"])

    # A built version copied to the remote store is a Hub-layout folder: its card names its data files
    # (data/, not rejected/).
    fs.pipe(f"{url}/more.jsonl", "".join(json.dumps(r) + "\n" for r in rows + [{"id": "stub", "content": "Too short.",
                                                                              "domain": "x"}]).encode("utf-8"))
    version = build_dataset([f"{url}/more.jsonl"], "first", "1.0.0", out=tmp_path / "v", read_options=options).path
    assert list((version / "rejected").glob("*.parquet"))
    fs.put(str(version), f"{url}/hub", recursive=True)
    again = build_dataset([f"{url}/hub"], "again", "1.0.0", out=tmp_path / "d", read_options=ReadOptions(id_column="id"))
    kept = pq.read_table(version / "data").num_rows
    assert (again.read, again.kept) == (kept, kept)


def test_the_fingerprint_reads_the_remote_files(tmp_path, memory):
    fs, url = memory
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        fs.pipe(f"{url}/c/{seed.name}", seed.read_bytes())
    build_dataset([f"{url}/c"], "c", "1.0.0", out=tmp_path)
    assert build_dataset([f"{url}/c"], "c", "1.0.0", out=tmp_path).noop
    fs.pipe(f"{url}/c/{sorted(SEEDS.glob('*.txt'))[0].name}", b"An edited article. " * 20)
    with pytest.raises(BuildError, match="already exists .* with other inputs"):
        build_dataset([f"{url}/c"], "c", "1.0.0", out=tmp_path)


def test_a_missing_url_or_an_unknown_protocol_is_one_line(tmp_path, memory):
    _, url = memory
    for bad, message in ((f"{url}/nope", f"no such file or folder: {url}/nope"),
                         ("nosuchprotocol://x/y", "cannot read nosuchprotocol://x/y: Protocol not known"),
                         (f"{url}", f"no such file or folder: {url}")):
        with pytest.raises(InputError, match=message) as caught:
            list(read_inputs([bad]))
        assert "\n" not in str(caught.value)


def run_build(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "corpusprep.cli.build_dataset", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def test_build_dataset_takes_a_file_url_unmangled(tmp_path):
    result = run_build(SEEDS.as_uri(), "--name", "seeds", "--version", "1.0.0", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["kept"] == 5
    manifest = json.loads((tmp_path / "dist" / "seeds" / "1.0.0" / "manifest.json").read_text())
    assert manifest["settings"]["inputs"][0]["path"] == SEEDS.as_uri()


@pytest.mark.skipif(bool(__import__("importlib").util.find_spec("s3fs")), reason="s3fs would reach the network")
def test_an_s3_url_without_s3fs_says_what_to_install(tmp_path):
    result = run_build("s3://bucket/corpus/", "--name", "x", "--version", "1.0.0", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["build-dataset: error: cannot read s3://bucket/corpus/: "
                                                   "Install s3fs to access S3"]
