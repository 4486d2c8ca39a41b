"""The card's `features` spelled without importing `datasets` agree with `datasets`' own."""

from __future__ import annotations

import pyarrow as pa
import pytest
from datasets import Features

from corpusprep.card import _features
from corpusprep.schema import kept_schema, rejected_schema


@pytest.mark.parametrize("schema", [
    kept_schema([]),
    kept_schema(["url", "title", "id"]),
    rejected_schema([]),
    rejected_schema(["id", "url"]),
    pa.schema([("n", pa.int64()), ("xs", pa.list_(pa.struct([("a", pa.date32()), ("b", pa.list_(pa.string()))])))]),
], ids=["kept", "kept+carried", "rejected", "rejected+carried", "nested"])
def test_features_match_datasets(schema):
    assert _features(schema) == Features.from_arrow_schema(schema)._to_yaml_list()


def test_other_types_go_through_datasets():
    schema = pa.schema([("score", pa.float64()), ("ok", pa.bool_()), ("tags", pa.list_(pa.string()))])
    assert _features(schema) == Features.from_arrow_schema(schema)._to_yaml_list()
