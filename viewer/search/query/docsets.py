"""Every document a query matches, as a set, for the result count and the tag facets.

Whoosh's `docs_for_query` walks the query's matchers document by document in Python; the count and
facets need no scores or positions, so most query shapes are answered with set algebra over the
terms' posting lists, read a block at a time. An AND starts from its smallest part; a large term
is then only probed for the few candidates left (a tag filter, a rare word) instead of read whole.
Phrases and anything unusual fall back to Whoosh. The walk over the query is plan_walk's, shared with
scoring; this is its algebra of sets.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from whoosh.searching import Searcher

from viewer.search.format.codec import posting_blocks
from viewer.search.format.fast_prefix import FastPrefix, prefix_documents
from viewer.search.format.internals import expanded_terms
from viewer.search.query.plan import ExpansionPlan, PhrasePlan, Plan, TermPlan
from viewer.search.query.plan_walk import walk

_BLOCK = 128  # postings per block (W3Codec's blocklimit)


def _leaf_ids(matcher: Any) -> Iterable[int]:
    ids: list[int] = []
    for block_ids, _weights in posting_blocks(matcher):
        ids.extend(block_ids)
    return ids


def held(matcher: Any, candidates: list[int]) -> Iterator[int]:
    """Each of the sorted `candidates` the matcher holds, the matcher left on it (to read its value);
    blocks without a candidate are never decoded."""
    for docnum in candidates:
        if not matcher.is_active():
            return
        if matcher.id() < docnum:
            matcher.skip_to(docnum)
            if not matcher.is_active():
                return
        if matcher.id() == docnum:
            yield docnum


def _probe(matcher: Any, candidates: list[int]) -> list[int]:
    """The sorted `candidates` the matcher holds."""
    return list(held(matcher, candidates))


class DocSets:
    """Set algebra over one searcher's segments; build a new one after `Searcher.refresh()`."""

    def __init__(self, searcher: Searcher):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.leaves = [(leaf.reader(), offset) for leaf, offset in searcher.leaf_searchers()]
        self._live: set[int] | None = None

    def live(self) -> set[int]:
        if self._live is None:
            self._live = set(self.reader.all_doc_ids())
        return self._live

    def matching(self, plan: Plan) -> set[int]:
        """The live documents the plan matches."""
        found = walk(plan, self)
        return found & self.live() if self.reader.has_deletions() else found

    def term(self, node: TermPlan, within: set[int] | None) -> set[int]:
        fieldname, text = node.fieldname, node.text
        frequency = node.estimate  # the term's document frequency
        if not frequency:
            return set()
        probe = within is not None and len(within) * 2 * _BLOCK < frequency
        candidates = sorted(within) if probe and within is not None else []
        found: set[int] = set()
        for reader, offset in self.leaves:
            if (fieldname, text) not in reader:
                continue
            matcher = reader.postings(fieldname, text)
            if probe:
                end = offset + reader.doc_count_all()
                local = [n - offset for n in candidates if offset <= n < end]
                ids: Iterable[int] = _probe(matcher, local)
            else:
                ids = _leaf_ids(matcher)
            found.update(ids if not offset else (offset + n for n in ids))
        return found if within is None or probe else found & within

    # The algebra plan_walk.walk evaluates a plan with: sets of document numbers.

    def phrase(self, node: PhrasePlan, within: set[int] | None) -> set[int]:
        return self.opaque(node, within)

    def expansion(self, node: ExpansionPlan, within: set[int] | None) -> set[int]:
        out: set[int] = set()
        if type(node.query) is FastPrefix and node.query.text:
            # The search box's prefix (sorted by date, or beside a phrase): its documents flagged with
            # numpy, not each term's postings decoded in Python (a common prefix has hundreds).
            for reader, offset in self.leaves:
                out.update(prefix_documents(node.query, reader, None, offset).tolist())
            return out if within is None else out & within
        for reader, offset in self.leaves:
            for btext in expanded_terms(node.query, reader):
                ids = _leaf_ids(reader.postings(node.fieldname, btext))
                out.update(ids if not offset else (offset + n for n in ids))
        return out if within is None else out & within

    def opaque(self, node: Plan, within: set[int] | None) -> set[int]:
        found = set(self.searcher.docs_for_query(node.query))
        return found if within is None else found & within

    def everything(self, within: set[int] | None) -> set[int]:
        return set(within) if within is not None else set(self.live())

    def nothing(self) -> set[int]:
        return set()

    def is_empty(self, found: set[int]) -> bool:
        return not found

    def narrow(self, found: set[int]) -> set[int]:
        return found

    def union(self, parts: list[set[int]]) -> set[int]:
        out: set[int] = set()
        for part in parts:
            out |= part
        return out

    def meet(self, found: set[int], more: set[int]) -> set[int]:
        return more  # looked for only within `found`

    def without(self, found: set[int], excluded: set[int]) -> set[int]:
        return found - excluded

    def complement(self, inner: set[int], within: set[int] | None) -> set[int]:
        return (set(within) if within is not None else set(self.live())) - inner

    def after_not(self, found: set[int]) -> set[int]:
        return found

    def boosted(self, found: set[int], boost: float) -> set[int]:
        return found
