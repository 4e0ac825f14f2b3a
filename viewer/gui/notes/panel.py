"""The notes sidebar: the shown article's notes as cards in text order (colour, passage, the whole
note, author, time, replies and a reply box), a compact header (find in notes, filter by author,
a "⋯" menu with every other action), undo/redo that say what they did; a search over every note;
the list of articles with notes; W3C export and import.

Standalone: it knows the Library (its notes, articles and author) and an article id, nothing of the
window. It asks for highlights (`highlight_requested`), announces where a note is
(`anchor_activated`) and what to paint (`highlights_changed`); the controller connects those to the
reading pane, the window shows `undo_message` in its status bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCursor, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.core.annotation import Annotation
from viewer.core.errors import BayeganError
from viewer.gui.common import shortcuts
from viewer.gui.common.accessible import name_clear_button, name_combo_box
from viewer.gui.common.digits import digits
from viewer.gui.common.translations import current_language
from viewer.gui.notes.author_prompt import NAME_ACTION, retranslate_name_action
from viewer.gui.notes.card import CARD_STYLE, ArticleCard, CardNote, NoteCard
from viewer.gui.notes.card_column import Card, CardColumn
from viewer.gui.notes.exchange import NotesExchange
from viewer.gui.notes.note_dialog import NoteDialog
from viewer.gui.notes.note_format import (
    DEFAULT_COLOUR,
    HIGHLIGHT_COLOURS,
    jalali_time,
    note_time,
    short_quote,
    swatch,
)
from viewer.gui.notes.panel_style import frame_buttons
from viewer.gui.notes.undo_commands import AddNote, DeleteNote, EditNote

if TYPE_CHECKING:
    from viewer.app.library import Library

Highlight = tuple[int, int, str]
ALL_AUTHORS = None
UNDO_QUOTE_CHARS = 40


class MessageLine(QLabel):
    """The panel's message under the cards: shown only while it says something, so the cards
    have the room otherwise (the header above never moves)."""

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        super().clear()
        self.hide()


class NotesPanel(QWidget):
    anchor_activated = Signal(int, int)  # (start, end) in article.text: scroll there
    highlights_changed = Signal(list)  # [(start, end, colour)] of the shown article
    highlight_requested = Signal(str, bool)  # (colour, with a note): highlight the pane's selection
    open_article_requested = Signal(str)  # article id, from search results or the annotated list
    message_shown = Signal(str)
    undo_message = Signal(str)  # "Undone: Delete note «…»": for the window's status bar
    colour_chosen = Signal(str)  # the highlight colour picked in the "⋯" menu

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
        self.current: str | None = None  # the chosen note (or article, in the annotated list)
        self.card_of: dict[str, Card] = {}  # every listed id -> its card
        self.undo_stack = QUndoStack(self)
        self._message_index: int | None = 0
        self._step_failed = False
        self._colour = DEFAULT_COLOUR

        # The header: three controls; everything else is in the "⋯" menu or on the cards.
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("notesSearch")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(lambda _text: self.refresh())
        self.author_box = QComboBox(self)
        self.author_box.setObjectName("notesAuthor")
        self.author_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.author_box.setMinimumContentsLength(7)  # the find field keeps most of a narrow dock
        self.author_box.currentIndexChanged.connect(lambda _index: self.refresh())
        self.more_button = QToolButton(self)
        self.more_button.setObjectName("notesMore")
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.more_menu = QMenu(self.more_button)
        # Opened by hand rather than setMenu: no menu arrow under the "⋯", the header stays one line.
        self.more_button.clicked.connect(lambda _checked=False: self.more_menu.exec(
            self.more_button.mapToGlobal(self.more_button.rect().bottomLeft())))

        self.cards = CardColumn(self)
        self.cards.step_requested.connect(self.step)
        self.cards.edit_requested.connect(self.ask_edit)
        self.cards.reply_requested.connect(self.start_reply)
        self.cards.delete_requested.connect(self.delete_selected)
        self.cards.menu_requested.connect(lambda: self.context_menu(self.current or "", None))
        self.message = MessageLine(self)
        self.message.setObjectName("notesMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        # For the window to add too (its menus and shortcuts work wherever the focus is).
        self.highlight_action = shortcuts.bind(QAction(self), "highlightSelection")
        self.highlight_action.triggered.connect(lambda: self.highlight_requested.emit(self.colour(), False))
        self.note_action = shortcuts.bind(QAction(self), "noteOnSelection")
        self.note_action.triggered.connect(lambda: self.highlight_requested.emit(self.colour(), True))
        self.comment_action = QAction(self)
        self.comment_action.triggered.connect(self.ask_comment)
        self.colour_menu = QMenu(self.more_menu)
        self.colour_group = QActionGroup(self)
        for colour, _en, _fa in HIGHLIGHT_COLOURS:
            action = self.colour_menu.addAction(swatch(colour), "")
            action.setCheckable(True)
            action.setData(colour)
            action.setChecked(colour == self._colour)
            self.colour_group.addAction(action)
        self.colour_group.triggered.connect(lambda action: self.set_colour(str(action.data()), announce=True))
        self.reply_action = QAction(self)
        self.reply_action.triggered.connect(self.start_reply)
        self.edit_action = QAction(self)
        self.edit_action.triggered.connect(self.ask_edit)
        self.delete_action = QAction(self)
        self.delete_action.triggered.connect(self.delete_selected)
        self.undo_action = shortcuts.bind(QAction(self), "notesUndo")
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = shortcuts.bind(QAction(self), "notesRedo")
        self.redo_action.triggered.connect(self.redo)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.undo_stack.canUndoChanged.connect(self.undo_action.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_action.setEnabled)
        # The texts come with the signals: the stack also sends them while it is being deleted.
        self._undo_texts = ["", ""]
        self.undo_stack.undoTextChanged.connect(lambda text: self._retitle_undo(undo=text))
        self.undo_stack.redoTextChanged.connect(lambda text: self._retitle_undo(redo=text))
        self.undo_stack.indexChanged.connect(self._clear_stale_message)
        self.annotated_action = QAction(self)
        self.annotated_action.setCheckable(True)
        self.annotated_action.toggled.connect(lambda _on: self.refresh())
        self.exchange = NotesExchange(library, self, self.show_message, self._failed, self.refresh)
        self.export_action = QAction(self)
        self.export_action.triggered.connect(self.exchange.ask_export)
        self.import_action = QAction(self)
        self.import_action.triggered.connect(self.exchange.ask_import)
        menu = self.more_menu
        menu.addActions([self.highlight_action, self.note_action, self.comment_action])
        menu.addMenu(self.colour_menu)
        menu.addSeparator()
        menu.addActions([self.reply_action, self.edit_action, self.delete_action])
        menu.addSeparator()
        menu.addActions([self.undo_action, self.redo_action])
        menu.addSeparator()
        menu.addAction(self.annotated_action)
        menu.addSeparator()
        menu.addActions([self.export_action, self.import_action])

        self.header = QHBoxLayout()
        self.header.setSpacing(4)
        self.header.addWidget(self.search_box, 1)
        self.header.addWidget(self.author_box)
        self.header.addWidget(self.more_button)
        self.more_button.setFixedHeight(self.search_box.sizeHint().height())
        self.author_box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.header)
        layout.addWidget(self.cards, 1)
        layout.addWidget(self.message)
        self.setStyleSheet(CARD_STYLE)
        self.retranslate()
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)
        self._update_actions()

    def header_controls(self) -> list[QWidget]:
        """The controls of the panel's header, in order (for tests and accessibility checks)."""
        items = (self.header.itemAt(i) for i in range(self.header.count()))
        found = (item.widget() for item in items if item is not None)
        return [widget for widget in found if widget is not None and not widget.isHidden()]

    # -- what is shown ---------------------------------------------------------------------------
    def colour(self) -> str:
        """The colour for the next highlight."""
        return self._colour

    def set_colour(self, colour: str, announce: bool = False) -> None:
        """Chooses the highlight colour (`announce`: tell `colour_chosen`, e.g. to remember it)."""
        known = [c for c, _en, _fa in HIGHLIGHT_COLOURS]
        if colour not in known:
            return
        self._colour = colour
        for action in self.colour_group.actions():
            action.setChecked(action.data() == colour)
        if announce:
            self.colour_chosen.emit(colour)

    def show_article(self, article_id: str | None) -> None:
        if article_id != self.article_id:
            self.message.clear()  # "select some text first" was about the article before
        self.article_id = article_id
        self.refresh()
        if self.pending_anchor and self.pending_anchor in self.notes:
            self.select_note(self.pending_anchor)
            self.activate(self.pending_anchor)
        self.pending_anchor = None

    def chosen_author(self) -> str | None:
        data = self.author_box.currentData()
        return None if data is ALL_AUTHORS else str(data)

    def refresh(self) -> None:
        """Rebuilds the cards from the store and repaints the article's highlights."""
        if self.closed:
            return
        keep = self.current
        # A reply being written survives the rebuild (a lab sync may bring a colleague's note meanwhile).
        kept_card = self.card_of.get(keep) if keep is not None else None
        draft = kept_card.reply_box.text() if isinstance(kept_card, NoteCard) else ""
        writing = isinstance(kept_card, NoteCard) and kept_card.reply_box.hasFocus()
        threads = self.store.threads(self.article_id) if self.article_id is not None else []
        self.notes = {note.id: note for thread in threads for _depth, note in thread.walk()}
        query = self.search_box.text().strip()
        cards: list[Card] = []
        if query:
            found = self.store.search(query)
            self._fill_authors(found)
            cards = [self._note_card([(0, note)], with_article=note.article_id != self.article_id)
                     for note in found if self._by_chosen_author([note])]
        elif self.annotated_action.isChecked():
            self._fill_authors([])
            for article_id, count in self.store.articles_with_notes().items():
                label = self.tr("{title} ({count} notes)").format(title=self.title_of(article_id), count=count)
                card = ArticleCard(article_id, digits(label))
                card.chosen.connect(self.activate_article)
                cards.append(card)
        else:
            self._fill_authors(list(self.notes.values()))
            cards = [self._note_card(list(thread.walk())) for thread in threads
                     if self._by_chosen_author([note for _d, note in thread.walk()])]
        self.card_of = {note_id: card for card in cards for note_id in card.note_ids()}
        self.cards.set_cards(cards)
        self.current = None
        if keep is not None and keep in self.card_of:
            self._choose(keep, scroll=False)
            chosen = self.card_of[keep]
            if draft and isinstance(chosen, NoteCard):
                chosen.reply_box.setText(draft)
                if writing:
                    chosen.reply_box.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_actions()
        self.highlights_changed.emit(self.highlight_ranges())

    def _by_chosen_author(self, notes: list[Annotation]) -> bool:
        author = self.chosen_author()
        return author is None or any((note.creator or "") == author for note in notes)

    def _fill_authors(self, notes: list[Annotation]) -> None:
        """The author filter offers everyone who wrote a listed note (the chosen one kept)."""
        chosen = self.chosen_author()
        names = sorted({note.creator or "" for note in notes} | ({chosen} if chosen is not None else set()))
        wanted = [ALL_AUTHORS, *names]
        if [self.author_box.itemData(i) for i in range(self.author_box.count())] == wanted:
            return
        self.author_box.blockSignals(True)
        self.author_box.clear()
        self.author_box.addItem(self.tr("All authors"), ALL_AUTHORS)
        for name in names:
            self.author_box.addItem(name or self.tr("unknown"), name)
        self.author_box.setCurrentIndex(wanted.index(chosen))
        self.author_box.blockSignals(False)

    def _note_card(self, walked: list[tuple[int, Annotation]], with_article: bool = False) -> NoteCard:
        own = walked[0][1]
        context = []
        if with_article:
            context.append(self.title_of(own.article_id))
        if own.parent_id is None and own.orphaned:
            context.append("⚠ " + self.tr("Not found in the text any more"))
        if own.parent_id is None and own.quote is None and own.position is None:
            context.append(self.tr("On the whole article"))
        card = NoteCard([self._card_note(depth, note) for depth, note in walked], context)
        card.chosen.connect(self._clicked)
        card.edit_requested.connect(self._edit_from_card)
        card.delete_requested.connect(self._delete_from_card)
        card.reply_sent.connect(self._send_reply)
        card.reply_cancelled.connect(lambda: self.cards.setFocus(Qt.FocusReason.OtherFocusReason))
        card.menu_requested.connect(self.context_menu)
        return card

    def _edit_from_card(self, note_id: str) -> None:
        self._choose(note_id)
        self.ask_edit()

    def _delete_from_card(self, note_id: str) -> None:
        self._choose(note_id)
        self.delete_selected()

    def _card_note(self, depth: int, note: Annotation) -> CardNote:
        language = current_language()
        links = []
        for other in self.store.linked(note.id):  # the annotation's other targets, each in its article
            quoted = f" «{short_quote(other)}»" if other.quote is not None else ""
            links.append(f"↔ {self.title_of(other.article_id)}{quoted}")
        return CardNote(note, depth, self.store.bodies(note.id), links, note.creator or self.tr("unknown"),
                        note_time(note.created, language), jalali_time(note.created, language == "fa"))

    def highlight_ranges(self) -> list[Highlight]:
        if self.article_id is None:
            return []
        return [(n.position.start, n.position.end, n.color or DEFAULT_COLOUR)
                for n in self.store.highlights(self.article_id) if n.position is not None]

    def title_of(self, article_id: str) -> str:
        found = self.library.article(article_id)
        return found.title if found is not None else article_id

    def library_closing(self) -> None:
        """The window is closing its Library: from now on the panel reads no notes (a late language
        change would otherwise query a closed database)."""
        self.closed = True

    def card_for(self, note_id: str) -> Card | None:
        """The card showing `note_id` (its own note or a reply on it)."""
        return self.card_of.get(note_id)

    def listed(self) -> list[tuple[int, str]]:
        """(depth, id) of every listed note in order (for tests and accessibility checks)."""
        result = []
        for card in self.cards.cards:
            if isinstance(card, NoteCard):
                result += [(row.reply_depth, row.note_id) for row in card.rows]
            else:
                result.append((0, card.note_id))
        return result

    # -- choosing a card ---------------------------------------------------------------------------
    def select_note(self, note_id: str) -> bool:
        """Chooses the card of `note_id` and scrolls the column to it (a click on its highlight in
        the article); the article is not moved. A note of the shown article hidden by the find
        field, the author filter or the articles list is shown by clearing them; nothing happens
        for any other id. Says whether the card was chosen."""
        if note_id not in self.card_of and note_id in self.notes:
            self._show_all()
        if note_id not in self.card_of:
            return False
        self._choose(note_id)
        return True

    def _show_all(self) -> None:
        """The shown article's every note: no find text, every author, not the articles list."""
        for widget in (self.search_box, self.author_box, self.annotated_action):
            widget.blockSignals(True)
        self.search_box.clear()
        self.author_box.setCurrentIndex(0)
        self.annotated_action.setChecked(False)
        for widget in (self.search_box, self.author_box, self.annotated_action):
            widget.blockSignals(False)
        self.refresh()

    def _choose(self, note_id: str | None, scroll: bool = True) -> None:
        card = self.card_of.get(note_id) if note_id is not None else None
        before = self.card_of.get(self.current) if self.current is not None else None
        if before is not None and before is not card:
            before.set_chosen(None)
        self.current = note_id if card is not None else None
        if card is not None:
            card.set_chosen(note_id)
            if scroll:
                self.cards.scroll_to(card)
        self._update_actions()

    def _clicked(self, note_id: str) -> None:
        self._choose(note_id)
        self.cards.setFocus(Qt.FocusReason.MouseFocusReason)
        self.activate(note_id)

    def selected_id(self) -> str | None:
        if self.current is None or isinstance(self.card_of.get(self.current), ArticleCard):
            return None
        return self.current

    def step(self, offset: int) -> None:
        """Up/Down: the card above or below the chosen one (the first card when none is), and the
        article scrolled to its passage."""
        listed = self.cards.cards
        if not listed:
            return
        card = self.card_of.get(self.current) if self.current is not None else None
        index = listed.index(card) + offset if card is not None else 0 if offset > 0 else len(listed) - 1
        target = listed[max(0, min(len(listed) - 1, index))]
        self._choose(target.note_id)
        if isinstance(target, NoteCard):
            self.activate(target.note_id)

    def activate_article(self, article_id: str) -> None:
        self._choose(article_id)
        self.open_article_requested.emit(article_id)

    def activate(self, note_id: str) -> None:
        """A card chosen: scroll the article to its highlight (opening the article if need be)."""
        note = self.notes.get(note_id)
        if note is None:  # a search result in another article
            found = self.store.get(note_id)
            if found is not None and found.article_id:
                self.pending_anchor = note_id
                self.open_article_requested.emit(found.article_id)
            return
        root = note
        while root.parent_id is not None and root.parent_id in self.notes:
            root = self.notes[root.parent_id]
        if root.position is not None and not root.orphaned:
            self.anchor_activated.emit(root.position.start, root.position.end)

    def _update_actions(self) -> None:
        has_article = self.article_id is not None
        selected = self.selected_id() is not None
        for action in (self.comment_action, self.highlight_action, self.note_action):
            action.setEnabled(has_article)
        for action in (self.reply_action, self.edit_action, self.delete_action):
            action.setEnabled(selected)

    # -- messages and undo -------------------------------------------------------------------------
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
        self._step_failed = True
        self.show_message(exc.message(current_language()), during_change=True)
        self.refresh()

    def undo(self) -> None:
        """Undoes the last change and says which ("Undone: Delete note «…»")."""
        if self.undo_stack.canUndo():
            self._announce(self.undo_stack.undoText(), self.undo_stack.undo, self.tr("Undone: {change}"))

    def redo(self) -> None:
        if self.undo_stack.canRedo():
            self._announce(self.undo_stack.redoText(), self.undo_stack.redo, self.tr("Redone: {change}"))

    def _announce(self, change: str, step: Callable[[], None], template: str) -> None:
        self._step_failed = False
        step()
        if not self._step_failed:  # a failed step has said why instead
            text = template.format(change=change)
            self.show_message(text)
            self.undo_message.emit(text)

    def _retitle_undo(self, undo: str | None = None, redo: str | None = None) -> None:
        """The menu's Undo and Redo name the change they would make."""
        if undo is not None:
            self._undo_texts[0] = undo
        if redo is not None:
            self._undo_texts[1] = redo
        undo, redo = self._undo_texts
        self.undo_action.setText(self.tr("Undo {change}").format(change=undo) if undo else self.tr("Undo"))
        self.redo_action.setText(self.tr("Redo {change}").format(change=redo) if redo else self.tr("Redo"))

    def _named(self, note: Annotation | None) -> str:
        """A few words of a note (its text, else its passage) for an undo entry."""
        if note is None:
            return ""
        text = " ".join((note.body or (note.quote.exact if note.quote is not None else "")).split())
        return text if len(text) <= UNDO_QUOTE_CHARS else text[:UNDO_QUOTE_CHARS - 1] + "…"

    # -- changes, each one undoable --------------------------------------------------------------
    def add_highlight(self, text: str, start: int, end: int, colour: str = "", body: str = "") -> Annotation | None:
        """Highlights text[start:end] of the shown article (`text` is its `Article.text`)."""
        if self.article_id is None:
            return None
        article_id = self.article_id
        note = self.attempt(lambda: self.store.create_highlight(article_id, text, start, end, body=body,
                                                             color=colour or self.colour(), creator=self.author() or ""))
        if note is not None:
            label = self.tr("Add note «{text}»") if body else self.tr("Highlight «{text}»")
            self.undo_stack.push(AddNote(self.store, note, label.format(text=self._named(note)), self.refresh,
                                         self._failed))
            self.select_note(note.id)
        return note

    def add_comment(self, body: str) -> Annotation | None:
        if self.article_id is None or not body.strip():
            return None
        article_id = self.article_id
        note = self.attempt(lambda: self.store.create_comment(article_id, body, creator=self.author() or ""))
        if note is not None:
            label = self.tr("Add comment «{text}»").format(text=self._named(note))
            self.undo_stack.push(AddNote(self.store, note, label, self.refresh, self._failed))
            self.select_note(note.id)
        return note

    def reply_to(self, parent_id: str, body: str) -> Annotation | None:
        if not body.strip():
            return None
        note = self.attempt(lambda: self.store.create_reply(parent_id, body, creator=self.author() or ""))
        if note is not None:
            self.undo_stack.push(AddNote(self.store, note, self.tr("Add reply"), self.refresh, self._failed))
            self.select_note(note.id)
        return note

    def edit_note(self, annotation_id: str, body: str | None = None, colour: str | None = None) -> bool:
        edit = self.attempt(lambda: self.store.edit(annotation_id, body=body, color=colour))
        if edit is not None:
            label = self.tr("Edit note") if body is not None else self.tr("Change colour")
            self.undo_stack.push(EditNote(self.store, edit, label, self.refresh, self._failed))
        return edit is not None

    def delete_note(self, annotation_id: str) -> bool:
        named = self._named(self.store.get(annotation_id))
        deleted = self.attempt(lambda: self.store.delete(annotation_id))
        if deleted is not None:
            label = self.tr("Delete note «{text}»").format(text=named) if named else self.tr("Delete note")
            self.undo_stack.push(DeleteNote(self.store, annotation_id, deleted, label, self.refresh, self._failed))
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

    # -- the researcher asks, then the change ------------------------------------------------------
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
        """Deletes the chosen note (with its replies); the card below (or above) is chosen next."""
        annotation_id = self.selected_id()
        if annotation_id is None:
            return
        card = self.card_of.get(annotation_id)
        listed = self.cards.cards
        neighbour = None
        if card is not None and card.note_id == annotation_id and len(listed) > 1:
            index = listed.index(card)
            neighbour = listed[index + 1 if index + 1 < len(listed) else index - 1].note_id
        elif card is not None:
            neighbour = card.note_id  # a reply deleted: its card stays chosen
        if self.delete_note(annotation_id):
            if neighbour is not None and neighbour in self.card_of:
                self._choose(neighbour)
            self.show_message(self.tr("Deleted. Undo (Ctrl+Z) brings it back."))

    def start_reply(self) -> None:
        """R: the chosen card's reply box takes the typing."""
        card = self.card_of.get(self.current) if self.current is not None else None
        if isinstance(card, NoteCard):
            card.reply_box.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _send_reply(self, parent_id: str, body: str) -> None:
        if self.author() is None:  # the name on notes, asked the first time: cancelled
            return
        if self.reply_to(parent_id, body) is not None:
            self.cards.setFocus(Qt.FocusReason.OtherFocusReason)

    def ask_reply(self) -> None:
        """A reply written in the note dialog (for a longer answer than the card's reply box)."""
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

    def context_menu(self, note_id: str, where: QPoint | None) -> None:
        """A card's menu: reply, edit, its colour (a thread's first note), delete."""
        card = self.card_of.get(note_id)
        if where is None:
            where = card.mapToGlobal(card.rect().center()) if card is not None else QCursor.pos()
        self.context_menu_for(note_id).exec(where)

    def context_menu_for(self, note_id: str) -> QMenu:
        menu = QMenu(self)
        note = self.store.get(note_id) if note_id and not self.closed else None
        if note is None:
            return menu
        self._choose(note_id)
        menu.addAction(self.tr("Reply"), self.start_reply)
        menu.addAction(self.tr("Reply in a window…"), self.ask_reply)
        menu.addAction(self.tr("Edit…"), self.ask_edit)
        if note.parent_id is None and note.quote is not None:
            colours = menu.addMenu(self.tr("Colour"))
            for colour, en, fa in HIGHLIGHT_COLOURS:
                colours.addAction(swatch(colour), fa if current_language() == "fa" else en,
                                  lambda c=colour: self.edit_note(note_id, colour=c))
        menu.addSeparator()
        menu.addAction(self.tr("Delete"), self.delete_selected)
        return menu

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
        self.search_box.setAccessibleName(self.tr("Find in notes"))
        self.author_box.setToolTip(self.tr("Show the notes of one author"))
        name_combo_box(self.author_box, self.tr("Filter by author"))
        if self.author_box.count():
            self.author_box.setItemText(0, self.tr("All authors"))
        self.more_button.setText("⋯")
        self.more_button.setToolTip(self.tr("More: highlight, comment, colour, undo, export and import"))
        self.more_button.setAccessibleName(self.tr("More actions"))  # it shows only "⋯"
        name_clear_button(self.search_box)
        self.cards.setAccessibleName(self.tr("Notes on this article"))
        self.cards.empty.setText(self.tr("No notes here yet. Select text in the article and press "
                                         "Ctrl+Shift+N to write one, or Ctrl+Shift+H to highlight it."))
        shortcuts.retranslate(self.highlight_action)
        shortcuts.retranslate(self.note_action)
        self.comment_action.setText(self.tr("Comment on the whole article…"))
        self.colour_menu.setTitle(self.tr("Highlight colour"))
        for action, (_colour, en, fa) in zip(self.colour_group.actions(), HIGHLIGHT_COLOURS, strict=True):
            action.setText(fa if current_language() == "fa" else en)
        self.reply_action.setText(self.tr("Reply (R)"))
        self.edit_action.setText(self.tr("Edit… (Enter)"))
        self.delete_action.setText(self.tr("Delete (Del)"))
        self._retitle_undo()
        self.annotated_action.setText(self.tr("Articles with notes"))
        self.export_action.setText(self.tr("Export notes (Web Annotation)…"))
        self.import_action.setText(self.tr("Import a colleague's notes…"))
        for action in self.actions():
            if action.objectName() == NAME_ACTION:
                retranslate_name_action(action)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
