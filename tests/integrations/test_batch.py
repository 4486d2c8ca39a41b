"""`clean_batch` and `features()`: cleaning a real `datasets.Dataset` with `map(batched=True)`."""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
import sys

import datasets
import pyarrow.parquet as pq
import pytest

import corpusprep
from corpusprep import CleanOptions, LearnOptions, clean, clean_batch, features
from corpusprep.dataset.schema import removal_rows
from corpusprep.hashing import sha256_of

from ..conftest import DATA, SEEDS

FAST = CleanOptions(detect_language=False)  # language ID is most of clean()'s time; the types are what is tested


def _fakenews_texts(chars: int) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    with open(DATA / "fakenews_sample.csv", encoding="utf-8", newline="") as handle:
        return [row["content"][:chars] for row in csv.DictReader(handle)]


def _expected(text, options=FAST) -> dict:
    """What `clean()` says of one text, spelled as the mapped dataset stores it."""
    doc = clean(text, options=options)
    out = {name: getattr(doc, name) for name in ("text", "title", "authors", "date", "publisher", "original_publisher",
                                                 "original_date", "language", "regions", "themes", "tags", "copyright",
                                                 "notes", "rejected")}
    return {**out, "removed": removal_rows(doc), "sha256": sha256_of(text), "raw": text}


def test_more_than_1000_rows_map_with_the_build_types_and_equal_clean_row_by_row():
    # 1,199 rows with no original publisher or date, then a syndicated copy that has both:
    # without features=, `datasets` types those columns `null` from the first 1,000 rows.
    texts = (_fakenews_texts(400) * 5)[:1199] + [(SEEDS / "002_e169762a8f106654.txt").read_text(encoding="utf-8")]
    ds = datasets.Dataset.from_dict({"text": texts})

    out = ds.map(clean_batch, batched=True, features=features(), fn_kwargs={"options": FAST})

    assert out.features == features()
    assert out.features["date"] == datasets.Value("date32")
    assert out.features["original_date"] == datasets.Value("date32")
    last = out[1199]
    assert last["original_publisher"] == "World Socialist Web Site"
    assert isinstance(last["date"], dt.date) and last["date"] == dt.date(2016, 9, 20)
    expected = {text: _expected(text) for text in set(texts)}
    for text, row in zip(texts, out):
        assert row == expected[text]


def test_features_are_the_types_a_build_writes_for_the_kept_config(tmp_path):
    report = corpusprep.build_dataset([SEEDS], "seeds", "1.0.0", out=tmp_path, learn=LearnOptions(enabled=False))
    shard = sorted((report.path / "data").glob("*.parquet"))[0]
    built = datasets.Features.from_arrow_schema(pq.read_schema(shard))
    ours = features()
    shared = [name for name in ours if name in built]
    assert set(ours) - set(shared) == {"rejected", "raw"}  # what a map adds: the verdict, the input text
    assert set(built) - set(shared) == {"id", "source", "duplicate_group", "duplicate_of"}  # corpus-level columns
    assert {name: ours[name] for name in shared} == {name: built[name] for name in shared}


def test_other_input_columns_are_kept_and_a_renamed_one_survives():
    seed = (SEEDS / "000_c2bbe43d8b8d3bed.txt").read_text(encoding="utf-8")
    ds = datasets.Dataset.from_dict({"text": [seed, None], "title": ["given title", None], "url": ["u0", "u1"]})
    ds = ds.rename_column("title", "input_title")  # a column named like a cleaned field is replaced, as map does

    out = ds.map(clean_batch, batched=True, features=features(ds.features), fn_kwargs={"options": FAST})

    assert out.features == features(ds.features) and set(out.column_names) == set(features()) | {"input_title", "url"}
    assert out[0]["title"] == clean(seed, options=FAST).title and out[0]["input_title"] == "given title"
    assert out[0]["url"] == "u0" and out[0]["raw"] == seed and out[0]["text"] == clean(seed, options=FAST).text
    assert out[1]["rejected"] == "no_text" and out[1]["text"] == "" and out[1]["raw"] == ""


def test_another_text_column_and_only_the_cleaned_columns():
    seed = (SEEDS / "000_c2bbe43d8b8d3bed.txt").read_text(encoding="utf-8")
    ds = datasets.Dataset.from_dict({"content": [seed], "domain": ["wsws.org"], "title": ["as scraped"]})

    out = ds.map(clean_batch, batched=True, remove_columns=ds.column_names, features=features(),
                 fn_kwargs={"text_column": "content", "options": FAST})

    assert out.column_names == list(features())
    assert out[0] == _expected(seed)
    with pytest.raises(KeyError, match="no column 'text'"):
        clean_batch({"content": [seed]})


def test_import_corpusprep_loads_neither_datasets_nor_pyarrow():
    code = ("import sys, corpusprep; assert corpusprep.clean_batch; "
            "print('datasets' in sys.modules, 'pyarrow' in sys.modules); corpusprep.features(); "
            "print('datasets' in sys.modules)")
    before = subprocess.run([sys.executable, "-c", "import sys, corpusprep; print('datasets' in sys.modules, "
                             "'pyarrow' in sys.modules)"], capture_output=True, text=True, timeout=60)
    after = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert before.stdout.split() == ["False", "False"], before.stderr
    assert after.stdout.split() == ["False", "True", "True"], after.stderr


def test_type_checkers_see_every_lazy_name_from_its_module():
    """`from corpusprep import build_dataset` must not be `Any` to mypy or pyright: each lazy
    name is imported under TYPE_CHECKING from the module it is loaded from at run time."""
    import ast
    import inspect

    import corpusprep

    tree = ast.parse(inspect.getsource(corpusprep))
    typed = {alias.name: node.module for block in tree.body if isinstance(block, ast.If)
             and getattr(block.test, "id", "") == "TYPE_CHECKING"
             for node in block.body if isinstance(node, ast.ImportFrom) for alias in node.names}
    assert typed == corpusprep._LAZY
