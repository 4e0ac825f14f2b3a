"""Date filters and the timeline through the Library, on a real index."""

from __future__ import annotations

from datetime import date

import pytest

from tests.research.conftest import ids_by_title
from viewer.app.library import ALL_ARTICLES, Library
from viewer.app.scope import EVERYWHERE, Scope
from viewer.core.errors import QueryError


def _titles(library: Library, query: str, scope: Scope = EVERYWHERE, sort: str = "relevance") -> set[str]:
    return {hit.title for hit in library.search(query, limit=50, scope=scope, sort=sort).hits}


@pytest.mark.parametrize("sort", ["relevance", "date"])
@pytest.mark.parametrize("query", ["آب از:۱۴۰۲/۰۵/۰۱ تا:۱۴۰۲/۰۸/۳۰", "آب from:2023-07-23 to:2023-11-21",
                                   "از:1402/05/01 آب تا:1402/8/30"])
def test_a_period_in_the_query_includes_both_ends(library: Library, query: str, sort: str) -> None:
    result = library.search(query, limit=50, sort=sort, with_ids=True)
    assert {hit.title for hit in result.hits} == {"کم‌آبی در تهران", "بارش پاییزی و آب سدها"}
    assert result.total == len(result.doc_ids) == 2


def test_either_bound_may_be_left_out(library: Library) -> None:
    assert _titles(library, "آب از:1402/08/30") == {"بارش پاییزی و آب سدها", "آب و برق در آذر"}
    assert _titles(library, "آب تا:1402/04/31") == {"سد کرج پیش از تابستان"}
    assert _titles(library, "آب", Scope(date_to=date(2023, 7, 22))) == {"سد کرج پیش از تابستان"}


def test_scope_dates_narrow_the_query_dates(library: Library) -> None:
    scope = Scope(date_from="1402/08/01")
    assert _titles(library, "آب از:1402/05/01 تا:1402/08/30", scope) == {"بارش پاییزی و آب سدها"}
    assert _titles(library, "آب", Scope("2023-07-23", "1402/05")) == {"کم‌آبی در تهران"}


def test_undated_articles_are_left_out_by_any_bound_only(library: Library) -> None:
    assert "گزارشی بی‌تاریخ از آب" in _titles(library, "آب")
    assert "گزارشی بی‌تاریخ از آب" not in _titles(library, "آب از:1300")


def test_bounds_alone_list_the_period(library: Library) -> None:
    assert library.search("از:1402/09").total == 1
    assert library.search(ALL_ARTICLES, scope=Scope(date_from="2023-11-21")).total == 2


def test_a_bad_date_is_a_query_error(library: Library) -> None:
    for query, scope in (("آب از:1402/13/01", Scope()), ("آب", Scope(date_to="دیروز"))):
        with pytest.raises(QueryError) as error:
            library.search(query, scope=scope)
        assert error.value.fa != error.value.en


def test_ranked_ids_keep_the_period(library: Library) -> None:
    query = "آب از:1402/05/01"
    assert library.ranked_ids(query, limit=10) == [hit.id for hit in library.search(query, limit=10).hits]
    assert len(library.ranked_ids(query, limit=10)) == 3


def test_the_timeline_counts_every_dated_match_by_jalali_month(library: Library) -> None:
    result = library.search("آب", limit=1, timeline=True)
    assert result.total == 5
    assert result.timeline == [("1402-04", 1), ("1402-05", 1), ("1402-08", 1), ("1402-09", 1)]
    tagged = library.search("آب", ["هوا"], timeline=True)
    assert tagged.timeline == [("1402-08", 1)]
    narrowed = library.search("آب تا:1402/08/30", timeline=True)
    assert narrowed.timeline == [("1402-04", 1), ("1402-05", 1), ("1402-08", 1)]
    assert library.search("آب").timeline == []  # only when asked


def test_the_timeline_follows_a_resync(library: Library, source_dir) -> None:  # type: ignore[no-untyped-def]
    from tests.research.conftest import DATED, write_archive

    more = [*DATED, {"title": "آب در دی", "text": ["آب در دی یخ زد."], "tags": [], "date": "1402/10/05"}]
    write_archive(source_dir, more)
    library.sync([source_dir])
    assert library.search("آب", timeline=True).timeline[-1] == ("1402-10", 1)
    assert ids_by_title(library)["آب در دی"]


def test_the_date_column_matches_the_stored_dates_in_every_segment(library: Library, source_dir) -> None:  # type: ignore[no-untyped-def]
    from tests.research.conftest import DATED, write_archive
    from viewer.search.archive import Archive
    from viewer.search.query.doc_dates import DocDates

    undated = {"title": "بی‌تاریخ دوم", "text": ["متنی بی تاریخ."], "tags": []}
    write_archive(source_dir, [*DATED, undated])
    library.sync([source_dir])  # a second segment, with an undated article only
    write_archive(source_dir, [*DATED, undated, {"title": "تازه", "text": ["تازه"], "date": "1403/01/01"}])
    library.sync([source_dir])
    archive = Archive(library.paths)
    try:
        with archive.searcher() as searcher:
            reader = searcher.whoosh.reader()
            expected = [d.date().toordinal() if (d := reader.stored_fields(n).get("date")) else 0
                        for n in range(reader.doc_count_all())]
            assert DocDates(reader)._days.tolist() == expected
            assert expected.count(0) >= 2 and not reader.is_atomic()  # three segments
    finally:
        archive.close()
