"""Issue 30: an every-article result of a million matches reaches the results model as arrays — the
count of the empty box at 1,000,000 articles put a Python row, a dict entry and a set entry per match
in the model on the UI thread (seconds, and the next keystroke's rows waited for them). The model now
keeps no Python object per match; what a user sees of the rows (order, stories and their copies, the
later ranked pages) is unchanged."""

from __future__ import annotations

import gc
import random
import tracemalloc

import pytest
from PySide6.QtCore import QCoreApplication

from viewer.core.article import Article, Block, BlockKind
from viewer.core.results import Hit, SearchResult
from viewer.gui.results.model import ID_ROLE, ResultsModel

MATCHES = 300_000
FIRST_PAGE = 20
SEED = 30


def _hit(article_id: str) -> Hit:
    return Hit(id=article_id, title=f"خبر {article_id}", score=1.0, tags=["ورزش"], snippet="<b>تهران</b>", source="a.json")


def _article(article_id: str) -> Article:
    return Article(f"عنوان {article_id}", [Block(BlockKind.LEAD, "سرآغاز خبر")], id=article_id)


def _counted(first: SearchResult, ids: list[str], story_of: dict[str, int]) -> SearchResult:
    return SearchResult(first.query, first.hits, len(ids), doc_ids=ids, story_of=story_of)


def _stories(ids: list[str]) -> dict[str, int]:
    """Every three neighbours of the index order one story (a republished article twice over)."""
    return {article_id: at // 3 for at, article_id in enumerate(ids) if at < len(ids) - len(ids) % 3}


@pytest.mark.no_window
def test_a_counted_result_adds_no_python_object_per_match_to_the_model(gui_app) -> None:
    print("seed", SEED)
    rng = random.Random(SEED)
    ids = [f"{n:016x}" for n in range(MATCHES)]
    story_of = _stories(ids)
    ranked = rng.sample(ids, FIRST_PAGE)
    first = SearchResult("", [_hit(i) for i in ranked], FIRST_PAGE, total_exact=False)
    counted = _counted(first, ids, story_of)
    model = ResultsModel(_article)
    model.set_result(first)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        model.add_matches(counted)
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    # A Python row and a dict entry per match (and a list entry) kept 97 bytes a match; the arrays 32.
    print(f"{kept / MATCHES:.0f} bytes kept per match")
    assert kept / MATCHES < 60

    stories = len(set(story_of.values())) + MATCHES - len(story_of)
    assert model.total == MATCHES and model.stories == stories
    # The hits' stories fold every other match of theirs under the hit's row: one row per story.
    assert model.rowCount() == stories
    assert [model.index(r).data(ID_ROLE) for r in range(FIRST_PAGE)] == ranked
    shown = [model.index(r).data(ID_ROLE) for r in range(model.rowCount() - 5, model.rowCount())]
    rest = [i for i in ids if i not in set(ranked)]
    firsts: dict[int, str] = {}
    for article_id in ranked + rest:
        firsts.setdefault(story_of.get(article_id, -1 - len(firsts)), article_id)
    assert shown == list(firsts.values())[-5:]


@pytest.mark.no_window
def test_a_copy_opened_in_a_big_result_is_shown_under_its_story(gui_app) -> None:
    ids = [f"{n:016x}" for n in range(MATCHES)]
    story_of = _stories(ids)
    first = SearchResult("", [_hit(ids[4])], 1, total_exact=False)
    model = ResultsModel(_article)
    model.set_result(first)
    model.add_matches(_counted(first, ids, story_of))
    # ids[4] is ranked first: its story (ids 3, 4, 5) is its row; ids[3] and ids[5] are folded under it.
    assert model.index(0).data(ID_ROLE) == ids[4]
    rows = model.rowCount()
    assert model.row_of(ids[5]) == 2 and model.rowCount() == rows + 2  # the story opened to show it
    assert [model.index(r).data(ID_ROLE) for r in range(3)] == [ids[4], ids[3], ids[5]]
    assert model.set_expanded(0, False) and model.rowCount() == rows
    far = ids[MATCHES - 1 - MATCHES % 3 - 1]  # a copy deep in the list
    row = model.row_of(far)
    assert row > 0 and model.index(row).data(ID_ROLE) == far
    QCoreApplication.processEvents()
