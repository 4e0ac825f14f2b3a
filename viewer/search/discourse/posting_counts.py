"""Occurrence counts of a word pattern (no phrase) from the text field's postings, without reading
or analysing any article's text: what a trend and a concordance's total past its shown lines need.

A document's count is the number of its word positions holding one of the pattern's keys. Each
key's posting weight is its number of positions (the text field's boost is 1), so where only one
key occurs the weight is the count; where several do, their position lists are read and joined (a
position holds a surface key and a lemma key, and both may be wanted). The text field indexes the
article's text and then its tags, one per line: positions in the tags are counted from the stored
tags, for the few documents whose tags hold a wanted word (found through the tags' lexicon), and
taken off. `count` equals `QueryPattern.count` on the stored text (tests hold them together)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh.searching import Searcher

from viewer.search.format.codec import posting_blocks
from viewer.search.query.docsets import held
from viewer.search.query.occurrences import QueryPattern

Docnums = npt.NDArray[np.int64]
_FIELD = "text"


def _tagged_docnums(searcher: Searcher, pattern: QueryPattern) -> set[int]:
    """Documents carrying a tag that holds a wanted word."""
    found: set[int] = set()
    for leaf, offset in searcher.leaf_searchers():
        reader = leaf.reader()
        for term in reader.lexicon("tags"):
            tag = term.decode("utf-8") if isinstance(term, bytes) else str(term)
            if pattern.count(tag):
                found.update(offset + n for n in reader.postings("tags", term).all_ids())
    return found


def posting_counts(searcher: Searcher, pattern: QueryPattern, docnums: Docnums) -> Docnums:
    """The number of occurrences in the text of each of `docnums` (ascending), in that order."""
    if pattern.phrases:
        raise ValueError("phrases are counted from the text")
    wanted = np.zeros(0, dtype=np.int64)
    counts = np.zeros(len(docnums), dtype=np.int64)
    if not len(docnums):
        return counts
    wanted = np.asarray(docnums, dtype=np.int64)
    total: defaultdict[int, int] = defaultdict(int)
    keys_in: defaultdict[int, int] = defaultdict(int)
    candidates = wanted.tolist()
    leaves = [(leaf.reader(), offset) for leaf, offset in searcher.leaf_searchers()]
    for reader, offset in leaves:
        end = offset + reader.doc_count_all()
        local = [n - offset for n in candidates if offset <= n < end]
        if not local:
            continue
        chosen = set(local)
        for key in pattern.words:
            if (_FIELD, key) not in reader:
                continue
            for ids, weights in posting_blocks(reader.postings(_FIELD, key), local):
                for docnum, weight in zip(ids, weights, strict=True):
                    if docnum in chosen:
                        total[offset + docnum] += int(weight)
                        keys_in[offset + docnum] += 1
        several = sorted(n for n in chosen if keys_in.get(offset + n, 0) > 1)
        if several:
            for docnum, positions in _joined_positions(reader, pattern, several).items():
                total[offset + docnum] = positions
    for docnum in _tagged_docnums(searcher, pattern) & set(candidates):
        stored = searcher.stored_fields(docnum)
        total[docnum] -= pattern.count(str(stored.get("tags", "")))
    for at, docnum in enumerate(candidates):
        counts[at] = total.get(docnum, 0)
    return counts


def _joined_positions(reader: Any, pattern: QueryPattern, docnums: list[int]) -> dict[int, int]:
    """The number of distinct positions holding a wanted key, in each of `docnums` (a segment's own)."""
    positions: defaultdict[int, set[int]] = defaultdict(set)
    for key in pattern.words:
        if (_FIELD, key) not in reader:
            continue
        matcher = reader.postings(_FIELD, key)
        for docnum in held(matcher, docnums):
            positions[docnum].update(matcher.value_as("positions"))
    return {docnum: len(found) for docnum, found in positions.items()}
