"""Every threshold `clean()` uses, in one documented, immutable place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CleanOptions:
    """Thresholds for `clean()`; the defaults are what the seeds and the real-corpus gate were tuned with.

    Attributes:
        min_words: a body with fewer words is rejected as "too_short".
        head_max_paragraphs: how far down the header reader looks for metadata.
        tail_max_paragraphs: how far up the footer reader peels notices.
        detect_language: set False to skip language identification (``language`` is None).
        language_backend: "langdetect" (seeded; always installed) or "fasttext" (the small
            fastText model of the ``fast`` extra: about 100 times faster). Both are
            deterministic; they can disagree on short or mixed texts.
        language_sample_chars: how much of the body language ID reads (500 characters gave
            the same answers as 1,000 on every benchmark and real-corpus document, in half the time).
        foreign_notice_max_paragraphs: how many paragraphs at each edge may be dropped as
            a notice in another language than the body.
        foreign_notice_min_chars: shorter paragraphs are too short to tell their language.
        rejoin: set False to keep paragraphs split by page breaks apart.
        max_replacement_ratio: a body with a larger share of U+FFFD replacement
            characters is rejected as "undecodable".
    """

    min_words: int = 15
    head_max_paragraphs: int = 15
    tail_max_paragraphs: int = 25
    detect_language: bool = True
    language_backend: str = "langdetect"
    language_sample_chars: int = 500
    foreign_notice_max_paragraphs: int = 3
    foreign_notice_min_chars: int = 50
    rejoin: bool = True
    max_replacement_ratio: float = 0.05
