"""Every match of a query of words, scored in one pass over each posting list.

Whoosh scores by walking a tree of matchers document by document in Python (about a microsecond per
posting and tree level), and the count and facets then read the postings a second time. The search
box makes queries of one shape: each word an OR of its spellings and lemma in title and text, the
words ANDed, tags ANDed with no weight, NOT words apart. For those this reads each posting list
once, a packed block at a time (an AND's larger parts only in blocks that hold a candidate left by
its smaller ones), computes Whoosh's own BM25F score for each posting, and gives the top hits, the
count and the facets from one {document: score} dict. Phrases, prefixes, fuzzy terms and sorting
by date stay with Whoosh.
"""

from __future__ import annotations

import heapq
from collections.abc import Container, Iterator
from typing import NamedTuple

from whoosh import query as wq
from whoosh.scoring import BM25F
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length

from viewer.search.codec import posting_blocks
from viewer.search.docsets import estimate_matches

_BYTE_LENGTHS = [byte_to_length(b) for b in range(256)]


class _Candidates(NamedTuple):
    """Documents an AND's smaller parts left: membership, and in order for passing over blocks."""

    members: Container[int]
    ordered: list[int]


class MatchScorer:
    """Scores for one searcher's segments; make a new one after `Searcher.refresh()`."""

    def __init__(self, searcher: Searcher):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.weighting = searcher.weighting
        self.leaves = [(leaf.reader(), offset) for leaf, offset in searcher.leaf_searchers()]
        self._norms: dict[str, list[float]] = {}

    def supports(self, q: wq.Query) -> bool:
        return type(self.weighting) is BM25F and self._supported(q)

    def _supported(self, q: wq.Query) -> bool:
        kind = type(q)
        if kind is wq.Term:
            field = self.searcher.schema[q.fieldname] if q.fieldname in self.searcher.schema else None
            return field is not None and field.scorable and isinstance(q.text, str)
        if kind is wq.Or:
            return not q.scale and not q.minmatch and all(map(self._supported, q.subqueries))
        if kind is wq.And:
            positive = [sub for sub in q.subqueries if type(sub) is not wq.Not]
            return bool(positive) and all(self._supported(sub if type(sub) is not wq.Not else sub.query)
                                          for sub in q.subqueries)
        if kind is wq.AndNot:
            return self._supported(q.a) and self._supported(q.b)
        return False

    def scores(self, q: wq.Query) -> dict[int, float]:
        """{document number: score} of every live document `q` matches (`supports(q)` first)."""
        return self._scores(q, None)

    @staticmethod
    def top(scores: dict[int, float], limit: int) -> list[tuple[int, float]]:
        """The best (document, score) pairs; equal scores in document order, as Whoosh ranks them."""
        return heapq.nlargest(limit, scores.items(), key=lambda item: (item[1], -item[0]))

    def _scores(self, q: wq.Query, within: _Candidates | None) -> dict[int, float]:
        kind = type(q)
        if kind is wq.Term:
            return self._term(q.fieldname, q.text, q.boost, within)
        found: dict[int, float]
        if kind is wq.Or:
            found = {}
            for sub in q.subqueries:
                for docnum, score in self._scores(sub, within).items():
                    found[docnum] = found[docnum] + score if docnum in found else score
        elif kind is wq.And:
            found = self._and(q.subqueries, within)
        else:  # AndNot
            found = self._scores(q.a, within)
            if found:
                excluded = self._scores(q.b, _candidates(found))
                found = {docnum: score for docnum, score in found.items() if docnum not in excluded}
        if q.boost != 1.0 and (kind is wq.AndNot or len(q.subqueries) > 1):  # Whoosh drops a lone part's
            found = {docnum: score * q.boost for docnum, score in found.items()}
        return found

    def _and(self, subqueries: list[wq.Query], within: _Candidates | None) -> dict[int, float]:
        parts = sorted((sub for sub in subqueries if type(sub) is not wq.Not), key=lambda sub: estimate_matches(self.reader, sub))
        found = self._scores(parts[0], within)
        for part in parts[1:]:
            if not found:
                return found
            more = self._scores(part, _candidates(found))
            found = {docnum: score + more[docnum] for docnum, score in found.items() if docnum in more}
        for sub in subqueries:
            if type(sub) is wq.Not and found:
                excluded = self._scores(sub.query, _candidates(found))
                # Whoosh matches a NOT part with an inverse matcher, which adds its weight, 1.0.
                found = {docnum: score + 1.0 for docnum, score in found.items() if docnum not in excluded}
        return found

    def _term(self, fieldname: str, text: str, boost: float, within: _Candidates | None) -> dict[int, float]:
        searcher = self.searcher
        if not self.reader.doc_frequency(fieldname, text):
            return {}
        # Whoosh's BM25F per posting times the term's boost, in its order of operations: the same floats.
        idf = searcher.idf(fieldname, text)
        k1_plus_1 = self.weighting.K1 + 1
        norms = self._field_norms(fieldname)
        found: dict[int, float] = {}
        for reader, offset in self.leaves:
            if (fieldname, text) not in reader:
                continue
            for ids, weights in posting_blocks(reader.postings(fieldname, text), within and within.ordered, offset):
                pairs: Iterator[tuple[int, float]] = zip(ids if not offset else [n + offset for n in ids], weights,
                                                         strict=True)
                if within is not None:
                    members = within.members
                    pairs = ((n, w) for n, w in pairs if n in members)
                found.update({n: idf * ((w * k1_plus_1) / (w + norms[n])) * boost for n, w in pairs})
        return found

    def _field_norms(self, fieldname: str) -> list[float]:
        """K1 · ((1 − B) + B · length / average length) of each document: BM25's length part."""
        norms = self._norms.get(fieldname)
        if norms is None:
            weighting = self.weighting
            k1 = weighting.K1
            b = weighting._field_B.get(fieldname, weighting.B)
            average = self.searcher.avg_field_length(fieldname) or 1
            norms = [k1 * ((1 - b) + b * length / average) for length in self._field_lengths(fieldname)]
            self._norms[fieldname] = norms
        return norms

    def _field_lengths(self, fieldname: str) -> list[float]:
        lengths: list[float] = []
        for reader, _ in self.leaves:
            column = getattr(reader, "_perdoc", None)
            column = column and column._readers.get(f"_{fieldname}_len")  # preloaded by the searcher
            if isinstance(column, bytes) and len(column) == reader.doc_count_all():
                lengths += map(_BYTE_LENGTHS.__getitem__, column)
            else:
                lengths += [reader.doc_field_length(n, fieldname, 1) or 1 for n in range(reader.doc_count_all())]
        return lengths


def _candidates(found: dict[int, float]) -> _Candidates:
    return _Candidates(found, sorted(found))
