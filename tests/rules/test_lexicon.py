"""Lexicon lookups that are indexed for speed answer exactly as their plain definition does."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from corpusprep.rules import default_rules
from corpusprep.rules.lexicon import line_key

LEX = default_rules().lexicons
LABEL_WORDS = sorted({w for label in LEX.related_labels for w in label.split()})


def related_by_definition(text: str) -> bool:
    """A related label, or a label of two words or more and then a name, or a "*" label with a section's name."""
    key = line_key(text)
    if key in LEX.related_labels:
        return True
    size = len(key.split())
    for label in (label for label in LEX.related_labels if " " in label):
        if " * " not in label:
            if size <= 8 and key.startswith(label + " "):
                return True
        else:
            head, tail = label.split(" * ", 1)
            if size <= min(8, len(label.split()) + 2) and key.startswith(head + " ") and key.endswith(" " + tail):
                return True
    return False


LABELS = sorted(LEX.related_labels)
OTHER = ["World", "Socialist", "National", "Sport", "the", ":", "*"]


@given(st.sampled_from(LABELS), st.lists(st.sampled_from(LABEL_WORDS) | st.sampled_from(OTHER), max_size=8),
       st.booleans(), st.sampled_from(["", " ", "  ", ":", " »"]))
def test_is_related_label_is_its_definition(label, words, label_first, edge):
    text = " ".join([label, *words] if label_first else [*words, label]) + edge
    assert LEX.is_related_label(text) == related_by_definition(text)


def test_is_related_label_examples():
    assert LEX.is_related_label("More from World Socialist Web Site")
    assert not LEX.is_related_label("More from the council meeting on Monday night about the budget and the roads")
