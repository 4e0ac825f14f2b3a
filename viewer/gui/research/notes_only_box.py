"""The results limited to articles with notes (Scope.with_notes): a check box above the side panels."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from viewer.gui.common.retranslating import Retranslating


class NotesOnlyBox(Retranslating, QCheckBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("notesOnly")
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Only articles with notes"))
