"""Paints one result: title, date and near-duplicate count (a story's row: a disclosure that shows its
copies under it), a two-line snippet with its hits marked, tag chips and source; a copy is indented."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QTextDocument, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from viewer.core.bidi import ltr_isolated
from viewer.core.source_names import file_name
from viewer.gui.common.dates import from_iso, jalali
from viewer.gui.common.digits import number
from viewer.gui.common.theme import colours
from viewer.gui.common.translations import current_language
from viewer.gui.results.model import ROW_ROLE, ResultRow

PAD = 10
SNIPPET_LINES = 2
MAX_CHIPS = 4
RTL = Qt.LayoutDirection.RightToLeft
CHILD_INDENT = 28  # a copy under its story's row starts this far in (from the right)
AT_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
AT_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)



def _snippet_html(snippet: str, hit_bg: str) -> str:
    marked = snippet.replace("<b>", f'<span style="background-color:{hit_bg}; font-weight:bold;">').replace("</b>", "</span>")
    return f'<div dir="rtl" align="right">{marked}</div>'


def display_date(iso: str) -> str:
    """Jalali in the Persian interface, ISO in the English one."""
    day = from_iso(iso)
    if day is None:
        return ""
    return jalali(day) if current_language() == "fa" else day.isoformat()


def scaled(font: QFont, factor: float) -> QFont:
    """`font` made `factor` times larger, whether it was sized in points or (by a stylesheet) in pixels."""
    result = QFont(font)
    if font.pointSizeF() > 0:
        result.setPointSizeF(font.pointSizeF() * factor)
    else:
        result.setPixelSize(max(1, round(font.pixelSize() * factor)))
    return result


def copies_text(row: ResultRow) -> str:
    """"▾ 2 copies" on a story's row (▸/◂: collapsed, pointing the way the text reads); "" otherwise."""
    if not row.copies or row.child:
        return ""
    arrow = "▾" if row.expanded else ("◂" if current_language() == "fa" else "▸")
    # near duplicates matching too; English says "1 copy" (Persian has one form for both)
    if row.copies == 1:
        copies = QCoreApplication.translate("ResultDelegate", "{count} copy")
    else:
        copies = QCoreApplication.translate("ResultDelegate", "{count} copies")
    return arrow + " " + copies.format(count=number(row.copies))


