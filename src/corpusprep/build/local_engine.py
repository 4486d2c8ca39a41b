"""Clean records in N worker processes, in input order, with a bounded number in flight (`windowed_map`).

`concurrent.futures` reports a worker that dies (BrokenProcessPool) instead of
hanging; submitting a window of batches at a time keeps memory bounded; results come
back in submission order, so the output is the same whatever N is. A worker whose
parent dies exits within a second instead of living on as an orphan.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from .windowed import batches, windowed_map

T = TypeVar("T")
R = TypeVar("R")
_ORPHAN_POLL = 0.5  # seconds between a worker's checks that its parent is alive


class WorkerDied(RuntimeError):
    """A worker process died; the message names the first record of the lost batch."""


def ordered_map(
    func: Callable[[list[T]], list[R]],
    items: Iterable[T],
    num_proc: int,
    initializer: Callable[..., Any] | None = None,
    initargs: tuple[Any, ...] = (),
    describe: Callable[[T], str] = repr,
) -> Iterator[R]:
    """Yield func(batch) results item by item, in input order, using `num_proc` processes."""
    if num_proc <= 1:
        if initializer:
            initializer(*initargs)
        for batch in batches(items):
            yield from func(batch)
        return
    with _pool(num_proc, initializer, initargs) as pool:
        yield from windowed_map(batches(items), lambda batch: pool.submit(func, batch),
                                lambda batch, future: _result(batch, future, func, initializer, initargs, describe),
                                window=2 * num_proc)


def _pool(num_proc: int, initializer: Callable[..., Any] | None, initargs: tuple[Any, ...]) -> ProcessPoolExecutor:
    """Worker processes that exit when the process that started them dies (even by `kill -9`)."""
    return ProcessPoolExecutor(num_proc, initializer=_orphan_guarded, initargs=(os.getpid(), initializer, initargs))


def _orphan_guarded(parent: int, initializer: Callable[..., Any] | None, initargs: tuple[Any, ...]) -> None:
    threading.Thread(target=_exit_with, args=(parent,), daemon=True, name="corpusprep-orphan-guard").start()
    if initializer:
        initializer(*initargs)


def _exit_with(parent: int) -> None:
    """Poll the parent's pid: once the worker is an orphan (re-parented), nobody will read its results."""
    while os.getppid() == parent:
        time.sleep(_ORPHAN_POLL)
    os._exit(1)


def _result(batch: list[T], future: Future[list[R]], func: Callable[[list[T]], Iterable[R]],
            initializer: Callable[..., Any] | None, initargs: tuple[Any, ...], describe: Callable[[T], str]) -> list[R]:
    try:
        return future.result()
    except BrokenProcessPool:
        culprit = _culprit(batch, func, initializer, initargs)
        what = f"document {describe(culprit)}" if culprit is not None else f"the batch starting at {describe(batch[0])}"
        raise WorkerDied(f"a worker process died while cleaning {what}") from None


def _culprit(batch: list[T], func: Callable[[list[T]], Iterable[R]], initializer: Callable[..., Any] | None,
             initargs: tuple[Any, ...]) -> T | None:
    """Replay the lost batch one document at a time, each in a fresh process, to name the one that kills."""
    for item in batch:
        with _pool(1, initializer, initargs) as solo:
            try:
                solo.submit(func, [item]).result()
            except BrokenProcessPool:
                return item
    return None
