"""Each rule's examples and counterexamples: every built-in pack passes its own, and a broken one is told exactly."""

from __future__ import annotations

import datetime as dt

import pytest

from corpusprep import RuleError, default_rules, explain, load_rules
from corpusprep.rules.check import check_examples

from ..helpers.commands import run as run_cli

PACK = """
[pack]
id = "harbour"

[[metadata]]
id = "byline"
zone = "head"
description = "The Harbour Gazette's 'Reporting by' line."
patterns = ['Reporting by (?P<authors>{names})']
examples = [
  { text = "Reporting by Dana Whitfield", authors = ["Dana Whitfield"] },
  "Reporting by Ana Souza and Li Wei",
]
counterexamples = ["Reporting by the council was late."]

[[boilerplate]]
id = "tide_table"
zone = "tail"
patterns = ['Tide times for \\w+']
examples = ["Tide times for Tuesday"]
"""


def test_every_built_in_pack_passes_its_own_examples():
    checked = check_examples(default_rules())
    assert checked.failures == ()
    assert checked.examples >= 40 and checked.counterexamples >= 10
    assert all(rule.examples for rule in default_rules().rules), "every built-in rule carries an example"


def test_examples_check_the_fields_read_and_dates_as_dates():
    rules = default_rules()
    rule = next(r for r in rules.rules if r.id == "generic.byline_dateline")
    assert dict(rule.examples[0][1]) == {"authors": ["Dana Whitfield"], "date": dt.date(2021, 3, 3)}


def test_a_wrong_example_and_a_matching_counterexample_are_each_named(tmp_path):
    broken = PACK.replace('authors = ["Dana Whitfield"]', 'authors = ["Dana Whitfeld"]') \
                 .replace('"Tide times for Tuesday"', '"Tide tables for Tuesday"') \
                 .replace('"Reporting by the council was late."', '"Reporting by Omar Haddad"')
    path = tmp_path / "harbour.toml"
    path.write_text(broken, encoding="utf-8")
    checked = check_examples(load_rules(path), ["harbour"])
    assert checked.failures == (  # rules in priority order: a pack's boilerplate rules, then its metadata rules
        "harbour.tide_table: does not match its example 'Tide tables for Tuesday'",
        "harbour.byline: reads authors=['Dana Whitfield'] from 'Reporting by Dana Whitfield', its example says ['Dana Whitfeld']",
        "harbour.byline: matches its counterexample 'Reporting by Omar Haddad'",
    )
    assert (checked.rules, checked.examples, checked.counterexamples) == (2, 3, 1)


@pytest.mark.parametrize(("examples", "message"), [
    ('examples = "Tide times"', "examples must be a list"),
    ('examples = [{ words = "Tide times" }]', "an example is a text"),
    ('examples = [{ text = "Tide times for Monday", tide = "high" }]', "unknown field(s) tide"),
    ('counterexamples = [""]', "counterexamples must be a list of non-empty strings"),
])
def test_malformed_examples_are_refused_with_the_rule_named(tmp_path, examples, message):
    path = tmp_path / "harbour.toml"
    path.write_text(PACK.replace('examples = ["Tide times for Tuesday"]', examples), encoding="utf-8")
    with pytest.raises(RuleError, match="tide_table") as caught:
        load_rules(path)
    assert message in str(caught.value)




def test_the_command_checks_a_users_pack_and_fails_when_an_example_does(tmp_path):
    path = tmp_path / "harbour.toml"
    path.write_text(PACK, encoding="utf-8")
    ok = run_cli("rules", "check", str(path), cwd=tmp_path)
    assert (ok.returncode, ok.stdout) == (0, "harbour: 2 rules, 3 examples, 1 counterexamples: all pass\n")
    path.write_text(PACK.replace('"Tide times for Tuesday"', '"Tide tables for Tuesday"'), encoding="utf-8")
    bad = run_cli("rules", "check", str(path), cwd=tmp_path)
    assert bad.returncode == 1
    assert bad.stdout.splitlines() == ["harbour.tide_table: does not match its example 'Tide tables for Tuesday'",
                                       "harbour: 2 rules, 3 examples, 1 counterexamples: 1 failed"]
    missing = run_cli("rules", "check", "nowhere.toml", cwd=tmp_path)
    assert (missing.returncode, missing.stderr) == (2, "corpusprep: error: rule pack not found: nowhere.toml\n")


def test_explain_lists_the_description_of_each_rule_that_removed_something(tmp_path):
    path = tmp_path / "harbour.toml"
    path.write_text(PACK, encoding="utf-8")
    page = "Harbour dredging starts\n\nReporting by Dana Whitfield\n\n" + "The harbour board voted to dredge the channel. " * 5
    shown = explain(page, rules=load_rules(path))
    assert "- [harbour.byline] Reporting by Dana Whitfield" in shown
    assert shown.endswith("\nrules:\n  harbour.byline: The Harbour Gazette's 'Reporting by' line.\n")
