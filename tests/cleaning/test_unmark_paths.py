"""The fast tokenizer for simple HTML gives exactly what BeautifulSoup gives, or steps aside."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from corpusprep.cleaning.unmark import _LINK, _STRAY_AMP, _STRAY_LT, _read_line, simple_html_to_text, soup_to_text, unwrap_inline

BLOCKS = ["p", "div", "h1", "h2", "li", "ul", "blockquote", "section", "td", "tr", "table"]
INLINES = ["b", "i", "em", "strong", "a", "span", "small", "sup"]
VOIDS = ["<br>", "<br/>", "<hr>", '<img src="x.png" alt="a > b">', "<img src=x.png>", "<wbr>"]
WORDS = st.sampled_from(["word", "AT&amp;T", "x &lt; y", "&nbsp;", "caf&eacute;", "&#8217;", "&#x201C;", "&foo;",
                         "  ", "\n", "\n\n", "tab\there", "plain", "Ünïcödé", "a & b", "&copy"])


def _text():
    return st.lists(WORDS, min_size=0, max_size=4).map(" ".join)


def _node(depth: int):
    leaf = st.one_of(_text(), st.sampled_from(VOIDS))
    if depth == 0:
        return leaf
    children = st.lists(_node(depth - 1), max_size=3).map("".join)
    tag = st.sampled_from(BLOCKS + INLINES)
    attrs = st.sampled_from(["", ' class="c"', " id=x", " data-x='1'", ' href="http://e.org/?a=1&amp;b=2"'])
    element = st.tuples(tag, attrs, children).map(lambda t: f"<{t[0]}{t[1]}>{t[2]}</{t[0]}>")
    unclosed = st.tuples(tag, children).map(lambda t: f"<{t[0]}>{t[1]}")  # "<b>" * n, "<p>a<p>b"
    return st.one_of(leaf, element, unclosed)


def _prepared(markup: str) -> str:
    """What html_to_text hands either path: stray '<' and '&' already escaped."""
    return _STRAY_AMP.sub("&amp;", _STRAY_LT.sub("&lt;", markup))


@settings(max_examples=400, deadline=None)
@given(st.lists(_node(3), min_size=1, max_size=4).map("".join))
def test_simple_html_reads_like_beautifulsoup(markup):
    prepared = _prepared(markup)
    fast = simple_html_to_text(prepared)
    if fast is not None:
        assert fast == soup_to_text(prepared)[0]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/&;#pbdivr x=\"'!-\n")), max_size=60))
def test_the_fast_path_agrees_or_steps_aside_on_fragments(markup):
    prepared = _prepared(markup)
    fast = simple_html_to_text(prepared)
    if fast is not None:
        assert fast == soup_to_text(prepared)[0]


def test_misnested_unclosed_and_commented_markup_goes_to_beautifulsoup():
    for markup in ("<b>x<p>y</b>z</p>", "<div><b>x</div>", "</p>x", "<p>a<!-- c --></p>", "<pre> x </pre>", "<p>a<script>s</script></p>"):
        assert simple_html_to_text(_prepared(markup)) is None


def test_the_fast_path_takes_ordinary_pages():
    page = "<html><body><h1>Title</h1><p>One &amp; two.</p>\n<p>Three<br>four.</p></body></html>"
    assert simple_html_to_text(page) == soup_to_text(page)[0]


def test_tags_left_open_take_the_fast_path():
    for markup in ("<b>" * 1000 + "x", "<p>a</p><i>b <b>c", "<span><p>a</p>b", "<p>a\n b<p>c\n d", "<h2>T<div>x"):
        assert simple_html_to_text(markup) == soup_to_text(markup)[0]


# The markdown line reader reads between two indexes for linear time; the plain
# reading it replaced (one regex per round, quadratic on "# " * n) is the oracle.
_OLD_ATX = re.compile(r" {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*")
_OLD_SETEXT = re.compile(r" {0,3}(?:=+|-{2,})[ \t]*")
_OLD_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")
_OLD_FENCE = re.compile(r" {0,3}(?:`{3,}|~{3,})[^`]*")
_OLD_QUOTE = re.compile(r"^ {0,3}(?:> ?)+")
_OLD_BULLET = re.compile(r"^ {0,3}[*+](?:[ \t]+|$)")
_OLD_DEFINITION = re.compile(r" {0,3}\[[^\]\n]{1,200}\]:[ \t]+\S+.*")


def _plain_read_line(line):
    heading = False
    while True:
        line = line.lstrip(" ")
        if not heading and _OLD_SETEXT.fullmatch(line):
            return "underline", line
        if _OLD_BREAK.fullmatch(line) or _OLD_FENCE.fullmatch(line) or _OLD_DEFINITION.fullmatch(line):
            return ("heading" if heading else "drop"), ""
        if (match := _OLD_ATX.fullmatch(line)) is not None:
            heading, line = True, match.group(1) or ""
            continue
        inner = _OLD_BULLET.sub("", _OLD_QUOTE.sub("", line))
        if inner == line:
            return ("heading" if heading else "text"), line
        line = inner


MARKERS = ["#", "# ", "## ", " ", "\t", "*", "* ", "+ ", ">", "> ", "-", "--", "=", "_", "```", "~~~", "[", "]", "]: ",
           "x", "word ", "###", " #"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(MARKERS), max_size=12).map("".join))
def test_the_line_reader_reads_as_the_plain_reading_does(line):
    assert _read_line(line) == _plain_read_line(line)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["[", "]", "(", ")", "x", " ", "\n", "](u)", "][r]", "[a](b)", "y" * 130]), max_size=16).map("".join))
def test_no_link_is_left_after_unwrapping(text):
    assert _LINK.search(unwrap_inline(text)) is None
    assert _LINK.search(unwrap_inline("[" * 9 + text + "](u)" * 9)) is None  # past the ordinary rounds
