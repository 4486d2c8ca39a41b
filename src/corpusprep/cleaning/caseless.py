"""Whether a text holds any of a list of words, in any case: a case-sensitive search of the lower-cased text.

sre matches an IGNORECASE alternation of words by case-folding each character and
trying every word at every position: tens of microseconds for a line against a lexicon.
The same answer comes from a case-sensitive alternation of the few words no other word
of the list contains, searched in the text's `lower()` (sre then skips to the words'
first letters), wherever lower-casing is the folding sre does: always for words of
Latin-1 letters, except in a text holding one of `ODD_CHARS`, which goes through the
IGNORECASE regex.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: The characters sre's case-insensitive matching and `str.lower()` disagree on, for Latin-1 words
#: ("İ" lowers to two characters; "ſ", "ı", "µ" match "s", "i", "μ" without lowering to them).
#: tests/cleaning/test_caseless.py finds them again over every code point.
ODD_CHARS = frozenset("İıſΜμ")


class Caseless:
    """A list of lower-case words, looked for anywhere in a text without regard to case."""

    def __init__(self, words: Iterable[str]):
        listed = sorted(set(words), key=lambda word: (len(word), word))
        if not listed or any(not word or word != word.lower() for word in listed):
            raise ValueError(f"a caseless list needs words written in lower case: {listed!r}")
        kept: list[str] = []
        for word in listed:  # shortest first: a word that holds a kept one is found whenever that one is
            if not any(short in word for short in kept):
                kept.append(word)
        self._in_lowered = re.compile("|".join(re.escape(word) for word in kept))  # a third faster than `in` per word
        self._latin1 = all(ord(ch) < 256 for word in listed for ch in word)
        self.pattern = re.compile("|".join(re.escape(word) for word in reversed(listed)), re.IGNORECASE)

    def search(self, text: str) -> bool:
        """Whether any of the words occurs in `text`, in any case (what `self.pattern.search` says).

        >>> Caseless(["copyright", "all rights reserved"]).search("ALL Rights Reserved")
        True
        """
        if text.isascii() or self._latin1 and ODD_CHARS.isdisjoint(text):
            return self._in_lowered.search(text.lower()) is not None
        return self.pattern.search(text) is not None
