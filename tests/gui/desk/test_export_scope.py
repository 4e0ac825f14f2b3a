"""Issue 26, item 5: an export acts on what the window shows. With a collection chosen the export
covers the collection (it exported the auto-selected first row: "1 written"), otherwise the whole
result list; the selected rows when asked (the default only when several are selected); the list's
format is the one used last (it went back to CSV); Enter adds to a collection in the Ctrl+Shift+A popup."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QWidget

from tests.gui.conftest import WAIT_MS

pytestmark = pytest.mark.gui

COLLECTION = "پرونده اصفهان"


def choose_collection(qtbot, win, ids: list[str]) -> None:  # type: ignore[no-untyped-def]
    """A collection of `ids`, chosen in the research panel; waits for its results."""
    collections = win.library.collections
    collections.create(COLLECTION)
    collections.add(COLLECTION, ids)
    win.research.collections.reload()
    with qtbot.waitSignal(win.results_shown, timeout=WAIT_MS):
        win.research.collections.choose(COLLECTION)
    assert win.result.total == len(ids)


def select_rows(win, rows: list[int]) -> None:  # type: ignore[no-untyped-def]
    view = win.results_view
    view.selectionModel().clearSelection()
    for row in rows:
        view.selectionModel().select(view.model().index(row, 0),
                                     QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def when_modal(kind: type[QWidget], act: Callable[[QWidget], None]) -> None:
    """When a modal `kind` opens: `act` on it (as a user would, on the real dialog)."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            act(dialog)
        else:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)


def back_to_the_list(qtbot, win) -> None:  # type: ignore[no-untyped-def]
    """The focus in the results list, as after a dialog closes on a desktop (offscreen keeps it in the dialog)."""
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=WAIT_MS)
    win.results_view.setFocus()


def test_the_pdf_and_list_exports_cover_the_chosen_collection_else_the_whole_list(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from viewer.gui.common.export_scope import Scope
    from viewer.gui.dialogs.export_dialog import ExportDialog

    all_ids = list(window.result.doc_ids or [])
    assert len(all_ids) == window.result.total > 40
    choices = window.export_choices()
    assert len(choices.selected_ids) == 1  # the first row, selected when the list came
    pdf = ExportDialog(choices, Path.home(), window)
    qtbot.addWidget(pdf)
    assert pdf.scope() is Scope.RESULTS and set(pdf.article_ids()) == set(all_ids)  # not the one row
    assert not pdf.scope_buttons[Scope.COLLECTION].isVisibleTo(pdf)  # no collection chosen

    chosen = all_ids[5:9]
    choose_collection(qtbot, window, chosen)
    window.search_bar.set_query("")
    choices = window.export_choices()
    assert choices.collection == COLLECTION and set(choices.collection_ids) == set(chosen)
    pdf = ExportDialog(choices, Path.home(), window)
    qtbot.addWidget(pdf)
    assert pdf.scope() is Scope.COLLECTION and set(pdf.article_ids()) == set(chosen)
    listing = window.research.actions.export_dialog()
    qtbot.addWidget(listing)
    assert listing.scope() is Scope.COLLECTION and set(listing.article_ids()) == set(chosen)

    select_rows(window, [0, 1])  # the selected rows only when several are selected
    listing = window.research.actions.export_dialog()
    qtbot.addWidget(listing)
    assert listing.scope() is Scope.SELECTED and len(listing.article_ids()) == 2
    listing.scope_box.buttons[Scope.COLLECTION].setChecked(True)
    assert set(listing.article_ids()) == set(chosen)


def test_ctrl_shift_e_writes_the_collection_in_the_format_used_last(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from viewer.app.settings import EXPORT_LIST_FORMAT
    from viewer.gui.research.export_list_dialog import ExportListDialog

    chosen = list(window.result.doc_ids or [])[:4]
    choose_collection(qtbot, window, chosen)
    actions = window.research.actions
    assert actions.export_list.shortcut().toString() == "Ctrl+Shift+E"

    def export_as(fmt: str, out: Path) -> Callable[[QWidget], None]:
        def act(dialog: QWidget) -> None:
            assert isinstance(dialog, ExportListDialog)
            seen.append(dialog.fmt())
            dialog.format_box.setCurrentIndex(dialog.format_box.findData(fmt))
            dialog.path_edit.setText(str(out))
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return act

    seen: list[str] = []
    back_to_the_list(qtbot, window)
    when_modal(ExportListDialog, export_as("csv", tmp_path / "first.csv"))
    QTest.keySequence(window.results_view, actions.export_list.shortcut())
    with (tmp_path / "first.csv").open(encoding="utf-8-sig") as f:
        assert len(list(csv.DictReader(f))) == 4  # the whole collection, not the first row
    assert "4" in window.statusBar().currentMessage() or "۴" in window.statusBar().currentMessage()

    when_modal(ExportListDialog, export_as("ris", tmp_path / "second.ris"))
    back_to_the_list(qtbot, window)
    QTest.keySequence(window.results_view, actions.export_list.shortcut())
    assert (tmp_path / "second.ris").read_text("utf-8").count("ER  -") == 4
    assert window.settings.get(EXPORT_LIST_FORMAT) == "ris"

    def look_and_cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, ExportListDialog)
        seen.append(dialog.fmt())
        dialog.reject()

    when_modal(ExportListDialog, look_and_cancel)
    back_to_the_list(qtbot, window)
    QTest.keySequence(window.results_view, actions.export_list.shortcut())
    assert seen == ["csv", "csv", "ris"]  # the format used last comes back


def test_enter_adds_to_the_collection_in_the_ctrl_shift_a_popup(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    collections = window.library.collections
    collections.create(COLLECTION)
    window.research.collections.reload()
    article_id = window.results_view.selected_article_ids()[0]
    actions = window.research.actions
    assert actions.add_to_collection.shortcut().toString() == "Ctrl+Shift+A"
    left_open: list[bool] = []

    def press_enter() -> None:
        popup = QApplication.activePopupWidget()
        if not isinstance(popup, QMenu):
            QTimer.singleShot(10, press_enter)
            return
        QTest.keyClick(popup, Qt.Key.Key_Return)
        if popup.isVisible():  # Enter did nothing: close it, so that the test goes on to say so
            left_open.append(True)
            popup.close()

    window.results_view.setFocus()
    QTimer.singleShot(0, press_enter)
    QTest.keySequence(window.results_view, actions.add_to_collection.shortcut())
    assert not left_open
    assert collections.ids(COLLECTION) == [article_id]
