"""File → Export PDF: choose what to export (by default what the window shows: the chosen collection or
the whole result list; see common/export_scope.py), with or without notes, and where; the export runs
off the UI thread behind a progress dialog that can cancel it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from viewer.app.settings import EXPORT_FOLDER
from viewer.core.bidi import ltr_isolated
from viewer.core.errors import CancelledError
from viewer.gui.common.crash_handler import user_message
from viewer.gui.common.digits import number
from viewer.gui.common.export_scope import ExportChoices, Scope, ScopeChooser
from viewer.gui.common.save_file_row import SaveFileRow
from viewer.gui.common.tasks import TaskRunner

if TYPE_CHECKING:
    from viewer.app.library import Library
    from viewer.app.settings import Settings
    from viewer.app.types import ExportReport

translate = QCoreApplication.translate
_running: set[ExportJob] = set()  # keeps a job alive until it reports back


def _count(n: int) -> str:
    return number(n, grouped=False)


def pdf_title(choices: ExportChoices, scope: Scope) -> str | None:
    """The PDF's document title (None: the export's default, an article's own title for one article)."""
    if scope is Scope.RESULTS and choices.query.strip():
        return f"بایگان — {choices.query.strip()}"
    if scope is Scope.COLLECTION and choices.collection:
        return f"بایگان — {choices.collection}"
    if scope is Scope.NOTED:
        return "بایگان — خبرهای یادداشت‌دار"
    return None


def default_file_name(choices: ExportChoices, scope: Scope) -> str:
    return choices.file_stem(scope, "bayegan-export") + ".pdf"


class ExportDialog(QDialog):
    def __init__(self, choices: ExportChoices, folder: Path, parent: QWidget | None = None, author: str = ""):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export PDF"))
        self.choices = choices
        self.folder = folder

        self.scope_box = ScopeChooser(choices, tuple(Scope), self)
        self.scope_buttons = self.scope_box.buttons
        self.scope_box.changed.connect(self._scope_changed)

        self.with_notes_box = QCheckBox(self.tr("With highlights and notes"), self)
        self.with_notes_box.setObjectName("withNotes")
        self.with_notes_box.setChecked(True)

        self.file_row = SaveFileRow(self, "exportPath", path_name=self.tr("PDF file to write"),
                                    choose_text=self.tr("Choose…"), choose_name=self.tr("Choose the PDF file…"),
                                    save_caption=self.tr("Save the PDF as"),
                                    file_filter=lambda: self.tr("PDF files (*.pdf)"), suffix=".pdf")
        self.path_edit = self.file_row.path_edit

        # The PDF's title (default: the article's or the search's) and author, and what to do after.
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("exportTitle")
        self.author_edit = QLineEdit(author, self)
        self.author_edit.setObjectName("exportAuthor")
        self.open_box = QCheckBox(self.tr("Open the PDF when it is written"), self)
        self.open_box.setObjectName("openAfterExport")
        details = QFormLayout()
        details.addRow(self.tr("Title:"), self.title_edit)
        details.addRow(self.tr("Author:"), self.author_edit)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)

        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scope_box)
        layout.addWidget(self.with_notes_box)
        layout.addLayout(details)
        layout.addWidget(self.file_row)
        layout.addWidget(self.open_box)
        layout.addWidget(self.buttons)
        self._scope_changed()

    def pdf_title(self) -> str | None:
        scope = self.scope()
        return self.title_edit.text().strip() or (pdf_title(self.choices, scope) if scope is not None else None)

    def pdf_author(self) -> str | None:
        return self.author_edit.text().strip() or None

    def scope(self) -> Scope | None:
        return self.scope_box.scope()

    def article_ids(self) -> list[str]:
        scope = self.scope()
        return self.choices.ids(scope) if scope else []

    def with_notes(self) -> bool:
        return self.with_notes_box.isChecked()

    def out_path(self) -> Path:
        return self.file_row.out_path()

    def _scope_changed(self, *_args: object) -> None:
        scope = self.scope()
        if scope is not None:
            self.file_row.suggest(self.folder / default_file_name(self.choices, scope))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(scope is not None)

    def _accept_if_valid(self) -> None:
        path = self.out_path()
        if not self.article_ids() or not self.file_row.text():
            return
        if not self.file_row.folder_exists(self.windowTitle(), self.tr("The folder {folder} does not exist.")):
            return
        if path.suffix.lower() != ".pdf":
            self.path_edit.setText(str(path) + ".pdf")
        self.accept()


