"""The notice over an empty results list: what was searched and what to try, instead of three
blank panes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel


class EmptyNotice(QLabel):
    def __init__(self, view: QAbstractItemView):
        super().__init__(view.viewport())
        self.setObjectName("noResults")
        self.view = view
        self.query = ""
        self.indexing = False
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.PlainText)
        view.viewport().installEventFilter(self)
        self.hide()

    def show_for(self, query: str, total: int) -> None:
        self.query = query
        self.retranslate()
        self.setVisible(total == 0)
        self._fit()

    def set_indexing(self, on: bool) -> None:
        """While the archive is being indexed an empty list is not an empty archive (the first start's
        sample, a folder just added)."""
        self.indexing = on
        self.retranslate()

    def retranslate(self) -> None:
        if self.query.strip():
            self.setText(self.tr("Nothing matches «{query}».\nTry fewer or other words, a shorter form "
                                 "(اصفهان rather than اصفهانی), or clear the tag filters.").format(query=self.query))
        elif self.indexing:
            self.setText(self.tr("Indexing the archive… its articles appear here as soon as it is done."))
        else:
            self.setText(self.tr("The archive is empty. Add a folder of articles from the File menu."))

    def _fit(self) -> None:
        self.setGeometry(self.view.viewport().rect().adjusted(12, 12, -12, -12))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


