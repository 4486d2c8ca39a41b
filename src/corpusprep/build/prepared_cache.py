"""The learning pass's prepared documents, kept on disk for the cleaning pass: byte frames written in one pass, read back in order in the next.

Each frame is tagged with the sha256 of the document it belongs to, so a reader
never pairs a frame with another document: a mismatch gives None, and the caller
does the work again.
"""

from __future__ import annotations

import dataclasses
import struct
from collections.abc import Iterator
from pathlib import Path

from ..readers.records import RawRecord

_HEADER = struct.Struct("<64sI")
_NONE = 0xFFFFFFFF


class FrameWriter:
    """Appends (document sha256, bytes or None) frames."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._file = path.open("wb", buffering=1 << 20)

    def write(self, sha256: str, frame: bytes | None) -> None:
        self._file.write(_HEADER.pack(sha256.encode("ascii"), _NONE if frame is None else len(frame)))
        if frame is not None:
            self._file.write(frame)

    def close(self) -> None:
        self._file.close()


def read_frames(path: Path) -> Iterator[tuple[str, bytes | None]]:
    """The (sha256, frame) pairs in the order they were written."""
    with path.open("rb", buffering=1 << 20) as handle:
        while header := handle.read(_HEADER.size):
            sha256, size = _HEADER.unpack(header)
            yield sha256.decode("ascii"), None if size == _NONE else handle.read(size)


def attach(records: Iterator[RawRecord], frames: Iterator[tuple[str, bytes | None]]) -> Iterator[RawRecord]:
    """Each record with `prepared` set to its frame, when the next frame is that record's; else None."""
    for record in records:
        sha256, frame = next(frames, ("", None))
        yield dataclasses.replace(record, prepared=frame if sha256 == record.sha256 else None)
