"""The name on the researcher's notes: the Library's, asked once (the login name offered) when the
researcher has not given one yet, then remembered by the Library."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

if TYPE_CHECKING:
    from viewer.app.library import Library


def ask_author_once(library: Library, parent: QWidget) -> str:
    known = library.settings.author
    if known is not None:
        return known
    name, accepted = QInputDialog.getText(parent, QCoreApplication.translate("NotesController", "Your name"),
                                          QCoreApplication.translate("NotesController",
                                                                     "The name shown on your notes and replies:"),
                                          QLineEdit.EchoMode.Normal, library.author())
    return library.remember_author(name if accepted else "")
