"""Stable 64-bit fingerprints of text, the same in every process, run and machine.

Python's own `hash()` of a str is salted per process, so it cannot key anything that
workers compute and the main process compares. blake2b is in the standard library,
fast on short texts, and its 8-byte digest is plenty for counting paragraphs.
"""

from __future__ import annotations

import hashlib
import re

_DIGITS = re.compile(r"\d+")


def hash64(text: str) -> int:
    """An unsigned 64-bit fingerprint of `text` (lone surrogates included, never an error)."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


def normalize_paragraph(text: str) -> str:
    """What makes two paragraphs "the same" boilerplate: case, numbers and spacing do not count.

    >>> normalize_paragraph("  73% of readers think this story is Fact.\\tAdd your two cents. ")
    '0% of readers think this story is fact. add your two cents.'
    """
    return _collapse_spaces(_fold(text))


def _fold(text: str) -> str:
    """Case and digit runs stop counting (newlines are kept: `paragraph_keys` splits on them)."""
    return _DIGITS.sub("0", text.casefold())


def _collapse_spaces(text: str) -> str:
    return " ".join(text.split())  # str.split() splits on exactly what \s matches


def paragraph_key(site: str, text: str) -> int:
    """The fingerprint of a paragraph as it appears on one site: sites never share learned paragraphs."""
    return hash64(site + "\x00" + normalize_paragraph(text))


def paragraph_keys(site: str, texts: list[str]) -> list[int]:
    """`paragraph_key` of each of many one-line texts, normalised in one go (a document's paragraphs)."""
    if any("\n" in text for text in texts):
        return [paragraph_key(site, text) for text in texts]
    prefix = site + "\x00"
    return [hash64(prefix + _collapse_spaces(line)) for line in _fold("\n".join(texts)).split("\n")] if texts else []
