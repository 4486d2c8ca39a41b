"""Stage 3: remove HTML and markdown markup, keeping the words, and cut the text into paragraphs.

Whether text is markup is decided, not assumed: BeautifulSoup runs only when the text
holds a real HTML tag, and then on the whole document at once (parsing paragraph by
paragraph loses a trailing "&T" of "AT&T"). Before parsing, a "<" that opens no known
tag and an "&" that starts no entity are escaped, so prose such as "x<y and y>z",
"<john@example.com>" or "AT&T" survives. Plain text only has its entities decoded.
Markdown is unwrapped with bounded regexes that never backtrack far.
"""

from __future__ import annotations

import html
import re

from .document import Removal
from .paragraphs import Para, split_paragraphs

_BLOCK_TAGS = (
    "address article aside blockquote body caption center dd details dialog div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav "
    "ol p pre section summary table tbody td tfoot th thead tr ul"
).split()
_INLINE_TAGS = (
    "a abbr b big cite code del em font i img input ins kbd label mark q s small source "
    "span strike strong sub sup time u br wbr"
).split()
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "head", "object", "button", "select")
_KNOWN_TAGS = sorted(set(_BLOCK_TAGS + _INLINE_TAGS + list(_DROP_TAGS) + ["title", "meta", "link"]), key=len, reverse=True)
_TAG_NAMES = "|".join(_KNOWN_TAGS)
# A real tag: a known name followed by attributes (bounded, no "<" inside) and ">".
_HTML_TAG = re.compile(rf"</?(?:{_TAG_NAMES})(?:\s[^<>]{{0,2000}})?/?>|<!--|<!DOCTYPE", re.IGNORECASE)
_STRAY_LT = re.compile(rf"<(?!/?(?:{_TAG_NAMES})(?:[\s/>])|!--|!DOCTYPE|!\[CDATA\[)", re.IGNORECASE)
_STRAY_AMP = re.compile(r"&(?!#\d{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_WHITESPACE = re.compile(r"\s+")

# Markdown, block level (one line at a time).
_ATX_HEADING = re.compile(r" {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*")
_SETEXT_RULE = re.compile(r" {0,3}(?:=+|-{2,})[ \t]*")
_THEMATIC_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")
_FENCE = re.compile(r" {0,3}(?:`{3,}|~{3,})[^`]*")
_QUOTE_MARK = re.compile(r"^ {0,3}(?:> ?)+")
_BULLET = re.compile(r"^ {0,3}[*+][ \t]+")
_LINK_DEFINITION = re.compile(r" {0,3}\[[^\]\n]{1,200}\]:[ \t]+\S+.*")
# Markdown, inline. Every repeat is bounded so a hostile line costs linear time.
_IMAGE = re.compile(r"!\[[^\[\]\n]{0,500}\]\([^()\n]{0,2000}\)")
_LINK = re.compile(
    r"\[([^\[\]\n]{0,500})\]"
    r"(?:\(\s{0,20}[^()\s]{0,2000}(?:\([^()\s]{0,500}\)[^()\s]{0,500})?(?:\s{1,20}\"[^\"\n]{0,300}\")?\s{0,20}\)"
    r"|\[[^\[\]\n]{0,100}\])"
)
_SPAN = r"([^\s{m}](?:[^{m}]{{0,498}}[^\s{m}])?)"
_STRONG_EM = re.compile(r"(?<!\*)\*\*\*" + _SPAN.format(m=r"*") + r"\*\*\*(?!\*)")
_STRONG = re.compile(r"(?<!\*)\*\*" + _SPAN.format(m=r"*") + r"\*\*(?!\*)")
_EM = re.compile(r"(?<![\w*])\*" + _SPAN.format(m=r"*") + r"\*(?![\w*])")
_STRONG_U = re.compile(r"(?<![\w_])__" + _SPAN.format(m="_") + r"__(?![\w_])")
_EM_U = re.compile(r"(?<![\w_])_" + _SPAN.format(m="_") + r"_(?![\w_])")
_CODE = re.compile(r"`([^`\n]{1,500})`")
_ADJACENT_STRONG = re.compile(r"(?<=[^\s*])\*\*\*\*(?=[^\s*])")  # "**a****b**": two spans


def unmark(text: str) -> tuple[list[Para], list[Removal], list[str]]:
    """Return the paragraphs of `text` with markup removed, what markup removed, and notes."""
    notes: list[str] = []
    removals: list[Removal] = []
    for _ in range(3):  # escaped markup ("&lt;p&gt;") is markup too: peel up to 3 layers
        if _HTML_TAG.search(text):
            text, dropped = html_to_text(text)
            removals.extend(Removal("markup.html_" + tag, content) for tag, content in dropped)
            _note(notes, "unmarked:html")
        elif "&" in text and _ENTITY.search(text):
            text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
            _note(notes, "unmarked:entities")
        else:
            break
    paras: list[Para] = []
    for index, block in enumerate(_blocks(text)):
        for heading, lines in _markdown_block(block, removals, index, notes):
            for cut in split_paragraphs("\n".join(lines)):
                paras.append(Para(cut, index, heading))
    return paras, removals, notes


def _note(notes: list[str], note: str) -> None:
    if note not in notes:
        notes.append(note)


def _blocks(text: str) -> list[str]:
    return [b for b in re.split(r"\n[ \t]*\n", text) if b.strip()]


def html_to_text(markup: str) -> tuple[str, list[tuple[str, str]]]:
    """Text of an HTML document: blocks become paragraphs, <br> a line break, headings "# ".

    Returns the text and the (tag, text) of elements dropped whole (scripts, styles).

    >>> html_to_text("<p>AT&T <b>rocks</b></p><p>x<y and y>z</p>")[0].split()
    ['AT&T', 'rocks', 'x<y', 'and', 'y>z']
    """
    from bs4 import BeautifulSoup, NavigableString

    markup = _STRAY_AMP.sub("&amp;", _STRAY_LT.sub("&lt;", markup))
    soup = BeautifulSoup(markup, "html.parser")
    dropped = []
    for tag in soup.find_all(_DROP_TAGS):
        if tag.parent is None:  # already gone with an ancestor
            continue
        content = tag.get_text(" ", strip=True)
        if content:
            dropped.append((tag.name, content))
        tag.decompose()
    # Text with a few inline tags keeps its own blank-line paragraphs; a page laid out
    # with block tags has its source line breaks folded, as a browser would.
    if soup.find(_BLOCK_TAGS + ["br"]) is not None:
        for string in list(soup.find_all(string=True)):
            if isinstance(string, NavigableString) and string.find_parent("pre") is None:
                string.replace_with(_WHITESPACE.sub(" ", str(string)))
    for tag in soup.find_all("br"):
        tag.replace_with("\n")
    for tag in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]):
        tag.insert(0, "# ")
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    return soup.get_text(), dropped


