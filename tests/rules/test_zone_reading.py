"""What a zone's rules read from a text is remembered without changing the answer."""

from __future__ import annotations

from corpusprep.rules.compile import load_rules

LINE = "Le Devoir, 12 février 2019"


def test_the_remembered_reading_follows_the_when_conditions():
    rules = load_rules()  # a rule set of its own: nothing remembered yet
    head = rules.in_zone("head")
    for known in ({"publisher": "Mondialisation.ca"}, {}, {"publisher": "Mondialisation.ca"}, {"publisher": "Other"}):
        assert rules.zone_reading(head, LINE, known) == rules.first_reading(head, LINE, known)
    read = rules.zone_reading(head, LINE, {"publisher": "Mondialisation.ca"})
    assert read is not None and read[0].id == "globalresearch_fr.original_dateline"
    assert rules.zone_reading(head, LINE, {}) != read  # without the publisher that rule may not fire


def test_each_caller_gets_its_own_fields():
    rules = load_rules()
    tail = rules.in_zone("tail")
    line = "Tags: Water, Drought, Farming"
    first = rules.zone_reading(tail, line, {})
    assert first is not None and first[1] == rules.first_reading(tail, line, {})[1]
    for value in first[1].values():
        if isinstance(value, list):
            value.append("changed by a caller")
    assert rules.zone_reading(tail, line, {}) == rules.first_reading(tail, line, {})


def test_other_tuples_of_rules_are_read_afresh():
    rules = load_rules()
    subset = tuple(rule for rule in rules.in_zone("head") if rule.kind == "metadata")
    assert rules.zone_reading(subset, LINE, {"publisher": "Global Research"}) == \
        rules.first_reading(subset, LINE, {"publisher": "Global Research"})
    assert not rules._readings
