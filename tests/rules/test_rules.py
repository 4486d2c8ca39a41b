"""Rule packs: the format is validated with clear messages, and a user pack adds a site without code."""

from __future__ import annotations

import pytest

from corpusprep import RuleError, clean, load_rules

MY_SITE = """
[pack]
id = "example_news"
description = "Example News footer and header."

[[boilerplate]]
id = "newsletter"
zone = "tail"
ignore_case = true
sets = { publisher = "Example News" }
patterns = ['sign up for the example news newsletter\\.?']

[[metadata]]
id = "desk_dateline"
zone = "head"
patterns = ['(?P<regions>[A-Z]+) DESK — (?P<date>{date})']
"""

ARTICLE = (
    "A headline for the example\n\nEUROPE DESK — 3 août 2017\n\n"
    + "The body of the article has enough words to be kept as a real article here. " * 3
    + "\n\nSign up for the Example News newsletter."
)


def test_a_user_pack_adds_a_site_without_code(tmp_path):
    pack = tmp_path / "example.toml"
    pack.write_text(MY_SITE, encoding="utf-8")
    doc = clean(ARTICLE, rules=load_rules(pack))
    assert doc.publisher == "Example News"
    assert doc.regions == ["EUROPE"]
    assert str(doc.date) == "2017-08-03"
    assert [r.rule for r in doc.removed] == ["meta.title", "example_news.desk_dateline", "example_news.newsletter"]
    assert doc.text.endswith("real article here.")


def test_without_the_pack_the_generic_readers_still_find_the_prompt_and_the_date():
    """The site's pack names the desk and the publisher; the generic chrome and header readers need no pack."""
    doc = clean(ARTICLE)
    assert doc.text.endswith("kept as a real article here.")
    assert [(r.rule, r.text) for r in doc.removed][-1] == ("chrome.tail", "Sign up for the Example News newsletter.")
    assert doc.date.isoformat() == "2017-08-03" and doc.regions == [] and doc.publisher is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[pack]\nid = 'Bad Id'\n", "[pack] needs an id"),
        ("[pack]\nid = 'p'\n[[boilerplate]]\nid = 'r'\nzone = 'middle'\npattern = 'x'\n", "zone must be one of"),
        ("[pack]\nid = 'p'\n[[boilerplate]]\nid = 'r'\nzone = 'tail'\n", "needs pattern or patterns"),
        ("[pack]\nid = 'p'\n[[boilerplate]]\nid = 'r'\nzone = 'tail'\npattern = '(unclosed'\n", "bad regex"),
        ("[pack]\nid = 'p'\n[[metadata]]\nid = 'r'\nzone = 'head'\npattern = '(?P<nope>x)'\n", "named groups must be metadata fields"),
        ("[pack]\nid = 'p'\n[[metadata]]\nid = 'r'\nzone = 'head'\npattern = 'x'\ncolour = 1\n", "unknown key(s) colour"),
        ("[pack]\nid = 'p'\n[months.xx]\nfoo = 13\n", "must be a number from 1 to 12"),
        ("not toml = = =", "not valid TOML"),
    ],
)
def test_malformed_packs_are_refused_with_a_clear_message(tmp_path, text, message):
    pack = tmp_path / "pack.toml"
    pack.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError, match=message.replace("[", r"\[").replace("(", r"\(").replace(")", r"\)")):
        load_rules(pack)


def test_duplicate_rule_ids_are_refused(tmp_path):
    pack = tmp_path / "dup.toml"
    pack.write_text("[pack]\nid = 'wsws'\n[[boilerplate]]\nid = 'contact_footer'\nzone = 'tail'\npattern = 'x'\n")
    with pytest.raises(RuleError, match="defined twice"):
        load_rules(pack)


def test_builtin_packs_load_in_priority_order():
    rules = load_rules()
    assert rules.packs == ("wsws", "globalresearch_fr", "globalresearch_en", "generic", "chrome")
    assert {"september", "septembre", "août", "sept"} <= set(rules.months)
