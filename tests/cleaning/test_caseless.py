"""The fast case-insensitive search finds what `re.IGNORECASE` finds, on any text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpusprep.cleaning.caseless import Caseless
from corpusprep.rules.compile import default_rules

SOURCE = r"©|\(c\)|copyright|all rights reserved|droits réservés|photo|courtesy of|foto's"
# Letters whose case folding is not ASCII lower-casing: the Kelvin sign, the long s, the dotted I, the ligatures.
TRICKY = "KſİıﬁßÉé©()' "
words = st.sampled_from(["Copyright", "ALL RIGHTS reserved", "Photo", "PHOTO", "Courtesy Of", "FOTO'S", "(C)", "(c)",
                         "droits RÉSERVÉS", "phOto", "cOpYrIgHt", "the", "Council"])
texts = st.lists(st.one_of(words, st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(TRICKY), max_size=12)),
                 max_size=8).map(" ".join)


@settings(max_examples=500)
@given(texts)
def test_it_finds_what_ignorecase_finds(text):
    assert Caseless(SOURCE).search(text) == (re.search(SOURCE, text, re.IGNORECASE) is not None)


@given(texts)
def test_the_credit_words_of_the_lexicon_alike(text):
    leads = default_rules().lexicons.credit_leads
    source = "|".join(re.escape(lead) for lead in leads)
    assert Caseless(source).search(text) == (re.search(source, text, re.IGNORECASE) is not None)


def test_a_source_with_capitals_is_refused():
    with pytest.raises(ValueError, match="lower case"):
        Caseless(r"\Scopyright")
