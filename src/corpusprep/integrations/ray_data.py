"""Ray Data: clean a `ray.data.Dataset` in your own pipeline (``pip install 'corpusprep[ray]'``).

`clean_dataset(ds)` maps `clean()` over the dataset in batches, the way the large
curation toolkits (NeMo Curator, data-juicer, datatrove) run their filters: every input
column is kept, the text column moves to ``raw``, and every `Document` field is added
(``rejected`` says which rows a build would leave out).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..build.windowed import BATCH
from ..cleaning.options import CleanOptions
from ..document import Document
from ..rules.compile import RuleSet, default_rules

#: Every `Document` field, `rejected` last (the column order this integration has always written).
DOCUMENT_COLUMNS = tuple(sorted((f.name for f in dataclasses.fields(Document)), key=lambda name: name == "rejected"))


def clean_dataset(ds: Any, *, text_column: str = "text", rules: RuleSet | None = None,
                  options: CleanOptions | None = None, batch_size: int = BATCH) -> Any:
    """A `ray.data.Dataset` with `clean()` applied to `text_column` of every row.

    >>> import ray.data  # doctest: +SKIP
    >>> cleaned = clean_dataset(ray.data.read_json("s3://bucket/news/"))  # doctest: +SKIP
    >>> cleaned.filter(lambda row: row["rejected"] is None).write_parquet("out/")  # doctest: +SKIP
    """
    rules = rules or default_rules()
    options = options or CleanOptions()

    def clean_batch(batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
        from ..cleaning.pipeline import clean
        from ..dataset.schema import removal_rows

        raws = list(batch[text_column])
        out = {name: list(values) for name, values in batch.items() if name != text_column}
        out["raw"] = raws
        docs = [clean(raw if isinstance(raw, (str, bytes)) else "", rules=rules, options=options) for raw in raws]
        for name in DOCUMENT_COLUMNS:
            out[name] = [getattr(doc, name) for doc in docs]
        out["removed"] = [removal_rows(doc) for doc in docs]
        return out

    return ds.map_batches(clean_batch, batch_size=batch_size, batch_format="default")
