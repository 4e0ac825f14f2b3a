"""The application, set up in one place: fonts, language and direction, theme, error handling,
one window per data folder; then the window (or, with a screenshot file, one picture of it)."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from viewer.app.settings import LANGUAGE, LAST_QUERY, THEME, Settings
from viewer.core.paths import DataPaths, resources_dir
from viewer.gui.common.crash_handler import CrashHandler, setup_logging
from viewer.gui.common.fonts import app_font, register_fonts
from viewer.gui.common.theme import apply_theme, set_icons_dir
from viewer.gui.common.translations import set_language

if TYPE_CHECKING:
    from viewer.gui.lab.lab_control import LabControl
    from viewer.gui.window.main_window import MainWindow

SCREENSHOT_SIZE = (1440, 900)


def application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Bayegan")
    app.setOrganizationName("Bayegan")
    app.setDesktopFileName("bayegan")
    icon = resources_dir() / "icons" / "bayegan-256.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def load_engine_beside(first_query: str = "") -> None:
    """Starts importing the search engine on a thread of its own, while the theme, the fonts and the
    window are made on this one (much of which Qt does without the interpreter): the archive's opening
    then starts with its modules loaded, and the first search of a word (`first_query`) with hazm's
    tables (the empty box's first rows do not wait for them)."""
    from viewer.app.library import load_engine

    threading.Thread(target=load_engine, args=(bool(first_query.strip()),), name="load-engine", daemon=True).start()


def prepare(app: QApplication, settings: Settings, theme: str | None = None, language: str | None = None,
            icons_dir: Path | None = None) -> str:
    """Font, language (with layout direction) and theme; returns the font family in use."""
    family = register_fonts()
    app.setFont(app_font(family))
    if language:
        settings.set(LANGUAGE, language)
    if theme:
        settings.set(THEME, theme)
    set_language(app, settings.language)
    if icons_dir is not None:
        set_icons_dir(icons_dir)
    apply_theme(app, settings.theme, family)
    return family


def run_gui(paths: DataPaths, query: str | None = None, open_id: str | None = None, theme: str | None = None,
            language: str | None = None, screenshot: Path | None = None,
            screenshot_size: tuple[int, int] | None = None) -> int:
    app = application()
    paths = paths.ensure()
    setup_logging(paths.log_dir)
    settings = Settings(paths.settings_path)

    guard = None
    if screenshot is None:
        from viewer.gui.window.single_instance import SingleInstance

        guard = SingleInstance(paths.data_dir, app)
        if not guard.claim(query, open_id):
            # Printed before the translator is installed: in both languages.
            print("Bayegan is already open for this data folder: its window was brought to the front.\n"
                  "بایگان برای این پوشهٔ داده باز است: پنجرهٔ آن جلو آورده شد.", file=sys.stderr)
            return 0

    load_engine_beside(query if query is not None else settings.get(LAST_QUERY))
    family = prepare(app, settings, theme, language, icons_dir=paths.config_dir / "theme-icons")
    crash_handler = CrashHandler(paths, show_dialog=screenshot is None)
    crash_handler.install()
    from viewer.gui.window.main_window import MainWindow

    window = MainWindow(paths, settings, family)
    if guard is not None:
        guard.raise_requested.connect(lambda: bring_to_front(window))
        guard.query_requested.connect(window.search_for)
        guard.open_requested.connect(window.open_article)
    if screenshot is not None:
        from viewer.gui.window.screenshot import ScreenshotTaker

        taker = ScreenshotTaker(window, screenshot)
        window.resize(*(screenshot_size or SCREENSHOT_SIZE))  # not the remembered size: the offscreen screen would clamp it
        window.show()
        window.start(query, open_id)
        code = app.exec()
        crash_handler.uninstall()
        return code if taker.saved else 1
    window.show()
    window.start(query, open_id)
    lab_control = start_lab(window, paths, settings)
    window.session.close_on_terminate()
    try:
        return app.exec()
    finally:
        lab_control.stop()
        crash_handler.uninstall()
        if guard is not None:
            guard.release()


def start_lab(window: MainWindow, paths: DataPaths, settings: Settings) -> LabControl:
    """The lab's control in the window: its menu item and indicator, syncing at once and on its timers;
    what a sync brings (or deletes) shows in the notes and research panels."""
    from viewer.gui.lab.lab_control import LabControl

    lab_control = LabControl(window, paths, settings)
    lab_control.received.connect(window.shared_work_received)
    lab_control.start()
    return lab_control


def bring_to_front(window: QApplication | object) -> None:
    from PySide6.QtWidgets import QWidget

    if isinstance(window, QWidget):
        window.setWindowState((window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive)
        window.show()
        window.raise_()
        window.activateWindow()
