"""The quality gate runs in the test suite too: no figure may fall under its pinned floor."""

from __future__ import annotations

from .eval_gate import FLOORS, check, measure


def test_quality_gate_figures_meet_their_floors():
    figures = measure()
    assert set(figures) == set(FLOORS)
    assert check(figures) == []


def test_gate_reports_a_figure_under_its_floor():
    figures = {name: floor for name, floor in FLOORS.items()}
    figures["seeds_exact"] = FLOORS["seeds_exact"] - 1
    assert check(figures) == [f"seeds_exact = {figures['seeds_exact']} is under its floor {FLOORS['seeds_exact']}"]
