"""The first rows of a search on a searcher just opened (issue 30): the tag facets, whose table reads
every tag's postings once per searcher (~1 s at 200,000 articles), come with the count after them,
and the first rows, the count and the facets are those of the whole search."""

from __future__ import annotations

from viewer.app.library import Library


def test_a_fresh_searchers_first_rows_leave_the_facets_to_the_count(library: Library) -> None:
    whole = library.search("کتاب", limit=10)
    assert whole.total == 1 and whole.facets == [("فرهنگ", 1), ("کتاب", 1)]
    library.sync([])  # the index is unchanged; the searchers open again on their next use
    library.close()
    with Library(library.paths) as fresh:
        first = fresh.first_page("کتاب", limit=10)
        assert [h.id for h in first.hits] == [h.id for h in whole.hits]
        assert not first.total_exact and first.facets == []
        summary = fresh.summarize("کتاب", hit_ids=[h.id for h in first.hits])
        assert (summary.total, summary.facets) == (whole.total, whole.facets)
        again = fresh.first_page("کتاب", limit=10)  # the table is read: the count comes with the rows
        assert again.total_exact and (again.total, again.facets) == (whole.total, whole.facets)
