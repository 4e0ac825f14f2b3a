"""The reading pane: a bar with the hit counter, previous/next hit and zoom above the article."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSplitter, QToolButton, QVBoxLayout, QWidget

from viewer.core.article import Article
from viewer.core.results import HitPattern, SimilarArticle
from viewer.gui.article.copies_bar import CopiesBar
from viewer.gui.article.document import Labels
from viewer.gui.article.page_images import PageImagesPanel
from viewer.gui.article.pictures import PictureLabels
from viewer.gui.article.view import ArticleView
from viewer.gui.common import shortcuts
from viewer.gui.common.digits import digits
from viewer.gui.common.translations import current_language

NARROW_PANE = 560  # narrower than this (a 1024 px window), the page stands above the OCR text, not beside it


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
        self.pages_button = QToolButton(self)  # only for a text read by OCR from page images
        self.pages_button.setObjectName("pageImagesButton")
        self.pages_button.setCheckable(True)
        self.pages_button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.pages_button.setVisible(False)
        self.pages_button.toggled.connect(self._show_page_images)
        bar.addWidget(self.pages_button)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_in_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        self.copies = CopiesBar(self)
        # The files and near duplicates of an article, for the bar above it (the window's Library gives them).
        self.copies_of: Callable[[str], tuple[list[str], list[SimilarArticle]]] | None = None
        layout.addWidget(self.copies)
        self.page_images = PageImagesPanel(self)
        self.page_images.setVisible(False)
        self.text_and_pages = QSplitter(Qt.Orientation.Horizontal, self)
        self.text_and_pages.setChildrenCollapsible(False)
        self.text_and_pages.addWidget(self.view)
        self.text_and_pages.addWidget(self.page_images)
        layout.addWidget(self.text_and_pages, 1)
        self.retranslate()
        self._show_counter(-1, 0)

    @property
    def article(self) -> Article | None:
        return self.view.article

    def show_article(self, article: Article | None, query: str = "", pattern: HitPattern | None = None) -> None:
        self.view.show_article(article, query, pattern)
        self.view.setAccessibleDescription(article.title if article is not None else "")
        # Filled once: a bar hidden and shown again lays the whole pane out twice (tens of ms an article).
        files, similar = self.copies_of(article.id) if article is not None and self.copies_of else ([], [])
        self.copies.show_copies(files, similar)
        scanned = article is not None and article.text_source == "ocr"
        self.pages_button.setVisible(scanned)
        self._show_page_images(scanned and self.pages_button.isChecked())
        if article is not None:
            self.article_shown.emit(article.id)

    def _show_page_images(self, shown: bool) -> None:
        """The scanned pages beside the OCR text (above it when the pane is narrow), or hidden."""
        shown = shown and self.article is not None and self.article.text_source == "ocr"
        if shown:
            self._orient_pages()
            self.page_images.show_pages_of(self.article)
            if not self.page_images.isVisible():
                self.page_images.setVisible(True)
                self._share_out()
        else:
            self.page_images.setVisible(False)

    def _orient_pages(self) -> None:
        wide = self.width() >= NARROW_PANE
        self.text_and_pages.setOrientation(Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical)
        if not wide and self.text_and_pages.indexOf(self.page_images) != 0:
            self.text_and_pages.insertWidget(0, self.page_images)  # the page above the text
        elif wide and self.text_and_pages.indexOf(self.view) != 0:
            self.text_and_pages.insertWidget(0, self.view)  # the text first: at the right in Persian

    def _share_out(self) -> None:
        """The text gets a little more room than the page beside or under it."""
        horizontal = self.text_and_pages.orientation() == Qt.Orientation.Horizontal
        room = self.text_and_pages.width() if horizontal else self.text_and_pages.height()
        text, page = room * 55 // 100, room * 45 // 100
        self.text_and_pages.setSizes([text, page] if self.text_and_pages.widget(0) is self.view else [page, text])

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.page_images.isVisible():
            before = self.text_and_pages.orientation()
            self._orient_pages()
            if self.text_and_pages.orientation() != before:
                self._share_out()

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
        self.pages_button.setText(self.tr("Page images"))
        self.pages_button.setToolTip(self.tr("Show the scanned pages beside the text read from them"))
        self.pages_button.setAccessibleName(self.tr("Page images"))
        self.page_images.setAccessibleName(self.tr("Scanned pages"))
        self.page_images.page_label = self.tr("Page {number}")
        self.page_images.unavailable_label = self.tr("The page images cannot be shown: {reason}")
        self.page_images.loading_label = self.tr("Reading the scanned pages…")
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setToolTip(shortcuts.tooltip("zoomOut"))
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setToolTip(shortcuts.tooltip("zoomIn"))
        shortcuts.retranslate(self.view.toolbar_action)
        self.zoom_out_button.setAccessibleName(self.tr("Smaller text"))  # the button shows only "−"
        self.zoom_in_button.setAccessibleName(self.tr("Larger text"))
        self.previous_button.setAccessibleName(self.tr("Previous hit"))
        self.next_button.setAccessibleName(self.tr("Next hit"))
        self.counter.setAccessibleName(self.tr("Hits in the article"))
        self.view.setAccessibleName(self.tr("Article text"))
        self.view.labels = Labels(source=self.tr("Source"), code=self.tr("News code"), date=self.tr("Date"),
                                  category=self.tr("Category"), link=self.tr("Link"),
                                  cut=self.tr("This article is very long: the first {shown} of its {total} characters are shown."),
                                  more=self.tr("Show more"), language=current_language())
        self.view.picture_labels = PictureLabels(missing=self.tr("Picture missing: {name}"),
                                                 enlarge=self.tr("Click to enlarge"))
        self.view.rebuild()
        current, count = self.counter.property("hits") or (-1, 0)
        self._show_counter(current, count)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
