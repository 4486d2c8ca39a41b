"""Stages 3c and 5b: the site's prompts, found by what stands next to them.

A newsletter box or a donation appeal inside the article is a short pitch beside a
button: "Get the biggest stories straight to your inbox" over "Sign up". The pitch
alone scores low (it is a sentence, with few chrome words), so the middle's inline
threshold keeps it; its neighbour gives it away. A paragraph goes as
``chrome.appeal`` when it is an appeal (at most `APPEAL_MAX_WORDS` words with a
chrome word or phrase, never long prose) that speaks to the reader (lexicon
`address_words`: "your", "our", "votre") and stands right beside a paragraph the
readers removed as chrome, or beside another such appeal (stage 5b, after the middle).
Before the edge readers split blocks line by line (stage 3c), a block that holds a
button and its pitch ("… Subscribe for free to get each new post by email." over "Type
your email…" and "Subscribe"; "Get the biggest stories straight to your inbox" over
"Sign up" over "We use your details to send you the newsletters …") goes whole when
each of its other lines has two chrome words or speaks to the reader with a chrome
word (up to `BOX_MAX_WORDS` words: the block is the evidence).
"""

from __future__ import annotations

import re

from ..document import Removal
from ..rules.compile import RuleSet
from ..rules.lexicon import words
from .findings import Found
from .options import CleanOptions
from .paragraphs import Para
from .scoring import Features, chrome_score, features, is_long_prose

APPEAL_RULE = "chrome.appeal"
_QUOTES = re.compile("[\"“”«»„]")
APPEAL_MAX_WORDS = 30
#: Outside a box, an appeal without a lexicon phrase is dense in chrome words ("Please support us. Donate today.");
#: one chrome word in a sentence to the reader is the article's closing line ("If you agree, come and say so.
#: Public comment starts at 6:30.").
APPEAL_CHROME_SHARE = 0.15
BOX_MAX_LINES = 6
BOX_MAX_WORDS = 45  # a box's pitch line


def drop_appeals(paras: list[Para], removed: list[Removal], rules: RuleSet,
                 options: CleanOptions | None = None) -> tuple[list[Para], Found]:
    """Drop the appeals beside removed chrome (or beside an appeal that went); the blocks are `drop_boxes`."""
    options = options or CleanOptions()
    found = Found()
    chrome_at = {r.index for r in removed if r.rule.startswith("chrome.") and r.index is not None}
    if not chrome_at:
        return paras, found  # an appeal goes only beside removed chrome (or an appeal that went beside it)
    known: dict[int, bool] = {}

    def appeal(n: int) -> bool:  # asked only of paragraphs beside chrome: most never are
        if n not in known:
            known[n] = (len(paras[n].lines) == 1 and _appeal(paras[n].text, rules, options)
                        and not (n + 1 < len(paras) and paras[n + 1].text[:1].islower()))  # the text goes on: prose
        return known[n]

    gone = [False] * len(paras)
    for order in (range(len(paras)), range(len(paras) - 1, -1, -1)):  # beside chrome, or beside an appeal that went
        for n in order:
            index = paras[n].index
            if not gone[n] and (index - 1 in chrome_at or index + 1 in chrome_at) and appeal(n):
                gone[n] = True
                chrome_at.add(index)
    kept = []
    for para, went in zip(paras, gone):
        if went:
            found.removed.append(Removal(APPEAL_RULE, para.text, para.index))
        else:
            kept.append(para)
    return kept, found


def drop_boxes(paras: list[Para], rules: RuleSet, options: CleanOptions | None = None) -> tuple[list[Para], Found]:
    """Drop the blocks that hold a button and its pitch, before the edge readers split them line by line."""
    options = options or CleanOptions()
    found = Found()
    kept = []
    for para in paras:
        if _box(para, rules, options):
            found.removed.append(Removal(APPEAL_RULE, para.text, para.index))
        else:
            kept.append(para)
    return kept, found


def _appeal(text: str, rules: RuleSet, options: CleanOptions, boxed: bool = False) -> bool:
    """A short prompt in the reader's direction: a chrome word or phrase and an address word; no long prose
    unless `boxed` (a line that shares its block with a button, up to `BOX_MAX_WORDS` words)."""
    if _QUOTES.search(text):
        return False  # reported speech is the article's ("… would stay off the road “until the metro sits down with us”")
    f = features(text, rules.lexicons)
    if not (prompts_reader(text, f, rules) or boxed and f.chrome_share > 0 and addresses_reader(text, rules)):
        return False  # (in a box, beside its button, one chrome word is enough)
    return f.words <= BOX_MAX_WORDS if boxed else f.words <= APPEAL_MAX_WORDS and not is_long_prose(f, options.long_prose_words)


def prompts_reader(text: str, f: Features, rules: RuleSet) -> bool:
    """A prompt to the reader: an address word, and a chrome phrase or chrome words for
    `APPEAL_CHROME_SHARE` of its words (`f` are the features of `text`)."""
    return (f.chrome_phrases > 0 or f.chrome_share >= APPEAL_CHROME_SHARE) and addresses_reader(text, rules)


def addresses_reader(text: str, rules: RuleSet) -> bool:
    """Whether `text` speaks to the reader (lexicon `address_words`: "your", "our", "votre"),
    as a site's prompt does ("We handle your details …") and an article's sentence seldom does."""
    return any(w in rules.lexicons.address_words for w in words(text))


def _box(para: Para, rules: RuleSet, options: CleanOptions) -> bool:
    """A block of a button (a line at the inline threshold) and its pitch."""
    if not 2 <= len(para.lines) <= BOX_MAX_LINES:
        return False
    lexicons = rules.lexicons
    buttons = [chrome_score(features(line, lexicons)) >= options.inline_chrome_threshold for line in para.lines]
    if not any(buttons) or all(buttons):
        return False  # all buttons: the middle's inline reader decides
    return all(button or len(line.split()) <= BOX_MAX_WORDS and (
        sum(w in lexicons.chrome_words for w in words(line)) >= 2 or _appeal(line, rules, options, boxed=True))
        for line, button in zip(para.lines, buttons))
