"""The first three stages, decode -> repair -> unmark: raw bytes or text in, paragraphs out.

Shared by `clean()` and the learning pass of a build, which must see exactly the
paragraphs `clean()` sees, or learned paragraphs would never match.
"""

from __future__ import annotations

from .decode import decode
from .found import Found
from .paragraphs import Para
from .repair import repair
from .unmark import unmark


def prepare(raw: str | bytes) -> tuple[list[Para], Found]:
    """The document's paragraphs, and the markup removals and repair notes made on the way."""
    found = Found()
    text, found.notes = decode(raw)
    text, notes = repair(text)
    found.notes.extend(notes)
    paras, removed, notes = unmark(text)
    found.removed.extend(removed)
    found.notes.extend(notes)
    return paras, found
