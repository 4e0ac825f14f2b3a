"""The status bar's "files not taken in" button: after an indexing run that failed or skipped
files it stays until the next run, and opens the list of them with their reasons. The button and
the list say the same numbers in the same words (`problems_summary`). Files of the bundled sample
archive (its licence and readme, which are not articles) are not the researcher's problem: they
are left out of both."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QPushButton, QWidget

from viewer.core.paths import sample_archive_dir
from viewer.core.results import SyncReport
from viewer.gui.archive.import_problems import ImportProblemsDialog, Problem, problems_summary
from viewer.gui.common.retranslating import Retranslating

log = logging.getLogger(__name__)


def in_sample(problem: Problem) -> bool:
    """Whether the problem is of a file of the bundled sample archive."""
    sample = sample_archive_dir().resolve()
    path = Path(problem.get("path", ""))
    return path == sample or sample in path.parents


class ProblemsButton(Retranslating, QPushButton):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importProblemsButton")
        self.failed: list[Problem] = []
        self.skipped: list[Problem] = []
        self.dialog: ImportProblemsDialog | None = None
        self.clicked.connect(self.show_list)
        self.hide()

    def show_report(self, report: SyncReport) -> None:
        sample = [p for p in (*report.failed, *report.skipped) if in_sample(p)]
        if sample:
            log.info("the sample archive's files not taken in (expected): %s", [p.get("path") for p in sample])
        self.failed = [p for p in report.failed if not in_sample(p)]
        self.skipped = [p for p in report.skipped if not in_sample(p)]
        self.retranslate()
        self.setVisible(bool(self.failed or self.skipped))

    def show_list(self) -> ImportProblemsDialog:
        self.dialog = ImportProblemsDialog(self.failed, self.skipped, self.window())
        self.dialog.show()
        return self.dialog

    def retranslate(self) -> None:
        self.setText(problems_summary(len(self.failed), len(self.skipped)) + "…")
        self.setToolTip(self.tr("Which files were not read, and why"))
        self.setAccessibleName(self.tr("Files not taken in"))
