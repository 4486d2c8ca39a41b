"""What a stage found besides paragraphs: removals, metadata fields, notes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..document import Removal


@dataclass
class Found:
    """Accumulates a stage's findings; the first value found for a field wins."""

    removed: list[Removal] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    #: The input is not text (decode's verdict): the judge rejects it as "binary".
    binary: bool = False
    #: The body's language (the language stage's finding), None until it ran or when it could not tell.
    language: str | None = None

    def add_fields(self, fields: Mapping[str, Any]) -> None:
        for name, value in fields.items():
            if value and not self.fields.get(name):
                self.fields[name] = value

    def absorb(self, other: Found) -> None:
        self.removed.extend(other.removed)
        self.add_fields(other.fields)
        self.notes.extend(n for n in other.notes if n not in self.notes)
        self.binary = self.binary or other.binary
        self.language = self.language or other.language
