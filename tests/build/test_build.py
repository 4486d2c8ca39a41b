"""build_dataset(): real Parquet, real `datasets` loading, real readers of every input kind."""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from corpusprep import CleanOptions
from corpusprep.build.orchestrate import BuildError, build_dataset
from corpusprep.dataset.versions import VersionError
from corpusprep.readers.records import InputError, ReadOptions

from ..conftest import SEEDS
from ..helpers.realcorpus import CORPUS


def file_hashes(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def seeds_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("dist")
    report = build_dataset([SEEDS], "seeds", "1.0.0", out=out)
    return report, out / "seeds" / "1.0.0"


def test_layout_card_and_manifest(seeds_build):
    report, folder = seeds_build
    assert (report.read, report.kept, report.rejected) == (5, 5, {})
    assert sorted(file_hashes(folder)) == ["README.md", "data/train-00000-of-00001.parquet", "manifest.json",
                                           "rejected/train-00000-of-00001.parquet"]  # empty, but there: same configs
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["version"] == "1.0.0" and manifest["counts"]["kept"] == 5
    assert manifest["built"] is None  # no clock unless SOURCE_DATE_EPOCH is set
    for name, digest in manifest["files"].items():
        assert file_hashes(folder)[name] == digest
    card = (folder / "README.md").read_text()
    assert card.startswith("---\npretty_name: seeds\n")
    assert "| kept | 5 |" in card and "`wsws.contact_footer` | 3 |" in card


def test_parquet_rows_are_sorted_typed_and_zstd(seeds_build):
    _, folder = seeds_build
    path = folder / "data" / "train-00000-of-00001.parquet"
    table = pq.read_table(path)
    assert table.column("id").to_pylist() == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert table.schema.field("date").type == pa.date32()
    assert table.schema.field("authors").type == pa.list_(pa.string())
    assert pq.ParquetFile(path).metadata.row_group(0).column(0).compression == "ZSTD"
    row = table.slice(2, 1).to_pylist()[0]
    assert row["original_publisher"] == "World Socialist Web Site"
    assert {"rule": "globalresearch_fr.media_contact", "text": "Contact média: media@globalresearch.ca", "index": 35} in row["removed"]


def test_datasets_pandas_and_polars_read_it(seeds_build):
    import datasets
    import polars as pl

    _, folder = seeds_build
    train = datasets.load_dataset(str(folder), split="train")
    assert train.num_rows == 5
    assert train.features["date"] == datasets.Value("date32")
    assert train.features["authors"] == datasets.List(datasets.Value("string"))
    assert str(train[0]["date"]) == "2016-07-20"
    frame = pl.read_parquet(str(folder / "data" / "*.parquet"))
    assert frame.height == 5 and frame["title"][0] == "American war planes slaughter civilians in northern Syria"
    assert pq.read_table(folder / "data").to_pandas()["language"].tolist() == ["en"] * 5


def test_builds_are_byte_identical_whatever_the_number_of_processes(tmp_path, seeds_build):
    _, folder = seeds_build
    build_dataset([SEEDS], "seeds", "1.0.0", out=tmp_path / "a", num_proc=2)
    assert file_hashes(tmp_path / "a" / "seeds" / "1.0.0") == file_hashes(folder)


def test_source_date_epoch_is_the_only_clock(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build_dataset([SEEDS], "seeds", "1.0.0", out=tmp_path)
    manifest = json.loads((tmp_path / "seeds" / "1.0.0" / "manifest.json").read_text())
    assert manifest["built"] == "2023-11-14T22:13:20+00:00"


def test_versions_are_immutable(tmp_path):
    build_dataset([SEEDS], "seeds", "1.0.0", out=tmp_path)
    before = file_hashes(tmp_path / "seeds" / "1.0.0")
    assert build_dataset([SEEDS], "seeds", "1.0.0", out=tmp_path).noop
    with pytest.raises(BuildError, match="already exists .* --force"):
        build_dataset([SEEDS], "seeds", "1.0.0", out=tmp_path, options=CleanOptions(min_words=5000))
    assert file_hashes(tmp_path / "seeds" / "1.0.0") == before
    forced = build_dataset([SEEDS], "seeds", "1.0.0", out=tmp_path, options=CleanOptions(min_words=5000), force=True)
    assert (forced.kept, forced.rejected) == (0, {"too_short": 5})
    assert not list((tmp_path / "seeds").glob(".*"))


def test_bump_and_diff_against_the_previous_version(tmp_path):
    first = tmp_path / "first"
    first.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(path, first / path.name)
    build_dataset([first], "seeds", "1.0.0", out=tmp_path / "dist")
    second = tmp_path / "second"
    shutil.copytree(first, second)
    (second / "000_c2bbe43d8b8d3bed.txt").unlink()
    shutil.copy(sorted(SEEDS.glob("*.txt"))[3], second)
    changed = second / "001_8dea0efc4732bc9d.txt"
    changed.write_text(changed.read_text().replace("Civilian death toll", "Civilian toll"))
    report = build_dataset([second], "seeds", bump="minor", out=tmp_path / "dist")
    assert (report.version, report.previous_version) == ("1.1.0", "1.0.0")
    diff = json.loads((tmp_path / "dist" / "seeds" / "1.1.0" / "diff.json").read_text())
    assert diff["added"] == ["003_eea812c032c94ab6.txt"]
    assert diff["removed"] == ["000_c2bbe43d8b8d3bed.txt"]
    assert diff["changed"] == {"001_8dea0efc4732bc9d.txt": ["removed", "sha256", "title"]}
    assert "Since 1.0.0: 1 documents added, 1 removed, 1 changed" in (tmp_path / "dist" / "seeds" / "1.1.0" / "README.md").read_text()


def test_bad_documents_go_to_the_rejected_config_with_a_reason(tmp_path):
    import datasets

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns("expected"))
    (corpus / "empty.txt").write_text("")
    (corpus / "blob.html").write_bytes(bytes(range(256)) * 8)
    (corpus / "stub.md").write_text("English\n\nLoading...")
    report = build_dataset([corpus], "mixed", "0.1.0", out=tmp_path / "dist")
    assert (report.read, report.kept, report.rejected) == (8, 5, {"binary": 1, "empty": 1, "stub": 1})
    rejected = datasets.load_dataset(str(tmp_path / "dist" / "mixed" / "0.1.0"), "rejected", split="train")
    assert sorted(zip(rejected["id"], rejected["reason"])) == [("blob.html", "binary"), ("empty.txt", "empty"), ("stub.md", "stub")]
    assert rejected[2]["raw"] == "English\n\nLoading..."


def test_tabular_inputs_map_columns_and_never_overwrite_extracted_fields(tmp_path):
    rows = [{"uid": f"r{i}", "content": (SEEDS / name).read_text(), "title": f"scraped {i}", "url": f"http://x/{i}"}
            for i, name in enumerate(sorted(p.name for p in SEEDS.glob("*.txt")))]
    rows.append({"uid": "r1", "content": "duplicate id", "title": "", "url": ""})
    with gzip.open(tmp_path / "news.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in rows)
    report = build_dataset([tmp_path / "news.jsonl.gz"], "news", "1.0.0", out=tmp_path / "dist",
                           read_options=ReadOptions(text_column="content", id_column="uid", keep_columns=("title", "url")))
    assert (report.kept, report.rejected) == (5, {"duplicate_id": 1})
    table = pq.read_table(tmp_path / "dist" / "news" / "1.0.0" / "data")
    assert table.column("title")[0].as_py() == "American war planes slaughter civilians in northern Syria"
    assert table.column("input_title")[0].as_py() == "scraped 0"
    assert table.column("url")[4].as_py() == "http://x/4"


def test_csv_parquet_saved_and_hub_layout_inputs(tmp_path, seeds_build):
    import datasets

    _, built = seeds_build
    csv_report = build_dataset([CORPUS], "csv", "1.0.0", out=tmp_path / "d",
                               read_options=ReadOptions(text_column="content", id_column="id"))
    # Two pairs of rows are the same page scraped under two URLs: one copy of each is rejected.
    assert (csv_report.read, csv_report.kept, csv_report.rejected["duplicate"]) == (250, 235, 2)
    hub_layout = build_dataset([built], "again", "1.0.0", out=tmp_path / "d")  # a built dataset as input
    assert (hub_layout.read, hub_layout.kept) == (5, 5)
    pq.write_table(pq.read_table(built / "data"), tmp_path / "one.parquet")
    assert build_dataset([tmp_path / "one.parquet"], "pq", "1.0.0", out=tmp_path / "d").kept == 5
    datasets.load_dataset(str(built), split="train").save_to_disk(str(tmp_path / "saved"))
    saved = build_dataset([tmp_path / "saved"], "saved", "1.0.0", out=tmp_path / "d",
                          read_options=ReadOptions(id_column="id"))
    assert (saved.read, saved.kept) == (5, 5)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (dict(inputs=["nope/"], name="x", version="1.0.0"), InputError, "no such file or folder: nope"),
        (dict(inputs=[SEEDS], name="a/b", version="1.0.0"), VersionError, "no path separators"),
        (dict(inputs=[SEEDS], name="x", version="1.0"), VersionError, "bad version '1.0'"),
        (dict(inputs=[SEEDS], name="x"), VersionError, "exactly one of"),
        (dict(inputs=[CORPUS], name="x", version="1.0.0"), InputError, "has no column text"),
    ],
)
def test_user_errors_are_refused_with_one_line(tmp_path, call, error, message):
    with pytest.raises(error, match=message) as caught:
        build_dataset(out=tmp_path, **call)
    assert "\n" not in str(caught.value)
    assert not (tmp_path / "x").exists()


