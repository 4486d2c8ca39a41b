"""Stage 1: bytes or str in, str out, with line endings made uniform.

Scraped files arrive in any encoding. UTF-8 (with or without BOM) is tried first
because it almost never decodes non-UTF-8 text by accident; cp1252 next, as the
usual encoding of Western web pages that are not UTF-8; when neither fits, bytes are
decoded as UTF-8 with replacement characters and a note says so.
"""

from __future__ import annotations

import re

_SNIFF = 8192  # how much of the start of an input the binary test reads
_CONTROLS = dict.fromkeys([c for c in range(32) if chr(c) not in "\t\n\r\x0b\x0c"] + [127])
_LINE_ENDINGS = re.compile(r"\r\n?|[\u2028\u0085\x0b\x0c]")


def decode(raw: str | bytes) -> tuple[str, list[str]]:
    """Return the text and notes on how it was decoded.

    >>> decode(b"caf\\xc3\\xa9\\r\\n")
    ('café\\n', [])
    >>> decode(b"caf\\xe9")
    ('café', ['decoded:cp1252'])
    """
    notes: list[str] = []
    if isinstance(raw, (bytes, bytearray, memoryview)):
        data = bytes(raw)
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return normalise_line_endings(data.decode("utf-16", errors="replace")), ["decoded:utf-16"]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
                notes.append("decoded:cp1252")
            except UnicodeDecodeError:
                text = data.decode("utf-8", errors="replace")
                notes.append("decoded:utf-8-replace")
    elif isinstance(raw, str):
        text = _without_lone_surrogates(raw)
    else:
        raise TypeError(f"clean() takes str or bytes, not {type(raw).__name__}")
    if _looks_binary(text[:_SNIFF]):
        notes.insert(0, "binary")
    text = text.lstrip("\ufeff")
    return normalise_line_endings(text), notes


def _looks_binary(start: str) -> bool:
    """Not text, judged on the decoded start, so bytes and the same string get one verdict:
    a NUL, or more than 5% control characters (tabs, line and page breaks aside)."""
    if "\x00" in start:
        return True
    controls = len(start) - len(start.translate(_CONTROLS))
    return controls > 0.05 * len(start)


def _without_lone_surrogates(text: str) -> str:
    """A string from JSON or a file name may hold a lone surrogate, which no file can store: it becomes U+FFFD."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def normalise_line_endings(text: str) -> str:
    """CRLF, CR and the Unicode line separators become "\\n"; U+2029 a paragraph break."""
    if "\r" in text or "\u2028" in text or "\u0085" in text or "\x0b" in text or "\x0c" in text:
        text = _LINE_ENDINGS.sub("\n", text)
    if "\u2029" in text:
        text = text.replace("\u2029", "\n\n")
    return text
