"""The notes panel: the shown article's threads in text order, with reply, edit, delete and undo;
a search over every note; the list of articles with notes; W3C export and import.

Standalone: it knows the Library (its notes, articles and author) and an article id, nothing of the window. It asks for highlights
(`highlight_requested`), announces where a note is (`anchor_activated`) and what to paint
(`highlights_changed`); the controller connects those to the reading pane."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from viewer.core.annotation import Annotation
from viewer.core.errors import BayeganError
from viewer.gui.common import shortcuts
from viewer.gui.common.translations import current_language
from viewer.gui.notes.author_prompt import NAME_ACTION, retranslate_name_action
from viewer.gui.notes.exchange import NotesExchange
from viewer.gui.notes.note_dialog import NoteDialog
from viewer.gui.notes.note_format import (
    DEFAULT_COLOUR,
    HIGHLIGHT_COLOURS,
    linked_html,
    note_links,
    short_quote,
    swatch,
)
from viewer.gui.notes.panel_items import ARTICLE, ID_ROLE, KIND_ROLE, NOTE, fill_annotated, note_item
from viewer.gui.notes.panel_style import frame_buttons
from viewer.gui.notes.undo_commands import AddNote, DeleteNote, EditNote

if TYPE_CHECKING:
    from viewer.app.library import Library
    from viewer.app.types import Thread

Highlight = tuple[int, int, str]


class NotesPanel(QWidget):
    anchor_activated = Signal(int, int)  # (start, end) in article.text: scroll there
    highlights_changed = Signal(list)  # [(start, end, colour)] of the shown article
    highlight_requested = Signal(str, bool)  # (colour, with a note): highlight the pane's selection
    open_article_requested = Signal(str)  # article id, from search results or the annotated list
    message_shown = Signal(str)

    def __init__(self, library: Library, author: Callable[[], str | None] | None = None, parent: QWidget | None = None):
        """`author` gives the name for a new note, asking for it the first time (None: cancelled)."""
        super().__init__(parent)
        self.setObjectName("notesPanel")
        self.library = library
        self.store = library.notes
        self.author: Callable[[], str | None] = author or library.author
        self.closed = False  # the Library (and its notes) closed with the window: nothing to list
        self.article_id: str | None = None
        self.notes: dict[str, Annotation] = {}
        self.pending_anchor: str | None = None
        self.undo_stack = QUndoStack(self)
        self._message_index: int | None = 0

        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("notesSearch")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(lambda _text: self.refresh())
        self.annotated_button = self._tool_button(checkable=True)
        self.annotated_button.toggled.connect(lambda _on: self.refresh())

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("notesTree")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setIndentation(14)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self.context_menu)
        self.tree.itemClicked.connect(lambda item, _column: self.activate(item))
        self.tree.itemActivated.connect(lambda item, _column: self.activate(item))
        self.tree.currentItemChanged.connect(lambda _current, _previous: self._update_buttons())

        self.colour_box = QComboBox(self)
        self.colour_box.setObjectName("notesColour")
        # Sized to its longest item, again when the language changes (else "Newest fi", "Yellov").
        self.colour_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for colour, _en, _fa in HIGHLIGHT_COLOURS:
            self.colour_box.addItem(swatch(colour), "", colour)
        self.highlight_button = self._tool_button(lambda: self.highlight_requested.emit(self.colour(), False))
        self.note_button = self._tool_button(lambda: self.highlight_requested.emit(self.colour(), True))
        self.comment_button = self._tool_button(self.ask_comment)
        self.reply_button = self._tool_button(self.ask_reply)
        self.edit_button = self._tool_button(self.ask_edit)
        self.delete_button = self._tool_button(self.delete_selected)
        self.undo_button = self._tool_button(self.undo_stack.undo)
        self.redo_button = self._tool_button(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_stack.indexChanged.connect(self._clear_stale_message)
        self.more_button = self._tool_button()
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_menu = QMenu(self.more_button)
        self.exchange = NotesExchange(library, self, self.show_message, self._failed, self.refresh)
        self.export_action = self.more_menu.addAction("", self.exchange.ask_export)
        self.import_action = self.more_menu.addAction("", self.exchange.ask_import)
        self.more_button.setMenu(self.more_menu)
        # The chosen note's text with its links clickable (link bodies of an imported note among them).
        self.note_text = QLabel(self)
        self.note_text.setObjectName("notesText")
        self.note_text.setWordWrap(True)
        self.note_text.setTextFormat(Qt.TextFormat.RichText)
        self.note_text.setOpenExternalLinks(True)
        self.note_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.note_text.hide()
        self.message = QLabel(self)
        self.message.setObjectName("notesMessage")
        self.message.setWordWrap(True)

        self.undo_action = shortcuts.bind(QAction(self), "notesUndo")
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.redo_action = shortcuts.bind(QAction(self), "notesRedo")
        self.redo_action.triggered.connect(self.undo_stack.redo)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        # For the window to add (its menus and shortcuts work wherever the focus is).
        self.highlight_action = shortcuts.bind(QAction(self), "highlightSelection")
        self.highlight_action.triggered.connect(lambda: self.highlight_requested.emit(self.colour(), False))
        self.note_action = shortcuts.bind(QAction(self), "noteOnSelection")
        self.note_action.triggered.connect(lambda: self.highlight_requested.emit(self.colour(), True))

        # Short rows of at most three buttons: the dock stays narrow beside the article (a quarter
        # of a 1024-pixel window), and no label is cut.
        rows: list[list[QWidget]] = [
            [self.colour_box, self.highlight_button],
            [self.note_button, self.comment_button],
            [self.reply_button, self.edit_button, self.delete_button],
            [self.undo_button, self.redo_button, self.more_button],
        ]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search_box)
        layout.addWidget(self.annotated_button)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.note_text)
        for widgets in rows:
            row = QHBoxLayout()
            for widget in widgets:
                widget.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
                row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)
        layout.addWidget(self.message)
        self.retranslate()
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self._update_buttons()

    def _tool_button(self, slot: Callable[[], object] | None = None, checkable: bool = False) -> QToolButton:
        button = QToolButton(self)
        button.setCheckable(checkable)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        if slot is not None:
            button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- what is shown ---------------------------------------------------------------------------
    def colour(self) -> str:
        return str(self.colour_box.currentData() or DEFAULT_COLOUR)

    def show_article(self, article_id: str | None) -> None:
        if article_id != self.article_id:
            self.message.clear()  # "select some text first" was about the article before
        self.article_id = article_id
        self.refresh()
        if self.pending_anchor and self.pending_anchor in self.notes:
            self.select_note(self.pending_anchor)
            self.activate(self.tree.currentItem())
        self.pending_anchor = None

    def refresh(self) -> None:
        """Rebuilds the list from the store and repaints the article's highlights."""
        if self.closed:
            return
        current = self.tree.currentItem()
        keep = current.data(0, ID_ROLE) if current is not None else None
        self.tree.clear()
        threads = self.store.threads(self.article_id) if self.article_id is not None else []
        self.notes = {note.id: note for thread in threads for _depth, note in thread.walk()}
        query = self.search_box.text().strip()
        if query:
            self._fill_search(query)
        elif self.annotated_button.isChecked():
            fill_annotated(self.tree.invisibleRootItem(), self.store.articles_with_notes(), self.title_of)
        else:
            for thread in threads:
                self._add_thread(self.tree.invisibleRootItem(), thread)
        self.tree.expandAll()
        if keep:
            self.select_note(keep)
        self._update_buttons()
        self.highlights_changed.emit(self.highlight_ranges())

    def highlight_ranges(self) -> list[Highlight]:
        if self.article_id is None:
            return []
        return [(n.position.start, n.position.end, n.color or DEFAULT_COLOUR)
                for n in self.store.highlights(self.article_id) if n.position is not None]

    def _add_thread(self, parent: QTreeWidgetItem, thread: Thread) -> None:
        item = note_item(parent, thread.annotation, self.store, self.title_of)
        for reply in thread.replies:
            self._add_thread(item, reply)

    def _fill_search(self, query: str) -> None:
        for note in self.store.search(query):
            item = note_item(self.tree.invisibleRootItem(), note, self.store, self.title_of,
                             with_article=note.article_id != self.article_id)
            item.setData(0, KIND_ROLE, NOTE)

    def title_of(self, article_id: str) -> str:
        found = self.library.article(article_id)
        return found.title if found is not None else article_id

    def library_closing(self) -> None:
        """The window is closing its Library: from now on the panel reads no notes (a late language
        change would otherwise query a closed database)."""
        self.closed = True

    def item_for(self, annotation_id: str) -> QTreeWidgetItem | None:
        for item in self._items():
            if item.data(0, KIND_ROLE) == NOTE and item.data(0, ID_ROLE) == annotation_id:
                return item
        return None

    def _items(self) -> list[QTreeWidgetItem]:
        def subtree(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
            children = (item.child(i) for i in range(item.childCount()))
            return [item, *(found for child in children if child is not None for found in subtree(child))]

        root = self.tree.invisibleRootItem()
        return subtree(root)[1:]

    def listed(self) -> list[tuple[int, str]]:
        """(depth, id) of every listed note in order (for tests and accessibility checks)."""
        result = []
        for item in self._items():
            depth, parent = 0, item.parent()
            while parent is not None:
                depth, parent = depth + 1, parent.parent()
            result.append((depth, str(item.data(0, ID_ROLE))))
        return result

    def select_note(self, annotation_id: str) -> bool:
        item = self.item_for(annotation_id)
        if item is not None:
            self.tree.setCurrentItem(item)
        return item is not None

    def selected_id(self) -> str | None:
        item = self.tree.currentItem()
        if item is None or item.data(0, KIND_ROLE) != NOTE:
            return None
        return str(item.data(0, ID_ROLE))

    def activate(self, item: QTreeWidgetItem | None) -> None:
        """A click on a thread: scroll the article to its highlight (opening the article if need be)."""
        if item is None:
            return
        target = str(item.data(0, ID_ROLE))
        if item.data(0, KIND_ROLE) == ARTICLE:
            self.open_article_requested.emit(target)
            return
        note = self.notes.get(target)
        if note is None:  # a search result in another article
            found = self.store.get(target)
            if found is not None and found.article_id:
                self.pending_anchor = target
                self.open_article_requested.emit(found.article_id)
            return
        root = note
        while root.parent_id is not None and root.parent_id in self.notes:
            root = self.notes[root.parent_id]
        if root.position is not None and not root.orphaned:
            self.anchor_activated.emit(root.position.start, root.position.end)

    def _update_buttons(self) -> None:
        has_article = self.article_id is not None
        selected = self.selected_id() is not None
        for button in (self.comment_button, self.highlight_button, self.note_button):
            button.setEnabled(has_article)
        for button in (self.reply_button, self.edit_button, self.delete_button):
            button.setEnabled(selected)
        chosen = self.store.get(self.selected_id() or "") if selected and not self.closed else None
        self.note_text.setText(linked_html(chosen.body) if chosen is not None and note_links(chosen) else "")
        self.note_text.setVisible(bool(self.note_text.text()))

    def _clear_stale_message(self, index: int) -> None:
        """An undo or redo makes "Deleted…" and the like untrue: they go (an error raised by that
        very step stays)."""
        if self._message_index is None:
            self._message_index = index
        elif index != self._message_index:
            self.message.clear()

    def show_message(self, text: str, during_change: bool = False) -> None:
        self._message_index = None if during_change else self.undo_stack.index()
        self.message.setText(text)
        self.message_shown.emit(text)

    def _failed(self, exc: BayeganError) -> None:
        self.show_message(exc.message(current_language()), during_change=True)
        self.refresh()

    # -- changes, each one undoable --------------------------------------------------------------
    def add_highlight(self, text: str, start: int, end: int, colour: str = "", body: str = "") -> Annotation | None:
        """Highlights text[start:end] of the shown article (`text` is its `Article.text`)."""
        if self.article_id is None:
            return None
        article_id = self.article_id
        note = self.attempt(lambda: self.store.create_highlight(article_id, text, start, end, body=body,
                                                             color=colour or self.colour(), creator=self.author() or ""))
        if note is not None:
            label = self.tr("Add note") if body else self.tr("Highlight")
            self.undo_stack.push(AddNote(self.store, note, label, self.refresh, self._failed))
            self.select_note(note.id)
        return note

    def add_comment(self, body: str) -> Annotation | None:
        if self.article_id is None or not body.strip():
            return None
        article_id = self.article_id
        note = self.attempt(lambda: self.store.create_comment(article_id, body, creator=self.author() or ""))
        if note is not None:
            self.undo_stack.push(AddNote(self.store, note, self.tr("Comment"), self.refresh, self._failed))
            self.select_note(note.id)
        return note

    def reply_to(self, parent_id: str, body: str) -> Annotation | None:
        if not body.strip():
            return None
        note = self.attempt(lambda: self.store.create_reply(parent_id, body, creator=self.author() or ""))
        if note is not None:
            self.undo_stack.push(AddNote(self.store, note, self.tr("Reply"), self.refresh, self._failed))
            self.select_note(note.id)
        return note

    def edit_note(self, annotation_id: str, body: str | None = None, colour: str | None = None) -> bool:
        edit = self.attempt(lambda: self.store.edit(annotation_id, body=body, color=colour))
        if edit is not None:
            self.undo_stack.push(EditNote(self.store, edit, self.tr("Edit note"), self.refresh, self._failed))
        return edit is not None

    def delete_note(self, annotation_id: str) -> bool:
        deleted = self.attempt(lambda: self.store.delete(annotation_id))
        if deleted is not None:
            self.undo_stack.push(DeleteNote(self.store, annotation_id, deleted, self.tr("Delete note"), self.refresh,
                                            self._failed))
        return deleted is not None

    def attempt[R](self, change: Callable[[], R]) -> R | None:
        """The change's result, or None when the store refused it (the message says why)."""
        try:
            result = change()
        except BayeganError as exc:
            self._failed(exc)
            return None
        self.message.clear()
        return result

    # -- the buttons: ask, then change ------------------------------------------------------------
    def ask_text(self, title: str, label: str, initial: str = "", context: str = "") -> str | None:
        """The note dialog, showing `context` (the passage or the note answered), after the name on
        notes is known (asked the first time; None if that was cancelled)."""
        if self.author() is None:
            return None
        text, accepted = NoteDialog.get_text(self, title, label, initial, context)
        return text if accepted and text.strip() else None

    def ask_comment(self) -> None:
        body = self.ask_text(self.tr("Comment on the article"), self.tr("Your comment on the whole article:"))
        if body is not None:
            self.add_comment(body)

    def delete_selected(self) -> None:
        annotation_id = self.selected_id()
        if annotation_id is not None:
            self.delete_note(annotation_id)
            self.show_message(self.tr("Deleted. Undo (Ctrl+Z) brings it back."))

    def ask_reply(self) -> None:
        parent_id = self.selected_id()
        parent = self.store.get(parent_id) if parent_id else None
        if parent is None:
            return
        body = self.ask_text(self.tr("Reply"), self.tr("Your reply:"), context=parent.body or short_quote(parent))
        if body is not None:
            self.reply_to(parent.id, body)

    def ask_edit(self) -> None:
        annotation_id = self.selected_id()
        note = self.store.get(annotation_id) if annotation_id else None
        if note is None:
            return
        text, accepted = NoteDialog.get_text(self, self.tr("Edit note"), self.tr("Note:"), note.body,
                                             note.quote.exact if note.quote is not None else "")
        if accepted and text != note.body:
            self.edit_note(note.id, body=text)

    def context_menu(self, point: QPoint) -> None:
        """The right-click menu of a note: reply, edit, its colour (a thread's first note), delete."""
        item = self.tree.itemAt(point)
        if item is None or item.data(0, KIND_ROLE) != NOTE:
            return
        self.tree.setCurrentItem(item)
        annotation_id = str(item.data(0, ID_ROLE))
        menu = QMenu(self)
        menu.addAction(self.tr("Reply…"), self.ask_reply)
        menu.addAction(self.tr("Edit…"), self.ask_edit)
        note = self.store.get(annotation_id)
        if note is not None and note.parent_id is None:
            colours = menu.addMenu(self.tr("Colour"))
            for colour, en, fa in HIGHLIGHT_COLOURS:
                colours.addAction(swatch(colour), fa if current_language() == "fa" else en,
                                  lambda c=colour: self.edit_note(annotation_id, colour=c))
        menu.addSeparator()
        menu.addAction(self.tr("Delete"), self.delete_selected)
        menu.exec(self.tree.viewport().mapToGlobal(point))

    # -- language -----------------------------------------------------------------------------------
    def title(self) -> str:
        """The panel's title (its dock's, and the View menu's entry)."""
        return self.tr("Notes")

    def retranslate(self) -> None:
        frame_buttons(self, self.message)  # at start and with the language's font: framed, the message's room kept
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget):  # its title is also the View menu's entry
            dock.setWindowTitle(self.title())
        self.search_box.setPlaceholderText(self.tr("Find in notes"))
        self.annotated_button.setText(self.tr("Articles with notes"))
        self.highlight_button.setText(self.tr("Highlight"))
        self.highlight_button.setToolTip(self.tr("Highlight the selected text in the chosen colour"))
        self.note_button.setText(self.tr("Note…"))
        self.note_button.setToolTip(self.tr("Highlight the selected text and write a note on it"))
        self.comment_button.setText(self.tr("Comment…"))
        self.comment_button.setToolTip(self.tr("A comment on the whole article"))
        self.reply_button.setText(self.tr("Reply…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete"))
        self.undo_button.setText(self.tr("Undo"))
        self.redo_button.setText(self.tr("Redo"))
        self.more_button.setText("⋯")
        self.more_button.setToolTip(self.tr("Export and import notes"))
        shortcuts.retranslate(self.highlight_action)
        shortcuts.retranslate(self.note_action)
        self.export_action.setText(self.tr("Export notes (Web Annotation)…"))
        self.import_action.setText(self.tr("Import a colleague's notes…"))
        for action in self.actions():
            if action.objectName() == NAME_ACTION:
                retranslate_name_action(action)
        for i, (_colour, en, fa) in enumerate(HIGHLIGHT_COLOURS):
            self.colour_box.setItemText(i, fa if current_language() == "fa" else en)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
