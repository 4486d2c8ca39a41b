"""Properties of clean() on whole generated articles (see tests/helpers/strategies.py).

Each generated article knows its exact body and metadata, whatever noise was laid
over it, so these are exact assertions, not heuristics. Per-stage properties and
arbitrary-input properties live in tests/cleaning/test_stage_properties.py.
"""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, given, note, settings

from corpusprep import clean
from corpusprep.document import METADATA_FIELDS

from ..helpers.strategies import Generated, documents

# langdetect's first call loads its profiles, so no deadline; whole documents cost a
# few ms each. CORPUSPREP_PROPERTY_EXAMPLES=2000 runs a longer hunt.
EXAMPLES = int(os.environ.get("CORPUSPREP_PROPERTY_EXAMPLES", "60"))
WHOLE = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# langdetect is reliable on these bodies once they have some variety: on a body of a
# few words repeated ("Order begin of of of of in like.") it may say "fr" or "nl".
# Probing thousands of generated bodies found no miss at 10 distinct words; 20 leaves margin.
LANGUAGE_MIN_DISTINCT_WORDS = 20

_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def _show(g: Generated) -> None:
    note(f"features: {g.features}")
    note(f"raw: {g.raw!r}")


def _summary(doc) -> dict:
    """Everything of a Document except removal positions (which blank lines may not shift, but need not pin)."""
    out = {name: getattr(doc, name) for name in (*METADATA_FIELDS, "text", "language", "rejected", "notes")}
    out["removed"] = [(r.rule, r.text) for r in doc.removed]
    return out


@WHOLE
@given(documents())
def test_body_and_metadata_are_recovered_exactly(g):
    _show(g)
    doc = clean(g.raw)
    assert doc.text == g.body
    for name, value in g.expected.items():
        assert getattr(doc, name) == value, name
    assert doc.rejected is None
    if len(set(g.body.split())) >= LANGUAGE_MIN_DISTINCT_WORDS:
        assert doc.language == "en"


@WHOLE
@given(documents())
def test_cleaning_the_cleaned_text_changes_nothing(g):
    _show(g)
    doc = clean(g.raw)
    again = clean(doc.title + "\n\n" + doc.text)
    assert again.text == doc.text
    assert again.title == doc.title
    assert again.rejected is None


def _lf(raw: str) -> str:
    return raw.replace("\r\n", "\n")


VARIANTS = {
    "crlf": lambda raw: _lf(raw).replace("\n", "\r\n"),
    "cr": lambda raw: _lf(raw).replace("\n", "\r"),
    "trailing_spaces": lambda raw: re.sub(r"(?m)[ \t]*$", "  ", _lf(raw)),
    "extra_blank_lines": lambda raw: "\n\n" + re.sub(r"\n\n+", "\n\n \n\n", _lf(raw)) + "\n\n\n",
    "utf8_bytes_with_bom": lambda raw: b"\xef\xbb\xbf" + _lf(raw).encode("utf-8"),
}


@WHOLE
@given(documents())
def test_line_endings_trailing_spaces_and_blank_lines_change_nothing(g):
    _show(g)
    base = _summary(clean(_lf(g.raw)))
    for name, variant in VARIANTS.items():
        assert _summary(clean(variant(g.raw))) == base, name


@WHOLE
@given(documents(modes=("markdown", "html")))
def test_no_markup_survives(g):
    _show(g)
    doc = clean(g.raw)
    for text in (doc.text, doc.title or ""):
        assert not _HTML_TAG.search(text)
        assert "**" not in text
        assert "](" not in text
        assert not re.search(r"(?m)^#", text)
        assert not re.search(r"&(?:[a-zA-Z]+|#\d+);", text)  # no entity left undecoded


@WHOLE
@given(documents())
def test_every_removal_is_text_that_stood_in_the_input(g):
    """The audit trail quotes real input (after markup removal), and never a sentence of the body."""
    from corpusprep.cleaning.decode import decode
    from corpusprep.cleaning.repair import repair
    from corpusprep.cleaning.unmark import unmark

    _show(g)
    doc = clean(g.raw)
    paras, _, _ = unmark(repair(decode(g.raw)[0])[0])
    by_index: dict[int, list[str]] = {}
    for p in paras:
        by_index.setdefault(p.index, []).append(p.text)
    body_paragraphs = set(g.body.split("\n\n"))
    for removal in doc.removed:
        if removal.index is not None:
            assert any(removal.text in text for text in by_index[removal.index]), removal
        assert removal.text not in body_paragraphs
