"""The notice matcher's memos give the answers of the work they remember, at every threshold."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from corpusprep.cleaning.notices import notice_share, sentence_ends, sentences, signalled, template_match
from corpusprep.rules.compile import default_rules

from .test_stage_properties import messy_text

RULES = default_rules()
NOTICE = ("The original source of this article is Global Research. Copyright © Jane Roe, Global Research, 2019. "
          "Contact us at desk@example.org or visit www.example.org.")


def share_by_hand(text: str, threshold: float) -> tuple[float, str]:
    """What `notice_share` promises, computed without its memo (quoted titles aside: none in these texts)."""
    parts = sentences(text) if len(text) < 6000 else [text]
    matched, packs = 0, dict[str, int]()
    for part in parts:
        score, pack = template_match(part, RULES)
        if score >= threshold:
            matched += len(part)
            packs[pack] = packs.get(pack, 0) + len(part)
    total = sum(len(p) for p in parts) or 1
    return round(matched / total, 2), (max(packs, key=packs.__getitem__) if packs else "")


@settings(max_examples=60, deadline=None)
@given(st.one_of(messy_text, st.just(NOTICE), st.builds(lambda t: t + " " + NOTICE, messy_text)),
       st.sampled_from([0.2, 0.25, 0.35, 0.5, 0.7]))
def test_notice_share_is_the_same_asked_once_or_again_at_any_threshold(text, threshold):
    if "“" in text or "«" in text:
        text = text.replace("“", '"').replace("«", '"')
    expected = share_by_hand(text, threshold)
    assert notice_share(text, RULES, threshold) == expected
    notice_share(text, RULES, threshold / 2)  # another threshold in between: the memo must not mix them
    assert notice_share(text, RULES, threshold) == expected


def test_a_notice_scores_high_and_prose_low_through_the_memo():
    assert notice_share(NOTICE, RULES, 0.35)[0] > 0.5
    assert notice_share("The river rose two metres overnight and the ferry stopped.", RULES, 0.35) == (0.0, "")


@settings(max_examples=60, deadline=None)
@given(st.one_of(messy_text, st.just(NOTICE), st.just("x" * 2500 + " desk@example.org")))
def test_signalled_is_the_packs_signal_search(text):
    assert RULES.notice_signals is not None
    expected = RULES.notice_signals.search(text) is not None
    assert signalled(text, RULES) is expected
    assert signalled(text, RULES) is expected  # remembered, the same


# The sentence-end pattern before its glued branch opened on the mark: a lookbehind-only branch, tried at every position.
_LOOKBEHIND_FIRST = re.compile(r"[.!?…:][\"'”’»)]*(?=\s+[\"“«(]?[A-ZÀ-ÖØ-Þ0-9©])"
                               r"|(?<=[a-zà-öø-ÿ]{3}[.!?])(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+\s)")
_marks = st.text(alphabet=st.sampled_from("abcéÿzAÉZ09©.!?…:\"'”’»)“«( \n"), max_size=60)


@settings(max_examples=400)
@given(st.one_of(_marks, messy_text, st.lists(st.sampled_from(["monsoon.The", "end. Next", "Yes!No", "abc?Déjà ",
                                                                "go.« Quote", "x: Y", "etc.”) Then"]), max_size=6).map(" ".join)))
def test_sentence_ends_are_where_the_lookbehind_first_pattern_put_them(text):
    assert sentence_ends(text) == [m.end() for m in _LOOKBEHIND_FIRST.finditer(text)] + [len(text)]
