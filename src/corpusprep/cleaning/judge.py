"""Stage 7: decide whether anything worth keeping remains, with a short machine-readable reason.

The reasons are codes of `reasons.REASONS` ("binary", "undecodable", "empty", "stub",
"too_short"; "too_large" is decided before any stage runs).
"""

from __future__ import annotations

import re
from itertools import islice

from ..document import Removal
from .options import CleanOptions


def judge(body: str, removed: list[Removal], binary: bool, options: CleanOptions) -> str | None:
    """The rejection reason, or None to keep the document (`binary`: decode's verdict that the input is not text)."""
    if binary:
        return "binary"
    if body and body.count("\ufffd") / len(body) > options.max_replacement_ratio:
        return "undecodable"
    if not body.strip():
        return "stub" if removed else "empty"
    if _words_up_to(body, options.min_words) < options.min_words:
        return "too_short"
    return None


_WORD = re.compile(r"\S+")  # what str.split() splits out: re's \s is str.isspace()


def _words_up_to(body: str, limit: int) -> int:
    """How many words the body has, counting no further than `limit`: a list of every word of a
    50 MB document would take more memory than all the other stages together."""
    return sum(1 for _ in islice(_WORD.finditer(body), limit))
