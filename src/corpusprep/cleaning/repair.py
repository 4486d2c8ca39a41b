"""Stage 2: repair broken Unicode without touching text that is fine.

ftfy repairs mojibake ("Washingtonâ€™s" -> "Washington’s"), but its defaults also
straighten curly quotes and widen characters, which would change correct text, so it
runs with a conservative config. It is also slow next to a regex, so it runs only
when a cheap check finds a character sequence that mojibake produces. Spacing and
invisible characters are fixed here for every document.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,  # markup is the unmark stage's job, which knows when text is HTML
    uncurl_quotes=False,  # curly quotes are correct text
    fix_character_width=False,  # full-width text is not damage
    fix_latin_ligatures=False,  # nor is "ﬁ" or "ŉ" (and ftfy only runs where mojibake is hinted)
    explain=False,
)

# A UTF-8 lead byte read as Latin-1/cp1252 ("Ã", "â", "Â"...) followed by a
# continuation byte read the same way, or a replacement character, or C1 controls:
# the fingerprints of mojibake. Clean accented or curly-quoted text has none.
_MOJIBAKE_HINT = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022"
    "\u2026\u2030\u2039\u203a\u20ac\u2122\ufffd]|[\u0080-\u009f]|[\ud800-\udfff]"
)

# Odd spaces become a plain space; invisible characters that carry nothing in prose
# go. Zero-width joiners stay: emoji and some scripts need them.
_SPACE_LIKE = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
_INVISIBLE = "\u00ad\u200b\u2060\ufeff"
_TRANSLATE = {ord(c): " " for c in _SPACE_LIKE} | {ord(c): None for c in _INVISIBLE}
# A no-break space and a soft hyphen are bytes A0 and AD read as Latin-1, part of
# mojibake ("Ã\xa0" is "à", "Ã\xad" is "í"): they wait until after the repair. The
# rest goes before it, or removing it afterwards could join two characters into a
# sequence that looks like mojibake ("Â\x1f¡"), and repair would not be idempotent.
_TRANSLATE_FIRST = {k: v for k, v in _TRANSLATE.items() if k not in (0xA0, 0xAD)}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_ODD = re.compile("[" + _SPACE_LIKE + _INVISIBLE + "]")  # str.translate is slow: run it only when needed
# Every mojibake fingerprint starts with one of these: a one-class scan rules most text out fast.
_HINT_START = re.compile("[\u0080-\u009f\u00c2-\u00f4\ud800-\udfff]")


def repair(text: str) -> tuple[str, list[str]]:
    """Return repaired text and notes on what was repaired.

    >>> repair("Washington\u00e2\u20ac\u2122s\u00a0war")
    ('Washington’s war', ['repaired:mojibake'])
    >>> repair("“Curly” quotes stay")
    ('“Curly” quotes stay', [])
    """
    notes: list[str] = []
    text = tidy(text, _TRANSLATE_FIRST)
    # ftfy reads context: once its output is tidied ("\xa0Â€" -> " Â€") it may see
    # mojibake it did not see before, so it runs until the text stops changing.
    # The two characters the first pass left for ftfy (\xa0, \xad) go last, and their
    # going can join a letter and a combining mark into new mojibake ("A\xad\u0302¡" ->
    # "Â¡"): then ftfy reads once more.
    for _ in range(4):
        if _HINT_START.search(text) and _MOJIBAKE_HINT.search(text):
            fixed = _fix_hinted_lines(text)
            if fixed != text and not notes:
                notes.append("repaired:mojibake")
            fixed = tidy(fixed)
        elif "\xa0" in text or "\xad" in text:
            fixed = tidy(text)
        else:
            break
        if fixed == text:
            break
        text = fixed
    return text, notes


def _fix_hinted_lines(text: str) -> str:
    """ftfy on the lines that hold a mojibake fingerprint only.

    ftfy repairs text one line at a time anyway, so this gives the same result, but a
    damaged sentence no longer costs a pass of ftfy over the whole article (about 3.5
    ms for 5 KB).
    """
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if _HINT_START.search(line) and _MOJIBAKE_HINT.search(line):
            lines[number] = ftfy.fix_text(line, _FTFY_CONFIG)
    return "\n".join(lines)


def tidy(text: str, table: dict[int, str | None] = _TRANSLATE) -> str:
    """Odd spaces to spaces, invisible and control characters out, NFC (also for text that entities spelled)."""
    if _ODD.search(text):
        text = text.translate(table)
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text
