"""What the notes panel's menus and buttons do beyond listing: the right-click menu, reply and edit
dialogs, W3C export and import through the Library (notes placed by id, URL or quote), and its texts
in the interface language."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMenu

from viewer.core.errors import BayeganError
from viewer.gui.common.digits import digits
from viewer.gui.common.translations import current_language
from viewer.gui.notes.author_prompt import NAME_ACTION, retranslate_name_action
from viewer.gui.notes.note_dialog import NoteDialog
from viewer.gui.notes.note_format import HIGHLIGHT_COLOURS, short_quote, swatch
from viewer.gui.notes.panel_items import ID_ROLE, KIND_ROLE, NOTE
from viewer.gui.notes.panel_style import frame_buttons

if TYPE_CHECKING:
    from viewer.app.types import MergeReport
    from viewer.gui.notes.panel import NotesPanel

translate = QCoreApplication.translate


def context_menu(panel: NotesPanel, point: QPoint) -> None:
    item = panel.tree.itemAt(point)
    if item is None or item.data(0, KIND_ROLE) != NOTE:
        return
    panel.tree.setCurrentItem(item)
    annotation_id = str(item.data(0, ID_ROLE))
    menu = QMenu(panel)
    menu.addAction(translate("NotesPanel", "Reply…"), lambda: ask_reply(panel))
    menu.addAction(translate("NotesPanel", "Edit…"), lambda: ask_edit(panel))
    note = panel.store.get(annotation_id)
    if note is not None and note.parent_id is None:
        colours = menu.addMenu(translate("NotesPanel", "Colour"))
        for colour, en, fa in HIGHLIGHT_COLOURS:
            colours.addAction(swatch(colour), fa if current_language() == "fa" else en,
                              lambda c=colour: panel.edit_note(annotation_id, colour=c))
    menu.addSeparator()
    menu.addAction(translate("NotesPanel", "Delete"), panel.delete_selected)
    menu.exec(panel.tree.viewport().mapToGlobal(point))


def import_from(panel: NotesPanel, path: Path) -> MergeReport | None:
    report: MergeReport | None = panel.attempt(lambda: panel.library.import_notes(path))
    if report is not None:
        panel.refresh()
        panel.show_message(digits(translate("NotesPanel", "{added} notes added, {updated} updated, {skipped} already here, "
                                               "{orphaned} not placed in this archive.").format(**report.as_json())))
    return report


def ask_export(panel: NotesPanel) -> None:
    name, _filter = QFileDialog.getSaveFileName(panel, translate("NotesPanel", "Export notes"), "notes.jsonld",
                                                translate("NotesPanel", "Web Annotation (*.jsonld *.json)"))
    if name:
        try:
            count = panel.library.export_notes(Path(name))
        except BayeganError as exc:
            panel.show_message(exc.message(current_language()))
            return
        panel.show_message(digits(translate("NotesPanel", "{count} notes exported.").format(count=count)))


def ask_import(panel: NotesPanel) -> None:
    name, _filter = QFileDialog.getOpenFileName(panel, translate("NotesPanel", "Import notes"), "",
                                                translate("NotesPanel", "Web Annotation (*.jsonld *.json)"))
    if name:
        import_from(panel, Path(name))


def retranslate(panel: NotesPanel) -> None:
    frame_buttons(panel)  # at start and with the language's font: the buttons framed, the message's room
    dock = panel.parentWidget()
    if isinstance(dock, QDockWidget):  # its title is also the View menu's entry
        dock.setWindowTitle(translate("NotesPanel", "Notes"))
    panel.search_box.setPlaceholderText(translate("NotesPanel", "Find in notes"))
    panel.annotated_button.setText(translate("NotesPanel", "Articles with notes"))
    panel.highlight_button.setText(translate("NotesPanel", "Highlight"))
    panel.highlight_button.setToolTip(translate("NotesPanel", "Highlight the selected text in the chosen colour"))
    panel.note_button.setText(translate("NotesPanel", "Note…"))
    panel.note_button.setToolTip(translate("NotesPanel", "Highlight the selected text and write a note on it"))
    panel.comment_button.setText(translate("NotesPanel", "Comment…"))
    panel.comment_button.setToolTip(translate("NotesPanel", "A comment on the whole article"))
    panel.reply_button.setText(translate("NotesPanel", "Reply…"))
    panel.edit_button.setText(translate("NotesPanel", "Edit…"))
    panel.delete_button.setText(translate("NotesPanel", "Delete"))
    panel.undo_button.setText(translate("NotesPanel", "Undo"))
    panel.redo_button.setText(translate("NotesPanel", "Redo"))
    panel.more_button.setText("⋯")
    panel.more_button.setToolTip(translate("NotesPanel", "Export and import notes"))
    panel.highlight_action.setText(translate("NotesPanel", "Highlight the selection"))
    panel.note_action.setText(translate("NotesPanel", "Note on the selection…"))
    panel.export_action.setText(translate("NotesPanel", "Export notes (Web Annotation)…"))
    panel.import_action.setText(translate("NotesPanel", "Import a colleague's notes…"))
    for action in panel.actions():
        if action.objectName() == NAME_ACTION:
            retranslate_name_action(action)
    for i, (_colour, en, fa) in enumerate(HIGHLIGHT_COLOURS):
        panel.colour_box.setItemText(i, fa if current_language() == "fa" else en)
    panel.refresh()


def ask_reply(panel: NotesPanel) -> None:
    parent_id = panel.selected_id()
    parent = panel.store.get(parent_id) if parent_id else None
    if parent is None:
        return
    body = panel.ask_text(translate("NotesPanel", "Reply"), translate("NotesPanel", "Your reply:"),
                          context=parent.body or short_quote(parent))
    if body is not None:
        panel.reply_to(parent.id, body)


def ask_edit(panel: NotesPanel) -> None:
    annotation_id = panel.selected_id()
    note = panel.store.get(annotation_id) if annotation_id else None
    if note is None:
        return
    text, accepted = NoteDialog.get_text(panel, translate("NotesPanel", "Edit note"), translate("NotesPanel", "Note:"), note.body,
                                         note.quote.exact if note.quote is not None else "")
    if accepted and text != note.body:
        panel.edit_note(note.id, body=text)
