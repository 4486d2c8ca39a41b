"""Stage 5b: the site's prompts inside the article, found by what stands next to them.

A newsletter box or a donation appeal inside the article is a short pitch beside a
button: "Get the biggest stories straight to your inbox" over "Sign up". The pitch
alone scores low (it is a sentence, with few chrome words), so the middle's inline
threshold keeps it; its neighbour gives it away. A paragraph goes as
``chrome.appeal`` when it is an appeal (at most `APPEAL_MAX_WORDS` words with a
chrome word or phrase, never long prose) that speaks to the reader (lexicon
`address_words`: "your", "our", "votre") and stands right beside a paragraph the
readers removed as chrome, or beside another such appeal. A block whose lines share it
with a button ("… Subscribe for free to get each new post by email." over "Type your
email…" and "Subscribe") goes whole when each of its other lines has two chrome
words or is such an appeal.
"""

from __future__ import annotations

import re

from .document import Removal
from .found import Found
from .lexicon import words
from .options import CleanOptions
from .paragraphs import Para
from .rules import RuleSet
from .scoring import chrome_score, features, is_long_prose

APPEAL_RULE = "chrome.appeal"
_QUOTES = re.compile("[\"“”«»„]")
APPEAL_MAX_WORDS = 30
BOX_MAX_LINES = 6
BOX_MAX_WORDS = 45  # a box's pitch line


def drop_appeals(paras: list[Para], removed: list[Removal], rules: RuleSet,
                 options: CleanOptions | None = None) -> tuple[list[Para], Found]:
    """Drop the appeals beside removed chrome, and the blocks that hold a button and its pitch."""
    options = options or CleanOptions()
    found = Found()
    chrome_at = {r.index for r in removed if r.rule.startswith("chrome.") and r.index is not None}
    appeals = [len(para.lines) == 1 and _appeal(para.text, rules, options)
               and not (n + 1 < len(paras) and paras[n + 1].text[:1].islower())  # the text goes on: prose
               for n, para in enumerate(paras)]
    gone = [_box(para, rules, options) for para in paras]
    for order in (range(len(paras)), range(len(paras) - 1, -1, -1)):  # beside chrome, or beside an appeal that went
        for n in order:
            if appeals[n] and not gone[n]:
                index = paras[n].index
                beside = {index - 1, index + 1}
                gone[n] = bool(beside & chrome_at)
                if gone[n]:
                    chrome_at.add(index)
    kept = []
    for para, went in zip(paras, gone):
        if went:
            found.removed.append(Removal(APPEAL_RULE, para.text, para.index))
        else:
            kept.append(para)
    return kept, found


def _appeal(text: str, rules: RuleSet, options: CleanOptions) -> bool:
    """A short prompt in the reader's direction: a chrome word or phrase, an address word, no long prose."""
    if _QUOTES.search(text):
        return False  # reported speech is the article's ("… would stay off the road “until the metro sits down with us”")
    f = features(text, rules.lexicons)
    return f.words <= APPEAL_MAX_WORDS and (f.chrome_share > 0 or f.chrome_phrases > 0) \
        and not is_long_prose(f, options.long_prose_words) and any(w in rules.lexicons.address_words for w in words(text))


def _box(para: Para, rules: RuleSet, options: CleanOptions) -> bool:
    """A block of a button (a line at the inline threshold) and its pitch."""
    if not 2 <= len(para.lines) <= BOX_MAX_LINES:
        return False
    lexicons = rules.lexicons
    buttons = [chrome_score(features(line, lexicons)) >= options.inline_chrome_threshold for line in para.lines]
    if not any(buttons) or all(buttons):
        return False  # all buttons: the middle's inline reader decides
    return all(button or len(line.split()) <= BOX_MAX_WORDS and (
        sum(w in lexicons.chrome_words for w in words(line)) >= 2 or _appeal(line, rules, options))
        for line, button in zip(para.lines, buttons))
