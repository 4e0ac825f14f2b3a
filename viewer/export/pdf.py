"""Articles with their highlights and notes as one A4, right-to-left PDF (QTextDocument painted page by page)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen, QTextDocument, QTextOption

from viewer import __version__
from viewer.core.article import Article
from viewer.core.atomic_write import atomic_replace
from viewer.core.bidi import is_ltr
from viewer.core.errors import BayeganError, CancelledError
from viewer.core.login_name import login_name
from viewer.core.persian_numbers import persian_digits
from viewer.export.article_document import LAYOUT_DPI, MUTED, RULE, build_article_document
from viewer.export.model import ExportNote, ExportReport
from viewer.export.outline import add_outline
from viewer.export.qt_runtime import ensure_gui_app, export_font

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]

RESOLUTION = LAYOUT_DPI
_MM = RESOLUTION / 25.4
MARGIN_SIDE = 20 * _MM
MARGIN_TOP = 24 * _MM  # the running header sits in the top margin
MARGIN_BOTTOM = 22 * _MM  # and the page number in the bottom one
HEADER_GAP = 6 * _MM


def default_document_title(articles: Sequence[Article]) -> str:
    if len(articles) == 1:
        return articles[0].title
    return f"بایگان — {persian_digits(len(articles))} خبر"


def export_pdf(articles: Sequence[Article], notes_by_article: Mapping[str, Sequence[ExportNote]] | None,
               out_path: str | os.PathLike[str], with_notes: bool = True, progress: Progress | None = None,
               cancel: Cancel | None = None, *, title: str | None = None, author: str | None = None,
               hits_by_article: Mapping[str, Sequence[tuple[int, int]]] | None = None) -> ExportReport:
    """Write `articles` to `out_path`, each from a new page, a search's hits (`hits_by_article`: spans of
    each article's text) marked; the file appears only when it is complete."""
    if not articles:
        raise BayeganError("There is nothing to export.", "چیزی برای خروجی گرفتن نیست.")
    ensure_gui_app()
    target = Path(out_path)
    notes_by_article = notes_by_article or {}
    total_steps = 2 * len(articles)

    def step(done: int, label: str) -> None:
        if cancel is not None and cancel():
            raise CancelledError()
        if progress is not None:
            progress(done, total_steps, label)

    try:
        folder = target.parent if str(target.parent) else Path(".")
        handle, raw_name = tempfile.mkstemp(prefix=".bayegan-export-", suffix=".pdf", dir=folder)
    except OSError as exc:
        raise _write_error(target, exc) from exc
    os.close(handle)
    raw = Path(raw_name)
    try:
        writer = _pdf_writer(raw, title or default_document_title(articles), author)
        body = _body_rect(writer)
        documents: list[QTextDocument] = []
        for i, article in enumerate(articles):
            step(i, article.title)
            doc = build_article_document(article, notes_by_article.get(article.id, ()), with_notes=with_notes,
                                         hits=(hits_by_article or {}).get(article.id, ()))
            doc.documentLayout().setPaintDevice(writer)
            doc.setPageSize(QSizeF(body.width(), body.height()))
            documents.append(doc)
        report = _paint(writer, body, articles, documents, lambda i, label: step(len(articles) + i, label))
        step(total_steps, "")
        with atomic_replace(target) as finished:
            add_outline(raw, finished, [(article.title, page) for article, (_, page) in zip(articles, report, strict=True)])
    except OSError as exc:
        raise _write_error(target, exc) from exc
    finally:
        raw.unlink(missing_ok=True)
    return ExportReport(str(target), sum(doc.pageCount() for doc in documents), report)


def _write_error(target: Path, exc: OSError) -> BayeganError:
    reason = exc.strerror or str(exc)
    return BayeganError(f"Cannot write the PDF {target}: {reason}", f"فایل PDF نوشته نشد: {target} ({reason})")


def _pdf_writer(path: Path, title: str, author: str | None) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    writer.setCreator(f"Bayegan (بایگان) {__version__}")
    writer.setAuthor(author if author is not None else login_name())
    return writer


def _body_rect(writer: QPdfWriter) -> QRectF:
    return QRectF(MARGIN_SIDE, MARGIN_TOP, writer.width() - 2 * MARGIN_SIDE, writer.height() - MARGIN_TOP - MARGIN_BOTTOM)


def _paint(writer: QPdfWriter, body: QRectF, articles: Sequence[Article], documents: list[QTextDocument],
           step: Callable[[int, str], None]) -> list[tuple[str, int]]:
    total_pages = sum(doc.pageCount() for doc in documents)
    first_pages: list[tuple[str, int]] = []
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("the PDF writer could not start")
    try:
        painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        page = 0
        for i, (article, doc) in enumerate(zip(articles, documents, strict=True)):
            step(i, article.title)
            first_pages.append((article.id, page))
            for page_in_doc in range(doc.pageCount()):
                if page > 0:
                    writer.newPage()
                if page_in_doc > 0:
                    _draw_header(painter, writer, body, article.title)
                _draw_footer(painter, writer, body, page + 1, total_pages)
                painter.save()
                painter.translate(body.left(), body.top() - page_in_doc * body.height())
                # The clip stops a hair inside the page: a line that starts exactly at the next page's top
                # would otherwise be drawn (clipped, invisible, yet copyable) on this page too.
                doc.drawContents(painter, QRectF(0, page_in_doc * body.height() + 0.5, body.width(), body.height() - 1))
                painter.restore()
                page += 1
    finally:
        painter.end()
    return first_pages


def header_option(title: str) -> QTextOption:
    """The running header's title aligned right; a file name or URL as a title is laid out left to
    right (drawn right to left it read «txt.000_fc9a» with the extension at the wrong end)."""
    option = QTextOption(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    option.setTextDirection(Qt.LayoutDirection.LeftToRight if is_ltr(title) else Qt.LayoutDirection.RightToLeft)
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    return option


def _draw_header(painter: QPainter, writer: QPdfWriter, body: QRectF, title: str) -> None:
    font = export_font(8.5)
    painter.setFont(font)
    painter.setPen(QPen(MUTED))
    metrics = QFontMetricsF(font, writer)
    baseline_box = QRectF(body.left(), body.top() - HEADER_GAP - metrics.height(), body.width(), metrics.height())
    elided = metrics.elidedText(title, Qt.TextElideMode.ElideRight, body.width())
    painter.drawText(baseline_box, elided, header_option(title))
    painter.setPen(QPen(RULE, 0.3 * _MM))
    y = body.top() - HEADER_GAP * 0.6
    painter.drawLine(QPointF(body.left(), y), QPointF(body.right(), y))


def _draw_footer(painter: QPainter, writer: QPdfWriter, body: QRectF, number: int, total: int) -> None:
    font = export_font(9)
    painter.setFont(font)
    painter.setPen(QPen(QColor(MUTED)))
    metrics = QFontMetricsF(font, writer)
    box = QRectF(body.left(), body.bottom() + HEADER_GAP, body.width(), metrics.height())
    painter.drawText(box, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
                     f"صفحهٔ {persian_digits(number)} از {persian_digits(total)}")
