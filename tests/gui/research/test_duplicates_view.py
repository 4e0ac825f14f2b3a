"""The View menu's story entries in the window (issue 20): tag counts that count a story once when
the researcher ticks it (remembered), and the duplicates view, found off the UI thread, each article
openable. Real index, real window."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QTreeWidget

from tests.gui.conftest import WAIT_MS, started_window
from tests.search.duplicate_articles import (
    RELATED,
    RELATED_TITLE,
    RELATED_URL,
    REPUBLISHED,
    REPUBLISHED_TITLE,
    REPUBLISHED_URL,
    STORY,
    STORY_TITLE,
    STORY_URL,
    as_json_item,
    as_text,
)
from viewer.app.settings import COUNT_STORIES_ONCE, FOLDERS, Settings
from viewer.core.paths import DataPaths
from viewer.gui.results.tag_model import COUNT_ROLE, TAG_ROLE


@pytest.fixture
def tagged_paths(tmp_path: Path) -> DataPaths:
    archive = tmp_path / "archive"
    archive.mkdir()
    items = [as_json_item(STORY_TITLE, STORY, STORY_URL, tags=["آب", "اصفهان"]),
             as_json_item(REPUBLISHED_TITLE, REPUBLISHED, REPUBLISHED_URL, tags=["آب", "اصفهان"]),
             as_json_item(RELATED_TITLE, RELATED, RELATED_URL, tags=["آب"])]
    (archive / "agencies.json").write_text(json.dumps(items, ensure_ascii=False), "utf-8")
    (archive / "story copy.txt").write_text(as_text(STORY_TITLE, STORY), "utf-8")
    paths = DataPaths.resolve(tmp_path / "data").ensure()
    settings = Settings(paths.settings_path)
    settings.set(FOLDERS, [str(archive)])
    settings.save()
    return paths


def _window(qtbot, paths: DataPaths):  # type: ignore[no-untyped-def]
    return started_window(qtbot, paths, until=lambda win: win.library is not None and win.library.article_count == 3)


def _counts(win) -> dict[str, int]:  # type: ignore[no-untyped-def]
    model = win.tag_model
    return {model.index(r).data(TAG_ROLE): model.index(r).data(COUNT_ROLE) for r in range(model.rowCount())}


def _action(win, name: str):  # type: ignore[no-untyped-def]
    menus = [win.window_actions.view_menu, *(a.menu() for a in win.window_actions.view_menu.actions() if a.menu())]
    return next(a for menu in menus for a in menu.actions() if a.objectName() == name)


def test_tag_counts_count_a_story_once_when_ticked_and_remembered(qtbot, gui_app: QApplication,
                                                                  tagged_paths: DataPaths) -> None:
    win = _window(qtbot, tagged_paths)
    assert _counts(win) == {"آب": 3, "اصفهان": 2}
    action = _action(win, "countStoriesOnce")
    assert action.isCheckable() and not action.isChecked()
    assert action.text() == "هر خبر با نسخه‌هایش یک بار در شمار برچسب‌ها"
    with qtbot.waitSignal(win.results_shown, timeout=WAIT_MS):
        action.trigger()
    assert _counts(win) == {"آب": 2, "اصفهان": 1}
    assert Settings(tagged_paths.settings_path).get(COUNT_STORIES_ONCE) is True
    win.close()

    again = _window(qtbot, tagged_paths)  # the choice comes back with the window
    assert _action(again, "countStoriesOnce").isChecked() and _counts(again) == {"آب": 2, "اصفهان": 1}
    again.close()


def test_the_duplicates_view_lists_groups_and_opens_an_article(qtbot, gui_app: QApplication,
                                                               tagged_paths: DataPaths) -> None:
    win = _window(qtbot, tagged_paths)
    action = next(a for a in win.actions() if a.objectName() == "showDuplicates")
    assert action.shortcut().toString() == "Ctrl+Shift+U" and action in win.actions()
    action.trigger()
    dialog = win.findChild(QDialog, "duplicatesDialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.groups is not None, timeout=WAIT_MS)
    tree = dialog.findChild(QTreeWidget, "duplicateGroups")
    assert tree.topLevelItemCount() == 1
    group = tree.topLevelItem(0)
    assert group.childCount() == 2 and group.text(0).startswith("۲ خبر:")
    assert group.text(1) == "۳ پرونده"  # the story in two files, its republication in one
    titles = {group.child(i).text(0) for i in range(2)}
    assert titles == {STORY_TITLE, REPUBLISHED_TITLE}
    assert "agencies.json" in group.child(0).text(1) or "agencies.json" in group.child(1).text(1)
    assert "۱" in dialog.summary.text()

    republished = next(group.child(i) for i in range(2) if group.child(i).text(0) == REPUBLISHED_TITLE)
    tree.setFocus()
    tree.setCurrentItem(republished)
    with qtbot.waitSignal(win.article_pane.article_shown, timeout=WAIT_MS):
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert win.article_pane.article.title == REPUBLISHED_TITLE
    assert not dialog.grab().isNull()
    win.close()
