"""The status bar's indexing corner: what is being read, a progress bar and a cancel button."""

from __future__ import annotations

from pathlib import PurePath

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from viewer.core.bidi import ltr_isolated
from viewer.gui.archive.indexer import Indexer
from viewer.gui.common.digits import number
from viewer.gui.common.retranslating import Retranslating


class IndexingStatus(Retranslating, QWidget):
    def __init__(self, indexer: Indexer, parent: QWidget | None = None):
        super().__init__(parent)
        self.indexer = indexer
        self.label = QLabel(self)
        self.label.setObjectName("indexingLabel")
        self.label.setMaximumWidth(320)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("indexingProgress")
        self.bar.setFixedWidth(180)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelIndexing")
        self.cancel_button.clicked.connect(self._cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        indexer.started.connect(self._started)
        indexer.progress.connect(self._progress)
        indexer.page_progress.connect(self._page_progress)
        indexer.finished.connect(self._stopped)
        indexer.cancelled.connect(self._stopped)
        indexer.failed.connect(self._stopped)
        # the last progress (done, total, path, page, pages): page 0 when not a page read by OCR
        self._shown: tuple[int, int, str, int, int] | None = None
        self._pages_counted = False
        self.retranslate()
        self.hide()

    def _started(self) -> None:
        self.bar.setRange(0, 0)
        self._shown = None
        self._pages_counted = False  # scans' pages read by OCR count in done and total
        self.label.setText(self.tr("Indexing…"))
        self.cancel_button.setEnabled(True)
        self.show()

    def _progress(self, done: int, total: int, path: str) -> None:
        self._page_progress(done, total, path, 0, 0)

    def _page_progress(self, done: int, total: int, path: str, page: int, pages: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self._shown = (done, total, path, page, pages)
        self._pages_counted = self._pages_counted or bool(page)
        self._say_progress()

    def _say_progress(self) -> None:
        """The label for the last progress, in the interface language."""
        if self._shown is None:
            self.label.setText(self.tr("Indexing…"))
            return
        done, total, path, page, pages = self._shown
        name = PurePath(path).name if path else ""
        # Articles, not files (one JSONL file may hold thousands); the total only grows, as files are
        # read (see viewer.search.indexing.sync_progress). A scan says which of its pages is being read.
        if page:
            self.label.setText(self.tr("OCR page {page} of {pages} — {name}").format(
                page=number(page), pages=number(pages), name=ltr_isolated(name)))
        else:
            counted = (self.tr("Indexing {done} of {total} articles and pages: {name}") if self._pages_counted
                       else self.tr("Indexing {done} of {total} articles: {name}"))
            self.label.setText(counted.format(done=number(done), total=number(total), name=ltr_isolated(name)))
        self._say_tooltip()
        if total and done >= total and not path:
            # Every file read; what is left is saving, which cannot be cut short.
            self.cancel_button.setEnabled(False)
            self.label.setText(self.tr("Saving the index…"))

    def _say_tooltip(self) -> None:
        path = self._shown[2] if self._shown is not None else ""
        self.label.setToolTip(ltr_isolated(path) + "\n" + self.tr(
            "The total grows as files are read: a file not read yet counts as one article until it is, "
            "and a page read by OCR counts as one."))

    def _stopped(self, *_args: object) -> None:
        if not self.indexer.busy:
            self.hide()

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Cancelling…"))
        self.indexer.cancel()

    def retranslate(self) -> None:
        if self.cancel_button.isEnabled():
            self._say_progress()
        else:
            self.label.setText(self.tr("Saving the index…") if not self.indexer.cancel_requested else self.tr("Cancelling…"))
            self._say_tooltip()
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop indexing; what was read so far is kept"))
        self.cancel_button.setAccessibleName(self.tr("Cancel indexing"))
        self.bar.setAccessibleName(self.tr("Indexing progress"))
