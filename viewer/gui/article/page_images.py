"""The scanned pages beside the text OCR read from them: each page fitted to the panel's width, one
under another, its number above it, a click enlarges it. Filled only when shown (rendering a PDF's pages takes a moment)."""

from __future__ import annotations

import threading
from functools import partial

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from viewer.app.page_images import scanned_pages
from viewer.core.article import Article
from viewer.core.errors import BayeganError
from viewer.gui.article.pictures import ClickedLabel, PictureDialog
from viewer.gui.common.digits import digits
from viewer.gui.common.translations import current_language


class _Relay(QObject):
    read = Signal(str, object)  # (article id, list of PNG bytes or the BayeganError)


class PageImagesPanel(QScrollArea):
    pages_shown = Signal(int)  # how many pages, once read

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.read.connect(self._pages_read)  # queued: emitted from the reading thread
        self.loading = False
        self.loading_label = "Reading the scanned pages…"
        self.setObjectName("pageImages")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pages: list[QImage] = []
        self.article_id = ""
        self.page_label = "Page {number}"
        self.unavailable_label = "The page images cannot be shown: {reason}"
        self.message = QLabel(self)
        self.message.setObjectName("pageImagesMessage")
        self.message.setWordWrap(True)
        self.picture_labels: list[QLabel] = []
        self.title = ""
        self._fill()

    def show_pages_of(self, article: Article | None) -> None:
        """Shows the pages of `article`, read (once per article) in a thread: rendering a PDF's ten
        pages takes seconds, and the window goes on meanwhile."""
        if article is None:
            self.pages, self.article_id = [], ""
            self.message.setText("")
        elif article.id != self.article_id or (not self.pages and not self.loading):
            self.article_id = article.id
            self.title = article.title
            self.pages = []
            self.loading = True
            self.message.setText(self.loading_label)
            threading.Thread(target=self._read_pages, args=(article,), daemon=True,
                             name="bayegan-page-images").start()
        self._fill()

    def _read_pages(self, article: Article) -> None:
        """In the reading thread: the pages, or why not, handed to the window's thread."""
        try:
            found: list[bytes] | BayeganError = scanned_pages(article)
        except BayeganError as exc:  # PagesUnavailable, or the importers' refusal of a hostile image
            found = exc
        self._relay.read.emit(article.id, found)

    def _pages_read(self, article_id: str, found: object) -> None:
        if article_id != self.article_id:
            return  # another article was opened meanwhile
        self.loading = False
        self.message.setText("")
        if isinstance(found, BayeganError):
            self.message.setText(self.unavailable_label.format(reason=found.message(current_language())))
        elif isinstance(found, list):
            self.pages = [image for data in found if not (image := QImage.fromData(data)).isNull()]
        self._fill()
        self.pages_shown.emit(len(self.pages))

    def _fill(self) -> None:
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(self.message)
        self.message.setVisible(bool(self.message.text()))
        self.picture_labels = []
        for number, _image in enumerate(self.pages, 1):
            caption = QLabel(digits(self.page_label.format(number=number)), holder)
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            picture = ClickedLabel(holder)
            picture.clicked = partial(self._enlarge_quietly, number)
            picture.setCursor(Qt.CursorShape.PointingHandCursor)
            picture.setObjectName("pageImage")
            picture.setAccessibleName(caption.text())
            picture.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            column.addWidget(caption)
            column.addWidget(picture)
            self.picture_labels.append(picture)
        column.addStretch(1)
        old = self.takeWidget()
        self.setWidget(holder)
        if old is not None:
            old.deleteLater()
        self._fit()

    def enlarge_page(self, number: int) -> PictureDialog | None:
        """Page `number` (from 1) large in a dialog, at full size a click away (Esc closes it)."""
        if not 1 <= number <= len(self.pages):
            return None
        caption = digits(self.page_label.format(number=number))
        dialog = PictureDialog(self.pages[number - 1], caption, self.title or caption, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _enlarge_quietly(self, number: int) -> None:
        self.enlarge_page(number)

    def _fit(self) -> None:
        width = max(self.viewport().width() - 14, 32)
        for image, label in zip(self.pages, self.picture_labels, strict=True):
            pixmap = QPixmap.fromImage(image)
            if pixmap.width() > width:
                pixmap = pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
            label.setPixmap(pixmap)
            label.setFixedHeight(pixmap.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()
