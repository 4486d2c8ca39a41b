"""The compact set of ids a build has seen."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from corpusprep.build.seen_ids import SeenIds


@given(st.lists(st.text(max_size=12), max_size=300), st.integers(1, 6))
def test_an_id_is_new_exactly_the_first_time_it_is_added(ids, capacity_bits):
    seen = SeenIds(capacity=1 << capacity_bits)  # tiny tables: growth is exercised
    firsts: set[str] = set()
    for doc_id in ids:
        assert seen.add(doc_id) == (doc_id not in firsts)
        firsts.add(doc_id)
    assert len(seen) == len(firsts)


def test_a_hundred_thousand_ids():
    seen = SeenIds()
    assert all(seen.add(f"doc-{n}") for n in range(100_000))
    assert not any(seen.add(f"doc-{n}") for n in range(0, 100_000, 7))
    assert len(seen) == 100_000
