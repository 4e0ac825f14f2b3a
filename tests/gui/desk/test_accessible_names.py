"""Issue 26, a screen reader can use the window: every button, box, list and field the window and its
dialogs show has an accessible name (its own, its text or its label's) in the interface's language —
Persian names in the Persian interface, English ones after switching — every menu item has a name, the
rows of lists read as text, and the article is a text a reader can read (Qt's Text interface).

A failure lists each unnamed control by class#objectName and its parents, so it can be found at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from tests.gui.conftest import WAIT_MS, search
from tests.gui.desk.accessibility import accessible_name, control_problems, menu_problems
from viewer.app.settings import FOLDERS
from viewer.gui.archive.folders_dialog import FoldersDialog
from viewer.gui.archive.problems_button import ProblemsButton
from viewer.gui.common.translations import current_language
from viewer.gui.dialogs.export_dialog import ExportDialog
from viewer.gui.dialogs.help_dialogs import show_about, show_query_help, show_shortcuts
from viewer.gui.lab.lab_control import LabControl
from viewer.gui.lab.lab_dialog import LabDialog
from viewer.gui.notes.note_dialog import NoteDialog
from viewer.gui.research.duplicates_dialog import DuplicatesDialog


def _open_dialogs(qtbot, window, folder: Path) -> list[QWidget]:  # type: ignore[no-untyped-def]
    """Every dialog a user can open beside the window, shown at once (they are closed by the caller)."""
    dialogs: list[QWidget] = [
        ExportDialog(window.export_choices(), folder, window),
        FoldersDialog(window.settings.get(FOLDERS), window),
        NoteDialog(window, QCoreApplication.translate("NotesPanel", "Edit note"), QCoreApplication.translate("NotesPanel", "Note:"),
                   context="خواهرخواندگی اصفهان و فلورانس"),
        LabDialog(None, window),
        DuplicatesDialog(window),
        show_shortcuts(window),
        show_query_help(window),
        show_about(window),
    ]
    problems = window.findChild(ProblemsButton)
    if problems is not None and problems.isVisible():
        dialogs.append(problems.show_list())
    for dialog in dialogs:
        dialog.show()
    discourse = window.discourse.show_dialog()
    qtbot.waitUntil(lambda: discourse.findings is not None, timeout=WAIT_MS)
    return [*dialogs, discourse]


def _problems(window, language: str) -> list[str]:  # type: ignore[no-untyped-def]
    """What is unnamed or in the other language: controls, the menu bar, and the context menus of the
    results and of a selection in the article."""
    view = window.article_pane.view
    view.selectAll()
    context_menus = [window.research.actions.context_menu(window.results_view), view.selection_menu(QPoint(5, 5))]
    problems = control_problems(language) + menu_problems(window.menuBar(), language)
    for menu in context_menus:
        problems += menu_problems(menu, language)
        menu.deleteLater()
    return problems


def _close(dialogs: list[QWidget]) -> None:
    for dialog in dialogs:
        if isinstance(dialog, QDialog):
            dialog.close()


def test_every_control_and_menu_item_is_named_in_both_languages(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    LabControl(window, window.paths, window.settings)  # its menu item, added to the window's menu bar
    search(qtbot, window, "اصفهان")
    assert current_language() == "fa"
    dialogs = _open_dialogs(qtbot, window, tmp_path)
    persian = _problems(window, "fa")
    _close(dialogs)
    window.window_actions.lang_en.trigger()
    qtbot.waitUntil(lambda: window.windowTitle().startswith("Bayegan"), timeout=WAIT_MS)  # LanguageChange is posted
    QApplication.processEvents()
    dialogs = _open_dialogs(qtbot, window, tmp_path)
    english = _problems(window, "en")
    _close(dialogs)
    assert not persian and not english, "\n".join(["Persian interface:", *persian, "English interface:", *english])


def test_the_article_is_readable_text_named_for_what_it_is(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    search(qtbot, window, "اصفهان")
    view = window.article_pane.view
    article = window.article_pane.article
    assert article is not None
    interface = QAccessible.queryAccessibleInterface(view)
    text = interface.textInterface()
    assert text is not None, "the article offers no Text interface to a screen reader"
    read = text.text(0, text.characterCount())
    assert article.title in read and article.text.split()[0] in read
    assert accessible_name(view) == "متن خبر"


def test_a_result_row_reads_as_its_title_snippet_and_tags(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """The delegate paints a row; a screen reader gets the same facts as text (not the title alone)."""
    search(qtbot, window, "اصفهان")
    model = window.results_model
    tagged = next(row for row in range(model.rowCount()) if model.row_data(row).tags)
    row = model.row_data(tagged)
    spoken = model.data(model.index(tagged), Qt.ItemDataRole.AccessibleTextRole)
    assert spoken and spoken.startswith(row.title)
    assert "اصفهان" in spoken[len(row.title):] and "<" not in spoken  # the snippet, without its marks
    assert all(tag in spoken for tag in row.tags)
    if row.date:  # (the sample's articles are undated)
        assert any("۰" <= ch <= "۹" for ch in spoken[len(row.title):])  # the Jalali date, in Persian digits
