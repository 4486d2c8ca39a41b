"""The fast case-insensitive search finds what `re.IGNORECASE` finds, on any text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpusprep.cleaning.caseless import ODD_CHARS, Caseless
from corpusprep.rules.compile import default_rules

WORDS = ["©", "(c)", "copyright", "all rights reserved", "droits réservés", "photo", "photos", "courtesy of", "foto's",
         "straße", "µg"]
# Letters whose case-insensitive match is not plain lower-casing, and their neighbours.
TRICKY = "KſİıﬁßẞÉéÅ©µμΜ()' "
words = st.sampled_from(["Copyright", "ALL RIGHTS reserved", "Photo", "PHOTO", "Courtesy Of", "FOTO'S", "(C)", "(c)",
                         "droits RÉSERVÉS", "phOto", "cOpYrIgHt", "STRASSE", "STRAẞE", "ΜG", "the", "Council"])
texts = st.lists(st.one_of(words, st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(TRICKY), max_size=12)),
                 max_size=8).map(" ".join)


def _regex(words_, text):
    return re.search("|".join(re.escape(word) for word in words_), text, re.IGNORECASE) is not None


@settings(max_examples=500)
@given(texts)
def test_it_finds_what_ignorecase_finds(text):
    assert Caseless(WORDS).search(text) == _regex(WORDS, text)


@given(texts)
def test_the_credit_words_of_the_lexicon_alike(text):
    leads = default_rules().lexicons.credit_leads
    assert Caseless(leads).search(text) == _regex(leads, text)


@given(texts)
def test_words_beyond_latin1_alike(text):
    greek = ["φωτογραφία", "photo"]
    assert Caseless(greek).search(text) == _regex(greek, text)


def test_the_odd_characters_are_all_there_are():
    """Every code point on which sre's case-insensitive match of a Latin-1 letter and `lower()` disagree."""
    latin1 = {chr(i) for i in range(256) if chr(i).lower() == chr(i)}
    anyof = re.compile("[" + "".join(re.escape(ch) for ch in sorted(latin1)) + "]", re.IGNORECASE)
    odd = set()
    for point in range(0x80, 0x110000):
        if 0xD800 <= point < 0xE000:
            continue
        ch = chr(point)
        low = ch.lower()
        if (anyof.fullmatch(ch) is not None) != (low in latin1) or len(low) > 1 and any(c in latin1 for c in low):
            odd.add(ch)
    assert odd == ODD_CHARS


def test_words_with_capitals_are_refused():
    with pytest.raises(ValueError, match="lower case"):
        Caseless(["Copyright"])
