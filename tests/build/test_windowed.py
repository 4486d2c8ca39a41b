"""The one ordered map both engines use: results in input order, never more than the window in flight."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from corpusprep.build.windowed import batches, windowed_map


@given(st.lists(st.integers(), max_size=300), st.integers(1, 70), st.integers(1, 9))
def test_results_come_back_in_input_order_with_a_bounded_window(items, size, window):
    in_flight: list[list[int]] = []
    most = 0

    def submit(batch):
        nonlocal most
        in_flight.append(batch)
        most = max(most, len(in_flight))
        return [x * 2 for x in reversed(batch)]  # what comes back is not in order by itself

    def collect(batch, handle):
        assert in_flight.pop(0) is batch  # collected oldest first
        return list(reversed(handle))

    assert list(windowed_map(batches(items, size), submit, collect, window)) == [x * 2 for x in items]
    assert most <= window and in_flight == []


def test_batches_cut_the_items_in_order():
    assert list(batches(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
    assert list(batches([], 3)) == []
