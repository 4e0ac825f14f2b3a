"""The status bar's "files not taken in" button: after an indexing run that failed or skipped
files it stays until the next run, and opens the list of them with their reasons."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QPushButton, QWidget

from viewer.core.results import SyncReport
from viewer.gui.archive.import_problems import ImportProblemsDialog, Problem
from viewer.gui.common.digits import number


class ProblemsButton(QPushButton):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importProblemsButton")
        self.failed: list[Problem] = []
        self.skipped: list[Problem] = []
        self.dialog: ImportProblemsDialog | None = None
        self.clicked.connect(self.show_list)
        self.hide()

    def show_report(self, report: SyncReport) -> None:
        self.failed = list(report.failed)
        self.skipped = list(getattr(report, "skipped", []))
        self.retranslate()
        self.setVisible(bool(self.failed or self.skipped))

    def show_list(self) -> ImportProblemsDialog:
        self.dialog = ImportProblemsDialog(self.failed, self.skipped, self.window())
        self.dialog.show()
        return self.dialog

    def retranslate(self) -> None:
        self.setText(self.tr("{count} files not taken in…").format(count=number(len(self.failed) + len(self.skipped))))
        self.setToolTip(self.tr("Which files were not read, and why"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
