"""Regex safety: clean() on hostile 1 MB inputs must finish in seconds, not hang.

Run: python bench/adversarial.py   (prints the seconds each case took; exits 1 if any
case takes longer than its budget). `linearity.py` checks that each grows linearly. Not part of the test suite: timing assertions
do not belong in tests, whose machines vary.
"""

from __future__ import annotations

import sys
import time

from corpusprep import clean

SIZE = 1_000_000
BUDGET_SECONDS = 20.0

CASES = {
    "one long word": "a" * SIZE,
    "unclosed emphasis": "**a " * (SIZE // 4),
    "unclosed links": "[a](" * (SIZE // 4),
    "nested brackets": "[" * (SIZE // 2) + "]" * (SIZE // 2),
    "underscores": "_a" * (SIZE // 2),
    "stray angle brackets": "<a " * (SIZE // 3),
    "tag soup": "<p><b>x" * (SIZE // 7),
    "entities": "&amp;" * (SIZE // 5),
    "mojibake": "Ã©â€™" * (SIZE // 5),
    "names and dates": "Jane Doe 20 July 2016 " * (SIZE // 22),
    "copyright line": "Copyright © " + "2016 " * (SIZE // 5),
    "contact footer": "To contact the WSWS " * (SIZE // 20),
    "many short paragraphs": "Loading\n\n" * (SIZE // 9),
    "one sentence, no breaks": ("word " * 50 + "\n\n") * (SIZE // 252),
    # the generic readers: a block of chrome lines, of header lines, of notice sentences
    "share bar lines": "Share this:\n" * (SIZE // 12),
    "header lines": "March 3rd, 2021 | By Dana Whitfield | Local News\n" * (SIZE // 49),
    "notice sentences": "The Centre for Research on Globalization grants permission to cross-post. " * (SIZE // 75),
    "long lines, one block": ("A line of prose that is long enough to pass for a whole paragraph of text. " * 2 + "\n") * (SIZE // 151),
    "chrome paragraphs": "Leave a Reply\n\nFacebook\n\n" * (SIZE // 25),
    # markup that once took quadratic time or worse (issue 13)
    "heading markers": "# " * (SIZE // 2),
    "quoted headings": "> # " * (SIZE // 4),
    "closed heading": "# " * (SIZE // 4) + " #" * (SIZE // 4),
    "bullets": "+ " * (SIZE // 2),
    "stars then a word": "* " * (SIZE // 2) + "x",
    "nested links": "[" * (SIZE // 5) + "x" + "](y)" * (SIZE // 5),
    "bold tags": "<b>" * (SIZE // 3),
    "unclosed paragraphs": "aa&<p>&<p>" * (SIZE // 10),
    # captions, run-together chrome lines, consent walls (issue 12, second session)
    "captions with credits": "A bus at the terminus. Photo / Supplied\n\n" * (SIZE // 41),
    "names and slashes": "Eamon Quinlan/Westpix " * (SIZE // 22),
    "credit words": "Photo Credit Courtesy Image " * (SIZE // 28),
    "run-together chrome": "Subscribe Sign in Share Tweet\n" * (SIZE // 30),
    "cookie paragraphs": ("We and our partners use cookies to store and access information on your device. " * 3 + "\n\n") * (SIZE // 246),
    # appeals, boxes, related blocks, about boxes, glued sentences, notice echoes (issue 12, third session)
    "appeals beside buttons": "Get our newsletter in your inbox\n\nSign up\n\n" * (SIZE // 42),
    "sign-up boxes": "Get our newsletter in your inbox\nSign up\n\n" * (SIZE // 41),
    "related blocks": "Read more\nA headline about the council\nAnother headline here\n\n" * (SIZE // 61),
    "about boxes": "About Harbour Trust\n\nHarbour Trust is a charity.\n\n" * (SIZE // 49),
    "glued sentences": "the council met.The council voted.The " * (SIZE // 38),
    "notice echoes": ("Disclaimer: The views in this article are the sole responsibility of its author.\n\n"
                      "Every article can be read in fifty-one languages from the menu under the author's name.\n\n") * (SIZE // 171),
    "comment heads": "Pat Hollis\nApr 23\nOur own route went the same way last year, and it only runs twice a week.\n\n" * (SIZE // 90),
    # date bars, menus, sentence titles, glued menus, forum and thread blocks (issue 12, fourth session)
    "date bars in one block": "Wednesday, March 15, 2023\nCouncil approves the budget\n" * (SIZE // 54),
    "menu words in one block": "News\nSport\nLetters\nLead Stories\n" * (SIZE // 31),
    "sentence lines over bylines": "We lost two colonies this winter.\nPosted on February 2, 2024 by Hazel Moore\n" * (SIZE // 77),
    "glued menus": "NewsWeatherSportsWatch LiveContestsAdvertise With Us\n\n" * (SIZE // 54),
    "forum posts": "kestrel_red, Jan 14, 2020 #1\nLike Reply Report\n\n" * (SIZE // 48),
}


def main() -> int:
    slow = []
    for name, text in CASES.items():
        started = time.perf_counter()
        doc = clean(text)
        seconds = time.perf_counter() - started
        print(f"{name:<24} {len(text) / 1e6:5.2f} MB  {seconds:7.2f} s  rejected={doc.rejected}")
        if seconds > BUDGET_SECONDS:
            slow.append(name)
    if slow:
        print(f"over {BUDGET_SECONDS:.0f} s: {', '.join(slow)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
