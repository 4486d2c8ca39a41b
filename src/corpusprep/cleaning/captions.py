"""Photo captions and credits, recognised by the credit that ends them.

A caption is the one line of a page that reads like prose and is still the site's:
"A bus at the terminus. Jane Roe/Westpix", "Graduate student records the heat.
(Photo by Kyle Burden)", "Het dorpshuis (foto: Omroep/Pieter Boon)". What gives it away
is its credit: a credit word of the lexicon `credit_leads` ("Photo", "Credit",
"Courtesy of", "Foto", "Bild"; "© Foto: …") followed by a separator and a few capitalised
words, a name and an agency joined by a slash, or an outlet and a name in brackets
("(Coastal News: Kirra Donnelly)"), at the end of a short line. A line that is nothing
but a credit ("Lwazi Mthembu/Metro24", "Courtesy of Polar Ridge Logistics") makes the
short line right above it in its block, or in the header, its caption.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from ..rules.lexicon import Lexicons
from .caseless import Caseless

CAPTION_RULE = "chrome.caption"
CAPTION_MAX_WORDS = 45  # captions are a sentence or two; prose paragraphs are longer
CREDIT_MAX_WORDS = 8
CREDITED_MAX_CHARS = 600  # a longer paragraph is prose, whatever it ends with
#: "Eamon Quinlan/Westpix", "Photo by Carmela Ybañez / Bayan Dispatch": a name, a slash, an agency.
_NAME_SLASH = r"(?:[A-ZÀ-Þ][\w'’.-]+\s){1,3}?[A-ZÀ-Þ][\w'’.-]*\s?/\s?[A-ZÀ-Þ0-9][\w&'’.-]*(?:\s[A-ZÀ-Þ0-9][\w&'’.-]*){0,3}"


#: "(Coastal News: Kirra Donnelly)" after the caption's sentence: an outlet, a colon, the photographer, in brackets.
_OUTLET_COLON = r"\((?!(?i:source|sources|note|update|updated|editor|correction|fonte|quelle|fuente|via)\b)(?:[A-ZÀ-Þ][\w&'’.-]*\s){0,4}[A-ZÀ-Þ][\w&'’.-]*:\s(?:[A-ZÀ-Þ][\w'’.-]*\s?){1,4}(?=\))"


_SEPARATED = re.compile(r"[:/|–—©,]|\s-\s|\b(?i:by|de|par|von|di|door|da|of)\b")


@functools.lru_cache(maxsize=64)
def _patterns(leads: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a credit at the end of a line, a line that is only a credit), from the lexicon's credit words."""
    words = "|".join(re.escape(lead) for lead in sorted(leads, key=lambda lead: (-len(lead), lead)))
    lead = (rf"(?:©\s?)?(?i:{words})(?:\s?[:/|–—,-]\s?|\s(?i:by|de|par|von|di|door|da)\s|\s)(?:(?i:the|le|la|les|der|die|das|el|il|o|a)\s)?"
            rf"[A-ZÀ-Þ0-9@][^\s()]*(?:\s[^\s()]+){{0,{CREDIT_MAX_WORDS - 1}}}")
    # A name and an agency alone ("Technology Progress/Risk" could be a heading) end a caption only after its sentence.
    # The credit follows the caption's sentence (or a separator: "… Cantanhede | Foto: DR", "… Tuesday. — Picture: …").
    after = r"(?:^|(?<=[.!?…”\"]\s)|(?<=\()|(?<=[.!?…])|(?<=\s[|•·–—-]\s))"
    end = re.compile(rf"(?:{after}\s*(?:[—–]\s)?\(?{lead}|(?<=[.!?…”\"]\s)(?:[—–]\s)?\(?{_NAME_SLASH}"
                     rf"|(?<=[.!?…”\"]\s){_OUTLET_COLON})\)?\s*$")
    return end, re.compile(rf"\s*\(?(?:{lead}|{_NAME_SLASH})\)?\s*")


@functools.lru_cache(maxsize=64)
def _lead_words(leads: tuple[str, ...]) -> Caseless:
    return Caseless(leads)


def _may_end_in_credit(tail: str, leads: tuple[str, ...]) -> bool:
    """What every credit `_patterns` finds holds: a slash (a name and an agency), a bracket and a colon
    (an outlet and a name), or a credit word. Most paragraphs have none, and this costs a tenth of the search."""
    return "/" in tail or "(" in tail and ":" in tail or _lead_words(leads).search(tail)


def _credit_at_end(text: str, lexicons: Lexicons) -> re.Match[str] | None:
    if not lexicons.credit_leads or not _may_end_in_credit(text[-160:], lexicons.credit_leads):
        return None
    found = _patterns(lexicons.credit_leads)[0].search(text[-160:])
    if found is None or re.search(r"[.!?]\s", found.group().rstrip(".) ")):
        return None  # a sentence inside the "credit" is prose
    if found.start() == 0 and len(text) <= 160 and not _SEPARATED.search(text[:60]):
        return None  # a whole line of capitalised words after "Picture" with no separator is a title ("Picture Perfect Weekend")
    return found


def is_credit(text: str, lexicons: Lexicons) -> bool:
    """A line that is nothing but a credit: "Lwazi Mthembu/Metro24", "Courtesy of Polar Ridge Logistics"."""
    return bool(lexicons.credit_leads) and len(text) < 160 and _patterns(lexicons.credit_leads)[1].fullmatch(text) is not None


def is_caption(text: str, lexicons: Lexicons) -> bool:
    """A short line that ends with a photo credit (or is one)."""
    return len(text) <= CREDITED_MAX_CHARS and len(text.split()) <= CAPTION_MAX_WORDS and _credit_at_end(text, lexicons) is not None


def _never(line: str) -> bool:
    return False


def caption_lines(lines: tuple[str, ...], lexicons: Lexicons, is_chrome: Callable[[str], bool] = _never) -> bool:
    """Whether a block of lines is a photo's: each line a caption, a credit, chrome ("Image
    attribution tooltip"), the short line above a credit or the caption's copy above it, and at
    least one credit among them."""
    credited = False
    for n, line in enumerate(lines):
        if is_caption(line, lexicons) or is_credit(line, lexicons) and (credited or n > 0):  # a bare credit under its caption
            credited = True
        elif not (is_chrome(line) or short_line(line) and (_credit_below(lines[n + 1:], lexicons, is_chrome)
                                                           or _caption_under_credit(lines, n, lexicons)
                                                           or _copy_of_caption(line, lines[n + 1:]))):
            return False
    return credited


def _copy_of_caption(line: str, below: tuple[str, ...]) -> bool:
    """The caption's sentence without its credit, above the caption (a tooltip's copy of it)."""
    return any(copy_of(line, later) for later in below)


def copy_of(line: str, caption: str) -> bool:
    """Whether `line` is `caption` cut short: the caption's sentence without its credit."""
    return caption.startswith(line) and len(caption) > len(line)


def _caption_under_credit(lines: tuple[str, ...], n: int, lexicons: Lexicons) -> bool:
    """The line right under a credit, in a block of two ("Photo: Julien Mercier" / the caption)."""
    return len(lines) == 2 and n == 1 and is_caption(lines[0], lexicons)


def _credit_below(lines: tuple[str, ...], lexicons: Lexicons, is_chrome: Callable[[str], bool]) -> bool:
    """Whether the first line below that is not chrome is a credit."""
    following = next((line for line in lines if not is_chrome(line)), None)
    return following is not None and is_credit(following, lexicons)


def short_line(text: str) -> bool:
    """A sentence or two: what a caption without its own credit can be."""
    return 3 <= len(text.split()) <= 30
