"""A search can be cancelled between its steps (a newer keystroke), and its count can come later."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.search.generated_corpus import generated_archive
from viewer.core.errors import CancelledError
from viewer.search.results.match_summary import summarize
from viewer.search.results.searcher import ArchiveSearcher

QUERIES = ("کتاب", "تهران فوتبال", '"دانشگاه ایران"', "بازار*", "نفت -مجلس", "کتاب~")


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArchiveSearcher]:
    with generated_archive(tmp_path_factory.mktemp("cancel")) as opened:
        yield opened


class _AfterCalls:
    """Says 'cancel' from its n-th question on, like a window whose user typed again meanwhile."""

    def __init__(self, n: int):
        self.n = n
        self.asked = 0

    def __call__(self) -> bool:
        self.asked += 1
        return self.asked > self.n


@pytest.mark.parametrize("query", QUERIES)
def test_a_search_stops_at_each_step_it_is_cancelled_at(searcher: ArchiveSearcher, query: str) -> None:
    whole = searcher.search(query, limit=5)
    assert whole.hits, query
    never = _AfterCalls(10_000)
    assert searcher.search(query, limit=5, cancel=never).hits == whole.hits
    steps = never.asked
    assert steps >= 3  # after parsing, after ranking, before each snippet, before counting
    for n in range(steps):
        with pytest.raises(CancelledError):
            searcher.search(query, limit=5, cancel=_AfterCalls(n))
    # A cancelled search leaves the searcher as it was.
    assert searcher.search(query, limit=5).hits == whole.hits


@pytest.mark.parametrize("query", QUERIES)
def test_the_count_can_come_after_the_first_page(searcher: ArchiveSearcher, query: str) -> None:
    whole = searcher.search(query, limit=5)
    first = searcher.search(query, limit=5, count=False)
    # Fuzzy terms are ranked by Whoosh: their count is a second pass, left for later.
    assert first.total_exact is not query.endswith("~")
    assert first.hits == whole.hits
    if first.total_exact:  # counted while ranking anyway
        assert (first.total, first.facets) == (whole.total, whole.facets)
    else:
        assert first.total == len(first.hits) <= whole.total and first.facets == []
    later = summarize(searcher, query)
    assert (later.total, later.facets) == (whole.total, whole.facets)
    with pytest.raises(CancelledError):
        summarize(searcher, query, cancel=lambda: True)
