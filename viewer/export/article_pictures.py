"""An article's pictures in its PDF page: each at the paragraph boundary nearest where it stood in
the text (viewer.core.picture_places, as the reading pane places them), scaled to fit the column
(never wider, aspect kept), its caption under it; a picture whose file is gone is a one-line notice.
They are put in last, after the body's hits, highlights and note markers, which are placed by
offsets into the text written as one run."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QImageReader,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)

from viewer.core.article import Article, Picture
from viewer.core.bidi import is_ltr
from viewer.core.picture_places import picture_places

MAX_DECODED_SIDE = 3000  # about 25 cm at 300 dpi: more is never seen on the page


def read_picture(path: str, max_side: int = MAX_DECODED_SIDE) -> QImage:
    """The picture at `path`, turned upright, decoded at most `max_side` on its longer side (aspect kept);
    null when unreadable. The reading pane reads its pictures with this too, smaller."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > max_side:
        reader.setScaledSize(size.scaled(max_side, max_side, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()


def place_pictures(doc: QTextDocument, article: Article, boundaries: Sequence[int], max_width: float,
                   max_height: float, caption_format: QTextCharFormat, spacing: float, device_dpi: float) -> int:
    """Inserts `article`'s pictures into `doc`, whose block number `boundaries[k]` ends the article's
    first k blocks (`boundaries[0]`: the block before the body); returns how many were written.
    From the last boundary to the first, so that the blocks before each keep their numbers."""
    written = 0
    for boundary, indexes in sorted(picture_places(article.blocks, article.images).items(), reverse=True):
        cursor = QTextCursor(doc.findBlockByNumber(boundaries[min(boundary, len(boundaries) - 1)]))
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        written += write_pictures(cursor, [(index, article.images[index]) for index in indexes], max_width, max_height,
                                  caption_format, spacing, device_dpi)
    return written


def _default_dpi() -> float:
    """The resolution QTextDocument reads a picture's width and height in (Qt's default: the screen's
    logical DPI). Painted on a device of another resolution (the PDF writer's), Qt scales them by the
    ratio: a size meant in the device's units must be given divided by it."""
    if QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_Use96Dpi):
        return 96.0
    screen = QGuiApplication.primaryScreen()
    return float(round(screen.logicalDotsPerInchY())) if screen is not None else 100.0


def write_pictures(cursor: QTextCursor, pictures: Sequence[tuple[int, Picture]], max_width: float, max_height: float,
                   caption_format: QTextCharFormat, spacing: float, device_dpi: float) -> int:
    """Inserts each picture (fitted into max_width × max_height units of a device of `device_dpi`, the
    PDF writer) and its caption at `cursor`; `pictures` are (index among the article's pictures,
    picture). Returns how many were written."""
    doc = cursor.document()
    to_layout = _default_dpi() / device_dpi
    written = 0
    for index, (path, caption, _offset) in pictures:
        image = read_picture(path)
        if image.isNull():
            _caption(cursor, f"[تصویر پیدا نشد: {Path(path).name or path}]", caption_format, spacing, spacing)
            continue
        url = QUrl(f"picture:{index}")
        doc.addResource(QTextDocument.ResourceType.ImageResource, url, image)
        block = QTextBlockFormat()
        block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        block.setTopMargin(spacing)
        block.setBottomMargin(0 if caption else spacing)  # the text after it stands apart
        block.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_Auto)
        cursor.insertBlock(block, QTextCharFormat())
        picture = QTextImageFormat()
        picture.setName(url.toString())
        # never blown up past twice its pixels (150 dpi on the 300 dpi page): a small chart stays small
        scale = min(2.0, max_width / max(image.width(), 1), max_height / max(image.height(), 1))
        picture.setWidth(image.width() * scale * to_layout)
        picture.setHeight(image.height() * scale * to_layout)
        cursor.insertImage(picture)
        written += 1
        if caption:
            _caption(cursor, caption, caption_format, spacing * 0.3, spacing)
    return written


def _caption(cursor: QTextCursor, text: str, char_format: QTextCharFormat, before: float, after: float) -> None:
    block = QTextBlockFormat()
    block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    block.setLayoutDirection(Qt.LayoutDirection.LeftToRight if is_ltr(text) else Qt.LayoutDirection.RightToLeft)
    block.setTopMargin(before)
    block.setBottomMargin(after)
    cursor.insertBlock(block, char_format)
    cursor.insertText(text, char_format)
