"""The concordance and trends window (issue 28) on real widgets: lines counted exactly, laid out
right to left with the match in the middle, a line opening its article at the match, collocations
beside, the trend chart's figures under the pointer and its PNG, SVG and CSV exports."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLineEdit, QPushButton, QTableView, QTableWidget

from tests.gui.conftest import WAIT_MS, search
from tests.gui.research.conftest import DATED
from viewer.gui.discourse.concordance_model import AFTER, BEFORE, DATE, MATCH, ConcordanceModel
from viewer.gui.discourse.dialog import DiscourseDialog
from viewer.gui.discourse.trend_chart import TrendChart

WORD = "آب"


def _opened(qtbot, window) -> DiscourseDialog:  # type: ignore[no-untyped-def]
    search(qtbot, window, WORD)
    action = window.discourse.action
    assert action in window.research.menu.actions()
    action.trigger()
    dialog = window.discourse.dialog
    assert isinstance(dialog, DiscourseDialog)
    qtbot.waitUntil(lambda: dialog.findings is not None, timeout=WAIT_MS)
    return dialog


def _planted() -> int:
    """آب as a word of each text (کم‌آبی is another word)."""
    texts = [" ".join(map(str, item["text"])) for item in DATED]  # type: ignore[call-overload]
    return sum(text.replace(".", " ").split().count(WORD) for text in texts)


def test_lines_total_collocates_and_trend_of_the_current_search(qtbot, dated_window) -> None:  # type: ignore[no-untyped-def]
    dialog = _opened(qtbot, dated_window)
    found = dialog.findings
    assert found is not None
    assert found.concordance.total == _planted() == dialog.model.rowCount()
    assert {dialog.model.lines[row].match for row in range(dialog.model.rowCount())} == {WORD}
    months = {p.period: p.articles for p in found.trend.series[0].points}
    assert months == {"1402-04": 1, "1402-05": 1, "1402-06": 1, "1402-08": 1, "1402-09": 1}
    assert found.trend.series[0].undated_articles == 1
    assert "۱" in dialog.summary.text()  # the undated article is said
    assert dialog.collocates_view.rowCount() == len(found.collocates) > 0
    shot = os.environ.get("BAYEGAN_SCREENSHOT_DIR")  # a look at the real widgets, for a person to judge
    if shot:
        dialog.resize(1100, 720)
        QApplication.processEvents()
        dialog.grab().save(str(Path(shot) / "discourse.png"))


def test_columns_run_right_to_left_with_the_match_between(qtbot, dated_window) -> None:  # type: ignore[no-untyped-def]
    dialog = _opened(qtbot, dated_window)
    view = dialog.lines_view
    row = next(r for r in range(dialog.model.rowCount()) if dialog.model.lines[r].left and dialog.model.lines[r].right)
    x = {column: view.visualRect(dialog.model.index(row, column)).center().x() for column in (DATE, BEFORE, MATCH, AFTER)}
    assert x[DATE] > x[BEFORE] > x[MATCH] > x[AFTER]  # the words before a match at its right
    dialog.sort_box.setCurrentIndex(2)  # by the words after
    afters = [line.right.split()[:1] for line in dialog.model.lines]
    assert afters == sorted(afters)
    dialog.sort_box.setCurrentIndex(0)
    dates = [line.date or "9999" for line in dialog.model.lines]
    assert dates == sorted(dates)


def test_a_line_opens_its_article_at_the_match(qtbot, dated_window) -> None:  # type: ignore[no-untyped-def]
    dialog = _opened(qtbot, dated_window)
    view = dialog.lines_view
    row = dialog.model.rowCount() - 1
    line = dialog.model.lines[row]
    view.setFocus()
    view.setCurrentIndex(dialog.model.index(row, MATCH))
    QTest.keyClick(view, Qt.Key.Key_Return)
    pane = dated_window.article_pane.view
    qtbot.waitUntil(lambda: pane.article is not None and pane.article.id == line.id, timeout=WAIT_MS)
    assert pane.selection_offsets() == (line.start, line.end)
    assert pane.article.text[line.start:line.end] == WORD


def test_trend_figures_on_hover_and_exports(qtbot, dated_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _opened(qtbot, dated_window)
    chart = dialog.chart
    assert chart.periods == ["1402-04", "1402-05", "1402-06", "1402-08", "1402-09"]
    at = QPoint(int(chart._x(2, len(chart.periods), chart._plot())), chart.height() // 2)
    event = QMouseEvent(QEvent.Type.MouseMove, QPointF(at), QPointF(chart.mapToGlobal(at)), Qt.MouseButton.NoButton,
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(chart, event)
    assert chart.current == 2
    assert WORD in chart.toolTip() and "۱۴۰۲-۰۶" in chart.toolTip()
    for kind in ("png", "svg", "csv"):
        dialog.export_to(tmp_path / f"trend.{kind}", kind)
    image = QImage(str(tmp_path / "trend.png"))
    assert not image.isNull() and image.width() == chart.width()
    assert "<svg" in (tmp_path / "trend.svg").read_text("utf-8")
    rows = (tmp_path / "trend.csv").read_text("utf-8").splitlines()
    assert rows[0] == f"period,archive,{WORD} articles,{WORD} occurrences"
    assert rows[1] == "1402-04,1,1,1" and rows[-1] == "undated,1,1,1"
    dialog.export_to(tmp_path / "missing" / "trend.csv", "csv")  # a folder that is not there
    assert str(tmp_path / "missing") in dialog.summary.text()


def test_every_control_is_named_and_translated(qtbot, dated_window) -> None:  # type: ignore[no-untyped-def]
    dialog = _opened(qtbot, dated_window)
    controls = [w for kind in (QLineEdit, QComboBox, QCheckBox, QPushButton, QTableView, QTableWidget, TrendChart)
                for w in dialog.findChildren(kind)]
    assert len(controls) >= 12
    assert all(w.accessibleName() for w in controls), [w.objectName() for w in controls if not w.accessibleName()]
    persian = dialog.windowTitle()
    assert persian == "هم‌نمایی و روندها"
    assert all(not w.text().isascii() for w in dialog.findChildren(QPushButton))
    dated_window.window_actions.lang_en.trigger()
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Concordance and trends", timeout=WAIT_MS)  # LanguageChange is posted
    assert dated_window.discourse.action.text() == "Concordance and trends…"
    assert dialog.go_button.text() == "Find"
    dated_window.window_actions.lang_fa.trigger()
    qtbot.waitUntil(lambda: dialog.windowTitle() == persian, timeout=WAIT_MS)


def test_the_model_passes_the_model_tester(qtmodeltester, gui_app) -> None:  # type: ignore[no-untyped-def]
    from viewer.search.discourse.concordance import ConcordanceLine

    model = ConcordanceModel()
    model.set_lines([ConcordanceLine("a", "عنوان", "2023-07-23", "پیش از", WORD, "پس از", 3, 5),
                     ConcordanceLine("b", "عنوان دیگر", "", "", WORD, "", 0, 2)])
    qtmodeltester.check(model)


def test_trend_controls_periods_calendar_and_several_queries(qtbot, dated_window) -> None:  # type: ignore[no-untyped-def]
    dialog = _opened(qtbot, dated_window)
    dialog.trend_box.setText(f"{WORD}، مصرف")
    dialog.by_box.setCurrentIndex(1)  # by year
    dialog.calendar_box.setCurrentIndex(1)  # Gregorian
    dialog.per_box.setChecked(True)
    dialog.go_button.click()
    qtbot.waitUntil(lambda: dialog.findings is not None and len(dialog.findings.trend.series) == 2, timeout=WAIT_MS)
    trend = dialog.findings.trend  # type: ignore[union-attr]
    assert [s.query for s in trend.series] == [WORD, "مصرف"]
    assert trend.archive == [("2023", 5)]
    water, use = trend.series
    assert (water.points[0].articles, water.points[0].relative) == (5, 10000.0)
    assert (use.points[0].articles, use.points[0].occurrences) == (2, 2)
    assert "۱۰٬۰۰۰" in dialog.chart.figures(0) or "10,000" in dialog.chart.figures(0)
