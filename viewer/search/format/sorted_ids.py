"""Sets of document numbers (or packed document and position keys) as sorted numpy arrays.

numpy 2's `np.unique` hashes before it sorts: ~0.3 s for half a million keys that are already sorted,
the phrase check's and a prefix's usual input (each segment's postings come in document order), where
a check that they are sorted costs 0.3 ms. `np.intersect1d` sorts the two arrays joined. Both grow
faster than the matches in the slow tail of searches; these give the same arrays without a hash or a
sort when the input is sorted already, and one sort when it is not.
"""

from __future__ import annotations

from typing import Any

import numpy as np

Array = np.ndarray[Any, Any]


def unique_ids(values: Array) -> Array:
    """The distinct values of an integer array, in increasing order (what `np.unique` gives)."""
    if len(values) < 2:
        return values.copy()
    steps = values[1:] >= values[:-1]
    ordered = values if bool(np.all(steps)) else np.sort(values)
    first = np.empty(len(ordered), dtype=bool)
    first[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    kept: Array = ordered[first]
    return kept


def common_ids(a: Array, b: Array) -> tuple[Array, Array, Array]:
    """(the values in both, where each is in `a`, where in `b`) of two increasing integer arrays
    without repeats: `np.intersect1d(a, b, assume_unique=True, return_indices=True)`, by a binary
    search of the shorter in the longer."""
    if len(a) > len(b):
        both, where_b, where_a = common_ids(b, a)
        return both, where_a, where_b
    if not len(a) or not len(b):
        none = np.zeros(0, dtype=np.int64)
        return a[:0], none, none
    at = np.searchsorted(b, a)
    np.minimum(at, len(b) - 1, out=at)
    found = b[at] == a
    where: Array = np.flatnonzero(found)
    return a[where], where, at[where]
