"""One build of a dataset at a time: an exclusive `flock` on dist/NAME/.lock.

Two builds of one dataset at once would race for its versions (the last to finish
replacing the other's version, a --bump picking the same number, a build sweeping
another's temporary folder), so the second one is refused rather than queued. The
operating system releases the lock when its process ends, however it ends, so a crash
or `kill -9` never leaves a stale lock; the file itself is removed by the build that
held it. Worker processes forked while the lock is held close their copy at once: a
worker outliving its build (for the second it takes to notice) must not keep the lock.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

LOCK_NAME = ".lock"

_held: set[int] = set()  # descriptors of the locks this process holds


class Busy(Exception):
    """Another process holds the lock; `pid` is its process id, when it could be read."""

    def __init__(self, pid: int | None):
        super().__init__(f"locked by pid {pid}")
        self.pid = pid


class DatasetLock:
    """The lock on one dataset folder, held until `release()`."""

    def __init__(self, folder: Path):
        self.path = folder / LOCK_NAME
        self.fd: int | None = _acquire(folder, self.path)

    def release(self) -> None:
        """Remove the lock file, then unlock: a build that opened it meanwhile sees it is stale and takes a new one."""
        if self.fd is None:
            return
        _held.discard(self.fd)
        try:
            self.path.unlink()
        except OSError:
            pass
        os.close(self.fd)
        self.fd = None


def _acquire(folder: Path, path: Path) -> int:
    """Lock `path` (creating `folder` and it), or raise `Busy`; OSError if the folder cannot be written."""
    while True:
        folder.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except FileNotFoundError:
            continue  # the folder was removed by a build that just ended: make it again
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = _pid_in(fd)
            os.close(fd)
            raise Busy(pid) from None
        except BaseException:
            os.close(fd)
            raise
        if _still_there(fd, path):
            break
        os.close(fd)  # locked a file its holder had just removed: take the one there now
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()}\n".encode())
    _held.add(fd)
    return fd


def _pid_in(fd: int) -> int | None:
    text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return int(text) if text.isdigit() else None


def _still_there(fd: int, path: Path) -> bool:
    try:
        on_disk = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (on_disk.st_dev, on_disk.st_ino) == (held.st_dev, held.st_ino)


def _close_inherited() -> None:
    """In a forked child: drop the copies of the parent's locks (the parent's stay held)."""
    for fd in _held:
        try:
            os.close(fd)
        except OSError:
            pass
    _held.clear()


os.register_at_fork(after_in_child=_close_inherited)
