"""Ray Data and Ray clusters: clean corpora that outgrow one machine.

Two entry points, both optional (``pip install 'corpusprep[ray]'``):

- `clean_dataset(ds)` maps `clean()` over a `ray.data.Dataset` in batches, the way the
  large curation toolkits (NeMo Curator, data-juicer, datatrove) run their filters:
  every input column is kept, the text column moves to ``raw``, and every `Document`
  field is added (``rejected`` says which rows a build would leave out).
- `ordered_map_on_ray()` is what ``build-dataset --engine ray`` cleans with: batches of
  records go to Ray tasks a window at a time and come back in input order, so the Ray
  build writes exactly the files a local build writes.
"""

from __future__ import annotations

import dataclasses
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from .document import Document
from .options import CleanOptions
from .parallel import BATCH, WorkerDied
from .rules import RuleSet, default_rules

#: Every `Document` field, `rejected` last (the column order this integration has always written).
DOCUMENT_COLUMNS = tuple(sorted((f.name for f in dataclasses.fields(Document)), key=lambda name: name == "rejected"))


def _ray() -> Any:  # the ray module (untyped here: ray is an optional extra)
    try:
        import ray
    except ImportError:
        raise RuntimeError("the Ray engine needs Ray: pip install 'corpusprep[ray]'") from None
    return ray


def connect(address: str | None = None, num_cpus: int | None = None) -> None:
    """Join the cluster at `address` (e.g. "ray://head:10001" or "auto"), or start a local Ray."""
    ray = _ray()
    if not ray.is_initialized():
        ray.init(address=address, num_cpus=None if address else num_cpus, include_dashboard=False,
                 log_to_driver=False, configure_logging=False)


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
        from .pipeline import clean
        from .schema import removal_rows

        raws = list(batch[text_column])
        out = {name: list(values) for name, values in batch.items() if name != text_column}
        out["raw"] = raws
        docs = [clean(raw if isinstance(raw, (str, bytes)) else "", rules=rules, options=options) for raw in raws]
        for name in DOCUMENT_COLUMNS:
            out[name] = [getattr(doc, name) for doc in docs]
        out["removed"] = [removal_rows(doc) for doc in docs]
        return out

    return ds.map_batches(clean_batch, batch_size=batch_size, batch_format="default")


def ordered_map_on_ray(func: Callable[[list[Any], Any], list[Any]], items: Iterable[Any], state: Any,
                       describe: Callable[[Any], str] = repr, window: int = 8) -> Iterator[Any]:
    """Yield func(batch, state) results item by item, in input order, computed by Ray tasks."""
    ray = _ray()
    remote = ray.remote(func)
    state_ref = ray.put(state)
    it = iter(items)
    batches = iter(lambda: list(islice(it, BATCH)), [])
    pending: deque[tuple[list[Any], Any]] = deque()
    for batch in batches:
        pending.append((batch, remote.remote(batch, state_ref)))
        if len(pending) >= window:
            yield from _result(ray, *pending.popleft(), describe)
    while pending:
        yield from _result(ray, *pending.popleft(), describe)


def _result(ray: Any, batch: list[Any], ref: Any, describe: Callable[[Any], str]) -> list[Any]:
    try:
        results: list[Any] = ray.get(ref)
        return results
    except (ray.exceptions.WorkerCrashedError, ray.exceptions.NodeDiedError, ray.exceptions.RayTaskError) as exc:
        raise WorkerDied(f"a Ray task failed while cleaning the batch starting at {describe(batch[0])} "
                         f"({len(batch)} documents): {type(exc).__name__}") from None
