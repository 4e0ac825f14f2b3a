"""Filter context (issue 26, item 9): the chosen collection and the ticked tags stand as removable
chips by the search box and are named in the result count; clicking a chip away unticks the tag or
chooses every article again; with a tag ticked, the tags absent from the results are greyed and
cannot be ticked, not listed with «(۰)»."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.conftest import WAIT_MS, search
from viewer.core.bidi import BIDI_CONTROLS
from viewer.gui.results.tag_model import COUNT_ROLE, TAG_ROLE


def _chips(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [plain(chip.text()) for chip in getattr(window.search_bar, "chips", [])]


def plain(text: str) -> str:
    """`text` without its direction controls (names are isolates inside the line)."""
    return BIDI_CONTROLS.sub("", text)


def _tag_index(window, tag: str):  # type: ignore[no-untyped-def]
    model = window.tag_model
    return next(model.index(r) for r in range(model.rowCount()) if model.index(r).data(TAG_ROLE) == tag)


def test_a_ticked_tag_is_a_chip_named_in_the_count_and_clicked_away(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    search(qtbot, window, "")
    everything = window.result.total
    first, count = window.result.facets[0]
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        window.tag_model.set_checked(first)
    assert window.result.total == count
    assert _chips(window) == [f"برچسب «{first}»  ✕"]
    assert f"با برچسب «{first}»" in plain(window.search_bar.count_label.text())
    chip = window.search_bar.chips[0]
    assert plain(chip.accessibleName()) == f"برداشتن پالایهٔ برچسب «{first}»"

    # The chip clicked away unticks the tag.
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    assert window.tag_model.checked == []
    assert _chips(window) == []
    assert window.result.total == everything
    assert "برچسب" not in plain(window.search_bar.count_label.text())


def test_a_chosen_collection_is_a_chip_and_clicking_it_away_chooses_every_article(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    search(qtbot, window, "")
    everything = window.result.total
    panel = window.research.collections
    ids = [hit.id for hit in window.result.hits[:3]]
    window.library.collections.create("پروندهٔ آب")
    window.library.collections.add("پروندهٔ آب", ids)
    panel.reload()
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        panel.choose("پروندهٔ آب")
    assert window.result.total == 3
    assert _chips(window) == ["مجموعهٔ «پروندهٔ آب»  ✕"]
    assert plain(window.search_bar.count_label.text()) == "۳ نتیجه در مجموعهٔ «پروندهٔ آب»"

    # With a tag too: both chips, both named.
    tag = window.result.facets[0][0]
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        window.tag_model.set_checked(tag)
    assert _chips(window) == ["مجموعهٔ «پروندهٔ آب»  ✕", f"برچسب «{tag}»  ✕"]
    assert f"در مجموعهٔ «پروندهٔ آب» با برچسب «{tag}»" in plain(window.search_bar.count_label.text())

    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        qtbot.mouseClick(window.search_bar.chips[0], Qt.MouseButton.LeftButton)
    assert panel.chosen is None
    assert _chips(window) == [f"برچسب «{tag}»  ✕"]
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        qtbot.mouseClick(window.search_bar.chips[0], Qt.MouseButton.LeftButton)
    assert _chips(window) == [] and window.result.total == everything


def test_with_a_tag_ticked_the_tags_absent_from_the_results_are_greyed_not_zero(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    """Greyed and not tickable: tags combine with AND, so ticking one no result carries could only
    empty the list; a ticked tag stays tickable (to untick it)."""
    search(qtbot, window, "")
    first, _count = window.result.facets[0]
    with qtbot.waitSignal(window.results_shown, timeout=WAIT_MS):
        window.tag_model.set_checked(first)
    # The tags kept in place after the tick: those absent from the results greyed, without «(۰)».
    model = window.tag_model
    absent = [model.index(r) for r in range(model.rowCount()) if model.index(r).data(COUNT_ROLE) == 0]
    assert absent, "the sample has tags the first tag's articles lack"
    for index in absent:
        assert index.data(Qt.ItemDataRole.DisplayRole) == index.data(TAG_ROLE)  # the name alone, no «(۰)»
        assert not model.flags(index) & Qt.ItemFlag.ItemIsEnabled
    present = _tag_index(window, first)
    assert model.flags(present) & Qt.ItemFlag.ItemIsEnabled
    # A click on a greyed tag ticks nothing (it could only empty the list).
    tag_list = window.tag_panel.list
    greyed = window.tag_panel.proxy.mapFromSource(absent[0])
    qtbot.mouseClick(tag_list.viewport(), Qt.MouseButton.LeftButton, pos=tag_list.visualRect(greyed).center())
    assert window.tag_model.checked == [first]

