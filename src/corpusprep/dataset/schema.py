"""The columns of a built dataset: `Document` fields, provenance, the audit, carried columns.

Carried input columns are stored as strings under their own name, or as
``input_<name>`` when the name is already a field corpusprep extracts: what
corpusprep read from the text keeps its column, and the input's value is kept beside
it, never silently overwritten.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyarrow as pa

from ..document import Document
from ..fields import COLUMNS, KEPT_COLUMNS, REJECTED_COLUMNS
from ..reasons import split

REMOVAL = pa.struct([("rule", pa.string()), ("text", pa.string()), ("index", pa.int32())])
_ARROW = {"string": pa.string(), "strings": pa.list_(pa.string()), "date": pa.date32(), "removals": pa.list_(REMOVAL)}
KEPT_FIELDS: tuple[tuple[str, pa.DataType], ...] = tuple((name, _ARROW[COLUMNS[name].kind]) for name in KEPT_COLUMNS)
REJECTED_FIELDS: tuple[tuple[str, pa.DataType], ...] = tuple((name, _ARROW[COLUMNS[name].kind]) for name in REJECTED_COLUMNS)
_RESERVED = {name for name, _ in KEPT_FIELDS} | {name for name, _ in REJECTED_FIELDS}


def carried_name(column: str) -> str:
    """The output column of a carried input column."""
    return f"input_{column}" if column in _RESERVED else column


def kept_schema(keep_columns: Sequence[str]) -> pa.Schema:
    return pa.schema(list(KEPT_FIELDS) + [(carried_name(c), pa.string()) for c in keep_columns])


def rejected_schema(keep_columns: Sequence[str]) -> pa.Schema:
    return pa.schema(list(REJECTED_FIELDS) + [(carried_name(c), pa.string()) for c in keep_columns])


def _carried(carried: dict[str, Any]) -> dict[str, str | None]:
    return {carried_name(k): None if v is None else str(v) for k, v in carried.items()}


def removal_rows(doc: Document) -> list[dict[str, Any]]:
    """The audit trail as the `removed` column stores it."""
    return [{"rule": r.rule, "text": r.text, "index": r.index} for r in doc.removed]


def kept_row(record_id: str, source: str, sha256: str, doc: Document, carried: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {name: getattr(doc, name) for name, _ in KEPT_FIELDS if hasattr(doc, name)}
    row.update(id=record_id, source=source, sha256=sha256)
    row["removed"] = removal_rows(doc)
    row.update(_carried(carried))
    return row


def raw_text(raw: str | bytes) -> str:
    """The raw input as a storable string: bytes decoded as UTF-8, lone surrogates replaced."""
    text = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else raw
    return text.encode("utf-8", errors="replace").decode("utf-8")


def rejected_row(record_id: str, source: str, sha256: str, reason: str, raw: str | bytes, carried: dict[str, Any],
                 duplicate_of: str | None = None) -> dict[str, Any]:
    text = raw_text(raw)
    code, detail = split(reason)
    return {"id": record_id, "source": source, "sha256": sha256, "reason": code, "detail": detail,
            "duplicate_of": duplicate_of, "raw": text, **_carried(carried)}
