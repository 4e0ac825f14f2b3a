"""What the window says while a search runs and when nothing matches."""

from __future__ import annotations

import threading

from tests.gui.conftest import WAIT_MS, search


def test_a_slow_search_says_searching_instead_of_the_old_count(qtbot, window) -> None:
    search(qtbot, window, "اصفهان")
    old_count = window.search_bar.count_label.text()
    assert old_count.endswith("نتیجه")
    service = window.library
    gate = threading.Event()
    original = service.first_page  # the first rows: what the count waits for first

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        gate.wait(WAIT_MS / 1000)  # as a fuzzy query over a large archive takes seconds
        return original(*args, **kwargs)

    service.first_page = slow
    try:
        window.search_bar.set_query("پرسپلیس~")
        window.search_bar.search_now()
        qtbot.waitUntil(lambda: window.search_bar.count_label.text() == "در حال جست‌وجو…", timeout=WAIT_MS)
        with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
            gate.set()
    finally:
        service.first_page = original
    assert window.search_bar.count_label.text() != "در حال جست‌وجو…"


def test_no_results_says_so_in_the_results_pane(qtbot, window) -> None:
    search(qtbot, window, "اصفهان")
    assert not window.empty_notice.isVisible()
    search(qtbot, window, "واژه‌ای‌که‌نیست")
    notice = window.empty_notice
    assert window.result.total == 0
    assert notice.isVisible() and "واژه‌ای‌که‌نیست" in notice.text()
    assert window.search_bar.count_label.text() == "بدون نتیجه"
    assert window.results_view.viewport().rect().contains(notice.geometry().center())
    search(qtbot, window, "اصفهان")
    assert not notice.isVisible()


def test_newest_first_is_offered_only_when_a_result_has_a_date(qtbot, window) -> None:
    from PySide6.QtGui import QStandardItemModel

    model = window.search_bar.sort_box.model()
    assert isinstance(model, QStandardItemModel)
    search(qtbot, window, "اصفهان")
    dated = any(hit.date for hit in window.result.hits)
    assert model.item(1).isEnabled() == dated
    window.search_bar.set_dates_available(False)
    assert not model.item(1).isEnabled() and "تاریخ" in window.search_bar.sort_box.toolTip()
    window.search_bar.set_dates_available(True)
    assert model.item(1).isEnabled() and window.search_bar.sort_box.toolTip() == ""


def test_help_explains_the_query_language(qtbot, window) -> None:
    from PySide6.QtWidgets import QDialog, QTextBrowser

    window.window_actions.query_help.trigger()
    dialog = window.findChild(QDialog, "queryHelpDialog")
    assert dialog is not None and dialog.isVisible()
    text = dialog.findChild(QTextBrowser).toPlainText()
    for example in ("OR", "-فوتبال", "tag:", "title:", "خواهرخوانده*", "اصفهن~", '"روابط تجاری"'):
        assert example in text
    assert "عبارت" in text  # explained in Persian
    dialog.close()
