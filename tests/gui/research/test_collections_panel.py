"""Collections in the side panel: made by typing a Persian name, filled from the results by the
menu and by a drop, shown with counts, and a filter on the results; removed with Delete."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest

from tests.gui.conftest import WAIT_MS, search, type_text
from tests.gui.research.conftest import DATED
from viewer.core.bidi import isolated
from viewer.gui.common.article_ids_mime import ids_mime
from viewer.gui.research.collections_panel import NAME_ROLE


def _make(qtbot, panel, name: str) -> None:  # type: ignore[no-untyped-def]
    panel.name_box.setFocus()
    type_text(panel.name_box, name)
    QTest.keyClick(panel.name_box, Qt.Key.Key_Return)


def _labels(panel) -> list[str]:  # type: ignore[no-untyped-def]
    return [panel.list.item(r).text() for r in range(panel.list.count())]


def _label(name: str, count: str) -> str:
    """A collection's row: its name kept apart from the count (in the English interface too)."""
    return f"{isolated(name)} ({count})"


def test_a_collection_is_made_filled_by_the_menu_and_filters_the_results(qtbot, dated_window) -> None:  # type: ignore[no-untyped-def]
    win = dated_window
    panel = win.research.collections
    _make(qtbot, panel, "پرونده آب")
    assert _labels(panel) == ["همهٔ خبرها", _label("پرونده آب", "۰")]
    search(qtbot, win, "تهران")
    win.results_view.selectAll()
    menu = win.research.actions.collections_menu(win)
    [entry] = [a for a in menu.actions() if a.text() == "پرونده آب"]
    entry.trigger()
    assert _labels(panel)[1] == _label("پرونده آب", "۱")
    search(qtbot, win, "")
    with qtbot.waitSignal(win.results_shown, timeout=WAIT_MS):
        panel.choose("پرونده آب")
    assert [hit.title for hit in win.result.hits] == ["کم‌آبی در تهران"]
    with qtbot.waitSignal(win.results_shown, timeout=WAIT_MS):
        panel.choose(None)
    assert win.result.total == len(DATED)


def test_results_dropped_on_a_collection_are_added(qtbot, dated_window) -> None:  # type: ignore[no-untyped-def]
    win = dated_window
    panel = win.research.collections
    _make(qtbot, panel, "پاییز")
    ids = [hit.id for hit in win.result.hits[:2]]
    row = next(r for r in range(panel.list.count()) if panel.list.item(r).data(NAME_ROLE) == "پاییز")
    at = QPointF(panel.list.visualItemRect(panel.list.item(row)).center())
    mime = ids_mime(ids)  # kept: the event holds only a pointer to it
    # Offscreen Qt delivers no drop outside a real drag loop, so the list's handler is called as the loop would.
    drop = QDropEvent(at, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    panel.list.dropEvent(drop)
    assert drop.isAccepted()
    assert win.research.library.collections.ids("پاییز") == ids
    assert _label("پاییز", "۲") in _labels(panel)


def test_a_taken_name_is_refused_in_persian_and_delete_removes_one(qtbot, dated_window) -> None:  # type: ignore[no-untyped-def]
    win = dated_window
    panel = win.research.collections
    _make(qtbot, panel, "كرج")  # Arabic kaf: the same name folded
    _make(qtbot, panel, "کرج")
    assert len(_labels(panel)) == 2
    assert panel.message.text() and panel.message.text().isascii() is False
    panel.choose("كرج")
    panel.list.setFocus()
    QTest.keyClick(panel.list, Qt.Key.Key_Delete)
    assert _labels(panel) == ["همهٔ خبرها"]
    assert win.research.library.collections.all() == []


def test_the_shortcut_and_the_context_menu_offer_the_collections(dated_window) -> None:  # type: ignore[no-untyped-def]
    win = dated_window
    actions = win.research.actions
    assert actions.add_to_collection.shortcut().toString() == "Ctrl+Shift+A"
    assert actions.add_to_collection in win.actions()
    menu = actions.context_menu(win.results_view)
    texts = [a.text() for a in menu.actions()]
    assert "رونوشت ارجاع" in texts and "افزودن به مجموعه" in texts
    taken = [a.shortcut().toString() for a in win.actions() if a.shortcut().toString()]
    assert len(taken) == len(set(taken)), taken
