"""Properties of each stage, and of clean(), on arbitrary and hostile input.

The input strategies mix random Unicode with fragments that the stages look for
(markup, entities, line separators, mojibake, header and footer lines), so that the
generated text reaches the interesting code paths instead of only plain letters.
"""

from __future__ import annotations

import os
import re
import unicodedata

from hypothesis import HealthCheck, assume, example, given, note, settings
from hypothesis import strategies as st

from corpusprep import clean
from corpusprep.cleaning.decode import decode, looks_binary
from corpusprep.cleaning.head import read_head
from corpusprep.cleaning.options import CleanOptions
from corpusprep.cleaning.paragraphs import Para
from corpusprep.cleaning.rejoin import rejoin
from corpusprep.cleaning.repair import repair
from corpusprep.cleaning.tail import read_tail
from corpusprep.cleaning.unmark import _HTML_TAG, unmark
from corpusprep.document import Document
from corpusprep.rules.compile import default_rules

from ..helpers.strategies import mojibake  # also registers the "sloppy-windows-1252" codec

SCALE = int(os.environ.get("CORPUSPREP_PROPERTY_EXAMPLES", "60")) / 60
CHEAP = settings(max_examples=int(200 * SCALE), deadline=None, suppress_health_check=[HealthCheck.too_slow])
WHOLE = settings(max_examples=int(100 * SCALE), deadline=None, suppress_health_check=[HealthCheck.too_slow])

FRAGMENTS = (
    # HTML and entities
    "<p>", "</p>", "<b>", "</b>", "<em>", "<br>", "<br/>", "<h1>", "</h1>", "<div class='x'>", "</div>", "<li>",
    "<a href=\"http://example.com/\">", "</a>", "<script>", "</script>", "<style>", "<!--", "-->", "<!DOCTYPE html>",
    "<pre>", "</pre>", "<", ">", "&", "&amp;", "&lt;p&gt;", "&amp;lt;b&amp;gt;", "&#233;", "&#x41;", "&nbsp;", "&copy;", ";",
    # markdown
    "**", "*", "***", "__", "_", "`", "```", "~~~", "#", "# ", "## ", "===", "---", "> ", "- ", "+ ", "1. ",
    "[x](y)", "[", "]", "](", "(", ")", "![i](j.png)", "[ref]: http://x.org", "\\",
    # line breaks, spaces, invisible and control characters
    "\n", "\n\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x00", "\x1b", "\ufeff", "\u00a0",
    "\u200b", "\u00ad", "\t", " ", "  ",
    # text that mojibake, combining marks and replacement characters make
    "é", "e\u0301", "Ã©", "â€™", "â€œ", "Ã", "’", "“", "”", "«", "»", "\ufffd", "…",
    # words the rules look for
    "Loading", "Loading...", "English", "Français", "By Jane Doe", "Par Alex Lantier", "Jordan Shilton",
    "20 July 2016", "1er octobre 2016", "Sept. 19, 2016", "2016-09-19", "Mondialisation.ca, ", "Global Research",
    "Région : Europe", "Thème: Terrorism", "Tags: a, b", "Copyright © 2016", "©",
    "To contact the WSWS and the Socialist Equality Party visit:", "wsws.org/contact",
    "La source originale de cet article est X", "Contact média: media@globalresearch.ca", "Si", "vous",
    "The", "the", "word", "words.", "A sentence that ends.",
    # site chrome, header fields and reworded notices the generic readers look for
    "Share this:", "Facebook", "Leave a Reply", "Read more: ", "Advertisement", "Photo: Jane Roe/AP", "Menu",
    "Skip to content", "Home | News | Sport", "By Jane Doe, Staff Writer", "March 3rd, 2021 | By Dana Whitfield | Local News",
    "29/12/2017", "Published: 03.05.2018 um 14:30", "Jane Doe is a writer based in Paris.",
    "Disclaimer: The views in this article are the sole responsibility of its author.",
    "The Centre for Research on Globalization grants permission to cross-post", "Become a member of Global Research.",
    "This article first appeared on ", "All rights reserved.", "Your email address will not be published.",
)

utf8_text = st.text(alphabet=st.characters(codec="utf-8"))
messy_text = st.lists(st.one_of(utf8_text, st.sampled_from(FRAGMENTS)), max_size=40).map("".join)


