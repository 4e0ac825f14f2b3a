"""Above the article: the other files holding the same text (exact copies, one article) and the
article's near duplicates (republished variants), each a link that opens it."""

from __future__ import annotations

from html import escape
from urllib.parse import quote, unquote

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from viewer.core.bidi import isolated, ltr_isolated
from viewer.core.results import SimilarArticle
from viewer.core.source_names import file_name
from viewer.gui.common.digits import digits, number
from viewer.gui.common.translations import current_language

_SCHEME = "article:"


class CopiesBar(QLabel):
    """Hidden for an article that has one file and no near duplicates."""

    open_requested = Signal(str)  # article id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("copiesBar")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setContentsMargins(8, 2, 8, 4)
        self.linkActivated.connect(self._activated)
        self.sources: list[str] = []
        self.similar: list[SimilarArticle] = []
        self.hide()

    def show_copies(self, sources: list[str], similar: list[SimilarArticle]) -> None:
        self.sources, self.similar = list(sources), list(similar)
        self._render()

    def _render(self) -> None:
        lines = []
        comma = "، " if current_language() == "fa" else ", "
        if len(self.sources) > 1:
            files = comma.join(ltr_isolated(escape(file_name(path))) for path in self.sources)
            lines.append(self.tr("Saved in {count} files: {files}").format(count=number(len(self.sources)), files=files))
        if self.similar:
            percent = "٪" if current_language() == "fa" else "%"
            links = comma.join(f'<a href="{_SCHEME}{quote(s.id)}">{isolated(escape(s.title or s.id))}</a> '
                             f"({digits(str(round(s.score * 100)))}{percent})" for s in self.similar)
            lines.append(self.tr("Near duplicates: {articles}").format(articles=links))
        self.setText("<br>".join(lines))
        self.setToolTip("\n".join(self.sources) if len(self.sources) > 1 else "")
        self.setVisible(bool(lines))

    def _activated(self, link: str) -> None:
        if link.startswith(_SCHEME):
            self.open_requested.emit(unquote(link[len(_SCHEME):]))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._render()
        super().changeEvent(event)
