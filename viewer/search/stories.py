"""Stories: groups of near duplicates across the archive (a story and its republished variants).

A story is the set of articles linked by near duplicates (each at `NEAR_DUPLICATE` or more from
another of the group); an article with none is a story of its own. The groups come from the LSH band
keys the searcher has already sorted (near_duplicates.py): each run of equal keys is a bucket of
candidates, each candidate pair is checked with its signatures, and the pairs that hold are joined
(union-find). No pass over all pairs of articles: only articles sharing a band key are compared.
Results, tag counts and the duplicates view all use these groups, so their counts agree."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from viewer.search.facets import TagFacets
from viewer.search.fingerprints import NEAR_DUPLICATE, PERMUTATIONS
from viewer.search.near_duplicates import NearDuplicates, signatures_of

BUCKET_LIMIT = 200  # a larger bucket (boilerplate shared by hundreds of texts) is checked against its first article only


class Stories:
    """One searcher's stories (make a new one when the searcher is refreshed)."""

    def __init__(self, near: NearDuplicates):
        self.searcher = near.searcher
        reader = near.searcher.reader()
        total = reader.doc_count_all()
        live = np.zeros(total, dtype=bool)
        live[np.fromiter(reader.all_doc_ids(), dtype=np.int64)] = True
        first, second = _candidate_pairs(*near.band_runs())
        if len(first):
            signatures = signatures_of(near.searcher)
            same = np.count_nonzero(signatures[first] == signatures[second], axis=1) / PERMUTATIONS
            keep = (same >= NEAR_DUPLICATE) & live[first] & live[second]
            first, second = first[keep], second[keep]
        self.labels = _components(total, first, second)  # docnum -> its story's smallest docnum

    def count(self, docnums: Sequence[int] | npt.NDArray[Any]) -> int:
        """How many stories these documents are."""
        return len(np.unique(self.labels[np.asarray(docnums, dtype=np.int64)]))

    def shared(self, docnums: Sequence[int] | npt.NDArray[Any]) -> dict[int, int]:
        """docnum -> story label, for the documents of `docnums` whose story holds another of them."""
        chosen = np.asarray(docnums, dtype=np.int64)
        labels = self.labels[chosen]
        unique, counts = np.unique(labels, return_counts=True)
        several = np.isin(labels, unique[counts > 1])
        return dict(zip(chosen[several].tolist(), labels[several].tolist(), strict=True))

    def groups(self) -> list[list[int]]:
        """Every story of two articles or more (docnums ascending), largest first."""
        order = np.argsort(self.labels, kind="stable")
        labels = self.labels[order]
        starts = np.flatnonzero(np.r_[True, labels[1:] != labels[:-1]])
        sizes = np.diff(np.r_[starts, len(labels)])
        found = [order[start:start + size].tolist() for start, size in zip(starts, sizes, strict=True) if size > 1]
        return sorted(found, key=lambda group: (-len(group), group[0]))

    def tag_counts(self, facets: TagFacets, docnums: Sequence[int] | npt.NDArray[Any]) -> list[tuple[str, int]]:
        """(tag, stories among `docnums` carrying it): a story and its republished copies count once."""
        chosen = np.zeros(facets.doc_count, dtype=bool)
        chosen[np.asarray(docnums, dtype=np.int64)] = True
        picked = chosen[facets.pair_docs]
        tags, stories = facets.pair_tags[picked], self.labels[facets.pair_docs[picked]]
        unique_pairs = np.unique(stories * max(1, len(facets.names)) + tags)
        counts = np.bincount(unique_pairs % max(1, len(facets.names)), minlength=len(facets.names))
        return sorted(((facets.names[i], int(counts[i])) for i in np.flatnonzero(counts)),
                      key=lambda item: (-item[1], item[0]))


Pairs = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]


def _candidate_pairs(keys: npt.NDArray[np.uint64], docs: npt.NDArray[np.uint32]) -> Pairs:
    """Every pair of documents sharing a band key (runs of equal sorted keys), each pair once."""
    if not len(keys):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    sizes = np.diff(np.r_[starts, len(keys)])
    firsts: list[npt.NDArray[np.int64]] = []
    seconds: list[npt.NDArray[np.int64]] = []
    for start, size in zip(starts[sizes > 1].tolist(), sizes[sizes > 1].tolist(), strict=True):
        bucket = docs[start:start + size].astype(np.int64)
        if size > BUCKET_LIMIT:
            firsts.append(np.full(size - 1, bucket[0]))
            seconds.append(bucket[1:])
            continue
        one, other = np.triu_indices(size, k=1)
        firsts.append(bucket[one])
        seconds.append(bucket[other])
    if not firsts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    pairs = np.unique(np.sort(np.stack([np.concatenate(firsts), np.concatenate(seconds)], axis=1), axis=1), axis=0)
    return pairs[:, 0], pairs[:, 1]


def _components(total: int, first: npt.NDArray[np.int64], second: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """Each document's group label (its group's smallest docnum), the groups joined by the pairs."""
    parent: dict[int, int] = {}

    def root(node: int) -> int:
        while parent.get(node, node) != node:
            parent[node] = parent.get(parent[node], parent[node])
            node = parent[node]
        return node

    for a, b in zip(first.tolist(), second.tolist(), strict=True):
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)  # a group's root stays its smallest docnum
    labels = np.arange(total, dtype=np.int64)
    for node in parent:
        labels[node] = root(node)
    return labels
