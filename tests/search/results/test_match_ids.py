"""Issue 30: every match's id comes as one array (`MatchIds`: the index's fixed-width bytes, decoded when an
id is read), not a Python string per match — a million of them on the window's count of the empty box. It
reads as the list of ids it was: the research panel, the exports and the saved searches use it as one."""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import Iterator

import pytest

from tests.search.generated_corpus import generated_archive
from viewer.app.library import ALL_ARTICLES
from viewer.core.results import MatchSummary
from viewer.search.results.match_summary import summarize
from viewer.search.results.searcher import ArchiveSearcher


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArchiveSearcher]:
    with generated_archive(tmp_path_factory.mktemp("match-ids")) as opened:
        yield opened


def _kept(searcher: ArchiveSearcher, with_ids: bool) -> tuple[int, MatchSummary]:
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        summary = summarize(searcher, ALL_ARTICLES, with_ids=with_ids, suggest=False)
        gc.collect()
        return tracemalloc.get_traced_memory()[0] - before, summary
    finally:
        tracemalloc.stop()


def test_every_matching_id_costs_no_python_string(searcher: ArchiveSearcher) -> None:
    summarize(searcher, ALL_ARTICLES, with_ids=True)  # what the searcher reads once: ids, stories, facets
    bare, _ = _kept(searcher, with_ids=False)
    with_ids, summary = _kept(searcher, with_ids=True)
    matches = summary.total
    assert matches > 100
    # A str per id and its list entry (and the stories' dict) came to 65 bytes a match; the id's 16 bytes
    # in one array and its story label to 26, with the arrays' own headers.
    print(f"{(with_ids - bare) / matches:.0f} bytes per match")
    assert (with_ids - bare) / matches < 45


def test_the_ids_read_as_the_list_they_were(searcher: ArchiveSearcher) -> None:
    reader = searcher.whoosh.reader()
    every = [str(reader.stored_fields(n)["id"]) for n in reader.all_doc_ids()]
    ids = summarize(searcher, ALL_ARTICLES, with_ids=True).doc_ids
    assert ids == every and list(ids) == every and len(ids) == len(every)
    assert ids[3] == every[3] and ids[-1] == every[-1] and list(ids[2:5]) == every[2:5]
    assert every[7] in ids and "not an id" not in ids and "آ" not in ids
    assert ids != every[:-1] and set(ids) == set(every)
