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
import html.entities
import re
from collections.abc import Iterator
from typing import cast

from ..document import Removal
from .decode import normalise_line_endings
from .paragraphs import Para, split_paragraphs
from .repair import tidy

_BLOCK_TAGS = (
    "address article aside blockquote body caption center dd details dialog div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav "
    "ol p pre section summary table tbody td tfoot th thead tr ul"
).split()
_INLINE_TAGS = (
    "a abbr b big cite code del em font i img input ins kbd label mark q s small source "
    "span strike strong sub sup time u br wbr"
).split()
_BLOCK_TAG_SET = frozenset(_BLOCK_TAGS)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_DROP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "head", "object", "button", "select"})
_VOID_TAGS = frozenset({"br", "wbr", "img", "input", "hr", "source"})
_SIMPLE_TAGS = (_BLOCK_TAG_SET | frozenset(_INLINE_TAGS)) - {"pre"}
_SIMPLE_TAG = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9]{0,20})"
    r"((?:\s+[\w:.-]{1,100}(?:\s*=\s*(?:\"[^\"<>]{0,2000}\"|'[^'<>]{0,2000}'|[^\s\"'<>=`]{1,2000}))?){0,50})"
    r"\s*(/?)>"
)
_KNOWN_TAGS = sorted(set(_BLOCK_TAGS + _INLINE_TAGS + list(_DROP_TAGS) + ["title", "meta", "link"]), key=len, reverse=True)
_TAG_NAMES = "|".join(_KNOWN_TAGS)
# A real tag: a known name followed by attributes (bounded, no "<" inside) and ">".
_HTML_TAG = re.compile(rf"</?(?:{_TAG_NAMES})(?:\s[^<>]{{0,2000}})?/?>|<!--|<!DOCTYPE", re.IGNORECASE)
_STRAY_LT = re.compile(rf"<(?!/?(?:{_TAG_NAMES})(?:[\s/>])|!--|!DOCTYPE|!\[CDATA\[)", re.IGNORECASE)
_STRAY_AMP = re.compile(r"&(?!#\d{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};)")
_ENTITY_NAME = re.compile(r"&([A-Za-z][A-Za-z0-9]{1,31});")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_WHITESPACE = re.compile(r"\s+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")

# Markdown, block level (one line at a time).
# Read from an index, after leading spaces: each needs its first character there.
_ATX_OPENING = re.compile(r"#{1,6}(?:[ \t]+|$)")
_SETEXT_RULE = re.compile(r"(?:=+|-{2,})[ \t]*")
_THEMATIC_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")
_FENCE = re.compile(r"(?:`{3,}|~{3,})[^`]*")
_QUOTE_MARKS = re.compile(r"(?:> ?)+")
_BULLET = re.compile(r" {0,3}[*+](?:[ \t]+|$)")
_LINK_DEFINITION = re.compile(r"\[[^\]\n]{1,200}\]:[ \t]+\S+.*")
# Markdown, inline. Every repeat is bounded so a hostile line costs linear time.
_IMAGE = re.compile(r"!\[[^\[\]\n]{0,500}\]\([^()\n]{0,2000}\)")
_LINK_TARGET = (  # after the words' "]": "(url "title")" or "[ref]"
    r"(?:\(\s{0,20}[^()\s]{0,2000}(?:\([^()\s]{0,500}\)[^()\s]{0,500})?(?:\s{1,20}\"[^\"\n]{0,300}\")?\s{0,20}\)"
    r"|\[[^\[\]\n]{0,100}\])"
)
_LINK = re.compile(r"\[([^\[\]\n]{0,500})\]" + _LINK_TARGET)
_SPAN = r"([^\s{m}](?:[^{m}]{{0,498}}[^\s{m}])?)"
_STRONG_EM = re.compile(r"(?<!\*)\*\*\*" + _SPAN.format(m=r"*") + r"\*\*\*(?!\*)")
_STRONG = re.compile(r"(?<!\*)\*\*" + _SPAN.format(m=r"*") + r"\*\*(?!\*)")
_EM = re.compile(r"(?<![\w*])\*" + _SPAN.format(m=r"*") + r"\*(?![\w*])")
_STRONG_U = re.compile(r"(?<![\w_])__" + _SPAN.format(m="_") + r"__(?![\w_])")
_EM_U = re.compile(r"(?<![\w_])_" + _SPAN.format(m="_") + r"_(?![\w_])")
_CODE = re.compile(r"(?<!`)(`{1,3})(?!`)([^\n]{1,500}?)(?<!`)\1(?!`)")  # "`a`", "``a ` b``"
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
    if notes:  # entities spell what decode and repair took out: "&nbsp;", "&shy;", "&#13;"
        text = tidy(normalise_line_endings(text))
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
    return [b for b in _BLANK_LINE.split(text) if b.strip()]


