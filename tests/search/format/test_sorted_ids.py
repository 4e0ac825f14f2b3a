"""Sorted sets of document numbers give what numpy's set functions give, on sorted input (the usual
case: postings in document order) and on input that is not sorted or holds repeats."""

from __future__ import annotations

import numpy as np
import pytest

from viewer.search.format.sorted_ids import common_ids, unique_ids

SEED = 20261207


@pytest.mark.parametrize("case", range(60))
def test_unique_ids_is_numpys_unique(case: int) -> None:
    rng = np.random.default_rng(SEED + case)
    print("seed", SEED + case)
    size = int(rng.integers(0, 400))
    values = rng.integers(0, 1 << int(rng.integers(1, 45)), size, dtype=np.int64)
    if case % 3 == 0:
        values = np.sort(values)  # sorted, repeats kept
    elif case % 3 == 1:
        values = np.unique(values)  # sorted without repeats: handed back as it is
    found = unique_ids(values)
    assert found.dtype == values.dtype
    assert np.array_equal(found, np.unique(values))


@pytest.mark.parametrize("case", range(60))
def test_common_ids_is_numpys_intersection(case: int) -> None:
    rng = np.random.default_rng(SEED + 1000 + case)
    print("seed", SEED + 1000 + case)
    top = int(rng.integers(1, 2000))
    a = np.unique(rng.integers(0, top, int(rng.integers(0, 300)), dtype=np.int64))
    b = np.unique(rng.integers(0, top, int(rng.integers(0, 300)), dtype=np.int64))
    both, in_a, in_b = common_ids(a, b)
    expected, expected_a, expected_b = np.intersect1d(a, b, assume_unique=True, return_indices=True)
    assert np.array_equal(both, expected)
    assert np.array_equal(in_a, expected_a) and np.array_equal(in_b, expected_b)
    assert np.array_equal(a[in_a], both) and np.array_equal(b[in_b], both)


def test_the_edges() -> None:
    empty = np.zeros(0, dtype=np.int64)
    one = np.array([7], dtype=np.int64)
    assert unique_ids(empty).size == 0 and list(unique_ids(one)) == [7]
    assert list(unique_ids(np.array([3, 3, 3], dtype=np.int64))) == [3]
    for a, b in ((empty, one), (one, empty), (one, one), (np.array([1, 9]), np.array([9, 10, 11]))):
        both, in_a, in_b = common_ids(a, b)
        expected, expected_a, expected_b = np.intersect1d(a, b, assume_unique=True, return_indices=True)
        assert list(both) == list(expected) and list(in_a) == list(expected_a) and list(in_b) == list(expected_b)