def _pipeline_text(raw: str) -> str:
    """What unmark sees in clean(): decoded and repaired text."""
    return repair(decode(raw)[0])[0]


# ------------------------------------------------------------------ clean() never fails
@WHOLE
@given(st.text())
def test_clean_never_raises_on_text(raw):
    doc = clean(raw)
    assert isinstance(doc, Document) and isinstance(doc.text, str)


@WHOLE
@given(st.binary())
def test_clean_never_raises_on_bytes(raw):
    doc = clean(raw)
    assert isinstance(doc, Document) and isinstance(doc.text, str)


@WHOLE
@given(messy_text)
def test_clean_never_raises_on_markup_soup(raw):
    doc = clean(raw)
    assert isinstance(doc, Document) and isinstance(doc.text, str)
    assert doc.rejected is None or doc.rejected in ("binary", "undecodable", "empty", "stub", "too_short")
    assert "\r" not in doc.text and "\x00" not in doc.text


@WHOLE
@given(messy_text)
def test_clean_of_utf8_bytes_equals_clean_of_text(raw):
    assert clean(raw.encode("utf-8")) == clean(raw)


# ------------------------------------------------------------------ decode and repair
@CHEAP
@given(messy_text)
@example("00\r\n00\x1f00\x1f" + "0" * 30)  # CRLF folding once moved the share of control characters over 5%
def test_decode_of_text_is_idempotent(text):
    once, _ = decode(text)
    assert decode(once) == (once, [])
    assert looks_binary(decode(once)[0]) == looks_binary(once)  # a verdict on the decoded text: decoding again keeps it
    assert "\r" not in once and "\u2028" not in once and "\u2029" not in once


@CHEAP
@given(messy_text)
def test_repair_is_idempotent(raw):
    """On decoded text, as in clean(): ftfy turns a "\r" into a line break when it
    repairs, and a line break changes what it repairs next ("\x80\rÚ¢±ß")."""
    text, _ = decode(raw)
    once, _ = repair(text)
    assert repair(once)[0] == once


@CHEAP
@given(st.text(alphabet=st.characters(codec="utf-8", categories=("L", "M", "N", "P", "S", "Zs"))))
def test_repair_is_idempotent_on_printable_text(text):
    once, _ = repair(text)
    assert repair(once)[0] == once


@CHEAP
@given(st.text(alphabet=st.sampled_from("ÂÃâ€™œ©\xa0\xad\x1f\u200b\u0302A¡ é\n")))
def test_repair_is_idempotent_around_invisible_characters(text):
    """Removing an invisible or control character must not leave mojibake for a second pass ("Â\x1f¡")."""
    once, _ = repair(text)
    assert repair(once)[0] == once


CORRECT_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(categories=("L",), max_codepoint=0x2FFF),
        st.sampled_from("“”‘’«»àéèêëîïôùûüçÀÉÈÇ "),
    )
)
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _could_be_mojibake(text: str) -> bool:
    """Whether some characters of `text`, as bytes in a legacy encoding ftfy tries, spell a UTF-8 character ("Ã©" is "é")."""
    from ftfy.chardata import CHARMAP_ENCODINGS

    return any(_UTF8_SEQUENCE.search(text.encode(encoding, errors="replace")) for encoding in CHARMAP_ENCODINGS)


@CHEAP
@given(CORRECT_TEXT)
def test_repair_keeps_correct_text(text):
    """Curly quotes, accents and other scripts are correct text: only NFC may touch them.

    Restricted to text that is not ambiguous: characters whose bytes in cp1252 (or
    another legacy encoding ftfy tries) spell a UTF-8 character ("Ã©", "â€™") are
    exactly what mojibake looks like, and repairing them is the point. "café’s" or "l’été" spell none and must be left alone, though
    they send the text to ftfy.
    """
    assume(not _could_be_mojibake(text))
    assert repair(text)[0] == unicodedata.normalize("NFC", text)


@CHEAP
@given(st.lists(st.sampled_from(("café", "naïve", "“quoted”", "Washington’s", "résumé", "façade", "élite", "rôle", "déjà", "à", "l’été", "Zürich", "São", "niño", "Ærø")), min_size=1, max_size=12))
def test_repair_undoes_mojibake_of_real_words(words):
    text = " ".join(words) + " and some plain words."
    assert repair(mojibake(text))[0] == text
    assert repair(text) == (text, [])


