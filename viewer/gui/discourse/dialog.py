"""The discourse research window: the concordance of a query (its lines opening the article at the
hit) with the query's collocations beside it, and a chart of several queries' trends below.

Everything is worked out by `viewer.app.discourse.Discourse` off the UI thread (`run`); a newer
request makes an older one's result be dropped. The dialog stays open beside the main window."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.app.scope import EVERYWHERE, Scope
from viewer.gui.common.accessible import name_combo_box
from viewer.gui.common.digits import digits, number
from viewer.gui.common.retranslating import Retranslating
from viewer.gui.discourse.concordance_model import AFTER, BEFORE, DATE, LINE_ROLE, ConcordanceModel
from viewer.gui.discourse.trend_chart import TrendChart
from viewer.gui.discourse.work import DiscourseWork, Request

if TYPE_CHECKING:
    from viewer.app.discourse import Collocate, Concordance, Trend
    from viewer.app.library import Library

PER = 10_000
_SEPARATORS = re.compile(r"[,،;؛\n]+")


@dataclass(frozen=True)
class Findings:
    concordance: Concordance
    collocates: list[Collocate]
    trend: Trend


def split_queries(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in _SEPARATORS.split(text) if part.strip())


class DiscourseDialog(Retranslating, QDialog):
    hit_requested = Signal(str, int, int)  # article id, the match's start and end in its text

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("discourseDialog")
        self.setModal(False)
        self.resize(980, 680)
        self.library: Library | None = None
        self.tags: Sequence[str] = ()
        self.scope = EVERYWHERE
        self.concordance: Concordance | None = None
        self.collocates: list[Collocate] | None = None
        self.trend: Trend | None = None
        self._error = ""
        self._busy = False
        self.work = DiscourseWork(self)
        self.work.concordance_found.connect(self.show_concordance)
        self.work.collocates_found.connect(self.show_collocates)
        self.work.trend_found.connect(self.show_trend)
        self.work.failed.connect(self._failed)
        self.work.finished.connect(self._finished)

        self.query_label = QLabel(self)
        self.query_box = QLineEdit(self)
        self.query_box.setObjectName("discourseQuery")
        self.query_label.setBuddy(self.query_box)
        self.trend_label = QLabel(self)
        self.trend_box = QLineEdit(self)
        self.trend_box.setObjectName("trendQueries")
        self.trend_label.setBuddy(self.trend_box)
        self.by_box = QComboBox(self)
        self.by_box.setObjectName("trendPeriod")
        self.by_box.addItems(["", ""])
        self.calendar_box = QComboBox(self)
        self.calendar_box.setObjectName("trendCalendar")
        self.calendar_box.addItems(["", ""])
        self.per_box = QCheckBox(self)
        self.per_box.setObjectName("trendPer")
        self.sort_label = QLabel(self)
        self.sort_box = QComboBox(self)
        self.sort_box.setObjectName("concordanceSort")
        self.sort_box.addItems(["", "", ""])
        self.sort_label.setBuddy(self.sort_box)
        self.sort_box.currentIndexChanged.connect(self._sort_chosen)
        self.go_button = QPushButton(self)
        self.go_button.setObjectName("discourseGo")
        self.go_button.setDefault(True)
        self.go_button.clicked.connect(self.start)
        self.query_box.returnPressed.connect(self.start)
        self.trend_box.returnPressed.connect(self.start)
        self.summary = QLabel(self)
        self.summary.setObjectName("discourseSummary")
        self.summary.setWordWrap(True)

        self.model = ConcordanceModel(self)
        self.lines_view = QTableView(self)
        self.lines_view.setObjectName("concordanceLines")
        self.lines_view.setModel(self.model)
        # The text is Persian: the words before a match at its right, whatever the interface language.
        self.lines_view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.lines_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.lines_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines_view.setWordWrap(False)
        self.lines_view.verticalHeader().hide()
        header = self.lines_view.horizontalHeader()
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BEFORE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AFTER, QHeaderView.ResizeMode.Stretch)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._header_clicked)
        self.lines_view.activated.connect(self._line_activated)
        self.lines_view.doubleClicked.connect(self._line_activated)

        self.collocates_view = QTableWidget(0, 3, self)
        self.collocates_view.setObjectName("collocates")
        self.collocates_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.collocates_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.collocates_view.verticalHeader().hide()
        self.collocates_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.collocates_view.itemActivated.connect(self._collocate_activated)

        self.chart = TrendChart(self)
        self.png_button = QPushButton(self)
        self.png_button.setObjectName("trendPng")
        self.png_button.clicked.connect(lambda: self._export("png"))
        self.svg_button = QPushButton(self)
        self.svg_button.setObjectName("trendSvg")
        self.svg_button.clicked.connect(lambda: self._export("svg"))
        self.csv_button = QPushButton(self)
        self.csv_button.setObjectName("trendCsv")
        self.csv_button.clicked.connect(lambda: self._export("csv"))
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("discourseClose")
        self.close_button.clicked.connect(self.close)
        self._lay_out()
        self._enable_exports()
        self.retranslate()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        for widget in (self.query_label, self.query_box, self.trend_label, self.trend_box, self.by_box,
                       self.calendar_box, self.per_box, self.go_button):
            top.addWidget(widget, 2 if isinstance(widget, QLineEdit) else 0)
        sort_row = QHBoxLayout()
        sort_row.addWidget(self.sort_label)
        sort_row.addWidget(self.sort_box)
        sort_row.addWidget(self.summary, 1)
        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.addWidget(self.lines_view)
        upper.addWidget(self.collocates_view)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 1)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.chart, 1)
        buttons = QHBoxLayout()
        for button in (self.png_button, self.svg_button, self.csv_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        lower_layout.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(sort_row)
        layout.addWidget(self.splitter, 1)

    # -- requests --------------------------------------------------------------------------------
    def prepare(self, library: Library | None, query: str, tags: Sequence[str] = (), scope: Scope = EVERYWHERE) -> None:
        """The window's library and current search (its words, tags and scope)."""
        self.library, self.tags, self.scope = library, tuple(tags), scope
        if query.strip() and query.strip() != "*":
            self.query_box.setText(query.strip())
            if not self.trend_box.text().strip():
                self.trend_box.setText(query.strip())

    @property
    def findings(self) -> Findings | None:
        """All three, once the last has come."""
        if self.concordance is None or self.collocates is None or self.trend is None:
            return None
        return Findings(self.concordance, self.collocates, self.trend)

    def request(self) -> Request:
        return Request(self.query_box.text().strip(), split_queries(self.trend_box.text()), tuple(self.tags),
                       self.scope, ("month", "year")[self.by_box.currentIndex()],
                       ("jalali", "gregorian")[self.calendar_box.currentIndex()],
                       PER if self.per_box.isChecked() else None, ("date", "left", "right")[max(0, self.sort_box.currentIndex())])

    def start(self) -> None:
        request = self.request()
        if not request.query or self.library is None:
            return
        self.concordance = self.collocates = self.trend = None
        self._busy, self._error = True, ""
        self.retranslate()
        self.work.start(self.library, request)

    def _finished(self) -> None:
        self._busy = False
        self.retranslate()

    def _failed(self, message: str) -> None:
        self._busy = False
        self._error = message
        self.retranslate()

    def show_concordance(self, found: Concordance) -> None:
        self.concordance = found
        self.model.set_lines(found.lines)
        self.model.sort((DATE, BEFORE, AFTER)[max(0, self.sort_box.currentIndex())])
        self.retranslate()
        if self.model.rowCount():
            self.lines_view.selectRow(0)

    def show_collocates(self, found: list[Collocate]) -> None:
        self.collocates = found
        self.collocates_view.setRowCount(len(found))
        for row, collocate in enumerate(found):
            cells = (collocate.word, number(collocate.count), digits(f"{collocate.score:.1f}"))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.collocates_view.setItem(row, column, item)

    def show_trend(self, found: Trend) -> None:
        self.trend = found
        self.chart.set_trend(found)
        self._enable_exports()
        self.retranslate()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.work.stop()
        super().closeEvent(event)

    # -- reading the lines -------------------------------------------------------------------------
    def _sort_chosen(self, index: int) -> None:
        """Sorts the lines shown; when the concordance has more lines than are shown, the first lines
        in that order are asked for again (sorting only the shown ones would leave others out)."""
        column = (DATE, BEFORE, AFTER)[max(0, index)]
        found = self.concordance
        if found is not None and found.total > len(found.lines) and self.library is not None and not self._busy:
            self._busy = True
            self.retranslate()
            self.work.start(self.library, replace(self.request(), sort=("date", "left", "right")[max(0, index)]),
                            concordance_only=True)
            return
        self.model.sort(column)

    def _header_clicked(self, section: int) -> None:
        if section in (DATE, BEFORE, AFTER):
            self.sort_box.setCurrentIndex((DATE, BEFORE, AFTER).index(section))
        else:
            self.model.sort(section)

    def _line_activated(self, index: QModelIndex) -> None:
        line = self.model.data(self.model.index(index.row(), 0), LINE_ROLE)
        if line is not None:
            self.hit_requested.emit(line.id, line.start, line.end)

    def _collocate_activated(self, item: QTableWidgetItem) -> None:
        word = self.collocates_view.item(item.row(), 0)
        if word is not None:
            self.query_box.setText(f'"{self.query_box.text().strip()} {word.text()}"')

    # -- export ----------------------------------------------------------------------------------
    def _enable_exports(self) -> None:
        ready = self.chart.trend is not None and bool(self.chart.periods or self.chart.trend.series)
        for button in (self.png_button, self.svg_button, self.csv_button):
            button.setEnabled(ready)

    def _export(self, kind: str) -> None:
        filters = {"png": self.tr("PNG images (*.png)"), "svg": self.tr("SVG images (*.svg)"),
                   "csv": self.tr("CSV tables (*.csv)")}
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export the trend"), f"trend.{kind}", filters[kind])
        if chosen:
            self.export_to(Path(chosen if chosen.lower().endswith("." + kind) else f"{chosen}.{kind}"), kind)

    def export_to(self, path: Path, kind: str) -> None:
        try:
            if kind == "png":
                if not self.chart.save_png(path):
                    raise OSError(str(path))
            elif kind == "svg":
                self.chart.save_svg(path, self.tr("Trends"))
            else:
                self.chart.save_csv(path)
        except OSError as exc:
            self._error = self.tr("Could not write {path}: {error}").format(path=str(path), error=exc.strerror or exc)
            self.retranslate()
            return
        self.summary.setText(self.tr("Saved {path}").format(path=str(path)))

    # -- language --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Concordance and trends"))
        self.query_label.setText(self.tr("&Word or phrase:"))
        self.query_box.setAccessibleName(self.tr("Word or phrase for the concordance and collocations"))
        self.query_box.setPlaceholderText(self.tr('a word, or "a phrase" in quotes'))
        self.trend_label.setText(self.tr("&Trend of:"))
        self.trend_box.setAccessibleName(self.tr("Queries for the trend chart, separated by commas"))
        self.trend_box.setPlaceholderText(self.tr("queries separated by commas"))
        self.by_box.setItemText(0, self.tr("By month"))
        self.by_box.setItemText(1, self.tr("By year"))
        name_combo_box(self.by_box, self.tr("Trend period"))
        self.calendar_box.setItemText(0, self.tr("Jalali"))
        self.calendar_box.setItemText(1, self.tr("Gregorian"))
        name_combo_box(self.calendar_box, self.tr("Calendar"))
        self.per_box.setText(self.tr("Per 10,000 articles"))
        self.per_box.setAccessibleName(self.tr("Show the trend per 10,000 articles of each period"))
        self.sort_label.setText(self.tr("&Sort lines by:"))
        for index, text in enumerate((self.tr("Date"), self.tr("Words before"), self.tr("Words after"))):
            self.sort_box.setItemText(index, text)
        name_combo_box(self.sort_box, self.tr("Sort the concordance lines by"))
        self.go_button.setText(self.tr("Find"))
        self.go_button.setAccessibleName(self.tr("Find the concordance, collocations and trends"))
        self.model.set_headers([self.tr("Date"), self.tr("Before"), self.tr("Match"), self.tr("After")])
        self.lines_view.setAccessibleName(self.tr("Concordance lines: Enter opens the article at the match"))
        self.collocates_view.setHorizontalHeaderLabels([self.tr("Collocate"), self.tr("Count"), self.tr("Score")])
        self.collocates_view.setAccessibleName(self.tr("Collocations, ranked by log-likelihood"))
        self.chart.setAccessibleName(self.tr("Trend chart: arrow keys move between periods"))
        self.chart.labels = {"articles": self.tr("articles"), "occurrences": self.tr("occurrences"),
                             "per": self.tr("per {per} articles"), "archive": self.tr("archive"),
                             "undated": self.tr("undated")}
        self.png_button.setText(self.tr("Save as PNG…"))
        self.png_button.setAccessibleName(self.tr("Save the trend chart as a PNG image"))
        self.svg_button.setText(self.tr("Save as SVG…"))
        self.svg_button.setAccessibleName(self.tr("Save the trend chart as an SVG image"))
        self.csv_button.setText(self.tr("Save as CSV…"))
        self.csv_button.setAccessibleName(self.tr("Save the trend figures as a CSV table"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the concordance and trends window"))
        self.summary.setText(self._summary_text())

    def _summary_text(self) -> str:
        if self._error:
            return self._error
        parts: list[str] = []
        if self.concordance is not None:
            parts.append(self.tr("{total} occurrences; {shown} lines listed.").format(
                total=number(self.concordance.total), shown=number(len(self.concordance.lines))))
        if self.trend is not None:
            undated = [s for s in self.trend.series if s.undated_articles]
            if undated:
                parts.append(self.tr("Undated articles (not in the chart): {counts}.").format(
                    counts="، ".join(f"{s.query}: {number(s.undated_articles)}" for s in undated)))
        if self._busy:
            parts.append(self.tr("Reading the matching articles…"))
        if not parts:
            return self.tr("Type a word or a phrase and press Enter.")
        return " ".join(parts)
