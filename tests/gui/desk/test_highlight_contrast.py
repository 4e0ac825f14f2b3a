"""Highlighted text stays readable in both themes: the highlight colours are light, so the dark theme's
light text on them could not be read (seen in the README screenshots). WCAG's contrast ratio between
the text's colour and the highlight's is at least 4.5 wherever a highlight is painted."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QTextCursor

from tests.gui.conftest import search, started_window  # noqa: F401 - fixture
from viewer.app.settings import AUTHOR
from viewer.gui.notes.note_format import HIGHLIGHT_COLOURS

pytestmark = pytest.mark.gui


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_highlighted_text_is_readable_in_both_themes(qtbot, window, theme: str) -> None:  # type: ignore[no-untyped-def]
    window.settings.set(AUTHOR, "مریم")
    window.set_theme(theme)
    search(qtbot, window, "اصفهان")
    view = window.article_pane.view
    assert view.article is not None
    text = view.article.text
    spans = []
    for index, (colour, _en, _fa) in enumerate(HIGHLIGHT_COLOURS):
        start = text.index(" ", 40 * index + 1) + 1
        spans.append((start, start + 6, colour))
    view.set_highlights(spans)
    for start, _end, colour in spans:
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.layout_map.to_position(start) + 1)
        fmt = cursor.charFormat()
        assert fmt.background().color() == QColor(colour)
        brush = fmt.foreground()
        shown = brush.color() if brush.style() != brush.style().NoBrush else view.palette().text().color()
        assert contrast(shown, QColor(colour)) >= 4.5, (theme, colour, shown.name())
    # Cleared highlights give the text back its theme's colour.
    view.set_highlights([])
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.layout_map.to_position(spans[0][0]) + 1)
    assert cursor.charFormat().foreground().style() == cursor.charFormat().foreground().style().NoBrush
