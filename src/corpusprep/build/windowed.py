"""One ordered map for both engines: batches submitted a window at a time, results yielded in submission order.

The local engine submits to a process pool, the Ray engine to Ray tasks; both keep at
most `window` batches in flight (bounded memory) and hand results back in input order,
which is what makes a build's output the same whatever runs it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")
H = TypeVar("H")  # what submitting a batch returns: a Future, a Ray object ref
R = TypeVar("R")
BATCH = 64


def batches(items: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    """`items` in lists of `size` (the last one shorter)."""
    it = iter(items)
    return iter(lambda: list(islice(it, size)), [])


def windowed_map(batched: Iterable[list[T]], submit: Callable[[list[T]], H], collect: Callable[[list[T], H], list[R]],
                 window: int) -> Iterator[R]:
    """Yield `collect(batch, submit(batch))` item by item, in order, with at most `window` batches submitted ahead."""
    pending: deque[tuple[list[T], H]] = deque()
    for batch in batched:
        pending.append((batch, submit(batch)))
        if len(pending) >= window:
            yield from collect(*pending.popleft())
    while pending:
        yield from collect(*pending.popleft())
