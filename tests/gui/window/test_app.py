"""The application around the window: theme and language (remembered), translations complete,
window state remembered, one instance per data folder, errors logged, the screenshot command."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QCoreApplication, QObject, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import WAIT_MS
from viewer.app.settings import GEOMETRY, LAST_QUERY, SPLITTER, Settings
from viewer.core.errors import QueryError
from viewer.core.paths import resources_dir
from viewer.gui.common.crash_handler import CrashHandler, setup_logging, user_message
from viewer.gui.common.theme import current_theme
from viewer.gui.window.single_instance import SingleInstance

REPO = Path(__file__).resolve().parents[3]
TS_FILE = resources_dir() / "translations" / "bayegan_fa.ts"


def test_theme_switch_restyles_and_is_remembered(qtbot, window) -> None:
    app = QApplication.instance()
    light_sheet = app.styleSheet()
    window.window_actions.theme_dark.trigger()
    assert current_theme() == "dark"
    assert app.styleSheet() != light_sheet
    assert "Vazirmatn" in app.styleSheet()
    assert window.window_actions.theme_dark.isChecked()
    assert Settings(window.paths.settings_path).theme == "dark"
    window.window_actions.toggle_theme.trigger()
    assert current_theme() == "light"
    assert Settings(window.paths.settings_path).theme == "light"


def test_language_switch_retranslates_everything_and_flips_direction(qtbot, window) -> None:
    app = QApplication.instance()
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft
    persian = {
        "title": window.windowTitle(), "file": window.window_actions.file_menu.title(),
        "placeholder": window.search_bar.box.placeholderText(), "tags": window.tag_panel.title.text(),
        "next": window.article_pane.next_button.text(), "cancel": window.indexing_status.cancel_button.text(),
        "count": window.search_bar.count_label.text(),
    }
    assert persian["file"] == "&پرونده"
    window.window_actions.lang_en.trigger()
    assert app.layoutDirection() == Qt.LayoutDirection.LeftToRight
    qtbot.waitUntil(lambda: window.window_actions.file_menu.title() == "&File")  # LanguageChange is posted
    english = {
        "title": window.windowTitle(), "file": window.window_actions.file_menu.title(),
        "placeholder": window.search_bar.box.placeholderText(), "tags": window.tag_panel.title.text(),
        "next": window.article_pane.next_button.text(), "cancel": window.indexing_status.cancel_button.text(),
        "count": window.search_bar.count_label.text(),
    }
    assert english["file"] == "&File" and english["tags"] == "Tags" and english["next"] == "Next"
    assert english["count"].endswith("results")
    assert all(persian[k] != english[k] for k in persian), (persian, english)
    assert Settings(window.paths.settings_path).language == "en"
    window.window_actions.lang_fa.trigger()
    qtbot.waitUntil(lambda: window.window_actions.file_menu.title() == persian["file"])
    assert window.search_bar.count_label.text() == persian["count"]
    assert app.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_every_interface_string_has_a_persian_translation(tmp_path: Path) -> None:
    """lupdate over viewer/gui finds no string missing from, or unfinished in, the shipped .ts."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate not installed")
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (REPO / "viewer" / "gui").rglob("*.py"))  # the notes panel too
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    found = {(c.findtext("name"), m.findtext("source")) for c in ET.parse(fresh).iter("context") for m in c.iter("message")}
    shipped = {
        (c.findtext("name"), m.findtext("source")): m.find("translation")
        for c in ET.parse(TS_FILE).iter("context") for m in c.iter("message")
    }
    missing = sorted(found - set(shipped))
    assert not missing, f"run pyside6-lupdate and translate: {missing}"
    unfinished = sorted(k for k in found if shipped[k].get("type") == "unfinished" or not (shipped[k].text or "").strip())
    assert not unfinished
    qm = TS_FILE.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_mtime >= TS_FILE.stat().st_mtime - 1, "run pyside6-lrelease"


def test_window_state_and_last_query_are_remembered(qtbot, window) -> None:
    from viewer.gui.window.main_window import MainWindow

    window.splitter.setSizes([150, 300, 550])
    state = bytes(window.splitter.saveState().toBase64().data()).decode("ascii")
    window.search_bar.set_query("تهران")
    window.article_pane.view.set_zoom(2)
    window.close()
    again = MainWindow(window.paths, Settings(window.paths.settings_path), auto_index=False)
    qtbot.addWidget(again)
    again.resize(window.size())
    again.show()
    assert again.search_bar.box.text() == "تهران"
    # The size itself is not compared: restoreGeometry clamps to the 800×600 offscreen screen.
    assert again.restoreGeometry(QByteArray.fromBase64(Settings(window.paths.settings_path).get(GEOMETRY).encode("ascii")))
    assert Settings(window.paths.settings_path).get(SPLITTER) == state
    assert again.article_pane.view.zoom == 2
    again.close()


