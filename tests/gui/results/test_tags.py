"""Tag filters: checking tags narrows the results (several = AND), the filter box, clear-all,
and a tag chip clicked in the article."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from tests.gui.conftest import WAIT_MS, search
from viewer.gui.article.document import TAG_SCHEME
from viewer.gui.results.model import ROW_ROLE
from viewer.gui.results.tag_model import TAG_ROLE


def rows(window) -> list:  # type: ignore[no-untyped-def]
    model = window.results_model
    return [model.index(r).data(ROW_ROLE) for r in range(model.rowCount())]


def tag_index(window, tag: str):  # type: ignore[no-untyped-def]
    model = window.tag_model
    return next(model.index(r) for r in range(model.rowCount()) if model.index(r).data(TAG_ROLE) == tag)


def test_checking_tags_filters_the_results_with_and(qtbot, window) -> None:
    search(qtbot, window, "")
    everything = window.result.total
    facets = dict(window.result.facets)
    first, count = window.result.facets[0]
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        window.tag_model.setData(tag_index(window, first), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert window.result.total == count == facets[first]
    assert all(first in row.tags for row in rows(window))
    assert tag_index(window, first).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked

    # A second tag of the narrowed results: both must hold.
    second = next((t for t, c in window.result.facets if t != first), None)
    assert second is not None
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        tag_list = window.tag_panel.list
        proxy_index = window.tag_panel.proxy.mapFromSource(tag_index(window, second))
        qtbot.mouseClick(tag_list.viewport(), Qt.MouseButton.LeftButton, pos=tag_list.visualRect(proxy_index).center())
    assert window.tag_model.checked == [first, second]
    assert all(first in row.tags and second in row.tags for row in rows(window))
    assert 0 < window.result.total <= count

    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        qtbot.mouseClick(window.tag_panel.clear_button, Qt.MouseButton.LeftButton)
    assert window.tag_model.checked == []
    assert window.result.total == everything


def test_the_filter_box_narrows_the_tag_list(qtbot, window) -> None:
    search(qtbot, window, "")
    proxy = window.tag_panel.proxy
    before = proxy.rowCount()
    tag = window.result.facets[0][0]
    window.tag_panel.filter_box.setText(tag)
    assert 0 < proxy.rowCount() < before
    assert all(tag.lower() in proxy.index(r, 0).data(TAG_ROLE).lower() for r in range(proxy.rowCount()))
    window.tag_panel.filter_box.clear()
    assert proxy.rowCount() == before


def test_clicking_a_tag_chip_in_the_article_filters_by_it(qtbot, window) -> None:
    search(qtbot, window, "")
    row = next(r for r in range(window.results_model.rowCount()) if window.results_model.index(r).data(ROW_ROLE).tags)
    window.open_article(window.results_model.article_id(row))
    view = window.article_pane.view
    tag = view.article.tags[0]
    # Find the chip's anchor in the document and click it like a reader would.
    block = view.document().begin()
    position = None
    while block.isValid() and position is None:
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref().startswith(TAG_SCHEME + ":"):
                position = fragment.position() + fragment.length() // 2
                break
            it += 1
        block = block.next()
    assert position is not None
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    view.verticalScrollBar().setValue(0)
    point = view.cursorRect(cursor).center()
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.tag_model.checked == [tag]
    assert all(tag in r.tags for r in rows(window))


def test_space_toggles_the_current_tag(qtbot, window) -> None:
    from PySide6.QtTest import QTest

    search(qtbot, window, "")
    tag_list = window.tag_panel.list
    tag_list.setFocus()
    tag_list.setCurrentIndex(window.tag_panel.proxy.index(0, 0))
    tag = tag_list.currentIndex().data(TAG_ROLE)
    QTest.keyClick(tag_list, Qt.Key.Key_Space)
    assert window.tag_model.checked == [tag]
    qtbot.waitUntil(lambda: not window.search_pending, timeout=WAIT_MS)
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        QTest.keyClick(tag_list, Qt.Key.Key_Space)
    assert window.tag_model.checked == []


def test_a_ticked_tag_stays_under_the_mouse(qtbot, window) -> None:
    search(qtbot, window, "")
    tag_list = window.tag_panel.list
    proxy = window.tag_panel.proxy
    tag = window.tag_model.index(3).data(TAG_ROLE)
    where = tag_list.visualRect(proxy.mapFromSource(tag_index(window, tag))).center()
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        qtbot.mouseClick(tag_list.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.tag_model.checked == [tag]
    assert tag_list.indexAt(where).data(TAG_ROLE) == tag  # not another tag moved in under the mouse
    # The current row is not painted as selected (it looked ticked).
    assert tag_list.selectionModel().selectedIndexes() == []
    assert tag_list.selectionMode() == tag_list.SelectionMode.NoSelection
