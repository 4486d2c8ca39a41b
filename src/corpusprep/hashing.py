"""sha256 of files and texts: provenance in rows, fingerprints of inputs, checks before a release."""

from __future__ import annotations

import hashlib
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol


class Openable(Protocol):
    """A local `Path` or a `readers.RemoteFile`: anything whose bytes `open("rb")` gives."""

    def open(self, mode: str) -> AbstractContextManager[Any]: ...


def sha256_file(path: Path | Openable) -> str:
    """Hex sha256 of a file, read in 1 MiB chunks so large shards need little memory."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sha256_of(raw: str | bytes) -> str:
    """Hex sha256 of raw bytes, or of a text's UTF-8."""
    data = raw.encode("utf-8", errors="surrogatepass") if isinstance(raw, str) else raw
    return hashlib.sha256(data).hexdigest()
