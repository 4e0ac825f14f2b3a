"""One row per story in the results list: a story's near duplicates that match too are one row with
"N copies", which expands (keys, a click) to show them under it; the count says how many stories
(issue 20). Real index, real window, real keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import WAIT_MS, search
from tests.search.duplicate_articles import RELATED_TITLE, REPUBLISHED_TITLE, STORY_TITLE
from viewer.app.settings import Settings
from viewer.core.paths import DataPaths
from viewer.gui.results.model import ROW_ROLE
from viewer.search.archive import Archive

WORD = "تیم"  # in 180 of the 200 articles of varzesh3-1.json


def _rows(win):  # type: ignore[no-untyped-def]
    model = win.results_model
    return [model.index(r).data(ROW_ROLE) for r in range(model.rowCount())]


def _key(qtbot, win, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    win.results_view.setFocus()
    qtbot.keyClick(win.results_view, key)


def test_a_story_is_one_row_that_expands_to_its_copies(qtbot, copies_window) -> None:
    win = copies_window
    related = next(row for row in _rows(win) if row.title == RELATED_TITLE)
    win.open_article(related.id)  # the article shown is no copy: nothing is expanded to keep it in view
    search(qtbot, win, "کشاورزان")
    model = win.results_model
    assert (model.total, model.stories, model.rowCount()) == (3, 2, 2)
    assert win.search_bar.count_label.text() == "۳ نتیجه، ۲ خبر یکتا"
    story_at = next(r for r, row in enumerate(_rows(win)) if row.copies)
    story = _rows(win)[story_at]
    assert story.title in (STORY_TITLE, REPUBLISHED_TITLE) and story.copies == 1 and not story.expanded

    win.searching.select_row(story_at)
    _key(qtbot, win, Qt.Key.Key_Left)  # Persian: the arrow the text reads toward opens the story
    assert model.rowCount() == 3
    copy = _rows(win)[story_at + 1]
    assert copy.child and {story.title, copy.title} == {STORY_TITLE, REPUBLISHED_TITLE}
    assert _rows(win)[story_at].expanded
    with qtbot.waitSignal(win.article_pane.article_shown, timeout=WAIT_MS) as shown:
        _key(qtbot, win, Qt.Key.Key_Down)
    assert shown.args == [copy.id]
    _key(qtbot, win, Qt.Key.Key_Right)  # on a copy: back to its story's row
    assert win.results_view.currentIndex().row() == story_at and model.rowCount() == 3
    _key(qtbot, win, Qt.Key.Key_Right)  # on the story's row: closes it
    assert model.rowCount() == 2 and not _rows(win)[story_at].expanded
    _key(qtbot, win, Qt.Key.Key_Return)  # Enter opens the article: the keyboard goes to the pane
    assert win.article_pane.article.id == story.id and win.article_pane.view.hasFocus()

    # a click on "N copies" opens the story too
    rect = win.results_view.visualRect(model.index(story_at))
    area = win.results_view.itemDelegate().copies_area(rect, win.results_view.font(), _rows(win)[story_at])
    qtbot.mouseClick(win.results_view.viewport(), Qt.MouseButton.LeftButton, pos=area.center().toPoint())
    assert model.rowCount() == 3 and [row.child for row in _rows(win)].count(True) == 1
    assert not win.results_view.grab().isNull()  # painted: the copy indented under its story


def test_opening_a_copy_shows_it_under_its_story(qtbot, copies_window) -> None:
    win = copies_window
    search(qtbot, win, "کشاورزان")
    model = win.results_model
    hidden = {STORY_TITLE, REPUBLISHED_TITLE} - {row.title for row in _rows(win) if not row.child}
    copy_id = next(a.id for a in win.library.articles() if a.title in hidden)
    model.set_expanded(next(r for r, row in enumerate(_rows(win)) if row.copies), False)
    assert model.rowCount() == 2
    assert win.open_article(copy_id)
    assert model.rowCount() == 3 and win.results_view.currentIndex().data(ROW_ROLE).id == copy_id


@pytest.fixture(scope="module")
def republished_sports(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> DataPaths:
    """varzesh3-1.json and, in another file, 30 of its articles republished (new title and link, the
    last paragraph cut): stories of two articles, most of them past the first page of results."""
    root = tmp_path_factory.mktemp("republished")
    items = json.loads((corpus_dir / "varzesh3-1.json").read_text("utf-8"))
    variants = []
    for item in items[::6][:30]:
        paragraphs = item["paragraphs"]
        if isinstance(paragraphs, str):
            paragraphs = [p for p in paragraphs.strip("[]").split("', '") if p]
        variants.append({"title": "بازنشر: " + item["title"], "paragraphs": paragraphs[:-1] or paragraphs,
                         "link": item["link"] + "?republished", "tags": item.get("tags", "")})
    folder = root / "archive"
    folder.mkdir()
    (folder / "varzesh3-1.json").write_bytes((corpus_dir / "varzesh3-1.json").read_bytes())
    (folder / "republished.json").write_text(json.dumps(variants, ensure_ascii=False), "utf-8")
    paths = DataPaths.resolve(root / "data").ensure()
    archive = Archive(paths)
    archive.sync([folder])
    archive.close()
    return paths


def test_paging_keeps_one_row_per_story(qtbot, gui_app: QApplication, republished_sports: DataPaths) -> None:
    from viewer.gui.window.main_window import MainWindow

    win = MainWindow(republished_sports, Settings(republished_sports.settings_path), auto_index=False)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.archive_ready, timeout=WAIT_MS):
        win.start(query="")
    qtbot.waitUntil(lambda: win.result is not None and not win.search_pending, timeout=WAIT_MS)
    search(qtbot, win, WORD)
    model, result = win.results_model, win.result
    groups = set(result.story_of.values())
    assert len(groups) >= 20, "the variants were not found as near duplicates"
    stories: int = result.total - len(result.story_of) + len(groups)
    assert model.stories == stories and stories < result.total
    assert model.rowCount() == model.stories  # nothing expanded: one row per story
    for row in range(model.rowCount()):
        model.row_data(row)  # a view scrolling to the end asks for every row
    qtbot.waitUntil(lambda: model.ordered_rows == result.total, timeout=WAIT_MS)
    ids = [model.article_id(r) for r in range(model.rowCount())]
    assert "" not in ids and len(set(ids)) == len(ids) == model.stories
    # each story's row is its best ranked match, in the searcher's order; its copies are not rows
    ranked = win.library.ranked_ids(WORD, limit=result.total)
    first_of_story: dict[int, str] = {}
    for article_id in ranked:
        first_of_story.setdefault(result.story_of.get(article_id, -1 - ranked.index(article_id)), article_id)
    assert ids == list(first_of_story.values())
    # every story expanded: all the matches, each once
    for row in reversed(range(model.rowCount())):
        model.set_expanded(row, True)
    every = [model.article_id(r) for r in range(model.rowCount())]
    assert sorted(every) == sorted(ranked) and model.rowCount() == result.total
    win.close()


def test_short_exact_copies_are_one_row(qtbot, gui_app: QApplication, tmp_path: Path) -> None:
    """The same title over the same short text, saved twice (a .txt and a JSON export), is one
    article: one result row, one story (issue 32)."""
    from tests.gui.conftest import started_window
    from tests.search.duplicate_articles import as_json_item

    title, text = "فیلم/ بایرن مونیخ 3 - 1 آگزبورگ", "خلاصه بازی بایرن و آگزبورگ"
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "saved.txt").write_text(f"{title}\n\n{text}\n", "utf-8")
    (archive / "export.json").write_text(json.dumps(
        [as_json_item(title, [text], "https://www.example-sport.ir/news/1/")], ensure_ascii=False), "utf-8")
    paths = DataPaths.resolve(tmp_path / "data").ensure()
    win = started_window(qtbot, paths, [str(archive)], until=lambda w: w.library is not None and w.library.article_count > 0)
    try:
        search(qtbot, win, "آگزبورگ")
        model = win.results_model
        assert (model.total, model.stories, model.rowCount()) == (1, 1, 1)
        assert win.library.article_count == 1
    finally:
        win.close()
