"""Stage 6: rejoin paragraphs that a page break split in the middle of a sentence.

A paragraph that does not end as a sentence does is continued by the next one when
the next starts in lower case ("trapped without" / "basic services."), when it ends
on a word no sentence ends on ("allied them to the" / "Al Qaeda affiliate"), or when
it is long prose ("However, the US" / "Central Command"). Headings, list items and
short lines (titles, labels, credits) are never glued.
"""

from __future__ import annotations

from collections.abc import Collection

from .paragraphs import Para
from .zones import LIST_ITEM as _LIST_ITEM, ends_sentence

LONG_PROSE_WORDS = 20
_EDGE_PUNCTUATION = "\"'“”‘’«»()[]{}.,;:!?-–—…"


def rejoin(paras: list[Para], function_words: Collection[str]) -> tuple[list[Para], int]:
    """Return the paragraphs with split sentences joined, and how many joins were made."""
    out: list[Para] = []
    joins = 0
    for para in paras:
        if out and continues(out[-1], para, function_words):
            previous = out.pop()
            out.append(Para(previous.lines + para.lines, previous.index))
            joins += 1
        else:
            out.append(para)
    return out, joins


def continues(before: Para, after: Para, function_words: Collection[str]) -> bool:
    """Whether `after` is the rest of a sentence that `before` left unfinished."""
    if before.heading or after.heading or ends_sentence(before.text):
        return False
    if _LIST_ITEM.match(before.text) or _LIST_ITEM.match(after.text):
        return False
    words = before.text.split()
    first = after.text[0]
    if first.islower():
        return len(words) >= 3
    if not first.isalnum():
        return False
    if words[-1].strip(_EDGE_PUNCTUATION).lower() in function_words and len(words) >= 3:
        return True
    return len(words) >= LONG_PROSE_WORDS
