"""Cleaning inside the `datasets` ecosystem: `clean_batch` for `Dataset.map(batched=True)`, and its `features()`.

`ds.map(lambda r: clean(r["text"]).to_dict())` has three problems: `datasets` infers
each written chunk's types from its values, so a column that is null in the first
1,000 rows becomes type `null` and the first real value crashes the map; dates come
out as ISO strings; and the cleaned body silently replaces the raw `text`.
`clean_batch` returns the columns a build writes, with the build's types (from
`schema.KEPT_FIELDS`), and keeps the raw text as `raw`. Its output columns are the same
for every input, so `features()` can describe them before any row is cleaned (an input
column of the same name is replaced, as `map` replaces any column a function returns).

This module imports pyarrow; `corpusprep` loads it only when `clean_batch` or
`features` is first asked for, and `datasets` is imported only inside `features()`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from ..cleaning.options import CleanOptions
from ..cleaning.pipeline import clean
from ..dataset.schema import KEPT_FIELDS, raw_text, removal_rows
from ..document import Document
from ..hashing import sha256_of
from ..rules.compile import RuleSet

if TYPE_CHECKING:
    from datasets import Features

#: Kept-config columns `clean_batch` cannot know: where the row came from is the dataset's
#: business, duplicate groups are found across a corpus (`build_dataset`).
_CORPUS_FIELDS = frozenset({"id", "source", "duplicate_group", "duplicate_of"})
#: The columns of a cleaned row, in order: the build's kept columns it can fill, with the
#: build's types, then the verdict (None to keep, else the reason) and the raw input text.
CLEANED_FIELDS: tuple[tuple[str, pa.DataType], ...] = tuple(
    (name, kind) for name, kind in KEPT_FIELDS if name not in _CORPUS_FIELDS
) + (("rejected", pa.string()), ("raw", pa.string()))
_CLEANED_NAMES = tuple(name for name, _ in CLEANED_FIELDS)


def features(input_features: Mapping[str, Any] | None = None) -> Features:
    """The `datasets.Features` of what `ds.map(clean_batch, batched=True)` gives.

    Without `input_features`: the cleaned columns only, which is the whole output for a
    dataset whose only column is `text`, or with `remove_columns=ds.column_names`.
    With `ds.features`: the input's other columns too (those a cleaned column replaces
    left out). Passing it as `map(features=...)` fixes every column's type before any
    row is written, so a column null in the first 1,000 rows no longer crashes the map.
    """
    from datasets import Features

    cleaned = Features.from_arrow_schema(pa.schema(list(CLEANED_FIELDS)))
    kept = {column: feature for column, feature in (input_features or {}).items() if column not in cleaned}
    return Features({**kept, **cleaned})


def clean_batch(batch: Mapping[str, list[Any]], text_column: str = "text", *, rules: RuleSet | None = None,
                options: CleanOptions | None = None) -> dict[str, list[Any]]:
    """Clean a batch of rows (`Dataset.map(clean_batch, batched=True, features=features())`).

    Each row's `text_column` is cleaned as `clean()` would; the result has one value per
    row for every column of `features()`: `text` is the cleaned body, `raw` the input
    text, `rejected` None for a document to keep (else why not: `too_short`, `no_text`
    for a row whose text is not a string…). Pass `text_column`, `rules` or `options`
    with `fn_kwargs`.
    """
    if text_column not in batch:
        raise KeyError(f"the batch has no column {text_column!r} (columns: {', '.join(sorted(batch))}); "
                       "pass text_column=... in fn_kwargs")
    out: dict[str, list[Any]] = {name: [] for name in _CLEANED_NAMES}
    for raw in batch[text_column]:
        for name, value in cleaned_row(raw, rules=rules, options=options).items():
            out[name].append(value)
    return out


def cleaned_row(raw: Any, *, rules: RuleSet | None = None, options: CleanOptions | None = None) -> dict[str, Any]:
    """One row of `features()` for one input text: the columns a build writes for it, its verdict and its raw text."""
    if isinstance(raw, (str, bytes)):
        doc = clean(raw, rules=rules, options=options)
    else:  # None, a number: what the readers call a row without text
        doc, raw = Document(rejected="no_text"), ""
    row = {name: getattr(doc, name) for name in _CLEANED_NAMES if hasattr(doc, name)}
    row.update(sha256=sha256_of(raw), removed=removal_rows(doc), raw=raw_text(raw))
    return row
