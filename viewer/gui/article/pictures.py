"""The pictures kept with an article, in the reading pane: each scaled to the text column (never
wider, its aspect kept, never taller than `MAX_HEIGHT`), its caption under it, a click enlarges it.

Each stands at the paragraph boundary nearest where it stood in the text (viewer.core.picture_places);
one whose place is not known (an index of an older version) after the lead. A picture whose file is
gone is a short notice, not a gap."""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QMouseEvent,
    QPixmap,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
)
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from viewer.core.article import Picture
from viewer.core.bidi import is_ltr
from viewer.export.article_pictures import read_picture

PICTURE_SCHEME = "picture"
# Set on the blocks of a picture and its caption: they are no part of the article's text (a copied passage leaves them out).
PICTURE_BLOCK = QTextFormat.Property.UserProperty + 1
MAX_HEIGHT = 480.0  # a tall portrait photo does not fill the whole pane
MAX_DECODED_SIDE = 2400  # pictures are decoded at most this large: a 10,000 px photo is not kept whole


@dataclass
class PictureLabels:
    """Translated words the pictures need (the caller translates them)."""

    missing: str = "Picture missing: {name}"
    enlarge: str = "Click to enlarge"


def picture_href(index: int) -> str:
    return f"{PICTURE_SCHEME}:{index}"


_decoded: dict[tuple[str, int, int], QImage] = {}  # (path, size, mtime) -> picture: a rebuild decodes none again
CACHED_PICTURES = 24


def _read(path: str) -> QImage:
    """The picture at `path`, decoded no larger than MAX_DECODED_SIDE; a null image when it cannot be read."""
    try:
        stat = os.stat(path)
    except OSError:
        return QImage()
    key = (path, stat.st_size, stat.st_mtime_ns)
    if key not in _decoded:
        if len(_decoded) >= CACHED_PICTURES:
            del _decoded[next(iter(_decoded))]
        _decoded[key] = read_picture(path, MAX_DECODED_SIDE)
    return _decoded[key]


def fitted(natural: QSize, column_width: float) -> tuple[float, float]:
    """The shown size of a picture of `natural` size: at most the column's width and MAX_HEIGHT, aspect kept."""
    width, height = float(max(natural.width(), 1)), float(max(natural.height(), 1))
    scale = min(1.0, max(column_width, 16.0) / width, MAX_HEIGHT / height)
    shown = min(float(math.floor(width * scale)), max(math.floor(column_width), 16))  # whole pixels, never over
    return shown, shown * height / width


def _centred(base: float) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setProperty(PICTURE_BLOCK, True)
    fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    fmt.setTopMargin(base * 0.6)
    fmt.setBottomMargin(base * 0.2)
    return fmt


def _caption_format(caption: str, base: float) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setProperty(PICTURE_BLOCK, True)
    ltr = is_ltr(caption)
    fmt.setLayoutDirection(Qt.LayoutDirection.LeftToRight if ltr else Qt.LayoutDirection.RightToLeft)
    fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    fmt.setBottomMargin(base * 0.8)
    return fmt


def insert_pictures(cursor: QTextCursor, pictures: Sequence[tuple[int, Picture]], column_width: float, base: float,
                    family: str, colours: dict[str, str], labels: PictureLabels) -> None:
    """Inserts a block for each picture (or its missing notice) and one for its caption at `cursor`;
    `pictures` are (index among the article's pictures, picture)."""
    doc = cursor.document()
    small = QTextCharFormat()
    small.setFontFamilies([family])
    small.setFontPointSize(base * 0.85)
    small.setFontWeight(QFont.Weight.Normal)
    small.setForeground(QColor(colours["muted"]))
    for index, (path, caption, _offset) in pictures:
        image = _read(path)
        if image.isNull():
            name = Path(path).name or path
            notice = labels.missing.format(name=name)
            fmt = _caption_format(notice, base)
            fmt.setTopMargin(base * 0.6)
            cursor.insertBlock(fmt, small)
            missing = QTextCharFormat(small)
            missing.setProperty(QTextCharFormat.Property.UserProperty, "missing-picture")
            cursor.insertText(f"[{notice}]", missing)
            continue
        url = QUrl(picture_href(index))
        doc.addResource(QTextDocument.ResourceType.ImageResource, url, image)
        cursor.insertBlock(_centred(base), QTextCharFormat())
        picture = QTextImageFormat()
        picture.setName(url.toString())
        width, height = fitted(image.size(), column_width)
        picture.setWidth(width)
        picture.setHeight(height)
        picture.setAnchor(True)
        picture.setAnchorHref(url.toString())
        picture.setToolTip(caption or labels.enlarge)
        cursor.insertImage(picture)
        if caption:
            cursor.insertBlock(_caption_format(caption, base), small)
            cursor.insertText(caption, small)


