"""The document as stages see it: a list of paragraphs, each a tuple of lines.

Lines are kept apart while headers and footers are read (a byline and a date may
share a paragraph on two lines); the body joins them with single spaces.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SPACES = re.compile(r"[ \t]+")


@dataclass(frozen=True)
class Para:
    """One paragraph: its lines, its position in the unmarked input, and whether it was a heading."""

    lines: tuple[str, ...]
    index: int
    heading: bool = False

    @functools.cached_property
    def text(self) -> str:
        return " ".join(self.lines)


LONG_LINE = 100


def split_paragraphs(text: str) -> list[tuple[str, ...]]:
    """Split on blank lines; collapse spaces inside each line; drop empty lines.

    A block of three lines or more with at least two lines over `LONG_LINE` characters
    was not wrapped by hand: it is a page saved with one line per paragraph, and each of
    its lines is a paragraph (a wrapped paragraph has short lines; a header block of
    title, byline and date stays one block).

    >>> split_paragraphs("a  b\\n c\\n\\n\\n d ")
    [('a b', 'c'), ('d',)]
    >>> [len(p) for p in split_paragraphs("Menu\\n" + "A long line of prose. " * 6 + "\\n" + "Another one. " * 9)]
    [1, 1, 1]
    """
    paragraphs: list[tuple[str, ...]] = []
    for block in _BLANK_LINE.split(text):
        lines = tuple(collapsed for line in block.split("\n") if (collapsed := _collapse(line)))
        if len(lines) >= 3 and sum(len(line) > LONG_LINE for line in lines) >= 2:
            paragraphs.extend((line,) for line in lines)
        elif lines:
            paragraphs.append(lines)
    return paragraphs


def _collapse(line: str) -> str:
    if "  " in line or "\t" in line:  # the regex only where there is something to collapse
        line = _SPACES.sub(" ", line)
    return line.strip()


def join_body(paras: list[Para]) -> str:
    """The body text: paragraphs joined by one blank line."""
    return "\n\n".join(p.text for p in paras)
