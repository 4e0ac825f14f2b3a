"""The histogram above the results: Jalali months with every month between drawn, dragging or the
keyboard choosing a period that goes into the search box as `از:… تا:…`."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.gui.conftest import WAIT_MS, search
from viewer.gui.research.query_dates import with_months, without_dates
from viewer.gui.research.timeline_histogram import TimelineHistogram, months_between


def _mouse(widget: QWidget, kind: QEvent.Type, at: QPoint, buttons: Qt.MouseButton) -> None:
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    event = QMouseEvent(kind, QPointF(at), QPointF(widget.mapToGlobal(at)), button, buttons,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def drag(widget: QWidget, start: QPoint, end: QPoint) -> None:
    _mouse(widget, QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    _mouse(widget, QEvent.Type.MouseMove, end, Qt.MouseButton.LeftButton)
    _mouse(widget, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


@pytest.mark.no_window
def test_months_between_crosses_the_year() -> None:
    assert months_between("1402-11", "1403-02") == ["1402-11", "1402-12", "1403-01", "1403-02"]


@pytest.mark.no_window
def test_chosen_months_replace_the_dates_typed_in_the_query() -> None:
    assert with_months("آب از:۱۴۰۱ تا:1401/12", "1402-08", "1402-05", True) == "آب از:۱۴۰۲/۰۵ تا:۱۴۰۲/۰۸"
    assert with_months("water from:2020-01-01", "1402-05", "1402-05", False) == "water from:1402/05 to:1402/05"
    assert without_dates("آب از:۱۴۰۲/۰۵ تا:۱۴۰۲/۰۸ سد") == "آب سد"


def test_missing_months_are_zero_and_the_oldest_is_at_the_right(qtbot, gui_app) -> None:  # type: ignore[no-untyped-def]
    widget = TimelineHistogram()
    qtbot.addWidget(widget)
    widget.resize(400, 80)
    widget.set_timeline([("1402-04", 1), ("1402-06", 3)])
    widget.show()
    assert widget.months == ["1402-04", "1402-05", "1402-06"]
    assert widget.counts == [1, 0, 3]
    assert widget.isRightToLeft()
    assert widget.bar_centre(0).x() > widget.bar_centre(2).x()
    assert widget.month_at(widget.bar_centre(1).x()) == 1


def test_dragging_chooses_the_months_under_it(qtbot, gui_app) -> None:  # type: ignore[no-untyped-def]
    widget = TimelineHistogram()
    qtbot.addWidget(widget)
    widget.resize(500, 80)
    widget.set_timeline([("1402-04", 1), ("1402-05", 1), ("1402-06", 1), ("1402-08", 1)])
    widget.show()
    with qtbot.waitSignal(widget.range_chosen) as chosen:
        drag(widget, widget.bar_centre(4), widget.bar_centre(1))  # 1402-08 back to 1402-05
    assert chosen.args == ["1402-05", "1402-08"]


def test_the_keyboard_chooses_a_period_too(qtbot, gui_app) -> None:  # type: ignore[no-untyped-def]
    widget = TimelineHistogram()
    qtbot.addWidget(widget)
    widget.set_timeline([("1402-04", 1), ("1402-05", 2), ("1402-06", 1)])
    widget.show()
    widget.setFocus()
    QTest.keyClick(widget, Qt.Key.Key_Left)  # right to left: Left goes toward the newer months
    assert widget.current == 2  # starts at the newest month and stays there
    widget.current = widget.anchor = 0
    QTest.keyClick(widget, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    with qtbot.waitSignal(widget.range_chosen) as chosen:
        QTest.keyClick(widget, Qt.Key.Key_Return)
    assert chosen.args == ["1402-04", "1402-05"]
    with qtbot.waitSignal(widget.range_cleared):
        QTest.keyClick(widget, Qt.Key.Key_Escape)


def test_the_window_shows_the_matches_by_month_and_a_drag_searches_that_period(qtbot, dated_window) -> None:  # type: ignore[no-untyped-def]
    win = dated_window
    search(qtbot, win, "آب")
    timeline = win.research.timeline
    assert timeline.isVisible()
    assert timeline.months == ["1402-04", "1402-05", "1402-06", "1402-07", "1402-08", "1402-09"]
    assert timeline.counts == [1, 1, 1, 0, 1, 1]
    with qtbot.waitSignal(win.results_shown, timeout=WAIT_MS):
        drag(timeline, timeline.bar_centre(1), timeline.bar_centre(4))
    assert win.search_bar.box.text() == "آب از:۱۴۰۲/۰۵ تا:۱۴۰۲/۰۸"
    assert win.result.total == 3
    assert sorted(hit.title for hit in win.result.hits) == sorted(["کم‌آبی در تهران", "آب شهریور", "بارش پاییزی و آب سدها"])


def test_the_timeline_reads_in_the_dark_theme(qtbot, dated_window) -> None:  # type: ignore[no-untyped-def]
    from viewer.gui.common.theme import colours

    win = dated_window
    win.set_theme("dark")
    timeline = win.research.timeline
    image = timeline.grab().toImage()
    bar = timeline.bar_centre(0)
    pixel = image.pixelColor(bar.x(), timeline.height() - 30)
    assert pixel.name() == colours()["accent"]


def test_the_timeline_waits_for_its_count_and_never_shows_an_older_querys(qtbot, dated_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tests.gui.results.test_count_later import HeldCount

    win = dated_window
    search(qtbot, win, "آب")
    timeline = win.research.timeline
    assert len(timeline.months) == 6
    held = HeldCount(win.library, monkeypatch, "برق")
    with qtbot.waitSignal(win.first_page_shown, timeout=WAIT_MS):
        win.search("برق")
    qtbot.waitUntil(held.entered.is_set, timeout=WAIT_MS)
    assert [hit.title for hit in win.result.hits] == ["آب و برق در آذر"]
    assert timeline.months == [] and timeline.counts == []  # not آب's months beside برق's rows
    assert timeline.isVisible()  # it keeps its place: the results under it do not jump
    assert not timeline.grab().isNull()
    with qtbot.waitSignal(win.results_shown, timeout=WAIT_MS):
        held.release.set()
    assert timeline.months == ["1402-09"] and timeline.counts == [1]
