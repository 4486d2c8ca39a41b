"""A pack's rules against their own examples: each example matched whole, with the fields it names; no counterexample matched.

A rule's regex drifts when someone widens it for one new page; its examples and
counterexamples (in the pack, beside the pattern) say what it was written to catch and
what it must leave alone, as ftfy keeps its test cases as data. `corpusprep rules check
PACK.toml` runs them for a user's pack, the test suite for every built-in pack.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .compile import Rule, RuleSet


@dataclass(frozen=True)
class Checked:
    """What checking some rules found: how many examples ran and one line per failure."""

    rules: int
    examples: int
    counterexamples: int
    failures: tuple[str, ...]


def check_examples(rules: RuleSet, packs: Iterable[str] | None = None) -> Checked:
    """Check the examples of every rule of `packs` (pack ids; default all) in `rules`."""
    wanted = None if packs is None else set(packs)
    chosen = [r for r in rules.rules if wanted is None or r.id.split(".", 1)[0] in wanted]
    failures: list[str] = []
    for rule in chosen:
        failures += _check(rules, rule)
    return Checked(len(chosen), sum(len(r.examples) for r in chosen), sum(len(r.counterexamples) for r in chosen),
                   tuple(failures))


def _check(rules: RuleSet, rule: Rule) -> list[str]:
    failures = []
    for text, expected in rule.examples:
        fields = rules.match(rule, text)
        if fields is None:
            failures.append(f"{rule.id}: does not match its example {text!r}")
            continue
        for name, value in expected:
            if fields.get(name) != value:
                failures.append(f"{rule.id}: reads {name}={fields.get(name)!r} from {text!r}, its example says {value!r}")
    for text in rule.counterexamples:
        if rules.match(rule, text) is not None:
            failures.append(f"{rule.id}: matches its counterexample {text!r}")
    return failures
