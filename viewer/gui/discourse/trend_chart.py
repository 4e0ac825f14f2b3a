"""Several queries' trends as lines over the periods of the archive, with the figures of a period
under the pointer (or the arrow keys), exported as PNG, SVG or CSV.

Periods run the way the interface reads, as the timeline above the results does: right to left in
Persian (the oldest at the right). Each line is a query's matching articles per period, or per
10,000 articles of the period when the relative figures are asked for."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from viewer.gui.digits import digits, number
from viewer.gui.theme import colours

if TYPE_CHECKING:
    from viewer.app.discourse import Trend

LINE_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
                "#7f7f7f", "#bcbd22")
MARGIN = 28
LEGEND_HEIGHT = 20


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("trendChart")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.trend: Trend | None = None
        self.current = -1  # the period whose figures are shown
        self.labels = {"articles": "articles", "occurrences": "occurrences", "per": "per {per} articles",
                       "archive": "archive", "undated": "undated"}

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(600, 220)

    def set_trend(self, trend: Trend | None) -> None:
        self.trend = trend
        self.current = -1
        self.update()

    @property
    def periods(self) -> list[str]:
        return [period for period, _ in self.trend.archive] if self.trend is not None else []

    def value(self, series_index: int, period_index: int) -> float:
        assert self.trend is not None
        point = self.trend.series[series_index].points[period_index]
        return point.relative if self.trend.per and point.relative is not None else float(point.articles)

    def _plot(self) -> QRect:
        return self.rect().adjusted(MARGIN + 12, MARGIN, -MARGIN, -MARGIN - LEGEND_HEIGHT)

    def _x(self, index: int, count: int, plot: QRect) -> float:
        share = index / (count - 1) if count > 1 else 0.5
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            share = 1 - share
        return plot.left() + share * plot.width()

    def _highest(self) -> float:
        if self.trend is None:
            return 1.0
        values = [self.value(s, p) for s in range(len(self.trend.series)) for p in range(len(self.periods))]
        return max([1.0, *values])

    def draw(self, painter: QPainter) -> None:
        """The chart, on any painter (the screen, a PNG or an SVG)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
        text_colour = QColor(colours()["text"])
        plot = self._plot()
        painter.setPen(QPen(text_colour, 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        painter.drawLine(plot.bottomLeft(), plot.topLeft())
        periods = self.periods
        if self.trend is None or not periods:
            return
        highest = self._highest()
        painter.drawText(QRect(0, plot.top() - 8, MARGIN + 8, 16), Qt.AlignmentFlag.AlignCenter, number(round(highest)))
        step = max(1, len(periods) // 8)
        for index in range(0, len(periods), step):
            x = self._x(index, len(periods), plot)
            painter.drawText(QRect(int(x) - 40, plot.bottom() + 2, 80, 16), Qt.AlignmentFlag.AlignCenter,
                             digits(periods[index]))
        for s, series in enumerate(self.trend.series):
            colour = QColor(LINE_COLOURS[s % len(LINE_COLOURS)])
            painter.setPen(QPen(colour, 2))
            points = [QPointF(self._x(p, len(periods), plot),
                              plot.bottom() - self.value(s, p) / highest * plot.height()) for p in range(len(periods))]
            if len(points) == 1:
                painter.drawEllipse(points[0], 3, 3)
            painter.drawPolyline(points)
            legend = QRect(plot.left() + s * 150, plot.bottom() + LEGEND_HEIGHT, 145, LEGEND_HEIGHT)
            painter.fillRect(QRect(legend.left(), legend.top() + 6, 12, 8), colour)
            painter.setPen(text_colour)
            painter.drawText(legend.adjusted(16, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
                             | Qt.AlignmentFlag.AlignAbsolute, series.query)
        if 0 <= self.current < len(periods):
            x = self._x(self.current, len(periods), plot)
            painter.setPen(QPen(text_colour, 1, Qt.PenStyle.DashLine))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        self.draw(painter)
        painter.end()

    def figures(self, index: int) -> str:
        """The figures of one period, as the tooltip shows them."""
        if self.trend is None or not 0 <= index < len(self.periods):
            return ""
        lines = [f"{digits(self.periods[index])} — {self.labels['archive']}: {number(self.trend.archive[index][1])}"]
        for series in self.trend.series:
            point = series.points[index]
            line = (f"{series.query}: {number(point.articles)} {self.labels['articles']}, "
                    f"{number(point.occurrences)} {self.labels['occurrences']}")
            if self.trend.per and point.relative is not None:
                line += f", {digits(str(point.relative))} {self.labels['per'].format(per=number(self.trend.per))}"
            lines.append(line)
        return "\n".join(lines)

    def _index_at(self, x: float) -> int:
        count = len(self.periods)
        if not count:
            return -1
        plot = self._plot()
        return min(range(count), key=lambda i: abs(self._x(i, count, plot) - x))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.show_figures(self._index_at(event.position().x()), event.position().toPoint())

    def show_figures(self, index: int, at: QPoint | None = None) -> None:
        self.current = index
        self.update()
        text = self.figures(index)
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        if text:
            QToolTip.showText(self.mapToGlobal(at or self.rect().center()), text, self)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        forward = 1 if self.layoutDirection() == Qt.LayoutDirection.LeftToRight else -1
        if event.key() in (Qt.Key.Key_Right, Qt.Key.Key_Left) and self.periods:
            step = forward if event.key() == Qt.Key.Key_Right else -forward
            self.show_figures(max(0, min(len(self.periods) - 1, (self.current if self.current >= 0 else 0) + step)))
            return
        super().keyPressEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        self.current = -1
        self.update()
        super().leaveEvent(event)

    # -- export ----------------------------------------------------------------------------------
    def save_png(self, path: Path) -> bool:
        return bool(self.grab().save(str(path), "PNG"))

    def save_svg(self, path: Path, title: str = "") -> None:
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(self.size())
        generator.setViewBox(self.rect())
        generator.setTitle(title)
        painter = QPainter(generator)
        self.draw(painter)
        painter.end()

    def save_csv(self, path: Path) -> None:
        """period, the archive's articles, then each query's articles and occurrences (and relative)."""
        if self.trend is None:
            return
        trend = self.trend
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            header = ["period", "archive"]
            for series in trend.series:
                header += [f"{series.query} articles", f"{series.query} occurrences"]
                if trend.per:
                    header.append(f"{series.query} per {trend.per}")
            writer.writerow(header)
            for index, (period, articles) in enumerate(trend.archive):
                row: list[object] = [period, articles]
                for series in trend.series:
                    point = series.points[index]
                    row += [point.articles, point.occurrences]
                    if trend.per:
                        row.append(point.relative)
                writer.writerow(row)
            row = ["undated", trend.archive_undated]
            for series in trend.series:
                row += [series.undated_articles, series.undated_occurrences]
                if trend.per:
                    row.append("")
            writer.writerow(row)
