"""Stage 5d: the site's name, found because the page says it again in its own chrome.

A masthead line ("Portal Nordeste", "The Caledonian Courier", "Metro24") looks like
nothing in particular: a few capitalised words. What gives it away on a site nobody
wrote a rule for is that the page repeats it in what the readers already dropped as
boilerplate: the copyright line ("© 2023 The Caledonian Courier"), a prompt ("Follow
Portal Nordeste on WhatsApp"), a byline's outlet. A short line at either edge of what is
left (above the first paragraph of prose, or below the last) whose words stand inside
a removal that is not the title goes as ``chrome.site_name``. Lines inside the article
are never looked at, so a subheading that happens to echo a menu stays.
"""

from __future__ import annotations

import re

from ..document import Removal
from ..rules.compile import RuleSet
from ..rules.lexicon import line_key
from .findings import Found
from .options import CleanOptions
from .paragraphs import Para
from .scoring import features, is_long_prose

SITE_NAME_RULE = "chrome.site_name"
SITE_NAME_MAX_WORDS = 5
_OWN_RULES = ("meta.title", "meta.title_repeat")  # the title may name the site; it is no echo
_SENTENCE_END = re.compile(r"[.!?…:;]$")


def drop_site_names(paras: list[Para], removed: list[Removal], rules: RuleSet,
                    options: CleanOptions | None = None) -> tuple[list[Para], Found]:
    """Drop short edge lines that the page's removed chrome repeats."""
    options = options or CleanOptions()
    found = Found()
    echoes = [line_key(r.text) for r in removed if r.rule not in _OWN_RULES and r.text]
    if not echoes or not paras:
        return paras, found
    def prose(n: int) -> bool:
        return is_long_prose(features(paras[n].text, rules.lexicons), options.long_prose_words)

    first = next((n for n in range(len(paras)) if prose(n)), None)  # from each end: the middle is never read
    if first is None:
        return paras, found
    last = next(n for n in range(len(paras) - 1, first - 1, -1) if prose(n))
    kept = []
    for n, para in enumerate(paras):
        if (n < first or n > last) and _echoed(para, echoes):
            found.removed.append(Removal(SITE_NAME_RULE, para.text, para.index))
        else:
            kept.append(para)
    return kept, found


def _echoed(para: Para, echoes: list[str]) -> bool:
    """A line of one to five words, not a sentence, whose words stand (word-bounded) inside a removal."""
    text = para.text.strip()
    if len(para.lines) > 1 or not 1 <= len(text.split()) <= SITE_NAME_MAX_WORDS or _SENTENCE_END.search(text):
        return False
    key = line_key(text)
    if len(key) < 4:
        return False
    bounded = re.compile(r"(?<!\w)" + re.escape(key) + r"(?!\w)")
    return any(echo != key and bounded.search(echo) for echo in echoes)
