"""The files an indexing run did not take in, inspectable in the window: those that could not be
read and those of a type Bayegan does not read, each with its reason (the CLI prints the same)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from viewer.core.bidi import LRI, PDI, ltr_isolated
from viewer.gui.common.digits import number
from viewer.gui.common.translations import current_language

# {"path", "error", "error_fa"} for a failed file, {"path", "reason", "reason_fa"} for a skipped one
Problem = dict[str, str]


def said(problem: Problem, key: str) -> str:
    """The problem's reason (`key`: "error" or "reason") in the interface language; English when a
    Persian one is missing (an index synced by an older version)."""
    if current_language() == "fa":
        return problem.get(f"{key}_fa") or problem.get(key, "")
    return problem.get(key, "")


def problems_summary(failed: int, skipped: int) -> str:
    """How many files could not be read and how many were skipped, each named as such: the status
    bar's button and the list's heading say it alike (the button once said "2 files not read" over
    a list of 0 unread and 2 skipped)."""
    translate = QCoreApplication.translate
    if failed and skipped:
        return translate("ImportProblemsDialog", "{failed} files could not be read; {skipped} were skipped").format(
            failed=number(failed), skipped=number(skipped))
    if failed:
        return translate("ImportProblemsDialog", "{failed} files could not be read").format(failed=number(failed))
    return translate("ImportProblemsDialog", "{skipped} files skipped").format(skipped=number(skipped))


class ImportProblemsDialog(QDialog):
    def __init__(self, failed: list[Problem], skipped: list[Problem], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importProblems")
        self.setWindowTitle(self.tr("Files not taken in"))
        summary = QLabel(problems_summary(len(failed), len(skipped)) + ".", self)
        summary.setObjectName("importProblemsSummary")
        summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("importProblemsList")
        self.tree.setAccessibleName(self.tr("Files not taken in, with the reason"))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("File"), self.tr("Reason")])
        self.tree.setWordWrap(True)
        self.tree.setRootIsDecorated(True)
        for title, problems, key in ((self.tr("Could not be read"), failed, "error"),
                                     (self.tr("Skipped (a type Bayegan does not read)"), skipped, "reason")):
            if not problems:
                continue
            group = QTreeWidgetItem(self.tree, [f"{title} ({number(len(problems))})"])
            group.setFirstColumnSpanned(True)
            for problem in problems:
                path = problem.get("path", "")
                item = QTreeWidgetItem(group, [ltr_isolated(path), said(problem, key)])
                item.setToolTip(0, ltr_isolated(path))
                item.setToolTip(1, said(problem, key))
            group.setExpanded(True)
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def listed(self) -> list[tuple[str, str]]:
        """(path, reason) of every listed file, for tests."""
        rows = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for i in range(group.childCount() if group is not None else 0):
                child = group.child(i) if group is not None else None
                if child is not None:
                    rows.append((child.text(0).strip(LRI + PDI), child.text(1)))
        return rows
