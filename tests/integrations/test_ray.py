"""Ray: a local Ray instance (2 CPUs) cleans exactly as the local engine does."""

from __future__ import annotations

import hashlib

import pytest
import ray  # the ray extra is part of the test extra: CI runs these tests

from corpusprep import clean
from corpusprep.build.orchestrate import build_dataset
from corpusprep.readers.records import ReadOptions

from ..conftest import SEEDS
from ..helpers.copies import write_corpus
from ..helpers.realcorpus import CORPUS, rows


@pytest.fixture(scope="module")
def local_ray():
    from corpusprep.build.ray_engine import connect

    connect(num_cpus=2)
    yield
    ray.shutdown()


def hashes(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(("inputs", "read_options"), [
    ([SEEDS], ReadOptions()),
    ([CORPUS], ReadOptions(text_column="content", id_column="id", keep_columns=("domain",), site_column="domain")),
    (["copies"], ReadOptions()),
], ids=["seeds", "real-corpus", "seed-copies"])
def test_the_ray_build_writes_the_same_files_as_the_local_build(local_ray, tmp_path, inputs, read_options):
    """Learned boilerplate and duplicate groups included: both passes run on Ray."""
    if inputs == ["copies"]:
        inputs = [write_corpus(tmp_path / "copies")]
    local = build_dataset(inputs, "d", "1.0.0", out=tmp_path / "local", read_options=read_options)
    on_ray = build_dataset(inputs, "d", "1.0.0", out=tmp_path / "ray", read_options=read_options, engine="ray")
    assert (on_ray.read, on_ray.kept, on_ray.rejected) == (local.read, local.kept, local.rejected)
    assert hashes(on_ray.path) == hashes(local.path)
    assert on_ray.duplicates == local.duplicates and on_ray.learned_boilerplate == local.learned_boilerplate


def test_clean_dataset_maps_clean_over_a_ray_dataset(local_ray):
    import ray.data

    from corpusprep.integrations.ray_data import clean_dataset

    source = [{"id": r["id"], "text": r["content"]} for r in rows()[:40]]
    cleaned = sorted(clean_dataset(ray.data.from_items(source)).take_all(), key=lambda row: row["id"])
    assert [row["id"] for row in cleaned] == sorted(row["id"] for row in source)
    for row, original in zip(cleaned, sorted(source, key=lambda r: r["id"])):
        doc = clean(original["text"])
        assert (row["raw"], row["text"], row["title"], row["rejected"]) == (original["text"], doc.text, doc.title, doc.rejected)
        assert [r["rule"] for r in row["removed"]] == [r.rule for r in doc.removed]
