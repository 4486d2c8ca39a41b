"""The stage list: one signature for every stage, the loop, and each stage alone."""

from __future__ import annotations

import copy
import inspect
import json
from pathlib import Path

import pytest

from corpusprep import CleanOptions, clean
from corpusprep.cleaning.findings import Found
from corpusprep.cleaning.prepare import prepare
from corpusprep.cleaning.stages import STAGES, Context, run_stages
from corpusprep.rules.compile import default_rules

DATA = Path(__file__).parents[1] / "data"
SEEDS = sorted((Path(__file__).parents[2] / "seeds").glob("*.txt"))
DEVSET = [json.loads(line)["text"] for line in (DATA / "devset.jsonl").read_text(encoding="utf-8").splitlines()[:12]]
PAGES = [p.read_text(encoding="utf-8") for p in SEEDS] + DEVSET


def test_every_stage_has_the_one_signature():
    for stage in STAGES:
        params = list(inspect.signature(stage).parameters)
        assert params == ["paras", "ctx"], stage.__name__
        assert stage.__doc__, f"{stage.__name__} says what it does"


@pytest.mark.parametrize("page", PAGES[:8])
def test_no_stage_changes_what_came_before(page):
    """A stage reads the running findings and returns its own; the loop alone absorbs them."""
    paras, found = prepare(page)
    ctx = Context(default_rules(), CleanOptions(), found)
    for stage in STAGES:
        before = copy.deepcopy(ctx.found)
        paras, findings = stage(paras, ctx)
        assert ctx.found == before, stage.__name__
        assert isinstance(findings, Found)
        ctx.found.absorb(findings)


@pytest.mark.parametrize("page", PAGES)
def test_the_loop_is_clean(page):
    """Running the list by hand gives the body `clean()` gives."""
    paras, found = prepare(page)
    kept = run_stages(paras, Context(default_rules(), CleanOptions(), found))
    assert "\n\n".join(p.text for p in kept) == clean(page).text


def test_a_shorter_list_runs_only_its_stages():
    """Without the head stage the title stays in the body, and nothing reads it as metadata."""
    page = "Council extends library hours\n\nBy Jane Doe\n\n" + "The council voted on Monday to keep the library open later. " * 4
    paras, found = prepare(page)
    ctx = Context(default_rules(), CleanOptions(), found)
    kept = run_stages(paras, ctx, [s for s in STAGES if s.__name__ != "head"])
    assert kept[0].text == "Council extends library hours"
    assert "title" not in ctx.found.fields and "authors" not in ctx.found.fields
    paras, found = prepare(page)
    ctx = Context(default_rules(), CleanOptions(), found)
    kept = run_stages(paras, ctx)
    assert ctx.found.fields["title"] == "Council extends library hours" and ctx.found.fields["authors"] == ["Jane Doe"]
    assert kept[0].text.startswith("The council voted")


def test_options_reach_the_stages_whole():
    """The language stage and the foreign-notice stage read the same options object."""
    page = "The council voted on Monday to keep the library open later than before. " * 6
    paras, found = prepare(page)
    ctx = Context(default_rules(), CleanOptions(detect_language=False), found)
    run_stages(paras, ctx)
    assert ctx.found.language is None
    paras, found = prepare(page)
    ctx = Context(default_rules(), CleanOptions(), found)
    run_stages(paras, ctx)
    assert ctx.found.language == "en"