def _markdown_block(block: str, removals: list[Removal], index: int, notes: list[str]):
    """Yield (is_heading, lines) pieces of one blank-line-separated block, markdown removed."""
    if "!" in block and "](" in block:
        for match in _IMAGE.finditer(block):
            removals.append(Removal("markup.image", match.group(), index))
        block = _IMAGE.sub("", block)
    block = unwrap_inline(block)
    lines = block.split("\n")
    pending: list[str] = []
    for line in lines:
        if (heading := _ATX_HEADING.fullmatch(line)) is not None:
            if pending:
                yield False, pending
                pending = []
            yield True, [heading.group(1) or ""]
            _note(notes, "unmarked:markdown")
        elif _SETEXT_RULE.fullmatch(line) and pending and pending[-1].strip():
            yield False, pending[:-1]
            yield True, [pending[-1]]
            pending = []
        elif _THEMATIC_BREAK.fullmatch(line) or _FENCE.fullmatch(line) or _LINK_DEFINITION.fullmatch(line):
            continue
        else:
            pending.append(_BULLET.sub("", _QUOTE_MARK.sub("", line)))
    if pending:
        yield False, pending


def unwrap_inline(text: str) -> str:
    """Unwrap markdown links, emphasis and code spans, keeping their text.

    >>> unwrap_inline("**Jordan Shilton****19 May 2017** told *Middle East Eye* [this](http://x.org)")
    'Jordan Shilton 19 May 2017 told Middle East Eye this'
    >>> unwrap_inline("5 * 3 * 2, snake_case_name, [People’s Protection Units]")
    '5 * 3 * 2, snake_case_name, [People’s Protection Units]'
    """
    if "[" in text and "]" in text:
        text = _LINK.sub(r"\1", text)
    if "*" in text:
        text = _ADJACENT_STRONG.sub("** **", text)
        text = _EM.sub(r"\1", _STRONG.sub(r"\1", _STRONG_EM.sub(r"\1", text)))
    if "_" in text:
        text = _EM_U.sub(r"\1", _STRONG_U.sub(r"\1", text))
    if "`" in text:
        text = _CODE.sub(r"\1", text)
    return text
