"""`word*` as the search box means it: every document holding a term with the prefix, at one constant
score (the query's boost), instead of Whoosh's Prefix, which reads each posting's positions (0.45 s for
`راه*` at 40,000 articles). MatchScorer scores it from the same postings (query_plan marks it scorable)."""

from __future__ import annotations

from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.matching import ListMatcher, NullMatcher

from viewer.search.format.bulk_postings import posting_ids
from viewer.search.format.internals import expanded_terms


class FastPrefix(wq.Prefix):
    def matcher(self, searcher: Any, context: Any = None) -> Any:
        reader = searcher.reader()
        if not self.text or not hasattr(reader, "segment"):
            return super().matcher(searcher, context)
        ids = prefix_documents(self, reader, None)
        if not len(ids):
            return NullMatcher()
        return ListMatcher(ids.tolist(), all_weights=self.boost)


def prefix_documents(q: wq.Prefix, reader: Any, ordered: np.ndarray[Any, Any] | None, offset: int = 0,
                     ) -> np.ndarray[Any, Any]:
    """The sorted live documents (plus `offset`) of one segment holding a term `q` expands to; with
    `ordered`, only blocks holding one of those are read (the caller keeps what it wants).

    The terms' documents are flagged in one array of the segment's documents, not joined and sorted:
    a common prefix expands to hundreds of terms and as many postings as the segment has documents."""
    held = np.zeros(reader.doc_count_all(), dtype=bool)
    for btext in expanded_terms(q, reader):
        held[posting_ids(reader.postings(q.fieldname, btext), ordered, offset) - offset] = True
    found: np.ndarray[Any, Any] = np.flatnonzero(held).astype(np.int64) + offset
    return found
