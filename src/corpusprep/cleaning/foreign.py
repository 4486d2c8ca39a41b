"""Catch a notice nobody wrote a rule for: a block at the head or tail in another language than the body.

Scoring is apart from deciding: the language of a paragraph is one score, the
presence of a notice signal (a copyright sign, an e-mail address, "permission"...,
listed in the packs' [notice] tables) another. A paragraph is dropped only when both
agree, so a quotation in another language is never dropped for its language alone.
Language ID runs only on edge paragraphs that already carry a signal.
"""

from __future__ import annotations

import re

from ..document import Removal
from ..rules.compile import RuleSet
from .findings import Found
from .language import DEFAULT_BACKEND, detect_language
from .notices import signalled
from .paragraphs import Para

FOREIGN_NOTICE_RULE = "lang.foreign_notice"
_LINKS = re.compile(r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.]{2,63}")


def drop_foreign_notices(
    paras: list[Para], rules: RuleSet, body_language: str | None, max_edge: int = 3, min_chars: int = 50,
    backend: str = DEFAULT_BACKEND,
) -> tuple[list[Para], Found]:
    """Drop up to `max_edge` signalled paragraphs in a foreign language from each end."""
    found = Found()
    if rules.notice_signals is None or body_language is None or len(paras) < 2:
        return paras, found

    def is_notice(para: Para) -> bool:
        if not signalled(para.text, rules):
            return False
        prose = _LINKS.sub(" ", para.text)  # addresses say nothing of a language
        if sum(ch.isalpha() for ch in prose) < min_chars:
            return False
        language = detect_language(prose, backend=backend, stopword_languages=rules.lexicons.stopword_languages)
        return language is not None and language != body_language

    end = len(paras)
    while end > 1 and len(paras) - end < max_edge and is_notice(paras[end - 1]):
        end -= 1
    start = 0
    while start < end - 1 and start < max_edge and is_notice(paras[start]):
        start += 1
    for para in paras[:start] + paras[end:]:
        found.removed.append(Removal(FOREIGN_NOTICE_RULE, para.text, para.index))
    return paras[start:end], found
