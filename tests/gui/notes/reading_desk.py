"""The reading pane and the notes panel as the notes tests set them up: real widgets, shown, on a real
Library; shared by the panel's tests (tests/notes/panel) and the note cards' (tests/gui/desk)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from viewer.app.library import Library
from viewer.core.article import Article
from viewer.gui.article.view import ArticleView
from viewer.gui.notes.panel import NotesPanel


def shown_article_view(qtbot, article: Article) -> ArticleView:  # type: ignore[no-untyped-def]
    """An article view 700×500, shown, showing `article`; qtbot closes it."""
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.show()
    view.show_article(article)
    return view


@contextmanager
def shown_notes_panel(qtbot, library: Library, author: str, width: int, height: int) -> Iterator[NotesPanel]:  # type: ignore[no-untyped-def]
    """A notes panel on `library` whose author is `author`, shown at width×height; told the library closes
    when the test ends, so that a late language change reads nothing from a closed Library."""
    panel = NotesPanel(library, author=lambda: author)
    qtbot.addWidget(panel)
    panel.resize(width, height)
    panel.show()
    yield panel
    panel.library_closing()
