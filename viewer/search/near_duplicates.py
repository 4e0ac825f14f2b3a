"""Near duplicates as the searcher gives them: an article's republished variants (the candidates
sharing an LSH band with it, kept when their signatures agree enough), and for search hits the
variants that match the same query."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from whoosh.searching import Searcher

from viewer.search.fingerprints import NEAR_DUPLICATE, band_terms, similarity


class SimilarArticle(NamedTuple):
    """A near duplicate of an article: a republished variant, `score` its estimated similarity 0..1."""

    id: str
    title: str
    score: float


class NearDuplicates:
    """Lookups on one searcher's view of the index (make a new one when the searcher is refreshed)."""

    def __init__(self, searcher: Searcher):
        self.searcher = searcher
        reader = searcher.reader()
        self._reader = reader
        self._sketches = reader.column_reader("sketch") if reader.has_column("sketch") else None

    def of(self, docnum: int, threshold: float = NEAR_DUPLICATE) -> list[tuple[int, float]]:
        """(docnum, estimated similarity 0..1) of the document's near duplicates, best first."""
        if self._sketches is None:
            return []
        signature = self._sketches[docnum]
        if not signature:
            return []
        reader = self._reader
        candidates: set[int] = set()
        for term in band_terms(signature):
            if ("bands", term) in reader:
                candidates.update(reader.postings("bands", term).all_ids())
        candidates.discard(docnum)
        scored = [(other, similarity(signature, self._sketches[other])) for other in candidates
                  if not reader.is_deleted(other)]
        return sorted((pair for pair in scored if pair[1] >= threshold), key=lambda pair: (-pair[1], pair[0]))

    def docnum(self, article_id: str) -> int | None:
        found = self.searcher.document_number(id=article_id)
        return int(found) if found is not None else None

    def matching(self, article_id: str, matched: Sequence[int]) -> list[str]:
        """The ids of the article's near duplicates among `matched` (sorted docnums: a query's matches)."""
        docnum = self.docnum(article_id)
        if docnum is None:
            return []
        found = [other for other, _ in self.of(docnum) if _contains(matched, other)]
        if not found:
            return []
        ids = self._reader.column_reader("id")
        return [str(ids[other]) for other in found]


def _contains(sorted_numbers: Sequence[int], number: int) -> bool:
    at = bisect_left(sorted_numbers, number)
    return at < len(sorted_numbers) and sorted_numbers[at] == number
