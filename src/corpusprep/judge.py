"""Stage 7: decide whether anything worth keeping remains, with a short machine-readable reason.

Reasons (tests assert them exactly): "binary" (the input held NUL bytes),
"undecodable" (too many bytes could not be decoded), "empty" (no text at all),
"stub" (nothing but boilerplate, a title or metadata), "too_short" (a body under
`min_words` words).
"""

from __future__ import annotations

from .document import Removal
from .options import CleanOptions

REASONS = ("binary", "undecodable", "empty", "stub", "too_short")


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