class ExportJob(QObject):
    """One export on a worker thread, reporting to a progress dialog; `finished` carries the report."""

    progressed = Signal(int, int, str)
    finished = Signal(object)  # ExportReport
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget, library: Library, article_ids: Sequence[str], out: Path,
                 *, with_notes: bool = True, title: str | None = None, author: str | None = None, query: str = ""):
        super().__init__(parent)
        self.parent_widget = parent
        self.library = library
        self.article_ids = list(article_ids)
        self.out = out
        self.with_notes = with_notes
        self.title = title
        self.author = author
        self.query = query  # its hits are marked, as in the reading pane
        self.cancel_requested = threading.Event()
        self.runner = TaskRunner(max_threads=1, parent=self)
        self.progress = QProgressDialog(self.tr("Exporting…"), self.tr("Cancel"), 0,
                                        max(1, 2 * len(self.article_ids)), parent)
        self.progress.setObjectName("exportProgress")
        self.progress.setWindowTitle(self.tr("Export PDF"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(400)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self.cancel)
        self.progressed.connect(self._show_progress)

    def start(self) -> None:
        from viewer.export.qt_runtime import register_fonts

        register_fonts()  # on the UI thread, before the worker lays text out
        _running.add(self)
        self.progress.setValue(0)
        self.runner.run(self._work, self._done, self._failed)

    def cancel(self) -> None:
        self.cancel_requested.set()
        self.progress.setLabelText(self.tr("Cancelling…"))

    def wait(self, msecs: int = -1) -> bool:
        return self.runner.wait(msecs)

    # -- worker thread ----------------------------------------------------------------------------
    def _work(self) -> ExportReport:
        # The Library opens a searcher and a notes connection of this worker's own.
        return self.library.export_pdf(self.article_ids, self.out, with_notes=self.with_notes, title=self.title,
                                       author=self.author, progress=self.progressed.emit,
                                       cancel=self.cancel_requested.is_set, query=self.query)

    # -- UI thread --------------------------------------------------------------------------------
    def _show_progress(self, done: int, total: int, label: str) -> None:
        if self.cancel_requested.is_set():
            return
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(min(done, total))
        if label:
            self.progress.setLabelText(label)

    def _finish(self) -> None:
        self.progress.reset()  # stops its show-after-a-delay timer: a closed dialog must not pop up later
        self.progress.close()
        _running.discard(self)

    def _done(self, report: ExportReport) -> None:
        self._finish()
        self.finished.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if isinstance(exc, CancelledError):
            self.cancelled.emit()
        else:
            self.failed.emit(user_message(exc))


def _start_folder(settings: Settings) -> Path:
    remembered = settings.get(EXPORT_FOLDER)
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def run_export_dialog(parent: QWidget, library: Library | None, choices: Callable[[], ExportChoices],
                      status: Callable[[str], None]) -> ExportJob | None:
    """Asks what to export (of `choices()`) and where, then exports in the background; `status` tells
    how it went. Returns the running job (None if cancelled)."""
    if library is None:
        QMessageBox.information(parent, translate("ExportDialog", "Export PDF"),
                                translate("ExportDialog", "The archive is not open yet."))
        return None
    settings = library.settings
    dialog = ExportDialog(choices(), _start_folder(settings), parent, author=library.author())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    scope = dialog.scope()
    assert scope is not None
    out = dialog.out_path()
    settings.set(EXPORT_FOLDER, str(out.parent))
    settings.save()
    job = ExportJob(parent, library, dialog.article_ids(), out,
                    with_notes=dialog.with_notes(), title=dialog.pdf_title(), author=dialog.pdf_author(),
                    query=dialog.choices.query)
    job.finished.connect(lambda report: status(translate(
        "ExportDialog", "Exported {count} articles ({pages} pages) to {path}").format(
        count=_count(len(report.article_pages)), pages=_count(report.pages), path=ltr_isolated(str(report.path)))))
    if dialog.open_box.isChecked():
        job.finished.connect(lambda report: QDesktopServices.openUrl(QUrl.fromLocalFile(str(report.path))))
    job.cancelled.connect(lambda: status(translate("ExportDialog", "Export cancelled.")))
    job.failed.connect(lambda message: QMessageBox.warning(parent, translate("ExportDialog", "Export PDF"), message))
    job.start()
    return job