# ------------------------------------------------------------------ unmark
def _texts(paras: list[Para]) -> list[str]:
    return [p.text for p in paras]


@CHEAP
@given(messy_text)
def test_unmark_is_stable_on_its_own_output(raw):
    """Unmarking unmark's output again changes nothing: no markup is left in it.

    The paragraphs are written back as their lines (one per line, a blank line between
    paragraphs): a paragraph's text joins its lines with spaces, and that can make
    markup that was not there ("`" and "`" on two lines are two backticks; "` `" is a
    code span). When every paragraph is one line, the texts themselves are compared.

    Restricted to output that holds nothing HTML reads as markup: markdown unwrapped
    around pieces of HTML can spell a new tag ("*<!--<!--*>" -> "<!--<!-->"). Text or
    a comment? That is genuinely ambiguous, and a second pass reads it as HTML.
    """
    text = _pipeline_text(raw)
    once = unmark(text)[0]
    lines = [p.lines for p in once]
    note(f"once: {lines!r}")
    assume(not any(_HTML_TAG.search(line) for para in lines for line in para))
    again = unmark("\n\n".join("\n".join(para) for para in lines))[0]
    assert [p.lines for p in again] == lines
    if all(len(para) == 1 for para in lines):
        assert _texts(unmark("\n\n".join(_texts(once)))[0]) == _texts(once)


PROSE_WITH_SYMBOLS = ("a < b & c", "x<y and y>z", "AT&T", "<john@example.com>", "R&D", "5 > 3", "1 <2", "Q&A;", "a<b>c")
PROSE_WORDS = ("The", "deal", "was", "signed", "by", "managers", "of", "AT&T", "today.", "“quoted”", "café")


@CHEAP
@given(st.lists(st.sampled_from(PROSE_WITH_SYMBOLS + PROSE_WORDS), min_size=1, max_size=12).map(" ".join), st.sampled_from(["plain", "html", "markdown"]))
def test_unmark_keeps_prose_with_symbols(prose, mode):
    """"<" that opens no tag and "&" that starts no entity are prose, in plain text and in HTML."""
    if mode == "html":
        raw, expected = f"<h1>Title</h1>\n<p>{prose}</p>", prose.replace("<b>", "")  # "<b>" is a real tag there
    else:
        assume("<b>" not in prose)  # a real tag: the text would be HTML, not prose
        raw, expected = (f"# Title\n\n*{prose}*" if mode == "markdown" else f"Title\n\n{prose}"), prose
    assert _texts(unmark(raw)[0])[-1] == expected


@CHEAP
@given(st.sampled_from(PROSE_WITH_SYMBOLS[:4]))
def test_unmark_keeps_the_four_classic_symbols_exactly(prose):
    for raw in (prose, f"<p>{prose}</p>", f"<p>Intro <b>bold</b></p>\n<p>{prose}</p>", f"**{prose}**"):
        assert _texts(unmark(raw)[0])[-1] == prose, raw


# ------------------------------------------------------------------ rejoin
@CHEAP
@given(messy_text)
def test_rejoin_is_idempotent(raw):
    rules = default_rules()
    paras, _, _ = unmark(_pipeline_text(raw))
    once, _ = rejoin(paras, rules.function_words)
    twice, joins = rejoin(once, rules.function_words)
    assert twice == once and joins == 0


# ------------------------------------------------------------------ header and footer readers
BIG = CleanOptions(head_max_paragraphs=10_000, tail_max_paragraphs=10_000)


@CHEAP
@given(messy_text)
def test_read_tail_twice_removes_nothing_more(raw):
    rules = default_rules()
    paras, _, _ = unmark(_pipeline_text(raw))
    once, found = read_tail(paras, rules, {}, BIG)
    twice, again = read_tail(once, rules, found.fields, BIG)
    assert twice == once and again.removed == []


@CHEAP
@given(messy_text)
def test_read_head_again_with_what_it_found_removes_nothing(raw):
    rules = default_rules()
    paras, _, _ = unmark(_pipeline_text(raw))
    once, found = read_head(paras, rules, {}, BIG)
    note(f"paragraphs: {_texts(paras)!r}; found: {found.fields!r}")
    twice, again = read_head(once, rules, found.fields, BIG)
    assert twice == once and again.removed == []
