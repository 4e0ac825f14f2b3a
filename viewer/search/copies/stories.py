"""Stories: groups of near duplicates across the archive (a story and its republished variants).

A story is the set of articles linked by near duplicates (each at `NEAR_DUPLICATE` or more from
another of the group); an article with none is a story of its own. The groups come from the LSH band
keys the searcher has already sorted (near_duplicates.py): each run of equal keys is a bucket of
candidates, each candidate pair is checked with its signatures, and the pairs that hold are joined
(label propagation in numpy). No pass over all pairs of articles, nor over all pairs of a bucket: each
article of a bucket is compared with the bucket's first article and with its neighbour in it, which
at 200,000 articles (a bucket can hold dozens of variants) keeps the candidates to a few per article.
Results, tag counts and the duplicates view all use these groups, so their counts agree."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh.searching import Searcher

from viewer.core.steps import Cancel, never, stop_if_cancelled
from viewer.search.copies.fingerprints import NEAR_DUPLICATE, PERMUTATIONS
from viewer.search.copies.near_duplicates import NearDuplicates

CHUNK = 1 << 16  # candidate pairs whose signatures are compared at once (bounds the memory: ~40 MB)


class Stories:
    """One searcher's stories (make a new one when the searcher is refreshed): each document's label,
    its story's smallest docnum (`group_labels`, or as the indexer kept them: kept_tables.py)."""

    def __init__(self, searcher: Searcher, labels: npt.NDArray[np.int64]):
        self.searcher = searcher
        self.labels = labels

    def count(self, docnums: Sequence[int] | npt.NDArray[Any]) -> int:
        """How many stories these documents are."""
        return len(np.unique(self.labels[np.asarray(docnums, dtype=np.int64)]))

    def shared(self, docnums: Sequence[int] | npt.NDArray[Any]) -> npt.NDArray[Any]:
        """The story label of each of `docnums` whose story holds another of them; -1 for the others."""
        labels = self.labels[np.asarray(docnums, dtype=np.int64)]
        if not len(labels):
            return labels
        _, story, sizes = np.unique(labels, return_inverse=True, return_counts=True)
        shared: npt.NDArray[Any] = np.where(sizes[story] > 1, labels, -1)
        return shared

    def groups(self) -> list[list[int]]:
        """Every story of two articles or more (docnums ascending), largest first."""
        order = np.argsort(self.labels, kind="stable")
        labels = self.labels[order]
        starts = np.flatnonzero(np.r_[True, labels[1:] != labels[:-1]])
        sizes = np.diff(np.r_[starts, len(labels)])
        found = [order[start:start + size].tolist() for start, size in zip(starts, sizes, strict=True) if size > 1]
        return sorted(found, key=lambda group: (-len(group), group[0]))


def group_labels(near: NearDuplicates, cancel: Cancel = never) -> npt.NDArray[np.int64]:
    """Each document's story label (its story's smallest docnum), grouped from the near duplicates;
    `cancel` is asked between chunks (CancelledError).

    One band at a time: its candidate pairs,
    less those already in one story (an earlier band joined them: checking them changes no story),
    are checked with their signatures and joined. The groups are those of every band's pairs at once,
    with a band's pairs in memory instead of all (~3 GB at a million articles of republished news)."""
    reader = near.searcher.reader()
    total = reader.doc_count_all()
    live = np.ones(total, dtype=bool)
    if reader.has_deletions():  # else every document is live: no walk over them in Python
        live[:] = False
        live[np.fromiter(reader.all_doc_ids(), dtype=np.int64)] = True
    labels = np.arange(total, dtype=np.int64)
    for keys, docs in near.band_runs():
        stop_if_cancelled(cancel)
        first, second = _candidate_pairs(keys, docs)
        apart = labels[first] != labels[second]
        first, second = first[apart], second[apart]
        if not len(first):
            continue
        keep = np.zeros(len(first), dtype=bool)
        for at in range(0, len(first), CHUNK):
            stop_if_cancelled(cancel)
            one, other = first[at:at + CHUNK], second[at:at + CHUNK]
            same = np.count_nonzero(near.signatures_of(one) == near.signatures_of(other), axis=1)
            keep[at:at + CHUNK] = (same >= NEAR_DUPLICATE * PERMUTATIONS) & live[one] & live[other]
        labels = _components(labels, first[keep], second[keep])
    return labels


Pairs = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]


def _candidate_pairs(keys: npt.NDArray[np.unsignedinteger[Any]], docs: npt.NDArray[np.uint32]) -> Pairs:
    """Pairs of documents sharing a band key (runs of equal sorted keys): each member of a run with
    the run's first member and with the member before it; each pair once, smaller docnum first."""
    empty = np.zeros(0, dtype=np.int64)
    if len(keys) < 2:
        return empty, empty
    # Only the members of runs of two or more make pairs: the rest (nearly every key) is left out
    # before the arrays of positions are made (8 bytes a key each).
    same = keys[1:] == keys[:-1]
    shared = np.zeros(len(keys), dtype=bool)
    shared[1:] |= same
    shared[:-1] |= same
    members = np.flatnonzero(shared)
    if not len(members):
        return empty, empty
    keys, docs = keys[members], docs[members]
    docs64 = docs.astype(np.int64)
    new_run = np.r_[True, keys[1:] != keys[:-1]]
    run_start = np.maximum.accumulate(np.where(new_run, np.arange(len(keys)), 0))
    inside = ~new_run  # every member but a run's first
    at = np.flatnonzero(inside)
    firsts = np.concatenate([docs64[run_start[at]], docs64[at - 1]])
    seconds = np.concatenate([docs64[at], docs64[at]])
    low, high = np.minimum(firsts, seconds), np.maximum(firsts, seconds)
    distinct = low != high
    width = int(docs64.max()) + 1
    codes = low[distinct] * width + high[distinct]
    # Sorted, then each once. Not np.unique: numpy's hashing unique takes seconds on these codes
    # (multiples of `width` apart, they crowd its hash table's buckets).
    codes.sort()
    codes = codes[np.r_[True, codes[1:] != codes[:-1]]] if len(codes) else codes
    return codes // width, codes % width


def _components(labels: npt.NDArray[np.int64], first: npt.NDArray[np.int64],
                second: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Each document's group label (its group's smallest docnum), the groups of `labels` (each
    document's group's smallest docnum) joined by the pairs: each pair's larger label is hooked onto
    its smaller, then labels jump to their roots, until stable."""
    while len(first):
        one, other = labels[first], labels[second]
        low = np.minimum(one, other)
        hooked = labels.copy()
        np.minimum.at(hooked, one, low)
        np.minimum.at(hooked, other, low)
        while True:
            jumped = hooked[hooked]
            if np.array_equal(jumped, hooked):
                break
            hooked = jumped
        if np.array_equal(hooked, labels):
            break
        labels = hooked
    return labels
