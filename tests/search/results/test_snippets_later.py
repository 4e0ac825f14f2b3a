"""Issue 30: a first page may leave the snippets of the rows below the screen for later
(`search(snippets=N)`); `snippets_of` then makes exactly the snippets the whole page would have had."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.search.generated_corpus import generated_archive
from tests.search.query.test_search_cancel import QUERIES
from viewer.search.results.searcher import ArchiveSearcher


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArchiveSearcher]:
    with generated_archive(tmp_path_factory.mktemp("snippets-later")) as opened:
        yield opened


@pytest.mark.parametrize("query", [*QUERIES, "*"])
@pytest.mark.parametrize("sort", ["relevance", "date"])
def test_the_snippets_left_for_later_are_the_whole_pages(searcher: ArchiveSearcher, query: str, sort: str) -> None:
    whole = searcher.search(query, limit=8, sort=sort, count=False)
    first = searcher.search(query, limit=8, sort=sort, count=False, snippets=3)
    assert [hit.id for hit in first.hits] == [hit.id for hit in whole.hits]
    assert [hit.snippet for hit in first.hits[:3]] == [hit.snippet for hit in whole.hits[:3]]
    assert all(hit.snippet == "" for hit in first.hits[3:])
    later = searcher.snippets_of(query, [hit.id for hit in first.hits[3:]])
    assert later == {hit.id: hit.snippet for hit in whole.hits[3:]}
    assert searcher.snippets_of(query, ["no such article"]) == {}
