"""`word*` as the search box means it: every document holding a term with the prefix, at one constant
score (the query's boost), instead of Whoosh's Prefix, which reads each posting's positions (0.45 s for
`راه*` at 40,000 articles). MatchScorer scores it from the same postings (query_plan marks it scorable)."""

from __future__ import annotations

from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3TermsReader
from whoosh.matching import ListMatcher, NullMatcher

from viewer.search.format.bulk_postings import extent_ids, posting_ids
from viewer.search.format.codec import ArrayCodec
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
    infos = _prefix_term_infos(q, reader)
    if infos is None:
        for btext in expanded_terms(q, reader):
            held[posting_ids(reader.postings(q.fieldname, btext), ordered, offset) - offset] = True
    else:
        postfile = reader._terms._postfile
        for info in infos:
            start, length = info.extent()
            length = length[0] if isinstance(length, tuple) else length  # W3 unpacks it as a 1-tuple
            held[extent_ids(postfile, start, length, ordered, offset) - offset] = True
        if reader.has_deletions():
            held[sorted(reader.deleted_docs_set)] = False
    found: np.ndarray[Any, Any] = np.flatnonzero(held).astype(np.int64) + offset
    return found


def _prefix_term_infos(q: wq.Prefix, reader: Any) -> list[Any] | None:
    """The term infos of the terms `q` expands to in an ArrayCodec segment, read in one walk of its
    term table (expanded_terms, then a matcher each, looked every term up again and read three times:
    ~0.15 ms a term, a common prefix has hundreds); None for another kind of reader."""
    terms = getattr(reader, "_terms", None)
    if not isinstance(terms, W3TermsReader) or not isinstance(terms._codec, ArrayCodec) or q.fieldname not in reader.schema:
        return None
    prefix = reader._text_to_bytes(q.fieldname, q.text)
    infos = []
    for (fieldname, btext), info in terms.items_from(q.fieldname, prefix):
        if fieldname != q.fieldname or not btext.startswith(prefix):
            break
        if info.is_inlined():  # W3 inlines none at its default limit (fewer than one posting)
            return None
        infos.append(info)
    return infos


def field_term_documents(leaf: Any, fieldname: str) -> dict[bytes, np.ndarray[Any, Any]] | None:
    """Each term of `fieldname` in one ArrayCodec segment with the documents holding it (deleted ones
    included), read from its posting list's extent in one walk of the segment's term table (a matcher
    per term, looked up by hash, was ~0.45 s of CPU for the tags of 200,000 articles); None for a
    segment of another codec."""
    terms = getattr(leaf, "_terms", None)
    if not isinstance(terms, W3TermsReader) or not isinstance(terms._codec, ArrayCodec) or fieldname not in leaf.schema:
        return None
    found: dict[bytes, np.ndarray[Any, Any]] = {}
    for (field, btext), info in terms.items_from(fieldname, b""):
        if field != fieldname:
            break
        if info.is_inlined():  # W3 inlines none at its default limit
            return None
        start, length = info.extent()
        length = length[0] if isinstance(length, tuple) else length  # W3 unpacks it as a 1-tuple
        found[btext] = extent_ids(terms._postfile, start, length, None, 0)
    return found
