"""Every match of a query of words, scored in one pass over each posting list.

Whoosh scores by walking a tree of matchers document by document in Python (about a microsecond per
posting and tree level), and the count and facets then read the postings a second time. The search
box makes queries of one shape: each word an OR of its spellings and lemma in title and text, the
words ANDed, tags ANDed with no weight, NOT words apart. For those this reads each posting list
once, a packed block at a time (an AND's larger parts only in blocks that hold a candidate left by
its smaller ones), computes Whoosh's own BM25F score for each posting with numpy, block arrays at a
time (the same float64 operations in the same order as Whoosh's Python, so the same bits), and gives
the top hits, the count and the facets from one sorted array of documents and their scores.
Which queries it takes is the plan's `scorable` (query_plan.py); the walk over them is plan_walk's,
this is its algebra of scored arrays. Prefixes, fuzzy terms and sorting by date stay with Whoosh.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, NamedTuple

import numpy as np
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from viewer.search.format.bulk_postings import (
    TermReading,
    member_posting_weights,
    posting_positions,
    posting_weights,
)
from viewer.search.format.codec import ArrayLeafMatcher
from viewer.search.format.fast_prefix import prefix_documents
from viewer.search.format.internals import bm25_field_b, field_lengths
from viewer.search.format.sorted_ids import common_ids, unique_ids
from viewer.search.query.plan import ExpansionPlan, PhrasePlan, Plan, TermPlan
from viewer.search.query.plan_walk import walk

_NO_IDS = np.zeros(0, dtype=np.int64)
_NO_SCORES = np.zeros(0, dtype=np.float64)


class Scored(Mapping[int, float]):
    """{document number: score} of the matches, held as two arrays sorted by document number."""

    def __init__(self, ids: np.ndarray[Any, Any], scores: np.ndarray[Any, Any]):
        self.ids = ids
        self.scores = scores

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self) -> Iterator[int]:
        return iter(self.ids.tolist())

    def __getitem__(self, docnum: int) -> float:
        at = int(np.searchsorted(self.ids, docnum))
        if at == len(self.ids) or self.ids[at] != docnum:
            raise KeyError(docnum)
        return float(self.scores[at])


_EMPTY = Scored(_NO_IDS, _NO_SCORES)


class _PhraseWord(NamedTuple):
    """A phrase's word: its documents, and their scores at some of their places."""

    ids: np.ndarray[Any, Any]
    scores_at: Callable[[np.ndarray[Any, Any]], np.ndarray[Any, Any]]


class _Candidates(NamedTuple):
    """Documents an AND's smaller parts left: membership (one flag per document), and in order for
    passing over blocks."""

    members: np.ndarray[Any, Any]
    ordered: np.ndarray[Any, Any]


