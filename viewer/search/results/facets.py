"""Tag facets of a result set: how many of its documents carry each tag, counted with numpy.

Each (document, tag) pair of the archive is held once as two arrays, read from the tag field's
posting lists; a result set's counts are then one mask and one `bincount` (a few milliseconds at
200,000 articles, where a Python Counter over 60,000 matches took ~40 ms)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from whoosh.reading import IndexReader

from viewer.search.format.fast_prefix import field_term_documents

_FIELD = "tags"


class TagFacets:
    def __init__(self, reader: IndexReader):
        self.doc_count = reader.doc_count_all()
        found = _tag_documents(reader)
        if found is None:  # a reader of another codec: a matcher per tag
            found = {}
            for term in reader.lexicon(_FIELD):
                found[term] = [np.fromiter(reader.postings(_FIELD, term).all_ids(), dtype=np.int64)]
        self.names: list[str] = []
        docs: list[np.ndarray[Any, Any]] = []
        for term in sorted(found):
            self.names.append(term.decode("utf-8") if isinstance(term, bytes) else term)
            parts = found[term]
            docs.append(parts[0] if len(parts) == 1 else np.concatenate(parts))
        # Each tag's place in the tags sorted by name: ties in count are ranked by it.
        self.name_rank = np.empty(len(self.names), dtype=np.int64)
        self.name_rank[sorted(range(len(self.names)), key=self.names.__getitem__)] = np.arange(len(self.names))
        self.pair_docs = np.concatenate(docs) if docs else np.zeros(0, dtype=np.int64)
        self.pair_tags = np.repeat(np.arange(len(docs), dtype=np.int64), [len(d) for d in docs])

    def counts(self, docnums: Sequence[int] | np.ndarray[Any, Any]) -> list[tuple[str, int]]:
        """(tag, documents of `docnums` carrying it), most frequent first, then by name."""
        chosen = np.zeros(self.doc_count, dtype=bool)
        chosen[np.asarray(docnums, dtype=np.int64)] = True
        counts = np.bincount(self.pair_tags[chosen[self.pair_docs]], minlength=len(self.names))
        return self._ranked(counts)

    def story_counts(self, labels: np.ndarray[Any, Any], docnums: Sequence[int] | np.ndarray[Any, Any]) -> list[tuple[str, int]]:
        """(tag, stories among `docnums` carrying it), a story being each document's label in `labels`
        (stories.py): a story and its republished copies count once."""
        chosen = np.zeros(self.doc_count, dtype=bool)
        chosen[np.asarray(docnums, dtype=np.int64)] = True
        picked = chosen[self.pair_docs]
        tags, stories = self.pair_tags[picked], labels[self.pair_docs[picked]]
        width = max(1, len(self.names))
        counts = np.bincount(np.unique(stories * width + tags) % width, minlength=len(self.names))
        return self._ranked(counts)

    def _ranked(self, counts: np.ndarray[Any, Any]) -> list[tuple[str, int]]:
        """(tag, count) of the tags counted at all, most frequent first, then by name (ordered with
        numpy: a common word's matches carry thousands of tags)."""
        counted = np.flatnonzero(counts)
        found = counts[counted]
        order = np.lexsort((self.name_rank[counted], -found))
        names = self.names
        return [(names[tag], count) for tag, count in zip(counted[order].tolist(), found[order].tolist(), strict=True)]


def _tag_documents(reader: IndexReader) -> dict[bytes, list[np.ndarray[Any, Any]]] | None:
    """Each tag's live documents, per segment, read from the segments' term tables in one walk each (the
    first count after opening the archive); None when a segment is not ArrayCodec's."""
    found: dict[bytes, list[np.ndarray[Any, Any]]] = {}
    for leaf, offset in reader.leaf_readers():
        documents = field_term_documents(leaf, _FIELD)
        if documents is None:
            return None
        deleted = np.fromiter(sorted(leaf.deleted_docs_set), dtype=np.int64) if leaf.has_deletions() else None
        for btext, ids in documents.items():
            if deleted is not None:
                ids = ids[~np.isin(ids, deleted)]
            if len(ids):
                found.setdefault(btext, []).append(ids + offset)
    return found
