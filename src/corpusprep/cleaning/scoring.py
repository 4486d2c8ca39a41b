"""Measure, do not decide: the features of a line or paragraph, and the chrome score made from them.

A boilerplate line on a site nobody wrote a rule for still looks like one: short, no
sentence end, few function words, many words of buttons and prompts ("Share",
"Subscribe", "Leave a Reply"), links, or a phrase of a comment form or a credit. Each
is a feature here; `chrome_score` weighs them into one number between 0 and 1, and
`classify` turns it into "chrome", "body" or "short" (undecided) with the thresholds
of `CleanOptions`. The edge readers decide what to drop with these classes and the
classes of the neighbours (`corpusprep.cleaning.zones`); nothing here removes text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..rules.lexicon import Lexicons, bare_key, fold, line_key, words

CHROME, BODY, SHORT = "chrome", "body", "short"
SHORT_WORDS = 10  # a unit this short that is not chrome is undecided: its neighbours decide
_LINK = re.compile(r"(?:https?://|www\.)\S{1,2000}|[\w.+-]{1,100}@[\w-]{1,100}\.[\w.]{2,100}|\b[\w-]{2,60}\.(?:com|org|net|ca|co\.uk|info|io)\b(?:/\S{0,2000})?")
_NAV_SEPARATOR = re.compile(r"\s[|•»›>/·]\s")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")


@dataclass(frozen=True)
class Features:
    """What `chrome_score` weighs; every share is between 0 and 1."""

    words: int
    sentence_end: bool
    stopword_share: float
    chrome_share: float
    capitalised_share: float
    link_share: float
    chrome_line: bool
    chrome_phrases: int
    chrome_lead: bool
    nav_items: int  # "Home | News | Sport": short items between separators (0 when not a list of links)


def features(text: str, lexicons: Lexicons) -> Features:
    """The features of one line or paragraph.

    Memoised: the stages ask about the same lines and paragraphs of a document several
    times, and a site's chrome lines recur across its pages. Lines keep a large memo;
    long paragraphs a small one (they recur within a document, rarely across), so the
    memo stays small.
    """
    return _line_features(text, lexicons) if len(text) <= MEMO_CHARS else _paragraph_features(text, lexicons)


MEMO_CHARS = 400


@functools.lru_cache(maxsize=8192)
def _line_features(text: str, lexicons: Lexicons) -> Features:
    return _features(text, lexicons)


@functools.lru_cache(maxsize=256)
def _paragraph_features(text: str, lexicons: Lexicons) -> Features:
    return _features(text, lexicons)


def _features(text: str, lexicons: Lexicons) -> Features:
    links = sum(len(m) for m in _LINK.findall(text)) if ("." in text or "@" in text) else 0
    prose = _LINK.sub(" ", text) if links else text
    tokens = words(prose)
    raw = prose.split()
    n = max(len(tokens), 1)
    lowered = fold(text)
    items = _NAV_SEPARATOR.split(text) if len(text) < 400 else []
    return Features(
        words=len(tokens),
        sentence_end=bool(_SENTENCE_END.search(text.rstrip()[-8:])),
        stopword_share=sum(t in lexicons.stopwords for t in tokens) / n,
        chrome_share=sum(t in lexicons.chrome_words for t in tokens) / n,
        capitalised_share=sum(w[:1].isupper() for w in raw) / max(len(raw), 1),
        link_share=min(1.0, links / max(len(text.strip()), 1)),
        chrome_line=_chrome_line(text, lexicons),
        chrome_phrases=lexicons.phrase_hits(lowered) if len(text) < 600 else 0,
        nav_items=len(items) if len(items) >= 3 and all(len(item.split()) <= 3 for item in items) else 0,
        chrome_lead=len(tokens) <= 25 and _leads_with(lowered.lstrip(" \t*#>-–—•(["), lexicons.chrome_leads),
    )


def _leads_with(text: str, leads: tuple[str, ...]) -> bool:
    """Whether `text` starts with one of `leads` as whole words ("more on" leads "more on this", not "more only")."""
    if not text.startswith(leads):
        return False
    return any(text.startswith(lead) and (len(text) == len(lead) or not lead[-1].isalnum() or not text[len(lead)].isalnum())
               for lead in leads)


_CLOCK = re.compile(r"\d{1,2}[:h]\d{2}")


def _chrome_line(text: str, lexicons: Lexicons) -> bool:
    """A lexicon line, also with its counts left out ("Advertisement 2", "1.2K Followers",
    "Comments (14)"), lexicon lines run together ("Subscribe Sign in", "Support us Not now"),
    a count or a clock time alone, a temperature in a short line, a breadcrumb that starts
    with a lexicon line ("Home"), or menu items glued together."""
    key = line_key(text)
    bare = bare_key(text)
    if key in lexicons.chrome_lines or bare in lexicons.chrome_lines or _run_together(key, lexicons.chrome_lines):
        return True
    if key and not bare or _CLOCK.fullmatch(key):
        return True  # a counter or a clock alone ("7", "1.2K", "(14)", "15:48"): a like count, a live blog's stamp
    if len(text) <= GLUED_MENU_CHARS and _glued_menu(text, lexicons):
        return True  # menu items run together by a scraper ("NewsWeatherSportsWatch LiveContests")
    if len(key.split()) <= TEMPERATURE_WORDS and _TEMPERATURE.search(text):
        return True  # the weather in the page's bar ("52°", "-14°C Light snow")
    crumbs = _CRUMB.split(text, 1) if len(text) < 300 else []
    if len(crumbs) > 1 and line_key(crumbs[0]) in lexicons.chrome_lines:
        return True  # a breadcrumb from the home page ("Home » Local News » …", "Accueil > Actualités > Millau")
    items = _NAV_SEPARATOR.split(text) if len(text) < 200 else []  # "Sign in | Subscribe": every item a lexicon line
    return len(items) > 1 and all(line_key(item) in lexicons.chrome_lines for item in items)


GLUED_MENU_CHARS = 160
_GLUE = re.compile(r"[a-zà-ÿ](?=[A-ZÀ-Þ][a-zà-ÿ])")


def _glued_menu(text: str, lexicons: Lexicons) -> bool:
    """Three glue points in the line, with three words or more glued into one token
    ("CronacaPoliticaEconomia") or a chrome word ("Compartir en WhatsappCompartir en Facebook"):
    menu items or buttons whose separators a scraper lost. Names keep one each ("DeSantis", "YouTube")."""
    glued = [len(_GLUE.findall(token)) for token in text.split()]
    return sum(glued) >= 3 and (max(glued) >= 2 or any(w in lexicons.chrome_words for w in words(_GLUE.sub(lambda m: m.group() + " ", text))))


TEMPERATURE_WORDS = 6
_TEMPERATURE = re.compile(r"(?<![\w°])-?\d{1,3}\s?°\s?[CF]?(?!\w)")
_CRUMB = re.compile(r"\s[»›>]\s")


RUN_MAX_WORDS = 12  # a menu or a row of buttons without separators; longer lines are never split into lexicon lines
_RUN_MAX_PIECE = 5  # words in one lexicon line of such a row


def _run_together(key: str, chrome_lines: frozenset[str]) -> bool:
    """Whether `key` (a `line_key`) is two or more lexicon lines one after the other.

    A dynamic programme over word boundaries: at most `RUN_MAX_WORDS` words, each piece
    at most `_RUN_MAX_PIECE` words, so it stays a handful of set lookups.
    """
    pieces = key.split()
    if not 2 <= len(pieces) <= RUN_MAX_WORDS:
        return False
    tokens = [line_key(t) for t in pieces]
    reach = [True] + [False] * len(tokens)  # reach[i]: the first i words are lexicon lines end to end
    for end in range(1, len(tokens) + 1):
        reach[end] = any(reach[start] and " ".join(tokens[start:end]) in chrome_lines
                         for start in range(max(0, end - _RUN_MAX_PIECE), end))
    return reach[-1]


def chrome_score(f: Features) -> float:
    """How much a unit reads as page chrome rather than prose, from 0 to 1.

    >>> from corpusprep.rules import default_rules
    >>> lex = default_rules().lexicons
    >>> chrome_score(features("Share this:", lex)), chrome_score(features("Photo: Jane Roe/AP", lex)) >= 0.5
    (1.0, True)
    >>> chrome_score(features("Share prices fell on Monday after the company warned that profits would slump.", lex))
    0.0
    """
    if f.chrome_line or f.chrome_lead:
        return 1.0
    score = 0.45 * (f.chrome_phrases > 0) + 0.2 * min(f.chrome_phrases - 1, 2) * (f.chrome_phrases > 1)
    score += 0.9 * f.chrome_share + 0.6 * f.link_share - 0.6 * f.stopword_share
    if f.nav_items:
        score += 0.6
    if f.words == 0 and f.link_share > 0.5:
        score += 0.5  # a bare address
    if not f.sentence_end:
        score += 0.1 * (f.words <= 6)
    elif f.words >= 10:
        score -= 0.25
    return round(min(max(score, 0.0), 1.0), 2)


def is_long_prose(f: Features, long_words: int) -> bool:
    """Prose long enough that no score alone may drop it."""
    return f.words >= long_words and f.stopword_share >= 0.15


def classify(f: Features, threshold: float, long_words: int) -> tuple[str, float]:
    """("chrome" | "body" | "short", score): long prose is always body; units of up to `SHORT_WORDS` words
    that are neither chrome nor a sentence of prose are "short" (undecided)."""
    score = chrome_score(f)
    if is_long_prose(f, long_words):
        return BODY, score
    if score >= threshold:
        return CHROME, score
    if f.words > SHORT_WORDS or f.sentence_end and f.words >= 8 and f.stopword_share >= 0.15 and score <= threshold / 2:
        return BODY, score
    return SHORT, score