class MatchScorer:
    """Scores for one searcher's segments; make a new one after `Searcher.refresh()`."""

    def __init__(self, searcher: Searcher):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.weighting = searcher.weighting
        self.leaves = [(leaf.reader(), offset) for leaf, offset in searcher.leaf_searchers()]
        self.doc_count = self.reader.doc_count_all()
        self._norms: dict[str, np.ndarray[Any, Any]] = {}

    def supports(self, plan: Plan) -> bool:
        return type(self.weighting) is BM25F and plan.scorable

    def scores(self, plan: Plan) -> Scored:
        """{document number: score} of every live document the plan matches (`supports(plan)` first)."""
        return walk(plan, self)

    @staticmethod
    def top(scored: Scored, limit: int) -> list[tuple[int, float]]:
        """The best (document, score) pairs; equal scores in document order, as Whoosh ranks them."""
        ids, scores = scored.ids, scored.scores
        if len(ids) >= _CHUNK * limit:
            chosen = _best_places(scores, limit)
            ids, scores = ids[chosen], scores[chosen]
        elif len(ids) > limit:
            # Every document scoring at least the limit-th best, ties included, then ordered exactly.
            keep = scores >= np.partition(scores, len(scores) - limit)[len(scores) - limit]
            ids, scores = ids[keep], scores[keep]
        order = np.lexsort((ids, -scores))[:limit]
        return [(int(ids[i]), float(scores[i])) for i in order]

    # The algebra plan_walk.walk evaluates a plan with: documents and their scores.

    def term(self, node: TermPlan, within: _Candidates | None) -> Scored:
        return self._term(node.fieldname, node.text, node.boost, within, node.estimate)

    def expansion(self, node: ExpansionPlan, within: _Candidates | None) -> Scored:
        """A FastPrefix: its documents at the query's boost, as Whoosh's ListMatcher scores them."""
        if not node.scorable:
            raise ValueError("fuzzy terms, wildcards and ranges are scored by Whoosh")
        ordered = within.ordered if within is not None else None
        parts = [prefix_documents(node.query, reader, ordered, offset) for reader, offset in self.leaves]
        # Each part is its segment's distinct documents in order, the segments in order: sorted, no repeats.
        ids = np.concatenate(parts) if parts else _NO_IDS
        if within is not None:
            ids = ids[within.members[ids]]
        return Scored(ids, np.full(len(ids), float(node.query.boost)))

    def opaque(self, node: Plan, within: _Candidates | None) -> Scored:
        raise ValueError(f"not scored here: {node.query!r}")

    def everything(self, within: _Candidates | None) -> Scored:
        raise ValueError("every document is scored by Whoosh")

    def complement(self, inner: Scored, within: _Candidates | None) -> Scored:
        raise ValueError("a NOT alone is scored by Whoosh")

    def nothing(self) -> Scored:
        return _EMPTY

    def is_empty(self, found: Scored) -> bool:
        return not len(found)

    def narrow(self, found: Scored) -> _Candidates:
        members = np.zeros(self.doc_count, dtype=bool)
        members[found.ids] = True
        return _Candidates(members, found.ids)

    def union(self, parts: list[Scored]) -> Scored:
        parts = [part for part in parts if len(part)]
        if len(parts) <= 1:
            return parts[0] if parts else _EMPTY
        # Added in the parts' order, as Whoosh's union matcher does (0.0 + a is a, to the bit).
        total = np.zeros(self.doc_count, dtype=np.float64)
        present = np.zeros(self.doc_count, dtype=bool)
        for part in parts:
            total[part.ids] += part.scores
            present[part.ids] = True
        ids = np.flatnonzero(present)
        return Scored(ids, total[ids])

    def meet(self, found: Scored, more: Scored) -> Scored:
        _, mine, theirs = common_ids(found.ids, more.ids)
        return Scored(found.ids[mine], found.scores[mine] + more.scores[theirs])

    def without(self, found: Scored, excluded: Scored) -> Scored:
        keep = ~np.isin(found.ids, excluded.ids, assume_unique=True)
        return Scored(found.ids[keep], found.scores[keep])

    def after_not(self, found: Scored) -> Scored:
        return Scored(found.ids, found.scores + 1.0)  # Whoosh's inverse matcher's weight, 1.0

    def boosted(self, found: Scored, boost: float) -> Scored:
        return Scored(found.ids, found.scores * boost)

    def phrase(self, q: PhrasePlan, within: _Candidates | None) -> Scored:
        """Whoosh matches a phrase as its words ANDed (scored as terms of boost 1, summed as a binary
        tree) in the documents where they stand at consecutive positions, times the phrase's boost."""
        if not all(q.frequencies):
            return _EMPTY
        readings: list[list[TermReading | None]] = [[] for _ in q.words]  # each word's, per segment
        words = [self._phrase_word(q.fieldname, word, within, kept) for word, kept in zip(q.words, readings, strict=True)]
        if not all(len(word.ids) for word in words):
            return _EMPTY
        ids = words[0].ids
        for word in sorted(words[1:], key=lambda word: len(word.ids)):
            ids = common_ids(ids, word.ids)[0]
            if not len(ids):
                return _EMPTY
        ids = self._consecutive(q.fieldname, q.words, ids, readings)
        if not len(ids):
            return _EMPTY
        scores = _tree_sum([word.scores_at(np.searchsorted(word.ids, ids)) for word in words])
        return Scored(ids, scores * q.boost if q.boost != 1.0 else scores)

    def _phrase_word(self, fieldname: str, text: str, within: _Candidates | None,
                     readings: list[TermReading | None]) -> _PhraseWord:
        """A phrase's word: its documents (`within` only), scored as `_term` scores them, but only for
        the documents the phrase matches in the end (a common word's weights and BM25 for every
        posting were most of its scoring); each segment's postings are kept in `readings` (a
        TermReading, or None where they are not in ArrayCodec's blocks) for the positions."""
        ordered = within.ordered if within is not None else None
        id_parts: list[np.ndarray[Any, Any]] = []
        weight_parts: list[TermReading | np.ndarray[Any, Any]] = []
        for reader, offset in self.leaves:
            if (fieldname, text) in reader:
                matcher = reader.postings(fieldname, text)
                if isinstance(matcher, ArrayLeafMatcher) and matcher.is_active():
                    reading = TermReading(matcher, ordered, offset)
                    readings.append(reading)
                    id_parts.append(reading.ids)
                    weight_parts.append(reading)
                else:
                    readings.append(None)
                    ids, weights = posting_weights(matcher, ordered, offset)
                    id_parts.append(ids)
                    weight_parts.append(weights)
        docnums = np.concatenate(id_parts) if id_parts else _NO_IDS
        kept = np.flatnonzero(within.members[docnums]) if within is not None else None
        starts = np.cumsum([0, *(len(part) for part in id_parts[:-1])])
        idf = self.searcher.idf(fieldname, text)
        k1_plus_1 = self.weighting.K1 + 1
        norms = self._field_norms(fieldname)

        def scores_at(places: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
            where = kept[places] if kept is not None else places
            part_of = np.searchsorted(starts, where, side="right") - 1
            w = np.empty(len(where), dtype=np.float64)
            for n, part in enumerate(weight_parts):
                chosen = np.flatnonzero(part_of == n)
                if len(chosen):
                    local = where[chosen] - starts[n]
                    w[chosen] = part.weights_at(local) if isinstance(part, TermReading) else part[local]
            # _term's BM25F, in its order of operations (boost 1): the same floats.
            found: np.ndarray[Any, Any] = idf * ((w * k1_plus_1) / (w + norms[docnums[where]])) * 1.0
            return found

        return _PhraseWord(docnums[kept] if kept is not None else docnums, scores_at)

    def _consecutive(self, fieldname: str, words: tuple[str, ...], ids: np.ndarray[Any, Any],
                     readings: list[list[TermReading | None]]) -> np.ndarray[Any, Any]:
        """The documents of `ids` where the words stand one after another (`readings`: each word's
        postings as _term read them, per segment)."""
        members = np.zeros(self.doc_count, dtype=bool)
        members[ids] = True
        starts: np.ndarray[Any, Any] | None = None  # document << 32 | position of the phrase's first word
        for i, word in enumerate(words):
            docs_at, positions = [], []
            read = iter(readings[i])
            for reader, offset in self.leaves:
                if (fieldname, word) in reader:
                    reading = next(read, None)
                    found = reading.positions(members) if reading is not None else None
                    d, p = found if found is not None else posting_positions(
                        reader.postings(fieldname, word), members, offset)
                    docs_at.append(d)
                    positions.append(p)
            docs, at = np.concatenate(docs_at), np.concatenate(positions) - i
            # In document order and each document's positions in order: sorted already, unless not.
            keys = unique_ids((docs[at >= 0] << 32) | at[at >= 0])
            starts = keys if starts is None else common_ids(starts, keys)[0]
            if not len(starts):
                break
        return unique_ids(starts >> 32) if starts is not None else ids[:0]

    def _term(self, fieldname: str, text: str, boost: float, within: _Candidates | None,
              frequency: float | None = None) -> Scored:
        searcher = self.searcher
        if not (self.reader.doc_frequency(fieldname, text) if frequency is None else frequency):
            return _EMPTY
        id_parts: list[Any] = []
        weight_parts: list[Any] = []
        for reader, offset in self.leaves:
            if (fieldname, text) in reader:
                matcher = reader.postings(fieldname, text)
                if within is None:
                    ids, weights = posting_weights(matcher, None, offset)
                else:
                    ids, weights = member_posting_weights(matcher, within.ordered, within.members, offset)
                id_parts.append(ids)
                weight_parts.append(weights)
        if not id_parts:
            return _EMPTY
        docnums, w = np.concatenate(id_parts), np.concatenate(weight_parts)
        # Whoosh's BM25F per posting times the term's boost, in its order of operations: the same floats.
        idf = searcher.idf(fieldname, text)
        k1_plus_1 = self.weighting.K1 + 1
        norms = self._field_norms(fieldname)
        return Scored(docnums, idf * ((w * k1_plus_1) / (w + norms[docnums])) * boost)

    def _field_norms(self, fieldname: str) -> np.ndarray[Any, Any]:
        """K1 · ((1 − B) + B · length / average length) of each document: BM25's length part."""
        norms = self._norms.get(fieldname)
        if norms is None:
            weighting = self.weighting
            k1 = weighting.K1
            b = bm25_field_b(weighting, fieldname)
            average = self.searcher.avg_field_length(fieldname) or 1
            norms = k1 * ((1 - b) + b * self._field_lengths(fieldname) / average)
            self._norms[fieldname] = norms
        return norms

    def _field_lengths(self, fieldname: str) -> np.ndarray[Any, Any]:
        lengths = [field_lengths(reader, fieldname) for reader, _ in self.leaves]  # preloaded by the searcher
        return np.concatenate(lengths) if lengths else _NO_SCORES


_CHUNK = 64  # scores per chunk whose best gives top()'s threshold


def _best_places(scores: np.ndarray[Any, Any], limit: int) -> np.ndarray[Any, Any]:
    """Places of a few scores holding the `limit` best by (score descending,
    place): every score above a threshold and the first places scoring it.

    np.partition takes ~10 ms for 100,000 scores of three values (a prefix's, tied by the thousand),
    ~20 ms for a million. The `limit`-th best of the chunks' best scores is a threshold no higher
    than the `limit`-th best score; at most `limit` - 1 chunks hold a score above it, so few do, and
    at least `limit` scores reach it, so the first ones that equal it complete the best."""
    whole = len(scores) // _CHUNK * _CHUNK
    chunk_best = scores[:whole].reshape(-1, _CHUNK).max(axis=1)
    if whole < len(scores):
        chunk_best = np.append(chunk_best, scores[whole:].max())
    threshold = np.partition(chunk_best, len(chunk_best) - limit)[len(chunk_best) - limit]
    above = np.flatnonzero(scores > threshold)
    if len(above) >= limit:
        return above
    level = np.flatnonzero(scores == threshold)[:limit - len(above)]
    places: np.ndarray[Any, Any] = np.concatenate((above, level))
    return places


def _tree_sum(parts: list[np.ndarray[Any, Any]]) -> np.ndarray[Any, Any]:
    """a + b, a + (b + c), (a + b) + (c + d): the grouping of Whoosh's make_binary_tree."""
    if len(parts) == 1:
        return parts[0]
    half = len(parts) // 2
    total: np.ndarray[Any, Any] = _tree_sum(parts[:half]) + _tree_sum(parts[half:])
    return total
