"""The first three stages, decode -> repair -> unmark: raw bytes or text in, paragraphs out.

Shared by `clean()` and the learning pass of a build, which must see exactly the
paragraphs `clean()` sees, or learned paragraphs would never match. A build's learning
pass packs what it prepared (`pack`) so its cleaning pass starts from there
(`unpack`) instead of doing the same work twice.
"""

from __future__ import annotations

import pickle
import zlib

from .decode import decode, looks_binary
from .findings import Found
from .paragraphs import Para
from .repair import repair
from .unmark import unmark


def prepare(raw: str | bytes) -> tuple[list[Para], Found]:
    """The document's paragraphs, and the markup removals and repair notes made on the way."""
    found = Found()
    text, found.notes = decode(raw)
    found.binary = looks_binary(text)
    text, notes = repair(text)
    found.notes.extend(notes)
    paras, removed, notes = unmark(text)
    found.removed.extend(removed)
    found.notes.extend(notes)
    return paras, found


def pack(paras: list[Para], found: Found, keys: list[int]) -> bytes:
    """Prepared paragraphs, findings and per-paragraph keys as compact bytes (about half the raw text)."""
    state = ([(p.lines, p.index, p.heading) for p in paras], found.removed, found.notes, found.binary, keys)
    return zlib.compress(pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(blob: bytes) -> tuple[list[Para], Found, list[int]]:
    """The inverse of `pack`."""
    paras, removed, notes, binary, keys = pickle.loads(zlib.decompress(blob))
    return [Para(*p) for p in paras], Found(removed=removed, notes=notes, binary=binary), keys
