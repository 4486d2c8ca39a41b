"""A time budget for one document in a build: one that runs over is rejected as "timeout", and the build goes on.

Every stage is meant to be linear in its input; the budget is the guard for an input
nobody foresaw. It uses SIGALRM, so it works in a process's main thread (the build's
own process or a worker); elsewhere (a thread, Windows) there is no budget.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class OverBudget(Exception):
    """The document took longer than its budget."""


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise `OverBudget` inside the block once `seconds` have passed (None or 0: never)."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _expire(signum: int, frame: object) -> None:
    raise OverBudget
