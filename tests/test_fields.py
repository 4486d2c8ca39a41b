"""The column table (`corpusprep.fields`) is the one place a field is written down."""

from __future__ import annotations

import dataclasses

from corpusprep.dataset import card, schema
from corpusprep.document import Document
from corpusprep.fields import COLUMNS, KEPT_COLUMNS, LABEL_FIELDS, LIST_FIELDS, METADATA_FIELDS, REJECTED_COLUMNS
from corpusprep.integrations.ray_data import DOCUMENT_COLUMNS


def test_every_document_field_but_the_rejection_is_a_kept_column_and_every_column_is_documented():
    fields = {f.name for f in dataclasses.fields(Document)}
    assert fields - {"rejected"} <= set(KEPT_COLUMNS) and set(METADATA_FIELDS) <= fields
    assert set(KEPT_COLUMNS) | set(REJECTED_COLUMNS) == set(COLUMNS)
    assert all(card.FIELD_DOCS[name] == COLUMNS[name].doc and COLUMNS[name].doc for name in COLUMNS)
    assert set(DOCUMENT_COLUMNS) == fields


def test_the_parquet_schema_follows_the_table():
    kept = schema.kept_schema([])
    assert kept.names == list(KEPT_COLUMNS) and schema.rejected_schema([]).names == list(REJECTED_COLUMNS)
    assert {name for name in kept.names if str(kept.field(name).type) == "list<item: string>"} & set(METADATA_FIELDS) == LIST_FIELDS
    assert LABEL_FIELDS < LIST_FIELDS and "authors" not in LABEL_FIELDS
