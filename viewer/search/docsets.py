"""Every document a query matches, as a set, for the result count and the tag facets.

Whoosh's `docs_for_query` walks the query's matchers document by document in Python; the count and
facets need no scores or positions, so most query shapes are answered with set algebra over the
terms' posting lists, read a block at a time. Phrases and anything unusual fall back to Whoosh.
"""

from __future__ import annotations

from collections.abc import Iterable

from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.searching import Searcher


def _leaf_ids(matcher: object) -> Iterable[int]:
    if type(matcher) is W3LeafMatcher:
        ids: list[int] = []
        m = matcher
        while m.is_active():
            if m._ids is None:
                m._read_ids()
            ids.extend(m._ids[m._i:])
            m._next_block()
        return ids
    return matcher.all_ids()  # type: ignore[attr-defined]


class DocSets:
    """Set algebra over one searcher's segments; build a new one after `Searcher.refresh()`."""

    def __init__(self, searcher: Searcher):
        self.searcher = searcher
        self.leaves = [(leaf.reader(), offset) for leaf, offset in searcher.leaf_searchers()]
        self._live: set[int] | None = None

    def live(self) -> set[int]:
        if self._live is None:
            self._live = set(self.searcher.reader().all_doc_ids())
        return self._live

    def term(self, fieldname: str, text: str | bytes) -> set[int]:
        found: set[int] = set()
        for reader, offset in self.leaves:
            if (fieldname, text) not in reader:
                continue
            ids = _leaf_ids(reader.postings(fieldname, text))
            found.update(ids if not offset else (offset + n for n in ids))
        return found

    def matching(self, q: wq.Query) -> set[int]:
        """The live documents `q` matches."""
        found = self._walk(q)
        reader = self.searcher.reader()
        return found & self.live() if reader.has_deletions() else found

    def _walk(self, q: wq.Query) -> set[int]:
        if isinstance(q, wq.Term):
            return self.term(q.fieldname, q.text)
        if isinstance(q, wq.Or | wq.DisjunctionMax):
            out: set[int] = set()
            for sub in q.subqueries:
                out |= self._walk(sub)
            return out
        if isinstance(q, wq.And):
            parts = sorted((self._walk(sub) for sub in q.subqueries if not isinstance(sub, wq.Not)), key=len)
            out = parts[0] if parts else set(self.live())
            for part in parts[1:]:
                out &= part
            for sub in q.subqueries:
                if isinstance(sub, wq.Not):
                    out -= self._walk(sub.query)
            return out
        if isinstance(q, wq.AndNot):
            return self._walk(q.a) - self._walk(q.b)
        if isinstance(q, wq.AndMaybe):
            return self._walk(q.a)
        if isinstance(q, wq.Require):
            return self._walk(q.a) & self._walk(q.b)
        if isinstance(q, wq.Not):
            return set(self.live()) - self._walk(q.query)
        if isinstance(q, wq.Every):
            return set(self.live())
        if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
            return set()
        if isinstance(q, wq.MultiTerm) and not isinstance(q, wq.Variations):
            out = set()
            for reader, offset in self.leaves:
                for btext in q._btexts(reader):
                    ids = _leaf_ids(reader.postings(q.fieldname, btext))
                    out.update(ids if not offset else (offset + n for n in ids))
            return out
        return set(self.searcher.docs_for_query(q))
