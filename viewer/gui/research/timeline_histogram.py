"""A histogram of the current search's matches by Jalali month, above the results. Dragging over
it (or Shift+arrows and Enter) chooses a period; Escape takes the period off.

Months run the way the interface reads: right to left in Persian (the oldest at the right). The
matches without a date have no bar; their number is written under the bars ("undated: N")."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from viewer.gui.common.digits import number
from viewer.gui.common.retranslating import Retranslating
from viewer.gui.common.theme import colours
from viewer.gui.common.translations import current_language
from viewer.gui.research.query_dates import month_text

LABEL_HEIGHT = 18
MARGIN = 6


def months_between(first: str, last: str) -> list[str]:
    """Every Jalali month "YYYY-MM" from `first` to `last`, inclusive."""
    year, month = map(int, first.split("-"))
    end = tuple(map(int, last.split("-")))
    out: list[str] = []
    while (year, month) <= end:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


class TimelineHistogram(Retranslating, QWidget):
    range_chosen = Signal(str, str)  # first and last month, "YYYY-MM"
    range_cleared = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.months: list[str] = []
        self.counts: list[int] = []
        self.undated = 0
        self.anchor = -1  # where a drag or Shift+arrow selection started
        self.current = -1
        self.retranslate()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(400, 72)

    def set_timeline(self, timeline: list[tuple[str, int]], undated: int = 0) -> None:
        """The search's `timeline` (months without matches absent); drawn with every month between,
        and the number of `undated` matches under it."""
        by_month = dict(timeline)
        self.months = months_between(timeline[0][0], timeline[-1][0]) if timeline else []
        self.counts = [by_month.get(m, 0) for m in self.months]
        self.undated = undated
        self.anchor = self.current = -1
        self.setVisible(bool(self.months))
        self.setAccessibleDescription(self.undated_text())
        self.update()

    def undated_text(self) -> str:
        """The "undated: N" under the bars, or nothing when every match has a date."""
        return self.tr("undated: {count}").format(count=number(self.undated)) if self.undated else ""

    def set_pending(self) -> None:
        """A new search's first rows are shown and its timeline is being counted: no bars (never an
        older query's), and the widget keeps its place so the results below do not jump."""
        self.months, self.counts = [], []
        self.undated = 0
        self.anchor = self.current = -1
        self.update()

    # -- geometry ------------------------------------------------------------------------------
    def _bars(self) -> QRect:
        return self.rect().adjusted(MARGIN, MARGIN, -MARGIN, -(LABEL_HEIGHT + 2))

    def _bar_rect(self, i: int) -> QRect:
        area = self._bars()
        width = area.width() / max(1, len(self.months))
        slot = len(self.months) - 1 - i if self.isRightToLeft() else i
        left = area.left() + int(slot * width)
        return QRect(left, area.top(), max(1, int((slot + 1) * width) - int(slot * width)), area.height())

    def month_at(self, x: int) -> int:
        area = self._bars()
        if not self.months or area.width() <= 0:
            return -1
        slot = min(max(int((x - area.left()) * len(self.months) / area.width()), 0), len(self.months) - 1)
        return len(self.months) - 1 - slot if self.isRightToLeft() else slot

    def selection(self) -> tuple[int, int] | None:
        if self.anchor < 0 or self.current < 0:
            return None
        return min(self.anchor, self.current), max(self.anchor, self.current)

    # -- painting ------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if not self.months:
            return
        palette = colours()
        painter = QPainter(self)
        chosen = self.selection()
        if chosen is not None:
            span = self._bar_rect(chosen[0]).united(self._bar_rect(chosen[1]))
            painter.fillRect(span, QColor(palette["selected_bg"]))
        top = max(self.counts) or 1
        area = self._bars()
        for i, count in enumerate(self.counts):
            slot = self._bar_rect(i)
            height = round(area.height() * count / top)
            bar = QRect(slot.left() + 1, area.bottom() - height + 1, max(1, slot.width() - 2), height)
            painter.fillRect(bar, QColor(palette["accent"]))
        painter.setPen(QColor(palette["separator"]))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.setPen(QColor(palette["muted"]))
        persian = current_language() == "fa"
        labels = QRect(area.left(), area.bottom() + 2, area.width(), LABEL_HEIGHT)
        first, last = month_text(self.months[0], persian), month_text(self.months[-1], persian)
        # Absolute: QPainter would mirror Left/Right in a right-to-left widget; the bars are placed by hand.
        right, left = Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignLeft
        fixed = Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(labels, int(right | fixed), first if self.isRightToLeft() else last)
        painter.drawText(labels, int(left | fixed), last if self.isRightToLeft() else first)
        if self.undated:
            painter.drawText(labels, int(Qt.AlignmentFlag.AlignCenter), self.undated_text())
        if self.hasFocus() and self.current >= 0:
            painter.setPen(QColor(palette["text"]))
            painter.drawRect(self._bar_rect(self.current).adjusted(0, 0, -1, -1))
        painter.end()

    # -- mouse ---------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton and self.months:
            self.anchor = self.current = self.month_at(event.position().toPoint().x())
            self.update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        i = self.month_at(event.position().toPoint().x())
        if event.buttons() & Qt.MouseButton.LeftButton and self.anchor >= 0:
            self.current = i
            self.update()
        if i >= 0:
            QToolTip.showText(event.globalPosition().toPoint(), self._describe(i), self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._emit_selection()

    # -- keyboard ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.months:
            toward_older = (key == Qt.Key.Key_Right) == self.isRightToLeft()
            start = self.current if self.current >= 0 else len(self.months) - 1
            self.current = min(max(start + (-1 if toward_older else 1), 0), len(self.months) - 1)
            if not event.modifiers() & Qt.KeyboardModifier.ShiftModifier or self.anchor < 0:
                self.anchor = self.current
            self.setToolTip(self._describe(self.current))
            self.update()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._emit_selection()
        elif key == Qt.Key.Key_Escape:
            self.anchor = self.current = -1
            self.update()
            self.range_cleared.emit()
        else:
            super().keyPressEvent(event)

    def _emit_selection(self) -> None:
        chosen = self.selection()
        if chosen is not None:
            self.range_chosen.emit(self.months[chosen[0]], self.months[chosen[1]])

    def _describe(self, i: int) -> str:
        return self.tr("{month}: {count} articles").format(
            month=month_text(self.months[i], current_language() == "fa"), count=number(self.counts[i]))

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Timeline of the results"))
        self.setWhatsThis(self.tr("Drag over the months (or Shift+arrows, then Enter) to search that period; "
                                         "Escape shows every date again."))
        self.update()

    def bar_centre(self, i: int) -> QPoint:
        """The middle of month `i`'s column (for tests and accessibility)."""
        return self._bar_rect(i).center()
