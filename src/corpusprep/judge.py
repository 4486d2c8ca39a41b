"""Stage 7: decide whether anything worth keeping remains, with a short machine-readable reason.

The reasons are codes of `reasons.REASONS` ("binary", "undecodable", "empty", "stub",
"too_short"; "too_large" is decided before any stage runs).
"""

from __future__ import annotations

from .document import Removal
from .options import CleanOptions


def judge(body: str, removed: list[Removal], notes: list[str], options: CleanOptions) -> str | None:
    """The rejection reason, or None to keep the document."""
    if "binary" in notes:
        return "binary"
    if body and body.count("\ufffd") / len(body) > options.max_replacement_ratio:
        return "undecodable"
    if not body.strip():
        return "stub" if removed else "empty"
    if len(body.split()) < options.min_words:
        return "too_short"
    return None
