"""The set algebra behind result counts and facets answers as Whoosh's own matchers do."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write_items
from tests.search.conftest import small_archive
from viewer.search.query.docsets import DocSets
from viewer.search.query.parser import parse_query
from viewer.search.query.plan import compile_plan
from viewer.search.results.searcher import ArchiveSearcher

QUERIES = ["پرسپولیس", "پرسپولیس بازی", "بازی -پرسپولیس", "بازی NOT تیم", "پرسپولیس OR هسته‌ای", '"تیم ملی"',
           "پرسپول*", "پرسپولیسس~", "title:تیم", "(تیم OR بازی) -فوتبال", "بینالمللی", "کتابهای"]


@pytest.mark.parametrize("text", QUERIES)
def test_same_documents_as_whoosh(searcher: ArchiveSearcher, text: str) -> None:
    whoosh_searcher = searcher.whoosh
    q = parse_query(text, whoosh_searcher.schema, whoosh_searcher.reader())
    expected = set(whoosh_searcher.docs_for_query(q))
    assert DocSets(whoosh_searcher).matching(compile_plan(q, whoosh_searcher)) == expected


def test_several_segments_and_deletions(tmp_path: Path, search_items: list[dict]) -> None:
    archive = small_archive(tmp_path, search_items[:60])
    write_items(tmp_path / "sources" / "more.json", search_items[60:120])
    changed = [dict(item, title=item["title"] + " ویرایش") for item in search_items[:30]]
    write_items(tmp_path / "sources" / "items.json", changed + search_items[30:50])
    archive.sync([tmp_path / "sources"])
    with archive.searcher() as searcher:
        whoosh_searcher = searcher.whoosh
        assert whoosh_searcher.reader().has_deletions() or len(whoosh_searcher.leaf_searchers()) > 1
        for text in ["ویرایش", "بازی", "تیم -بازی", "فارس*"]:
            q = parse_query(text, whoosh_searcher.schema, whoosh_searcher.reader())
            expected = set(whoosh_searcher.docs_for_query(q))
            assert DocSets(whoosh_searcher).matching(compile_plan(q, whoosh_searcher)) == expected, text
    archive.close()


@pytest.mark.parametrize("text", ['"تیم ملی"', '"تیم ملی" فوتبال', 'بازی "لیگ برتر"'])
def test_phrase_results_count_every_match(searcher: ArchiveSearcher, text: str) -> None:
    whoosh_searcher = searcher.whoosh
    q = parse_query(text, whoosh_searcher.schema, whoosh_searcher.reader())
    expected = set(whoosh_searcher.docs_for_query(q))
    result = searcher.search(text, limit=5, with_ids=True)
    assert expected
    assert result.total == len(expected)
    assert len(result.hits) == min(5, len(expected))
    tagged = searcher.search(text, tags=[result.facets[0][0]], limit=5) if result.facets else None
    if tagged is not None:
        assert tagged.total == result.facets[0][1]


def test_lengths_held_in_memory_score_as_whoosh_does(archive, searcher: ArchiveSearcher) -> None:  # type: ignore[no-untyped-def]
    text = "پرسپولیس بازی"
    ours = searcher.search(text, limit=10)
    with archive.ix.searcher() as plain:
        q = parse_query(text, plain.schema, plain.reader())
        expected = [(hit["id"], round(hit.score, 6)) for hit in plain.search(q, limit=10)]
    assert [(hit.id, round(hit.score, 6)) for hit in ours.hits] == expected


@pytest.mark.parametrize("text", ["پرسپولیس کرد", "هسته‌ای داشت", "بازی تیم", "پرسپول* کردند"])
def test_counted_while_scoring_or_apart_the_same(searcher: ArchiveSearcher, text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import viewer.search.results.searcher as searcher_module

    monkeypatch.setattr(searcher_module, "RECORD_SHARE", 0.0)
    apart = searcher.search(text, limit=10, with_ids=True)
    monkeypatch.setattr(searcher_module, "RECORD_SHARE", 2.0)
    recorded = searcher.search(text, limit=10, with_ids=True)
    assert apart.total
    assert (recorded.total, recorded.facets, sorted(recorded.doc_ids)) == (apart.total, apart.facets, sorted(apart.doc_ids))
    assert [hit.id for hit in recorded.hits] == [hit.id for hit in apart.hits]