def picture_formats(doc: QTextDocument) -> list[tuple[int, QTextImageFormat]]:
    """(position, format) of each picture in `doc`."""
    found = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat() and fmt.toImageFormat().name().startswith(PICTURE_SCHEME + ":"):
                found.append((fragment.position(), fmt.toImageFormat()))
            it += 1
        block = block.next()
    return found


def fit_pictures(doc: QTextDocument, column_width: float) -> None:
    """Rescales the pictures already in `doc` to a new column width (the pane was resized)."""
    for position, fmt in picture_formats(doc):
        image = doc.resource(QTextDocument.ResourceType.ImageResource, QUrl(fmt.name()))
        if not isinstance(image, QImage) or image.isNull():
            continue
        width, height = fitted(image.size(), column_width)
        if abs(fmt.width() - width) < 0.5 and abs(fmt.height() - height) < 0.5:
            continue
        fmt.setWidth(width)
        fmt.setHeight(height)
        cursor = QTextCursor(doc)
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(fmt)


class ClickedLabel(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.clicked: Callable[[], None] = lambda: None

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked()
        super().mousePressEvent(event)


class PictureDialog(QDialog):
    """One picture large, fitted to the dialog (a click shows it at full size, scrolling), its caption
    under it. Esc closes it."""

    def __init__(self, image: QImage, caption: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pictureDialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.image = image
        self.full_size = False
        self.picture = ClickedLabel(self)
        self.picture.clicked = self.toggle_full_size
        self.picture.setObjectName("enlargedPicture")
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setAccessibleName(caption or title)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.scroller = QScrollArea(self)
        self.scroller.setWidget(self.picture)
        self.scroller.setWidgetResizable(True)
        self.scroller.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel(caption, self)
        self.caption.setObjectName("pictureCaption")
        self.caption.setWordWrap(True)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.caption.setLayoutDirection(Qt.LayoutDirection.LeftToRight if is_ltr(caption)
                                        else Qt.LayoutDirection.RightToLeft)
        self.caption.setVisible(bool(caption))
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.caption)
        screen = parent.screen().availableGeometry().size() if parent is not None else QSize(1024, 768)
        wanted = image.size().grownBy(self.contentsMargins()) + QSize(40, 80)
        self.resize(wanted.boundedTo(screen * 0.9))
        self.scroller.viewport().installEventFilter(self)
        self._show()

    def toggle_full_size(self) -> None:
        self.full_size = not self.full_size
        self.scroller.setWidgetResizable(not self.full_size)
        policy = QSizePolicy.Policy.Preferred if self.full_size else QSizePolicy.Policy.Ignored
        self.picture.setSizePolicy(policy, policy)
        self._show()

    def _show(self) -> None:
        pixmap = QPixmap.fromImage(self.image)
        if not self.full_size:
            room = self.scroller.viewport().size()
            if pixmap.width() > room.width() or pixmap.height() > room.height():
                pixmap = pixmap.scaled(room, Qt.AspectRatioMode.KeepAspectRatio,
                                       Qt.TransformationMode.SmoothTransformation)
        self.picture.setPixmap(pixmap)
        if self.full_size:
            self.picture.adjustSize()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.scroller.viewport() and event.type() == QEvent.Type.Resize and not self.full_size:
            self._show()
        return super().eventFilter(watched, event)

