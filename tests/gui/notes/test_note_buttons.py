"""The notes panel's header buttons look like buttons (a frame that stands out from the panel) on the
light and the dark theme, and they stay where they are when a message appears below the cards."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from viewer.app.settings import Settings
from viewer.gui.app import prepare
from viewer.gui.notes.panel import NotesPanel
from viewer.gui.window.layout import NOTES


def _distance(a: QColor, b: QColor) -> int:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())


def _framed(panel: NotesPanel) -> list[str]:
    """The buttons whose edge is not visibly different from the panel around them."""
    image = panel.grab().toImage()
    flat = []
    for name in ("more_button",):
        button = getattr(panel, name)
        box = button.geometry()
        y = box.center().y()
        background = QColor(image.pixel(box.left() - 3, y))
        edges = [QColor(image.pixel(x, y)) for x in range(box.left(), box.left() + 8)]  # inside its margin
        if max(_distance(edge, background) for edge in edges) < 40:
            flat.append(name)
    return flat


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_note_buttons_have_a_visible_frame_and_do_not_move(qtbot, gui_app, window, tmp_path, theme: str) -> None:
    prepare(gui_app, Settings(tmp_path / "theme.json"), theme=theme, language="fa",
            icons_dir=tmp_path / "theme-icons")
    window.window_layout.set_shown(NOTES, True)  # an 800-pixel window shows the article and results only
    panel = window.findChild(NotesPanel)
    assert panel is not None and panel.isVisible()
    qtbot.waitUntil(lambda: panel.note_action.isEnabled() or window.article_pane.article is not None)
    QApplication.processEvents()
    assert _framed(panel) == []
    before = {name: getattr(panel, name).mapTo(panel, getattr(panel, name).rect().topLeft())
              for name in ("search_box", "author_box", "more_button", "cards")}
    panel.show_message("متن را در خبر برگزینید؛ این پیام بلند است تا در دو سطر بشکند و جای بیشتری بخواهد.")
    QApplication.processEvents()
    after = {name: getattr(panel, name).mapTo(panel, getattr(panel, name).rect().topLeft()) for name in before}
    assert after == before
