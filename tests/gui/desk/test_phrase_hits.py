"""The reading pane lights, counts and walks a phrase's occurrences only (issue 26, item 6): for
«"شورای اسلامی"» a lone «اسلامی» is never lit, the counter's total is the true number of phrase
occurrences (in Persian digits), and F3 / Shift+F3 visit exactly those."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.conftest import write_items
from tests.gui.conftest import WAIT_MS, search, started_window
from tests.search.phrase_brute import analysed, inside, phrase_keys, phrase_spans
from viewer.core.paths import DataPaths
from viewer.core.persian_numbers import PERSIAN_DIGITS

PHRASE = '"شورای اسلامی"'


def _with_phrase_and_lone_word(corpus_items: dict[str, list[dict]]) -> list[dict]:
    """Real articles holding the phrase, and its last word alone as well, plus a few without it."""
    items = [item for items in corpus_items.values() for item in items]
    chosen = []
    for item in items:
        text = "\n".join(map(str, item.get("paragraphs") or []))
        if "شورای اسلامی" in text and text.count("اسلامی") > text.count("شورای اسلامی"):
            chosen.append(item)
    return chosen[:8] + items[:12]


def test_counter_and_f3_walk_phrase_occurrences_only(qtbot, gui_app, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                     corpus_items: dict[str, list[dict]]) -> None:
    archive_dir = tmp_path / "archive"
    write_items(archive_dir / "items.json", _with_phrase_and_lone_word(corpus_items))
    window = started_window(qtbot, DataPaths.resolve(tmp_path / "data").ensure(), [str(archive_dir)],
                            until=lambda w: w.result is not None and w.result.total > 10)
    search(qtbot, window, PHRASE)
    pane = window.article_pane
    view = pane.view
    # The match whose text holds the most lone «اسلامی» beside the phrase.
    last = phrase_keys(PHRASE)[-1]

    def lone_words(text: str) -> int:
        occurrences = phrase_spans(text, PHRASE, joined=True)
        return sum(1 for word in analysed(text) if last in word.keys
                   and not any(inside((word.start, word.end), span) for span in occurrences))

    ids = [window.results_model.article_id(row) for row in range(window.results_model.rowCount())]
    texts = {i: window.library.article(i).text for i in ids if i}
    chosen = max(texts, key=lambda i: (lone_words(texts[i]) > 0, len(phrase_spans(texts[i], PHRASE))))
    assert lone_words(texts[chosen]) > 0
    with qtbot.waitSignal(pane.article_shown, timeout=WAIT_MS):
        window.open_article(chosen)
    text = texts[chosen]
    expected = phrase_spans(text, PHRASE, joined=True)
    assert len(expected) >= 2
    hits = view.hits
    assert len(hits) == len(expected)
    assert all(inside(hit, occurrence) for hit, occurrence in zip(hits, expected, strict=True))
    assert len(view.extraSelections()) == len(expected)
    assert pane.counter.text() == f"0/{len(expected)}".translate(PERSIAN_DIGITS)

    window.activateWindow()
    visited = []
    for step in range(1, len(expected) + 1):
        QTest.keyClick(window, Qt.Key.Key_F3)
        assert pane.counter.text() == f"{step}/{len(expected)}".translate(PERSIAN_DIGITS)
        start = view.layout_map.to_offset(view.textCursor().position())
        visited.append(start)
    assert visited == [start for start, _end in hits]
    QTest.keyClick(window, Qt.Key.Key_F3)  # wraps to the first
    assert pane.counter.text() == f"1/{len(expected)}".translate(PERSIAN_DIGITS)
    QTest.keyClick(window, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)  # and back to the last
    assert pane.counter.text() == f"{len(expected)}/{len(expected)}".translate(PERSIAN_DIGITS)
    assert view.layout_map.to_offset(view.textCursor().position()) == hits[-1][0]
    window.close()