class ResultDelegate(QStyledItemDelegate):
    def title_note(self, row: ResultRow) -> str:
        """What the title line shows at its left end: the date and a story's copies."""
        note = " · ".join(t for t in (display_date(row.date), copies_text(row)) if t)
        return ltr_isolated(note) if current_language() != "fa" else note  # "▸ 2 copies", not "copies 2 ▸"

    def copies_area(self, rect: QRect, font: QFont, row: ResultRow) -> QRectF:
        """Where a story's row shows its copies (a click there expands it): the title line's left end."""
        if not copies_text(row):
            return QRectF()
        text = self.title_note(row)
        small = self._fonts(font)[2]
        inner = rect.adjusted(PAD + 4, PAD, -PAD - 4, -PAD)
        return QRectF(inner.left(), inner.top(), QFontMetrics(small).horizontalAdvance(text) + 12,
                      QFontMetrics(self._fonts(font)[0]).height())

    def _fonts(self, base: QFont) -> tuple[QFont, QFont, QFont]:
        title = scaled(base, 1.1)
        title.setWeight(QFont.Weight.Bold)
        return title, base, scaled(base, 0.85)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._line_heights: dict[str, float] = {}

    def _snippet_line_height(self, font: QFont) -> float:
        """The height of one laid-out snippet line (Vazirmatn's is taller than its font metrics say)."""
        key = font.key()
        if key not in self._line_heights:
            doc = QTextDocument()
            doc.setDocumentMargin(0)
            doc.setDefaultFont(font)
            doc.setHtml(_snippet_html("<b>آزمون</b> Ag", "#000"))
            self._line_heights[key] = doc.size().height()
        return self._line_heights[key]

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        title, body, small = self._fonts(option.font)
        height = (PAD * 2 + QFontMetrics(title).height() + 6
                  + int(self._snippet_line_height(body) * SNIPPET_LINES) + 8 + QFontMetrics(small).height() + 6)
        return QSize(1, height)  # as wide as the view: rows never scroll sideways

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        row: ResultRow | None = index.data(ROW_ROLE)
        if row is None:
            return
        palette = colours()
        title_font, body_font, small_font = self._fonts(option.font)
        rect = option.rect
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setLayoutDirection(RTL)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, QColor(palette["selected_bg"]))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            hover = QColor(palette["selected_bg"])
            hover.setAlpha(90)
            painter.fillRect(rect, hover)
        painter.setPen(QColor(palette["separator"]))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())

        inner = rect.adjusted(PAD + 4, PAD, -PAD - 4 - (CHILD_INDENT if row.child else 0), -PAD)
        if row.child:  # a copy: a rule in the indent ties it to its story's row
            painter.setPen(QColor(palette["muted"]))
            x = inner.right() + CHILD_INDENT // 2
            painter.drawLine(x, rect.top(), x, rect.bottom())
        y = inner.top()
        # Title (right) and date (left).
        painter.setFont(small_font)
        date_text = self.title_note(row)
        date_width = QFontMetrics(small_font).horizontalAdvance(date_text) + (12 if date_text else 0)
        title_metrics = QFontMetrics(title_font)
        title_height = title_metrics.height()
        if date_text:
            painter.setPen(QColor(palette["muted"]))
            painter.drawText(QRectF(inner.left(), y, date_width, title_height),
                             AT_LEFT, date_text)
        painter.setFont(title_font)
        painter.setPen(QColor(palette["text" if row.id else "muted"]))  # muted: a placeholder awaiting its page
        title_width = inner.width() - date_width
        title = title_metrics.elidedText(row.title, Qt.TextElideMode.ElideRight, title_width)
        painter.drawText(QRectF(inner.right() - title_width, y, title_width, title_height),
                         AT_RIGHT, title)
        y += title_height + 6

        # Snippet: two lines, hits marked.
        snippet_height = int(self._snippet_line_height(body_font) * SNIPPET_LINES)
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(body_font)
        text_option = QTextOption()
        text_option.setTextDirection(RTL)
        text_option.setAlignment(Qt.AlignmentFlag.AlignRight)
        doc.setDefaultTextOption(text_option)
        doc.setDefaultStyleSheet(f"div {{ color: {palette['muted']}; }}")
        doc.setHtml(_snippet_html(row.snippet, palette["hit_bg"]))
        doc.setTextWidth(inner.width())
        painter.save()
        painter.translate(inner.left(), y)
        painter.setClipRect(QRectF(0, 0, inner.width(), snippet_height))
        doc.drawContents(painter, QRectF(0, 0, inner.width(), snippet_height))
        painter.restore()
        y += snippet_height + 8

        # Tag chips (right) and source (left).
        painter.setFont(small_font)
        small_metrics = QFontMetrics(small_font)
        chip_height = small_metrics.height() + 4
        x = inner.right()
        source = file_name(row.source)
        source_width = min(small_metrics.horizontalAdvance(source) + 8, inner.width() // 3) if source else 0
        for tag in row.tags[:MAX_CHIPS]:
            width = small_metrics.horizontalAdvance(tag) + 14
            if x - width < inner.left() + source_width:
                break
            chip = QRectF(x - width, y, width, chip_height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(palette["chip_bg"]))
            painter.drawRoundedRect(chip, chip_height / 2, chip_height / 2)
            painter.setPen(QColor(palette["chip_fg"]))
            painter.drawText(chip, int(Qt.AlignmentFlag.AlignCenter), tag)
            x -= width + 6
        if source:
            painter.setPen(QColor(palette["muted"]))
            elided = ltr_isolated(small_metrics.elidedText(source, Qt.TextElideMode.ElideMiddle, source_width))
            painter.drawText(QRectF(inner.left(), y, source_width, chip_height),
                             AT_LEFT, elided)
        painter.restore()