def html_to_text(markup: str) -> tuple[str, list[tuple[str, str]]]:
    """Text of an HTML document: blocks become paragraphs, <br> a line break, headings "# ".

    Returns the text and the (tag, text) of elements dropped whole (scripts, styles).
    The tree is walked once with an explicit stack, never mutated: editing a deep bs4
    tree costs time in proportion to its depth at every edit.

    >>> html_to_text("<p>AT&T <b>rocks</b></p><p>x<y and y>z</p>")[0].split()
    ['AT&T', 'rocks', 'x<y', 'and', 'y>z']
    """
    markup = _STRAY_LT.sub("&lt;", markup)
    # An unclosed "<!--" would swallow the rest of the page as raw text, escapes and
    # all; a page cut off mid-comment keeps its words, so such an opener is text.
    after = markup.rfind("-->") + 1  # 0 when no comment closes
    if "<!--" in markup[after:]:
        markup = markup[:after] + markup[after:].replace("<!--", "&lt;!--")
    markup = _STRAY_AMP.sub("&amp;", markup)
    simple = simple_html_to_text(markup)
    return (simple, []) if simple is not None else soup_to_text(markup)


def simple_html_to_text(markup: str) -> str | None:
    """The same text `soup_to_text` gives, for simple, well-nested HTML; None for anything else.

    Parsing is the slow part of unmarking (about 2.5 ms for a 5 KB page with
    html.parser); most scraped pages are a few paragraphs of known tags, properly
    nested, which a tokenizer reads in a tenth of that. Comments, doctypes, scripts,
    <pre>, odd attributes, misnested or stray closing tags all go to BeautifulSoup, and a
    property test checks that both paths agree on simple HTML.
    """
    if "<!" in markup:
        return None
    tokens = list(_SIMPLE_TAG.finditer(markup))
    out: list[str] = []
    blocks = 0  # block elements open here: only their text has its source line breaks folded
    open_tags: list[str] = []
    position = 0
    for match in tokens:
        if not _append_text(out, markup[position:match.start()], blocks > 0):
            return None
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(4)
        if name not in _SIMPLE_TAGS or (self_closing and name not in _VOID_TAGS) or (closing and (self_closing or name in _VOID_TAGS)):
            return None
        position = match.end()
        block = name in _BLOCK_TAG_SET
        if name in _VOID_TAGS:
            out.append("\n" if name == "br" else "\n\n\n\n" if block else "")
        elif closing:
            if not open_tags or open_tags.pop() != name:
                return None
            out.append("\n\n" if block else "")
            blocks -= block
        else:
            open_tags.append(name)
            out.append(("\n\n# " if name in _HEADINGS else "\n\n") if block else "")
            blocks += block
    if not _append_text(out, markup[position:], blocks > 0):
        return None
    # Tags left open ("<p>" * n) hold the rest of the page, as BeautifulSoup reads them: a block closes at the end.
    out.extend("\n\n" for name in open_tags if name in _BLOCK_TAG_SET)
    return "".join(out)


def _append_text(out: list[str], text: str, fold: bool) -> bool:
    """Append one text node as html.parser would give it; False when it hides an unread tag."""
    if "<" in text:
        return False
    if "&" in text:
        if any(name and name + ";" not in html.entities.html5 for name in _ENTITY_NAME.findall(text)):
            return False  # BeautifulSoup and html.unescape differ on unknown entities
        text = html.unescape(text)
    if text and not text.strip(" \n\t\f\r"):  # bs4 collapses a node of ASCII spaces to one
        text = "\n" if "\n" in text else " "
    out.append(_WHITESPACE.sub(" ", text) if fold else text)
    return True


