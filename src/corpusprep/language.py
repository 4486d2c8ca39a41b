"""Language identification with langdetect, made deterministic and called sparingly.

langdetect samples n-grams at random: unseeded, "Contact média: …" came back "fr"
73 times and "ca" 27 times in 100 calls. Every detector here is seeded, so the
answer is the same in every process and run. A call costs 1.5 ms on a paragraph and
several on a whole article, so only a bounded sample of the text is read, and short
texts (which it labels wrongly about 10% of the time) are left undecided.
"""

from __future__ import annotations

import functools

MIN_LETTERS = 20


@functools.lru_cache(maxsize=1)
def _factory():
    from langdetect.detector_factory import DetectorFactory, PROFILES_DIRECTORY

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    return factory


def detect_language(text: str, sample_chars: int = 2000) -> str | None:
    """ISO 639-1 code of `text`'s language, or None when there is too little text to tell.

    >>> detect_language("Les opinions exprimées dans cet article n'engagent que le ou les auteurs.")
    'fr'
    >>> detect_language("Loading") is None
    True
    """
    from langdetect.lang_detect_exception import LangDetectException

    sample = text[:sample_chars]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    detector = _factory().create()
    detector.seed = 0
    detector.append(sample)
    try:
        code = detector.detect()
    except LangDetectException:
        return None
    if code == "unknown":
        return None
    return code.split("-")[0]
