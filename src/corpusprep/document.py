"""The result of cleaning: a body, its metadata, and the audit trail of what was removed.

`Document` is the public contract other code relies on (see docs/api.md); its field
names are also the column names of built datasets.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from .fields import DATE_FIELDS, LIST_FIELDS, METADATA_FIELDS

__all__ = ["DATE_FIELDS", "LIST_FIELDS", "METADATA_FIELDS", "Document", "Removal"]

@dataclass(frozen=True)
class Removal:
    """One piece of text that `clean()` took out of the body, and why.

    ``rule`` is the id of the rule that fired (``"wsws.contact_footer"``); ``text`` is
    exactly what was removed; ``index`` is the number of the paragraph it stood in
    (0-based, counted after markup was removed), or None for markup removed inline;
    ``score`` is the chrome or notice score of a scored drop, None for a rule's.
    Metadata moved into a field (a title, a byline) is recorded too: the body never
    loses a sentence without a trace.
    """

    rule: str
    text: str
    index: int | None = None
    #: For a drop decided by a score (``chrome.*``, ``notice.*``): the score that decided it.
    score: float | None = None


@dataclass
class Document:
    """A cleaned article: ``text`` is the body, paragraphs joined by one blank line."""

    text: str = ""
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: _dt.date | None = None
    publisher: str | None = None
    original_publisher: str | None = None
    original_date: _dt.date | None = None
    language: str | None = None
    regions: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    copyright: str | None = None
    removed: list[Removal] = field(default_factory=list)
    rejected: str | None = None
    #: Short machine-readable notes on repairs that changed text without removing
    #: any ("decoded:cp1252", "repaired:mojibake", "unmarked:html", "rejoined:2").
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: dates as ISO strings, removals as dicts."""
        out = dataclasses.asdict(self)
        for name in DATE_FIELDS:
            value = getattr(self, name)
            out[name] = value.isoformat() if value else None
        return out
