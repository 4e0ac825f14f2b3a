"""How the notes panel lists a note or an article with notes: quote, body, author and Jalali time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTreeWidgetItem

from viewer.core.annotation import Annotation
from viewer.gui.common.digits import digits
from viewer.gui.common.translations import current_language
from viewer.gui.notes.note_format import DEFAULT_COLOUR, jalali_time, short_quote, swatch

translate = QCoreApplication.translate
KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
NOTE, ARTICLE = "note", "article"


def note_item(parent: QTreeWidgetItem, note: Annotation, article_title: str | None = None) -> QTreeWidgetItem:
    """The note's row under `parent`, headed by its article's title when given (a note found elsewhere)."""
    item = QTreeWidgetItem(parent)
    item.setData(0, KIND_ROLE, NOTE)
    item.setData(0, ID_ROLE, note.id)
    lines = []
    if article_title is not None:
        lines.append(article_title)
    if note.parent_id is None:
        if note.orphaned:
            lines.append("⚠ " + translate("NotesPanel", "Not found in the text any more"))
        if note.quote is not None:
            lines.append(f"«{short_quote(note)}»")
            item.setIcon(0, swatch(note.color or DEFAULT_COLOUR))
        elif note.position is None:
            lines.append(translate("NotesPanel", "On the whole article"))
    if note.body:
        lines.append(note.body)
    creator = note.creator or translate("NotesPanel", "unknown")
    lines.append(f"— {creator} · {jalali_time(note.created, current_language() == 'fa')}")
    item.setText(0, "\n".join(lines))
    item.setToolTip(0, note.body or short_quote(note))
    if note.orphaned:
        font = QFont(item.font(0))
        font.setItalic(True)
        item.setFont(0, font)
    return item


def fill_annotated(root: QTreeWidgetItem, counts: dict[str, int], title_of: Callable[[str], str]) -> None:
    """A row under `root` for each article with notes (`counts`: article id -> how many notes)."""
    for article_id, count in counts.items():
        item = QTreeWidgetItem(root)
        label = translate("NotesPanel", "{title} ({count} notes)").format(title=title_of(article_id), count=count)
        item.setText(0, digits(label))
        item.setData(0, KIND_ROLE, ARTICLE)
        item.setData(0, ID_ROLE, article_id)
