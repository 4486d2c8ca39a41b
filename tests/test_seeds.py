"""The five seeds: every field of clean() equals seeds/expected/*.json exactly."""

from __future__ import annotations

import json

import pytest

from corpusprep import clean

from .conftest import DATA, SEEDS, seed_paths

SEED_REMOVALS = json.loads((DATA / "seed_removals.json").read_text(encoding="utf-8"))


def _expected(stem: str) -> dict:
    return json.loads((SEEDS / "expected" / f"{stem}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.stem)
def test_seed_fields_match_expected_exactly(path):
    expected = _expected(path.stem)
    got = clean(path.read_text(encoding="utf-8")).to_dict()
    for name, value in expected.items():
        if name != "removed":  # the expected files describe removals in prose, not rule ids
            assert got[name] == value, name
    assert got["rejected"] is None


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.stem)
def test_seed_removals_are_attributed_to_the_pinned_rules(path):
    doc = clean(path.read_text(encoding="utf-8"))
    assert [r.rule for r in doc.removed] == SEED_REMOVALS[path.stem]
    assert len(doc.removed) >= len(_expected(path.stem)["removed"])


@pytest.mark.parametrize("path", seed_paths(), ids=lambda p: p.stem)
def test_seed_bytes_clean_like_text(path):
    """Bytes (UTF-8, with a BOM, CRLF line endings) clean to the same document as the text."""
    text = path.read_text(encoding="utf-8")
    raw = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    assert clean(raw) == clean(text)


def test_every_removal_text_occurs_in_the_unmarked_input(seeds):
    """An audit entry quotes text that really stood in the input (after markup was removed)."""
    from corpusprep.cleaning.unmark import unmark

    for raw in seeds.values():
        paras, _, _ = unmark(raw)
        by_index = {}
        for p in paras:
            by_index.setdefault(p.index, []).append(p.text)
        for removal in clean(raw).removed:
            assert any(removal.text in text for text in by_index[removal.index]), removal
