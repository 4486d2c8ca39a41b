"""Prose for the example tests of the edge readers: two body paragraphs and a closing line,
and a page made of paragraphs (blank lines between them)."""

from __future__ import annotations

PROSE = ("The council met on Tuesday evening and voted to extend the opening hours of the public library, "
         "after a long debate about the cost of staff and heating in the winter months.")
MORE = ("Staff will be moved from the mobile service to cover the extra hours, and the council expects the change "
        "to cost about forty thousand a year, which it says the reserves can carry.")
LAST = "An official opening is being planned, and the committee says details will be posted here soon."


def page(*paras: str) -> str:
    """The paragraphs with a blank line between each two."""
    return "\n\n".join(paras)
