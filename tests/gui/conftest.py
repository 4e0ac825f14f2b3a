"""Fixtures for the window tests: Qt offscreen, a sample archive indexed once per session and
copied into each test's data folder, the app prepared (fonts, language, theme) like at start."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # Xvfb runs set xcb

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from viewer.app.settings import FOLDERS, Settings
from viewer.core.paths import DataPaths, sample_archive_dir
from viewer.gui.app import prepare
from viewer.gui.common.theme import set_icons_dir

if TYPE_CHECKING:
    from viewer.gui.window.main_window import MainWindow

WAIT_MS = 60_000


def type_text(widget: QWidget, text: str) -> None:
    """Types `text` one character at a time (qtbot.keyClicks aborts on non-ASCII text)."""
    for ch in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


@pytest.fixture(scope="session")
def indexed_sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(archive folder, data folder with its index), built once; tests copy the data folder."""
    from viewer.search.archive import Archive

    root = tmp_path_factory.mktemp("sample")
    archive_dir = root / "archive"
    shutil.copytree(sample_archive_dir(), archive_dir)
    data_dir = root / "data"
    archive = Archive(DataPaths.resolve(data_dir).ensure())
    archive.sync([archive_dir])
    archive.close()
    return archive_dir, data_dir


def _app_state(app: QApplication) -> tuple[object, ...]:
    """What `prepare` sets on the application: equal states look and speak alike."""
    from PySide6.QtCore import QDir, QLocale

    from viewer.gui.common import translations

    return (app.styleSheet(), app.style().name(), QPalette(app.palette()), app.font().toString(), app.layoutDirection(),
            app.property("bayegan_theme"), app.property("bayegan_language"), len(translations._installed),
            QLocale().name(), tuple(QDir.searchPaths("icon")))


_prepared_state: list[tuple[object, ...]] = []  # the application's state right after `prepare`, once known


def _prepare_unless_prepared(app: QApplication, tmp_path: Path) -> None:
    """`prepare` (Persian, light theme) unless the application is still as it left it: building and
    applying qt-material's stylesheet takes ~0.6 s, twice a test, and most tests change neither."""
    icons = tmp_path / "theme-icons"
    set_icons_dir(icons)  # where a theme switch during the test writes its icons
    if _prepared_state and _app_state(app) == _prepared_state[0]:
        return
    prepare(app, Settings(tmp_path / "app-settings.json"), theme="light", language="fa", icons_dir=icons)
    _prepared_state[:] = [_app_state(app)]


@pytest.fixture
def gui_app(qapp: QApplication, tmp_path: Path) -> Iterator[QApplication]:
    """The application as `bayegan gui` prepares it: Persian, light theme; reset after each test."""
    _prepare_unless_prepared(qapp, tmp_path)
    yield qapp
    _prepare_unless_prepared(qapp, tmp_path)


@pytest.fixture
def data_paths(tmp_path: Path, indexed_sample: tuple[Path, Path]) -> DataPaths:
    """A data folder holding a copy of the indexed sample, its settings pointing at the sample folder."""
    archive_dir, data_dir = indexed_sample
    target = tmp_path / "data"
    shutil.copytree(data_dir, target)
    paths = DataPaths.resolve(target).ensure()
    settings = Settings(paths.settings_path)
    settings.set(FOLDERS, [str(archive_dir)])
    settings.save()
    return paths


def opened_window(qtbot, paths: DataPaths, query: str = "", *, auto_index: bool = True) -> MainWindow:  # type: ignore[no-untyped-def]
    """A main window on `paths` with the settings it finds there, shown and started on `query`, back once its
    archive is open (a search or an indexing may still run)."""
    from viewer.gui.window.main_window import MainWindow

    win = MainWindow(paths, Settings(paths.settings_path), auto_index=auto_index)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.archive_ready, timeout=WAIT_MS):
        win.start(query=query)
    return win


def started_window(qtbot, paths: DataPaths, folders: list[str] | None = None, *,  # type: ignore[no-untyped-def]
                   auto_index: bool = True, until: Callable[[MainWindow], bool] | None = None) -> MainWindow:
    """A main window on `paths` as a user starts it: `folders` (when given) set as the archive folders
    in its settings, shown, started, and idle — the archive open, its first search complete (counted),
    indexing done — and `until(window)` true when given. The test closes it (or qtbot does)."""

    if folders is not None:
        settings = Settings(paths.settings_path)
        settings.set(FOLDERS, folders)
        settings.save()
    win = opened_window(qtbot, paths, auto_index=auto_index)
    qtbot.waitUntil(lambda: win.result is not None and not win.search_pending and not win.indexer.busy
                    and (until is None or until(win)), timeout=WAIT_MS)
    return win


@pytest.fixture
def window(qtbot, gui_app: QApplication, data_paths: DataPaths):  # type: ignore[no-untyped-def]
    """The main window on the sample archive, started and showing its first results."""
    win = started_window(qtbot, data_paths)
    yield win
    win.close()


@pytest.fixture
def copies_window(qtbot, gui_app: QApplication, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A window on four files holding a story, a copy of it, its republication and a related article."""
    from tests.search.duplicate_articles import (
        RELATED,
        RELATED_TITLE,
        RELATED_URL,
        REPUBLISHED,
        REPUBLISHED_TITLE,
        STORY,
        STORY_TITLE,
        STORY_URL,
        as_html,
        as_json_item,
        as_text,
    )

    archive = tmp_path / "archive"
    (archive / "irna").mkdir(parents=True)
    (archive / "isna.json").write_text(json.dumps([as_json_item(STORY_TITLE, STORY, STORY_URL)], ensure_ascii=False), "utf-8")
    (archive / "story saved.txt").write_text(as_text(STORY_TITLE, STORY), "utf-8")
    (archive / "irna" / "republished.html").write_text(as_html(REPUBLISHED_TITLE, REPUBLISHED), "utf-8")
    (archive / "related.json").write_text(
        json.dumps([as_json_item(RELATED_TITLE, RELATED, RELATED_URL)], ensure_ascii=False), "utf-8")
    paths = DataPaths.resolve(tmp_path / "data").ensure()
    win = started_window(qtbot, paths, [str(archive)],
                         until=lambda w: w.library is not None and w.library.article_count == 3)
    yield win
    win.close()


def search(qtbot, win, text: str) -> None:  # type: ignore[no-untyped-def]
    """Sets the query and waits for its results."""
    with qtbot.waitSignal(win.results_shown, timeout=WAIT_MS):
        win.search_bar.set_query(text)
        win.search_bar.search_now()