def soup_to_text(markup: str) -> tuple[str, list[tuple[str, str]]]:
    """Parse with BeautifulSoup (html.parser) and walk the tree once; for markup already escaped."""
    from bs4 import BeautifulSoup, Tag
    from bs4.element import NavigableString

    soup = BeautifulSoup(markup, "html.parser")
    out: list[str] = []
    dropped: list[tuple[str, str]] = []
    # (node, closing, inside <pre>, inside a block element): a page laid out with block
    # tags has its source line breaks folded, as a browser would; text outside any block
    # element (a plain article with a stray <br> or link) keeps its blank-line paragraphs.
    stack: list[tuple[object, bool, bool, bool]] = [(soup, False, False, False)]
    while stack:
        node, closing, in_pre, in_block = stack.pop()
        if closing:
            out.append("\n\n")
        elif isinstance(node, Tag):
            name = node.name
            if name in _DROP_TAGS:
                content = node.get_text(" ", strip=True)
                if content:
                    dropped.append((name, content))
            elif name == "br":
                out.append("\n")
            else:
                if name in _BLOCK_TAG_SET:
                    out.append("\n\n# " if name in _HEADINGS else "\n\n")
                    stack.append((node, True, in_pre, in_block))
                    in_block = True
                in_pre = in_pre or name == "pre"
                stack.extend((child, False, in_pre, in_block) for child in reversed(node.contents))
        elif type(node) is NavigableString:
            out.append(str(node) if in_pre or not in_block else _WHITESPACE.sub(" ", str(node)))
    return "".join(out), dropped


def _markdown_block(block: str, removals: list[Removal], index: int, notes: list[str]) -> Iterator[tuple[bool, list[str]]]:
    """Yield (is_heading, lines) pieces of one blank-line-separated block, markdown removed."""
    if "!" in block and "](" in block:
        for match in _IMAGE.finditer(block):
            removals.append(Removal("markup.image", match.group(), index))
        block = _IMAGE.sub("", block)
    block = unwrap_inline(block)
    lines = block.split("\n")
    pending: list[str] = []
    for line in lines:
        kind, text = _read_line(line)
        if kind == "underline":
            if pending and pending[-1].strip():  # a setext heading: "Title" over "====="
                yield False, pending[:-1]
                yield True, [pending[-1]]
                pending = []
                continue
            kind = "drop" if _THEMATIC_BREAK.fullmatch(text) else "text"
        if kind == "heading":
            if pending:
                yield False, pending
                pending = []
            yield True, [text]
            _note(notes, "unmarked:markdown")
        elif kind == "text":
            pending.append(text)
    if pending:
        yield False, pending


def _read_line(line: str) -> tuple[str, str]:
    """What one line is ("heading", "text", "underline" or "drop") and its text.

    Markers are read inside markers, so that no markup is left in the text: "> # Title"
    is a heading in a quotation, and a heading's text "***" or "#" is no text at all.
    Paragraph lines lose their indentation, so it means nothing here: an indented
    "    # x" is a heading, not the text "# x" (which would read as one next time).
    The line is read between two indexes that only move inwards, and every test
    looks at the first character before it scans, so "# " * n costs n, not n * n.
    """
    heading = False
    start, end = 0, len(line)
    tails: dict[tuple[str, int], int] = {}
    open_ends: set[int] = set()
    while True:  # ends: each round takes a marker off the line
        while start < end and line[start] == " ":
            start += 1
        first = line[start] if start < end else ""
        if not heading and first in ("=", "-") and _SETEXT_RULE.fullmatch(line, start, end):
            return "underline", line[start:end]
        if (first in ("-", "*", "_") and _thematic_break(line, start, end, tails)) or (
            first in ("`", "~") and _FENCE.fullmatch(line, start, end)) or (
            first == "[" and _LINK_DEFINITION.fullmatch(line, start, end)):
            return ("heading" if heading else "drop"), ""
        if first == "#" and (opening := _ATX_OPENING.match(line, start, end)) is not None:
            heading = True
            start, end = opening.end(), _heading_end(line, opening.end(), end, open_ends)
            continue
        inner = cast(re.Match[str], _QUOTE_MARKS.match(line, start, end)).end() if first == ">" else start  # ">" always matches
        if (bullet := _BULLET.match(line, inner, end)) is not None:
            inner = bullet.end()
        if inner == start:
            return ("heading" if heading else "text"), line[start:end]
        start = inner


