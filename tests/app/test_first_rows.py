"""The first rows of a search after opening (issue 30): on a searcher just opened, the tag facets,
whose table reads every tag's postings once per searcher (~1 s at 200,000 articles), come with the
count after them; the empty box's first rows no longer walk every article through Whoosh's collector.
The rows, the count and the facets are those of the whole search."""

from __future__ import annotations

import json
from pathlib import Path

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


def test_the_empty_box_lists_every_article_in_index_order_without_the_removed_ones(
        library: Library, source_dir: Path) -> None:
    """The empty box's first rows (every article, all of equal score) are the live articles in index
    order, as Whoosh's collector ranked them, for a page and for a later page's ids."""
    in_order = [a.id for a in library.articles()]
    assert len(in_order) == 3
    first = library.first_page("*", limit=2)
    assert [h.id for h in first.hits] == in_order[:2] and {h.score for h in first.hits} == {1.0}
    assert library.ranked_ids("*", limit=10) == in_order
    whole = library.search("*", limit=10)
    assert [h.id for h in whole.hits] == in_order and whole.total == 3

    items = json.loads((source_dir / "news.json").read_text("utf-8"))
    (source_dir / "news.json").write_text(json.dumps(items[1:], ensure_ascii=False), "utf-8")
    report = library.sync([source_dir])
    assert report.removed == 1
    left = [a.id for a in library.articles()]
    assert len(left) == 2 and in_order[0] not in left
    assert [h.id for h in library.first_page("*", limit=5).hits] == left
    assert library.ranked_ids("*", limit=1) == left[:1]
    assert [h.id for h in library.search("*", limit=5).hits] == left


def test_a_sync_that_changes_nothing_keeps_what_the_searcher_read_and_a_change_is_seen(
        library: Library, source_dir: Path) -> None:
    """The sync at every opening mostly changes nothing: the searchers keep the tables they read (the
    next first rows come with their facets), and a sync that changes the index is seen at once."""
    library.summarize("کتاب")  # the searcher reads its facets' table
    assert library.sync([source_dir]).added == 0
    again = library.first_page("کتاب", limit=10)
    assert again.total_exact and again.facets == [("فرهنگ", 1), ("کتاب", 1)]

    items = json.loads((source_dir / "news.json").read_text("utf-8"))
    items.append({"title": "کتاب تازهٔ شاعران جوان", "text": ["دفتر شعر تازه‌ای از شاعران جوان منتشر شد."],
                  "tags": ["ادبیات"], "url": "https://example.org/news/4", "date": "2024-07-01"})
    (source_dir / "news.json").write_text(json.dumps(items, ensure_ascii=False), "utf-8")
    assert library.sync([source_dir]).added == 1
    changed = library.first_page("کتاب", limit=10)
    assert len(changed.hits) == 2 and not changed.total_exact  # a new searcher: its facets come with the count
    assert library.summarize("کتاب").facets == [("ادبیات", 1), ("فرهنگ", 1), ("کتاب", 1)]
