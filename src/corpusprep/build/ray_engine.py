"""The Ray engine of a build (``build-dataset --engine ray``, ``pip install 'corpusprep[ray]'``).

`ordered_map_on_ray()` sends batches of records to Ray tasks a window at a time and
yields them back in input order, so the Ray build writes exactly the files a local
build writes. `corpusprep.integrations.ray_data` is the other use of Ray: cleaning a
`ray.data.Dataset` in a user's own pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from .local_engine import WorkerDied
from .windowed import batches, windowed_map


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


def ordered_map_on_ray(func: Callable[[list[Any], Any], list[Any]], items: Iterable[Any], state: Any,
                       describe: Callable[[Any], str] = repr, window: int = 8) -> Iterator[Any]:
    """Yield func(batch, state) results item by item, in input order, computed by Ray tasks."""
    ray = _ray()
    remote = ray.remote(func)
    state_ref = ray.put(state)
    yield from windowed_map(batches(items), lambda batch: remote.remote(batch, state_ref),
                            lambda batch, ref: _result(ray, batch, ref, describe), window)


def _result(ray: Any, batch: list[Any], ref: Any, describe: Callable[[Any], str]) -> list[Any]:
    try:
        results: list[Any] = ray.get(ref)
        return results
    except (ray.exceptions.WorkerCrashedError, ray.exceptions.NodeDiedError, ray.exceptions.RayTaskError) as exc:
        raise WorkerDied(f"a Ray task failed while cleaning the batch starting at {describe(batch[0])} "
                         f"({len(batch)} documents): {type(exc).__name__}") from None
