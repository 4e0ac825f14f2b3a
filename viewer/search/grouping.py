"""Near duplicates as the command line and the window ask for them: an article's republished
variants, and for search hits the variants that match the same query."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from pathlib import Path

from whoosh.reading import IndexReader

from viewer.search.sketches import SketchStore


def near_duplicates(index_dir: Path, article_id: str, reader: IndexReader) -> list[tuple[str, float]]:
    """(id, score 0..1) of the article's near duplicates in the index, best first."""
    store = SketchStore.existing(index_dir)
    if store is None:
        return []
    with store:
        found = store.similar(article_id)
    # A sketch left by a crash or a rebuild names nothing: only articles in the index count.
    return [(other, score) for other, score in found if reader.first_id("id", other) is not None]


def matching_copies(store: SketchStore, reader: IndexReader, hit_ids: Sequence[str],
                    matched: Sequence[int]) -> dict[str, list[str]]:
    """hit id -> the ids of its near duplicates that match the query too (`matched`: sorted docnums)."""
    copies: dict[str, list[str]] = {}
    for hit_id in hit_ids:
        found = []
        for other, _ in store.similar(hit_id):
            docnum = reader.first_id("id", other)
            if docnum is not None and _contains(matched, docnum):
                found.append(other)
        copies[hit_id] = found
    return copies


def _contains(sorted_numbers: Sequence[int], number: int) -> bool:
    at = bisect_left(sorted_numbers, number)
    return at < len(sorted_numbers) and sorted_numbers[at] == number