def _thematic_break(line: str, start: int, end: int, tails: dict[tuple[str, int], int]) -> bool:
    """Whether line[start:end] is a thematic break ("* * *"); the run it needs is found once per end, not per try."""
    char = line[start]
    if (char, end) not in tails:
        i = end
        while i > 0 and line[i - 1] in (char, " ", "\t"):
            i -= 1
        tails[char, end] = i
    return start >= tails[char, end] and line.count(char, start, end) >= 3


def _heading_end(line: str, start: int, end: int, open_ends: set[int]) -> int:
    """Where a heading's text ends: before trailing blanks and a closing run of "#" set off by a blank.

    An end found to have no closing run keeps having none as `start` moves inwards, so
    `open_ends` lets a long run of "#" glued to a word be read once, not once per round.
    """
    while end > start and line[end - 1] in " \t":
        end -= 1
    if end in open_ends:
        return end
    hashes = end
    while hashes > start and line[hashes - 1] == "#":
        hashes -= 1
    if hashes in (end, start) or line[hashes - 1] not in " \t":
        open_ends.add(end)
        return end
    while hashes > start and line[hashes - 1] in " \t":
        hashes -= 1
    return hashes


def unwrap_inline(text: str) -> str:
    """Unwrap markdown links, emphasis and code spans, keeping their text.

    >>> unwrap_inline("**Jordan Shilton****19 May 2017** told *Middle East Eye* [this](http://x.org)")
    'Jordan Shilton 19 May 2017 told Middle East Eye this'
    >>> unwrap_inline("5 * 3 * 2, snake_case_name, [People’s Protection Units]")
    '5 * 3 * 2, snake_case_name, [People’s Protection Units]'
    """
    if "****" in text:
        text = _ADJACENT_STRONG.sub("** **", text)
    rounds = 0
    while True:  # markup in markup ("[[a](b)](c)", "*x*_y_"): until nothing changes, which ends as each change deletes
        before = text
        if "[" in text and "]" in text:  # a link per round for real nesting; deeper is hostile, read at once
            text = _LINK.sub(r"\1", text) if rounds < _LINK_ROUNDS else unwrap_links(text)
        rounds += 1
        if "*" in text:
            text = _EM.sub(r"\1", _STRONG.sub(r"\1", _STRONG_EM.sub(r"\1", text)))
        if "_" in text:
            text = _EM_U.sub(r"\1", _STRONG_U.sub(r"\1", text))
        if "`" in text:
            text = _CODE.sub(r"\2", text)
        if text == before:
            return text


_LINK_ROUNDS = 3  # real pages nest links in links at most twice ("[![photo](a)](b)")
_LINK_TAIL = re.compile(r"\]" + _LINK_TARGET)
_LINK_SPECIAL = re.compile(r"[\[\]\n]")


def unwrap_links(text: str) -> str:
    """Every markdown link "[words](url)" or "[words][ref]" replaced by its words, nested ones too, in one pass.

    What substituting the innermost links round after round gives, without the rounds:
    "[" * n + "x" + "](y)" * n would take n of them. Open brackets wait on a stack with
    the length of their words; one that can no longer open a link (a "]" that closes
    none, a line break, words over 500 characters) makes every bracket around it
    useless too, so the stack is emptied.

    >>> unwrap_links("[[[x](a)](b)](c) and [y][ref], [not a link]")
    'x and y, [not a link]'
    """
    out: list[str] = []
    opened: list[list[int]] = []  # [where the "[" is in out, length of its words so far]
    position, size = 0, len(text)
    while position < size:
        found = _LINK_SPECIAL.search(text, position)
        stop = found.start() if found else size
        if stop > position:
            out.append(text[position:stop])
            _grow(opened, stop - position)
            position = stop
            continue
        char = text[position]
        tail = _LINK_TAIL.match(text, position) if char == "]" and opened else None
        if char == "[":
            opened.append([len(out), 0])
            out.append("[")
            position += 1
        elif tail is not None:
            where, length = opened.pop()
            out[where] = ""
            _grow(opened, length)
            position = tail.end()
        else:
            opened.clear()
            out.append(char)
            position += 1
    return "".join(out)


def _grow(opened: list[list[int]], length: int) -> None:
    """Add words to the innermost open bracket; over 500 characters, none of the open ones can be a link."""
    if opened:
        opened[-1][1] += length
        if opened[-1][1] > 500:
            opened.clear()
