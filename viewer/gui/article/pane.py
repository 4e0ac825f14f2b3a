"""The reading pane: a bar with the hit counter, previous/next hit and zoom above the article."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from viewer.core.article import Article
from viewer.gui.article.copies_bar import CopiesBar
from viewer.gui.article.document import Labels
from viewer.gui.article.view import ArticleView
from viewer.gui.common import shortcuts
from viewer.gui.common.digits import digits
from viewer.gui.common.translations import current_language


class ArticlePane(QWidget):
    article_shown = Signal(str)  # article id
    tag_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.view = ArticleView(self)
        self.view.tag_clicked.connect(self.tag_clicked)
        self.view.hits_changed.connect(self._show_counter)
        self.counter = QLabel(self)
        self.counter.setObjectName("hitCounter")
        self.previous_button = QToolButton(self)
        self.next_button = QToolButton(self)
        self.zoom_out_button = QToolButton(self)
        self.zoom_in_button = QToolButton(self)
        self.previous_button.clicked.connect(self.view.previous_hit)
        self.next_button.clicked.connect(self.view.next_hit)
        self.zoom_out_button.clicked.connect(self.view.zoom_out)
        self.zoom_in_button.clicked.connect(self.view.zoom_in)

        for button in (self.previous_button, self.next_button, self.zoom_out_button, self.zoom_in_button):
            # Never narrower than the label: squeezed, both hit buttons read «یـ…ی».
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 2, 8, 0)  # close over the text: a 600-pixel screen has little height
        bar.addWidget(self.counter)
        bar.addWidget(self.previous_button)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_in_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        self.copies = CopiesBar(self)  # the window fills it when an article is shown
        layout.addWidget(self.copies)
        layout.addWidget(self.view, 1)
        self.retranslate()
        self._show_counter(-1, 0)

    @property
    def article(self) -> Article | None:
        return self.view.article

    def show_article(self, article: Article | None, query: str = "", keys: set[str] | None = None) -> None:
        self.view.show_article(article, query, keys)
        self.copies.show_copies([], [])
        if article is not None:
            self.article_shown.emit(article.id)

    def _show_counter(self, current: int, count: int) -> None:
        self.counter.setText(digits(f"{current + 1 if current >= 0 else 0}/{count}") if count else "")
        self.counter.setProperty("hits", (current, count))
        for button in (self.previous_button, self.next_button):
            button.setEnabled(count > 0)

    def hit_counter_text(self) -> str:
        current, count = self.counter.property("hits") or (-1, 0)
        return f"{current + 1 if current >= 0 else 0}/{count}" if count else ""

    def retranslate(self) -> None:
        self.previous_button.setText(self.tr("Previous"))  # beside the hit counter; short for small screens
        self.previous_button.setToolTip(shortcuts.tooltip("previousHit"))
        self.next_button.setText(self.tr("Next"))
        self.next_button.setToolTip(shortcuts.tooltip("nextHit"))
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setToolTip(shortcuts.tooltip("zoomOut"))
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setToolTip(shortcuts.tooltip("zoomIn"))
        self.view.labels = Labels(source=self.tr("Source"), code=self.tr("News code"), date=self.tr("Date"),
                                  category=self.tr("Category"), link=self.tr("Link"),
                                  cut=self.tr("This article is very long: the first {shown} of its {total} characters are shown."),
                                  more=self.tr("Show more"), language=current_language())
        self.view.rebuild()
        current, count = self.counter.property("hits") or (-1, 0)
        self._show_counter(current, count)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