def test_a_second_instance_raises_the_first(qtbot, gui_app, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path)
    assert first.claim()
    second = SingleInstance(tmp_path)
    with qtbot.waitSignal(first.raise_requested, timeout=WAIT_MS):
        assert not second.claim()
    other_folder = SingleInstance(tmp_path / "other")
    assert other_folder.claim()
    other_folder.release()
    first.release()


def test_unexpected_errors_are_logged_and_the_app_stays_up(gui_app, tmp_path: Path) -> None:
    from viewer.core.paths import DataPaths

    paths = DataPaths.resolve(tmp_path / "data").ensure()
    log_path = setup_logging(paths.log_dir)
    handler = CrashHandler(paths, show_dialog=False)
    handler.install()
    try:
        try:
            raise ValueError("boom in a slot")
        except ValueError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        handler.uninstall()
    assert handler.shown == 1
    text = log_path.read_text("utf-8")
    assert "ValueError: boom in a slot" in text and "Traceback" in text
    assert QApplication.instance() is not None
    assert user_message(QueryError("bad", "بد")) == "بد"


def test_export_action_is_enabled_only_when_the_export_dialog_exists(window) -> None:
    available = importlib.util.find_spec("viewer.gui.dialogs.export_dialog") is not None
    assert window.window_actions.export_pdf.isEnabled() == available
    assert [s.toString() for s in window.window_actions.export_pdf.shortcuts()] == ["Ctrl+E"]


def test_side_panel_slot_docks_a_widget(window) -> None:
    from PySide6.QtWidgets import QLabel

    panel = QLabel("یادداشت‌ها")
    panel.setObjectName("notesPanel")
    dock = window.window_layout.add_side_panel(panel, "یادداشت‌ها", "dock-test")
    assert dock.widget() is panel and dock.parent() is window
    assert isinstance(dock, QObject)


def test_help_lists_the_shortcuts(qtbot, window) -> None:
    from viewer.gui.common.shortcuts import help_rows
    from viewer.gui.dialogs.help_dialogs import shortcuts_html

    html = shortcuts_html(help_rows())
    for keys in ("Ctrl+F", "Ctrl+E", "F3", "Shift+F3", "Ctrl+="):
        assert keys in html
    assert QCoreApplication.translate("WindowActions", "Next hit") in html


@pytest.mark.slow
def test_the_screenshot_command_saves_the_window(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    done = subprocess.run(
        [sys.executable, "-m", "viewer", "--data-dir", str(tmp_path / "data"), "gui", "--query", "اصفهان",
         "--theme", "dark", "--screenshot", str(out), "--size", "1024x600"],
        capture_output=True, text=True, timeout=180, cwd=REPO)
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 600)
    settings = Settings(tmp_path / "data" / "config" / "settings.json")
    assert settings.theme == "dark" and settings.get(LAST_QUERY) == "اصفهان"


def test_help_dialogs_open(qtbot, window) -> None:
    from viewer.gui.dialogs.help_dialogs import show_about

    window.window_actions.shortcuts.trigger()
    dialog = window.findChild(QObject, "shortcutsDialog")
    assert dialog is not None and dialog.isVisible()
    from PySide6.QtWidgets import QTextBrowser

    text = dialog.findChild(QTextBrowser).toPlainText()
    assert "Shift+F3" in text and "یافتهٔ بعدی" in text
    about = show_about(window)
    assert "بایگان" in about.text()
    about.close()
    dialog.close()


def test_the_article_last_read_comes_back(qtbot, window) -> None:
    from tests.gui.conftest import search
    from viewer.gui.window.main_window import MainWindow

    search(qtbot, window, "اصفهان")
    second = window.results_model.article_id(1)
    window.open_article(second)
    window.close()
    again = MainWindow(window.paths, Settings(window.paths.settings_path), auto_index=False)
    qtbot.addWidget(again)
    again.show()
    with qtbot.waitSignal(again.results_shown, timeout=WAIT_MS):
        again.start()
    assert again.search_bar.box.text() == "اصفهان"
    assert again.article_pane.article is not None and again.article_pane.article.id == second
    again.close()
