"""Stage 6: rejoin paragraphs that a page break split in the middle of a sentence.

A paragraph that does not end as a sentence does is continued by the next one when
the next starts in lower case ("trapped without" / "basic services."), when it ends
on a word no sentence ends on ("allied them to the" / "Al Qaeda affiliate"), or when
it is long prose ("However, the US" / "Central Command"). Headings, list items and
short lines (titles, labels, credits) are never glued but by a lower-case start. A
continuation that opens a quotation (“, «, () is tested on its first letter.
"""

from __future__ import annotations

from collections.abc import Collection

from .paragraphs import Para
from .zones import LIST_ITEM, ends_sentence

LONG_PROSE_WORDS = 20
_EDGE_PUNCTUATION = "\"'“”‘’«»()[]{}.,;:!?-–—…"
_OPENING = "\"'“‘«([¿¡ "  # a continuation may open a quotation: "the minister said" / "“we will not""


def rejoin(paras: list[Para], function_words: Collection[str]) -> tuple[list[Para], int]:
    """Return the paragraphs with split sentences joined, and how many joins were made.

    A run of joins is gathered before any paragraph is built, so a long chain of
    fragments costs time in proportion to its length, not its square.
    """
    groups: list[list[Para]] = []
    words = 0  # words in the last group so far
    for para in paras:
        if groups and continues(groups[-1][0], groups[-1][-1], words, para, function_words):
            groups[-1].append(para)
            words += len(para.text.split())
        else:
            groups.append([para])
            words = len(para.text.split())
    out = [g[0] if len(g) == 1 else Para(tuple(line for p in g for line in p.lines), g[0].index) for g in groups]
    return out, len(paras) - len(out)


def continues(first: Para, last: Para, words: int, after: Para, function_words: Collection[str]) -> bool:
    """Whether `after` is the rest of a sentence that the paragraph `first`…`last` (`words` long) left unfinished."""
    if first.heading or after.heading or ends_sentence(last.text):
        return False
    if LIST_ITEM.match(first.text) or LIST_ITEM.match(after.text):
        return False
    opened = after.text.lstrip(_OPENING)
    if not opened:
        return False
    start = opened[0]
    if start.islower():
        return words >= 3
    if not start.isalnum():
        return False
    if last.text.split()[-1].strip(_EDGE_PUNCTUATION).lower() in function_words and words >= 3:
        return True
    return words >= LONG_PROSE_WORDS
