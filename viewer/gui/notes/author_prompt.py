"""The name on the researcher's notes: asked once, the first time they highlight or write a note
(before the note dialog, not after it), and changeable under View. The login name is only offered
as a suggestion, selected so that typing replaces it; Cancel makes no note and asks again next
time; an empty name is kept as the researcher's choice (notes without a name)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from viewer.core.login_name import login_name

if TYPE_CHECKING:
    from viewer.app.library import Library

NAME_ACTION = "authorNameAction"


translate = QCoreApplication.translate


def ask_name(library: Library, parent: QWidget) -> str | None:
    """Asks for the name (the one kept, else the login name, offered); None when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("authorNameDialog")
    dialog.setWindowTitle(translate("NotesController", "Your name on notes"))
    dialog.setLabelText(translate("NotesController",
                                  "The name shown on your notes and replies (you can change it later under View):"))
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    known = library.settings.author
    dialog.setTextValue(known if known is not None else login_name())
    line = dialog.findChild(QLineEdit)
    if line is not None:
        line.selectAll()  # a suggestion: typing replaces it
    if not dialog.exec():
        return None
    return library.remember_author(dialog.textValue())


def ask_author_once(library: Library, parent: QWidget) -> str | None:
    """The name for a new note: the one kept, else asked now; None when the researcher cancelled."""
    known = library.settings.author
    return known if known is not None else ask_name(library, parent)


def name_action(library: Library, parent: QWidget) -> QAction:
    """View → "Your name on notes…": change the name later."""
    action = QAction(parent)
    action.setObjectName(NAME_ACTION)
    action.triggered.connect(lambda: ask_name(library, parent))
    retranslate_name_action(action)
    return action


def retranslate_name_action(action: QAction) -> None:
    action.setText(translate("NotesController", "Your name on notes…"))