def _dies_on_boom(records):
    """Stands in for a document that crashes the interpreter (a segfault in a C extension)."""
    import os

    from corpusprep.build import workers

    if any(record.id == "boom.txt" for record in records):
        os._exit(1)
    return workers.clean_batch_unpatched(records)


def test_a_worker_that_dies_is_reported_with_its_document_and_no_version_is_written(tmp_path, monkeypatch):
    from corpusprep.build import workers
    from corpusprep.build.local_engine import WorkerDied

    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus, ignore=shutil.ignore_patterns("expected"))
    (corpus / "boom.txt").write_text("This document kills the worker that cleans it.")
    monkeypatch.setattr(workers, "clean_batch_unpatched", workers.clean_batch, raising=False)
    monkeypatch.setattr(workers, "clean_batch", _dies_on_boom)  # forked workers inherit the patch
    with pytest.raises(WorkerDied, match=r"died while cleaning document boom.txt \("):
        build_dataset([corpus], "boom", "1.0.0", out=tmp_path / "dist", num_proc=2)
    assert not (tmp_path / "dist" / "boom").exists()


def test_document_counts_are_known_for_text_files_and_parquet_only(seeds_build):
    from corpusprep.readers.records import count_documents

    _, built = seeds_build
    assert count_documents([SEEDS]) == 5
    assert count_documents([built]) == 5  # Parquet row counts; manifest.json is not data
    assert count_documents([SEEDS, CORPUS]) is None  # CSV rows are unknown until read
