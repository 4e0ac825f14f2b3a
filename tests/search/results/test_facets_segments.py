"""Searches over several segments with deleted documents answer as Whoosh's own matchers and a plain
Python count do: the same total and top ten, the tag facets of every match in the same order (the
sorted-array sets, the chunked top and the numpy ranking of facets against the slow ways)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from whoosh import query as wq
from whoosh.index import FileIndex

from tests.search.segmented_index import segmented_articles, three_segment_index
from viewer.search.format.fast_prefix import FastPrefix, prefix_documents
from viewer.search.query.parser import parse_query
from viewer.search.results.searcher import ArchiveSearcher

QUERIES = ("ایران", "مجلس دولت", "رئیس جمهور", '"رئیس جمهور"', "مجل*", "دولت مجل*", "ایر*", "ایران -تهران",
           "کشور OR دولت", '"مجلس شورای اسلامی"')


@pytest.fixture(scope="module")
def segmented(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> FileIndex:
    """Three segments of tagged articles, documents deleted from two of them."""
    assert sum(bool(a.tags) for a in segmented_articles(corpus_dir)) > 100
    return three_segment_index(tmp_path_factory.mktemp("facet-segments"), corpus_dir)


def _python_facets(searcher: ArchiveSearcher, docnums: set[int]) -> list[tuple[str, int]]:
    """Each tag's matches counted one document at a time from its postings."""
    reader = searcher.whoosh.reader()
    counts: Counter[str] = Counter()
    for term in reader.lexicon("tags"):
        name = term.decode("utf-8") if isinstance(term, bytes) else term
        held = sum(1 for docnum in reader.postings("tags", term).all_ids() if docnum in docnums)
        if held:
            counts[name] = held
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def test_searches_across_segments_answer_as_whoosh(segmented: FileIndex) -> None:
    searcher = ArchiveSearcher(segmented)
    try:
        whoosh = searcher.whoosh
        assert len(whoosh.leaf_searchers()) == 3 and whoosh.reader().has_deletions()
        faceted = 0
        for text in QUERIES:
            q = parse_query(text, whoosh.schema, whoosh.reader())
            theirs = whoosh.search(q, limit=None)
            matched = {hit.docnum for hit in theirs}
            result = searcher.search(text, limit=10)
            assert result.total == len(matched), text
            assert [hit.id for hit in result.hits] == [hit["id"] for hit in theirs[:10]], text
            assert result.facets == _python_facets(searcher, matched), text
            faceted += len(result.facets)
        assert faceted > 50
    finally:
        searcher.close()


def test_every_tag_counted_over_the_whole_archive(segmented: FileIndex) -> None:
    searcher = ArchiveSearcher(segmented)
    try:
        live = set(searcher.whoosh.reader().all_doc_ids())
        counted = searcher.tag_counts()
        assert counted == _python_facets(searcher, live)
        assert len({count for _, count in counted}) < len(counted)  # ties, ranked by name
    finally:
        searcher.close()


def test_prefix_documents_from_the_term_table(segmented: FileIndex) -> None:
    """A prefix's documents read from its terms' extents (one walk of the term table, deleted
    documents taken out) are Whoosh's own Prefix's, segment by segment."""
    with segmented.searcher() as whoosh:
        compared = 0
        for prefix in ("مجل", "ایر", "دول", "ک", "واژه‌ای‌که‌نی"):
            q = FastPrefix("text", prefix)
            expected = set(whoosh.docs_for_query(wq.Prefix("text", prefix)))
            found: set[int] = set()
            for leaf, offset in whoosh.leaf_searchers():
                reader = leaf.reader()
                ours = prefix_documents(q, reader, None, offset)
                assert list(ours) == sorted(ours)
                found.update(ours.tolist())
            assert found == expected, prefix
            compared += len(found)
        assert compared > 100 and whoosh.reader().has_deletions()
