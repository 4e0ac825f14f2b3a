"""One note as a card in the notes sidebar (after Zotero 7's annotation sidebar): a strip in the
highlight's colour, the quoted passage (cut at a word when long), the note's whole text wrapped
(never cut), its author and time, the replies indented under it, and — while the card is chosen —
edit and delete buttons and a reply box (Enter sends, Esc cancels).

A card knows nothing of the store or the panel: it is built from a thread and says what the
researcher asked for through its signals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from viewer.core.annotation import Annotation
from viewer.core.bidi import isolated
from viewer.gui.notes.note_format import DEFAULT_COLOUR, card_quote, linked_html

translate = QCoreApplication.translate
REPLY_INDENT = 16

CARD_STYLE = (
    "QFrame#noteCard { border: 1px solid rgba(128, 128, 128, 0.45); border-radius: 6px; }"
    "QFrame#noteCard[chosen=\"true\"] { border: 2px solid palette(highlight); }"
    "QFrame#noteOwn { border: none; }"
    "QFrame#noteReply { border: none; border-radius: 4px; }"
    "QFrame#noteReply[chosen=\"true\"] { background-color: rgba(128, 128, 128, 0.22); }"
    "QToolButton#cardButton { border: 1px solid rgba(128, 128, 128, 0.6); border-radius: 4px; padding: 0px 5px; }"
    "QToolButton#cardButton:hover { background-color: rgba(128, 128, 128, 0.18); }"
    "QLabel#cardMeta, QLabel#cardContext { color: palette(mid); }"
)


@dataclass(frozen=True)
class CardNote:
    """What a card shows of one note: read from the store by the panel."""

    annotation: Annotation
    depth: int  # 0: the card's own note; 1, 2…: replies
    bodies: list[str]  # an imported annotation's several bodies ([] or [body] for one)
    links: list[str]  # «↔ title «quote»» for each other article the annotation targets
    author: str
    time: str  # as the card says it ("5 minutes ago", «دیروز»…)
    full_time: str  # the exact local time, for the tooltip


class WrappingLabel(QLabel):
    """A label that wraps to the width it is given: it asks for no more than its longest word
    (QLabel's own hint is the width of a long line, as if a narrow dock cut it)."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        hint = super().sizeHint()
        return QSize(min(hint.width(), self.minimumSizeHint().width()), hint.height())


def _wrapping_label(parent: QWidget, name: str, rich: bool = False) -> QLabel:
    label = WrappingLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if rich:  # links open in the browser; the text can be selected and copied
        label.setOpenExternalLinks(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                      | Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return label


def body_html(note: CardNote) -> str:
    """The note's text as the card shows it: each body whole (several as a list), links clickable,
    then the other articles it points to."""
    bodies = note.bodies if len(note.bodies) > 1 else [note.annotation.body] if note.annotation.body else []
    parts = [("• " if len(bodies) > 1 else "") + linked_html(body) for body in bodies]
    parts += [linked_html(link) for link in note.links]
    return "<br>".join(parts)


class NoteRow(QFrame):
    """One note's text and its author/time line: the card's own note or a reply."""

    def __init__(self, note: CardNote, parent: QWidget):
        super().__init__(parent)
        self.note_id = note.annotation.id
        self.reply_depth = note.depth
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setObjectName("noteReply" if note.depth else "noteOwn")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(REPLY_INDENT * note.depth, 2, 2, 2)
        layout.setSpacing(1)
        self.body = _wrapping_label(self, "cardBody", rich=True)
        self.body.setText(body_html(note))
        self.body.setVisible(bool(self.body.text()))
        self.meta = _wrapping_label(self, "cardMeta")
        # The name isolated: a Persian name must not turn an English line right to left, nor a Latin
        # name a Persian one.
        self.meta.setText(f"{'↳ ' if note.depth else ''}{isolated(note.author)} · {note.time}")
        self.meta.setToolTip(note.full_time)
        layout.addWidget(self.body)
        self.meta_line = QHBoxLayout()
        self.meta_line.setSpacing(4)
        self.meta_line.addWidget(self.meta, 1)
        layout.addLayout(self.meta_line)

    def set_chosen(self, chosen: bool) -> None:
        if self.property("chosen") != chosen:
            self.setProperty("chosen", chosen)
            self.style().unpolish(self)
            self.style().polish(self)


class ReplyBox(QLineEdit):
    """A one-line reply field: Enter sends (the panel clears it), Esc gives up."""

    sent = Signal(str)
    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.text().strip():
                self.sent.emit(self.text())
            return
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            self.cancelled.emit()
            return
        super().keyPressEvent(event)


class NoteCard(QFrame):
    chosen = Signal(str)  # a note id: the card's own note or one of its replies
    edit_requested = Signal(str)
    delete_requested = Signal(str)
    reply_sent = Signal(str, str)  # (the note answered, the reply's text)
    reply_cancelled = Signal()
    menu_requested = Signal(str, QPoint)  # (note id, global position)

    def __init__(self, notes: list[CardNote], context: list[str], parent: QWidget | None = None):
        """`notes`: the thread depth first (its own note first); `context`: lines above the quote
        (the article's title for a note found elsewhere, "not found in the text any more"…)."""
        super().__init__(parent)
        own = notes[0].annotation
        self.note_id = own.id
        self.setObjectName("noteCard")
        self.setProperty("chosen", False)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.chosen_id: str | None = None

        self.strip = QFrame(self)
        self.strip.setObjectName("colourStrip")
        self.strip.setFixedWidth(6)
        colour = own.color or DEFAULT_COLOUR if own.quote is not None else "transparent"
        self.strip.setStyleSheet(f"QFrame#colourStrip {{ background-color: {colour}; border-radius: 2px; }}")

        self.context = _wrapping_label(self, "cardContext")
        self.context.setText("\n".join(context))
        self.context.setVisible(bool(context))
        self.quote = _wrapping_label(self, "cardQuote")
        quoted = card_quote(own)
        self.quote.setText(f"«{quoted}»" if quoted else "")
        self.quote.setToolTip(" ".join(own.quote.exact.split()) if own.quote is not None else "")
        self.quote.setVisible(bool(quoted))
        font = self.quote.font()
        font.setItalic(True)
        self.quote.setFont(font)
        if own.orphaned:
            self.context.setFont(font)

        self.rows = [NoteRow(note, self) for note in notes]
        self.edit_button = self._button("✎", lambda: self.edit_requested.emit(self.chosen_id or self.note_id))
        self.delete_button = self._button("🗑", lambda: self.delete_requested.emit(self.chosen_id or self.note_id))
        self.reply_box = ReplyBox(self)
        self.reply_box.setObjectName("replyBox")
        self.reply_box.sent.connect(lambda text: self.reply_sent.emit(self.chosen_id or self.note_id, text))
        self.reply_box.cancelled.connect(self.reply_cancelled)

        content = QVBoxLayout()
        content.setSpacing(3)
        content.addWidget(self.context)
        content.addWidget(self.quote)
        content.addWidget(self.rows[0])
        self.rows[0].meta_line.addWidget(self.edit_button)  # beside the author: no line of its own
        self.rows[0].meta_line.addWidget(self.delete_button)
        for row in self.rows[1:]:
            content.addWidget(row)
        content.addWidget(self.reply_box)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(4, 4, 6, 4)
        outer.setSpacing(6)
        outer.addWidget(self.strip)
        outer.addLayout(content, 1)
        for widget in (self, *self.rows, *(r.body for r in self.rows)):  # the other labels pass presses on
            widget.installEventFilter(self)
        self.retranslate()
        self.set_chosen(None)

    def _button(self, text: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName("cardButton")
        button.setText(text)
        button.setAutoRaise(False)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys (Enter, Del) do it from the list
        size = self.fontMetrics().height() + 8  # small beside the author's line, not a toolbar's
        button.setFixedSize(size + 6, size)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def retranslate(self) -> None:
        self.edit_button.setToolTip(translate("NoteCard", "Edit (Enter)"))
        self.edit_button.setAccessibleName(translate("NoteCard", "Edit note"))
        self.delete_button.setToolTip(translate("NoteCard", "Delete (Del)"))
        self.delete_button.setAccessibleName(translate("NoteCard", "Delete note"))
        self.reply_box.setPlaceholderText(translate("NoteCard", "Reply… (Enter sends, Esc cancels)"))
        self.reply_box.setAccessibleName(translate("NoteCard", "Reply"))

    def note_ids(self) -> list[str]:
        return [row.note_id for row in self.rows]

    def set_chosen(self, note_id: str | None) -> None:
        """Marks the card chosen (`note_id` its own note or a reply) or not (None): only a chosen
        card shows its buttons and reply box."""
        self.chosen_id = note_id
        chosen = note_id is not None
        for row in self.rows[1:]:
            row.set_chosen(row.note_id == note_id)
        for widget in (self.edit_button, self.delete_button, self.reply_box):
            widget.setVisible(chosen)
        if not chosen:
            self.reply_box.clear()
        if self.property("chosen") != chosen:
            self.setProperty("chosen", chosen)
            self.style().unpolish(self)
            self.style().polish(self)

    def row_for(self, watched: QObject) -> NoteRow | None:
        widget = watched if isinstance(watched, QWidget) else None
        while widget is not None and widget is not self:
            if isinstance(widget, NoteRow):
                return widget
            widget = widget.parentWidget()
        return None

    def _id_of(self, row: NoteRow | None) -> str:
        return row.note_id if row is not None else self.note_id

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """A press anywhere on the card chooses it (on a reply: that reply); a note's text still
        takes the press for its links and text selection. A right-click opens the note's menu."""
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            self.chosen.emit(self._id_of(self.row_for(watched)))
            return isinstance(watched, NoteRow)  # ends here: the card would choose its own note
        if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            note_id = self._id_of(self.row_for(watched))
            self.chosen.emit(note_id)
            self.menu_requested.emit(note_id, event.globalPos())
            return True
        return super().eventFilter(watched, event)


class ArticleCard(QFrame):
    """An article with notes (the "articles with notes" list): its title and how many notes."""

    chosen = Signal(str)  # the article id

    def __init__(self, article_id: str, label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.note_id = article_id
        self.setObjectName("noteCard")
        self.setProperty("chosen", False)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = _wrapping_label(self, "cardBody")
        self.title.setText(label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.title)
        self.installEventFilter(self)
        self.title.installEventFilter(self)

    def note_ids(self) -> list[str]:
        return [self.note_id]

    def set_chosen(self, note_id: str | None) -> None:
        chosen = note_id is not None
        if self.property("chosen") != chosen:
            self.setProperty("chosen", chosen)
            self.style().unpolish(self)
            self.style().polish(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.MouseButtonPress:
            self.chosen.emit(self.note_id)
        return super().eventFilter(watched, event)
