"""Puts the notes panel into the main window (one call from MainWindow.__init__)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QMenu

from viewer.core.article import Article
from viewer.core.errors import BayeganError
from viewer.gui.notes.controller import NotesController
from viewer.gui.notes.panel import NotesPanel
from viewer.gui.translations import current_language
from viewer.notes.store import NotesStore

if TYPE_CHECKING:
    from viewer.gui.main_window import MainWindow

log = logging.getLogger(__name__)

NOTES_DOCK_WIDTH = 250


def install_notes(window: MainWindow) -> NotesController | None:
    """Opens the notes store, docks the panel beside the article and wires it; None if the store
    cannot be opened (the window works on without notes and says why)."""
    try:
        store = NotesStore(window.paths.ensure().notes_path, window.paths.backups_dir)
    except BayeganError as exc:
        log.error("notes not opened: %s", exc.en)
        window.statusBar().showMessage(exc.message(current_language()))
        return None

    def article(article_id: str) -> Article | None:
        return window.service.article(article_id) if window.service is not None else None

    def title_of(article_id: str) -> str:
        found = article(article_id)
        return found.title if found is not None else article_id

    panel = NotesPanel(store, parent=window)
    panel.get_article = article
    panel.title_of = title_of
    controller = NotesController(panel, window.article_pane.view, window.settings, parent=window)
    window.article_pane.article_shown.connect(controller.article_shown)
    panel.open_article_requested.connect(window.open_article)
    window.archive_ready.connect(lambda: _follow_indexing(window, controller))
    dock = window.add_side_panel(panel, QCoreApplication.translate("NotesPanel", "Notes"))
    dock.setObjectName("dock-notes")
    panel.retranslate()  # now in the dock: it titles it, and retitles it when the language changes
    window.resizeDocks([dock], [NOTES_DOCK_WIDTH], Qt.Orientation.Horizontal)
    _add_to_menus(window, panel, dock)
    panel.destroyed.connect(store.close)
    return controller


def _add_to_menus(window: MainWindow, panel: NotesPanel, dock: QDockWidget) -> None:
    actions = getattr(window, "window_actions", None)
    window.addActions([panel.highlight_action, panel.note_action])
    window.article_pane.view.selection_actions = [panel.highlight_action, panel.note_action]
    if actions is None:
        return
    file_menu: QMenu = actions.file_menu
    file_menu.insertActions(actions.export_pdf, [panel.export_action, panel.import_action])
    file_menu.insertSeparator(actions.export_pdf)
    view_menu: QMenu = actions.view_menu
    view_menu.addSeparator()
    view_menu.addActions([panel.highlight_action, panel.note_action, dock.toggleViewAction()])


def _follow_indexing(window: MainWindow, controller: NotesController) -> None:
    # A re-index may have moved notes (re-anchoring runs on the index thread).
    if window.indexer is not None:
        window.indexer.finished.connect(lambda _report: controller.refresh())
