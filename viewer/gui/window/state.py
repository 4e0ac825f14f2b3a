"""What the main window remembers between sessions (geometry, splitter, docks, query, sort, zoom, the
article read last), in the Library's settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray

from viewer.gui.common.theme import current_theme
from viewer.gui.common.translations import current_language

if TYPE_CHECKING:
    from viewer.gui.window.main_window import MainWindow


def restore_state(window: MainWindow) -> None:
    geometry = window.settings.get("geometry")
    if not geometry or not window.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii"))):
        room = window.screen().availableGeometry()  # a 1024×600 netbook gets a window that fits
        window.resize(min(1280, room.width()), min(800, room.height()))
    splitter = window.settings.get("splitter")
    if splitter:
        window.splitter.restoreState(QByteArray.fromBase64(splitter.encode("ascii")))
    window_state = window.settings.get("window_state")
    if window_state:
        window.restoreState(QByteArray.fromBase64(window_state.encode("ascii")))
    window.search_bar.set_sort(window.settings.get("sort"))
    window.search_bar.set_query(window.settings.get("last_query") or "")
    (window.window_actions.theme_dark if current_theme() == "dark" else window.window_actions.theme_light).setChecked(True)
    (window.window_actions.lang_en if current_language() == "en" else window.window_actions.lang_fa).setChecked(True)


def save_state(window: MainWindow) -> None:
    s = window.settings
    s.set("geometry", bytes(window.saveGeometry().toBase64().data()).decode("ascii"))
    s.set("splitter", bytes(window.splitter.saveState().toBase64().data()).decode("ascii"))
    s.set("window_state", bytes(window.saveState().toBase64().data()).decode("ascii"))
    s.set("last_query", window.search_bar.box.text())
    s.set("sort", window.search_bar.sort)
    s.set("zoom", window.article_pane.view.zoom)
    s.set("last_article", window.article_pane.article.id if window.article_pane.article else "")
    s.save()
