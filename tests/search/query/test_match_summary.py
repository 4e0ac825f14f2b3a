"""The window's second step (issue 21's count later): what a search counts over every match, asked
after its first page, is what the one-step search gives — the same total, tag facets, ids, timeline,
near duplicates of the hits and "did you mean" — and it stops when cancelled."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.search.generated_corpus import generated_archive
from tests.search.query.test_search_cancel import QUERIES, _AfterCalls
from viewer.core.errors import CancelledError
from viewer.search.results.match_summary import summarize
from viewer.search.results.searcher import ArchiveSearcher


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArchiveSearcher]:
    with generated_archive(tmp_path_factory.mktemp("summary")) as opened:
        yield opened


CASES = [(query, tags, sort) for query in QUERIES for tags, sort in (((), "relevance"), (("ورزش",), "date"))]


@pytest.mark.parametrize(("query", "tags", "sort"), CASES)
def test_the_summary_counts_what_the_search_counts(searcher: ArchiveSearcher, query: str, tags: tuple[str, ...],
                                                   sort: str) -> None:
    whole = searcher.search(query, tags, limit=5, sort=sort, with_ids=True, timeline=True)
    first = searcher.search(query, tags, limit=5, sort=sort, count=False)
    assert [hit.id for hit in first.hits] == [hit.id for hit in whole.hits]
    summary = summarize(searcher, query, tags, hit_ids=[hit.id for hit in first.hits], with_ids=True, timeline=True)
    assert (summary.total, summary.facets, summary.timeline) == (whole.total, whole.facets, whole.timeline)
    assert summary.doc_ids == whole.doc_ids
    assert summary.copies == {hit.id: hit.copies for hit in whole.hits}
    assert summary.suggestion == whole.suggestion
    bare = summarize(searcher, query, tags)  # only what is asked for
    assert (bare.total, bare.facets, bare.doc_ids, bare.timeline, bare.copies) == (whole.total, whole.facets, [], [], {})


def test_a_query_that_matches_little_gets_its_suggestion_from_the_summary(searcher: ArchiveSearcher) -> None:
    whole = searcher.search("کتابب", limit=5)
    assert whole.total < 3 and whole.suggestion
    assert summarize(searcher, "کتابب").suggestion == whole.suggestion
    assert summarize(searcher, "کتابب", suggest=False).suggestion is None


@pytest.mark.parametrize("query", QUERIES)
def test_the_summary_stops_at_each_step_it_is_cancelled_at(searcher: ArchiveSearcher, query: str) -> None:
    never = _AfterCalls(10_000)
    whole = summarize(searcher, query, with_ids=True, timeline=True, cancel=never)
    assert never.asked >= 3  # after parsing, after counting, before the ids and the timeline
    for n in range(never.asked):
        with pytest.raises(CancelledError):
            summarize(searcher, query, with_ids=True, timeline=True, cancel=_AfterCalls(n))
    assert summarize(searcher, query, with_ids=True, timeline=True) == whole
