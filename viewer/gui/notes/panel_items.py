"""How the notes panel lists a note or an article with notes: quote, body, author and Jalali time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTreeWidgetItem

from viewer.core.annotation import Annotation
from viewer.gui.digits import digits
from viewer.gui.notes.note_format import DEFAULT_COLOUR, jalali_time, short_quote, swatch
from viewer.gui.translations import current_language

if TYPE_CHECKING:
    from viewer.gui.notes.panel import NotesPanel

translate = QCoreApplication.translate
KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
NOTE, ARTICLE = "note", "article"


def note_item(panel: NotesPanel, parent: QTreeWidgetItem, note: Annotation, with_article: bool = False) -> QTreeWidgetItem:
    item = QTreeWidgetItem(parent)
    item.setData(0, KIND_ROLE, NOTE)
    item.setData(0, ID_ROLE, note.id)
    lines = []
    if with_article:
        lines.append(panel.title_of(note.article_id))
    if note.parent_id is None:
        if note.orphaned:
            lines.append("⚠ " + translate("NotesPanel", "Not found in the text any more"))
        if note.quote is not None:
            lines.append(f"«{short_quote(note)}»")
            item.setIcon(0, swatch(note.color or DEFAULT_COLOUR))
        elif note.position is None:
            lines.append(translate("NotesPanel", "On the whole article"))
    bodies = panel.store.bodies(note.id)
    if len(bodies) > 1:  # an imported annotation's bodies, each apart
        lines += [f"• {body}" for body in bodies]
    elif note.body:
        lines.append(note.body)
    for other in panel.store.linked(note.id):  # the annotation's other targets, each in its article
        quoted = f" «{short_quote(other)}»" if other.quote is not None else ""
        lines.append(f"↔ {panel.title_of(other.article_id)}{quoted}")
    creator = note.creator or translate("NotesPanel", "unknown")
    lines.append(f"— {creator} · {jalali_time(note.created, current_language() == 'fa')}")
    item.setText(0, "\n".join(lines))
    item.setToolTip(0, note.body or short_quote(note))
    if note.orphaned:
        font = QFont(item.font(0))
        font.setItalic(True)
        item.setFont(0, font)
    return item


def fill_annotated(panel: NotesPanel) -> None:
    for article_id, count in panel.store.articles_with_notes().items():
        item = QTreeWidgetItem(panel.tree.invisibleRootItem())
        label = translate("NotesPanel", "{title} ({count} notes)").format(title=panel.title_of(article_id), count=count)
        item.setText(0, digits(label))
        item.setData(0, KIND_ROLE, ARTICLE)
        item.setData(0, ID_ROLE, article_id)
