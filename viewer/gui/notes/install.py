"""Puts the notes panel into the main window (one call from MainWindow.__init__): the panel is handed
the Library, and the window's parts it needs (the reading pane, the menus) by argument."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from viewer.core.errors import BayeganError
from viewer.gui.common.translations import current_language
from viewer.gui.notes.author_prompt import ask_author_once, name_action
from viewer.gui.notes.controller import NotesController
from viewer.gui.notes.panel import NotesPanel

if TYPE_CHECKING:
    from viewer.app.library import Library
    from viewer.gui.window.main_window import MainWindow

log = logging.getLogger(__name__)

NOTES_DOCK_WIDTH = 250


def install_notes(window: MainWindow, library: Library, file_menu: QMenu, before: QAction,
                  view_menu: QMenu) -> NotesController | None:
    """Opens the Library's notes, docks the panel beside the article and wires it; None if the notes
    cannot be opened (the window works on without notes and says why). The panel's export and import
    go into `file_menu` before `before`; its actions and the dock's toggle into `view_menu`."""
    try:
        library.notes  # noqa: B018 - opens the notes database (on the UI thread, which owns it)
    except BayeganError as exc:
        log.error("notes not opened: %s", exc.en)
        window.statusBar().showMessage(exc.message(current_language()))
        return None
    panel = NotesPanel(library, author=lambda: ask_author_once(library, window), parent=window)
    controller = NotesController(panel, window.article_pane.view, library.settings, parent=window)
    window.article_pane.article_shown.connect(controller.article_shown)
    panel.open_article_requested.connect(window.open_article)
    window.archive_synced.connect(controller.refresh)  # a re-index may have moved notes
    window.library_closing.connect(panel.library_closing)
    dock = window.add_side_panel(panel, QCoreApplication.translate("NotesPanel", "Notes"))
    dock.setObjectName("dock-notes")
    panel.retranslate()  # now in the dock: it titles it, and retitles it when the language changes
    window.resizeDocks([dock], [NOTES_DOCK_WIDTH], Qt.Orientation.Horizontal)
    window.addActions([panel.highlight_action, panel.note_action])
    window.article_pane.view.selection_actions = [panel.highlight_action, panel.note_action]
    file_menu.insertActions(before, [panel.export_action, panel.import_action])
    file_menu.insertSeparator(before)
    view_menu.addSeparator()
    naming = name_action(library, window)
    panel.addAction(naming)  # retitled with the panel's actions when the language changes
    view_menu.addActions([panel.highlight_action, panel.note_action, naming, dock.toggleViewAction()])
    return controller
