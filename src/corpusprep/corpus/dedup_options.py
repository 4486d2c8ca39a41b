"""How duplicates are found and what happens to them: the options, apart from the detector (numpy), so
`import corpusprep` stays pure."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import OptionsError

DEDUP_METHODS = ("near", "exact")


@dataclass(frozen=True)
class DedupOptions:
    """How duplicates are found and what happens to them.

    Attributes:
        enabled: set False to skip duplicate detection (no groups, nothing rejected).
        method: "near" (MinHash: lightly edited copies group too) or "exact" (only bodies
            with the same words, ignoring case and punctuation; cheaper: no signatures).
        threshold: with "near", the minimum estimated Jaccard similarity of the bodies'
            word 5-gram shingle sets for two documents to be copies (lightly edited or
            re-footered copies score above 0.8; different articles on one topic below 0.2).
        keep_duplicates: keep every copy in the dataset, only marked with
            `duplicate_group` and `duplicate_of`; by default only the canonical copy is kept.
    """

    enabled: bool = True
    method: str = "near"
    threshold: float = 0.7
    keep_duplicates: bool = False

    def __post_init__(self) -> None:
        if self.method not in DEDUP_METHODS:
            raise OptionsError("method", f"must be one of {', '.join(DEDUP_METHODS)}, not {self.method!r}")
        if not 0 < self.threshold <= 1:
            raise OptionsError("threshold", f"must be above 0 and at most 1, not {self.threshold}")
