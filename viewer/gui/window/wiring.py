"""The main window's wiring: its menu actions and widgets connected to what they do, and the Tab order."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from viewer.gui.archive import window_folders
from viewer.gui.common.theme import current_theme
from viewer.gui.dialogs.help_dialogs import show_about, show_query_help, show_shortcuts
from viewer.gui.research.stories_menu import StoriesMenu
from viewer.gui.results.story_keys import StoryKeys

if TYPE_CHECKING:
    from viewer.gui.window.main_window import MainWindow


def connect_actions(window: MainWindow) -> None:
    a = window.window_actions
    a.focus_search.triggered.connect(window.focus_search)
    a.add_folder.triggered.connect(lambda: window_folders.choose_folder(window))
    a.manage_folders.triggered.connect(lambda: window_folders.manage_folders(window))
    a.rescan.triggered.connect(window.rescan)
    a.export_pdf.triggered.connect(window.export_pdf)
    a.quit.triggered.connect(window.close)
    a.next_hit.triggered.connect(window.article_pane.view.next_hit)
    a.previous_hit.triggered.connect(window.article_pane.view.previous_hit)
    a.zoom_in.triggered.connect(window.article_pane.view.zoom_in)
    a.zoom_out.triggered.connect(window.article_pane.view.zoom_out)
    a.zoom_reset.triggered.connect(lambda: window.article_pane.view.set_zoom(0))
    a.next_result.triggered.connect(lambda: window._step_result(1))
    a.previous_result.triggered.connect(lambda: window._step_result(-1))
    a.clear_tags.triggered.connect(window.tag_model.clear_checked)
    a.theme_light.triggered.connect(lambda: window.set_theme("light"))
    a.theme_dark.triggered.connect(lambda: window.set_theme("dark"))
    a.toggle_theme.triggered.connect(lambda: window.set_theme("dark" if current_theme() == "light" else "light"))
    a.lang_fa.triggered.connect(lambda: window.set_language("fa"))
    a.lang_en.triggered.connect(lambda: window.set_language("en"))
    a.shortcuts.triggered.connect(lambda: show_shortcuts(window, window.shortcut_actions()))
    a.about.triggered.connect(lambda: show_about(window))
    a.query_help.triggered.connect(lambda: show_query_help(window))

    window.search_bar.search_requested.connect(window.search)
    # A keystroke makes the search in flight stale at once, not only when the debounced one starts:
    # its results would belong to a query the box no longer holds.
    window.search_bar.box.textEdited.connect(lambda _text: window.searches.discard_pending())
    window.search_bar.sort_changed.connect(lambda _sort: window.search(window.search_bar.box.text()))
    window.tag_model.checked_changed.connect(lambda _tags: window.search(window.search_bar.box.text()))
    window.results_view.selectionModel().currentChanged.connect(window._current_result_changed)
    window.results_model.dataChanged.connect(window._rows_arrived)
    window.article_pane.tag_clicked.connect(lambda tag: window.tag_model.set_checked(tag, True))
    window.article_pane.article_shown.connect(lambda article_id: show_copies(window, article_id))
    window.article_pane.copies.open_requested.connect(window.open_article)
    StoryKeys(window.results_view, window.results_model, lambda: open_current(window))
    StoriesMenu(window)
    window.results_shown.connect(lambda _result: window.search_bar.show_stories(window.results_model.stories))


def open_current(window: MainWindow) -> None:
    """Enter on a result: its article in the reading pane, the keyboard there."""
    article_id = window.results_model.article_id(window.results_view.currentIndex().row())
    if article_id and window._open_article(article_id):
        window.article_pane.view.setFocus(Qt.FocusReason.OtherFocusReason)


def show_copies(window: MainWindow, article_id: str) -> None:
    """The shown article's other files and near duplicates, above it."""
    library = window.library
    if library is None:
        return
    window.article_pane.copies.show_copies(library.sources(article_id).get(article_id, []), library.similar(article_id))


def set_tab_order(window: MainWindow) -> None:
    """Tab goes through the window as it reads: search, tags, results, the article and its
    buttons, then the notes."""
    pane, tags = window.article_pane, window.tag_panel
    chain: list[QWidget] = [window.search_bar.box, window.search_bar.sort_box, tags.filter_box, tags.list,
                            tags.clear_button, window.results_view, pane.view, pane.previous_button,
                            pane.next_button, pane.zoom_out_button, pane.zoom_in_button]
    notes = window.findChild(QWidget, "notesPanel")
    if notes is not None:
        chain += [w for w in notes.findChildren(QWidget) if w.focusPolicy() & Qt.FocusPolicy.TabFocus
                  and w.parentWidget() is notes]
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)
