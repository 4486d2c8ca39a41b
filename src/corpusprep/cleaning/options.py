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
        language_backend: "stopwords" (the default: a cheap test on the packs' stopword
            profiles and letters decides the clear cases, about 99% of news articles, and
            seeded langdetect the rest; same answers as langdetect, over 10 times faster),
            "langdetect" (seeded, on every text) or "fasttext" (the small fastText model of
            the ``fast`` extra). All are deterministic; langdetect and fastText can disagree
            on short or mixed texts.
        language_sample_chars: how much of the body language ID reads (500 characters gave
            the same answers as 1,000 on every benchmark and real-corpus document, in half the time).
        foreign_notice_max_paragraphs: how many paragraphs at each edge may be dropped as
            a notice in another language than the body.
        foreign_notice_min_chars: shorter paragraphs are too short to tell their language.
        chrome_threshold: a line or paragraph at the head or tail whose chrome score
            (`corpusprep.cleaning.scoring.chrome_score`, 0 to 1) reaches this is chrome.
        inline_chrome_threshold: the same, for a standalone line inside the article
            ("Advertisement", "READ MORE: …"): stricter, as only the edges are expected to hold chrome.
        notice_threshold: a sentence matching a pack's notice template this well
            (`corpusprep.cleaning.notices.template_match`, 0 to 1) is part of the notice; a looser
            match (60% of it) counts only next to the notice.
        long_prose_words: a paragraph of at least this many words, dense in function words,
            is prose: no score alone drops it, and the header zone ends at the first one.
        numeric_date_order: "dmy" or "mdy": how "03/05/2018" is read (a date written with
            dots, or whose first number is over 12, is always day first).
        rejoin: set False to keep paragraphs split by page breaks apart.
        max_replacement_ratio: a body with a larger share of U+FFFD replacement
            characters is rejected as "undecodable".
        max_chars: a longer input (characters of a string, bytes of bytes) is rejected as
            "too_large" before any stage runs: cleaning peaks at about 20 times the input's
            size in memory, so 5,000,000 keeps one document near 100 MB (None: no limit).
        time_budget: seconds a build may spend cleaning one document before it rejects it
            as "timeout" and goes on (None: no limit). `clean()` itself never stops early.
    """

    min_words: int = 15
    head_max_paragraphs: int = 15
    tail_max_paragraphs: int = 25
    detect_language: bool = True
    language_backend: str = "stopwords"
    language_sample_chars: int = 500
    foreign_notice_max_paragraphs: int = 3
    foreign_notice_min_chars: int = 50
    chrome_threshold: float = 0.5
    inline_chrome_threshold: float = 0.75
    notice_threshold: float = 0.6
    long_prose_words: int = 25
    numeric_date_order: str = "dmy"
    rejoin: bool = True
    max_replacement_ratio: float = 0.05
    max_chars: int | None = 5_000_000
    time_budget: float | None = 60.0
