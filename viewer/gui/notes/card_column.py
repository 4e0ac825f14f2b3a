"""The notes sidebar's column of cards: scrolls, takes the whole height it is given, and is driven
by keys while it has the focus (Up/Down between cards, Enter edits, R replies, Del deletes, the menu
key opens the chosen card's menu)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from viewer.gui.notes.card import ArticleCard, NoteCard, WrappingLabel

Card = NoteCard | ArticleCard


class CardColumn(QScrollArea):
    step_requested = Signal(int)  # -1: the card above, +1: the card below
    edit_requested = Signal()
    reply_requested = Signal()
    delete_requested = Signal()
    menu_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("notesCards")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.inner = QWidget(self)
        self.inner.setObjectName("notesCardsInner")
        self.column = QVBoxLayout(self.inner)
        self.column.setContentsMargins(2, 2, 2, 2)
        self.column.setSpacing(6)
        self.empty = WrappingLabel(self.inner)
        self.empty.setObjectName("notesEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.column.addWidget(self.empty)
        self.column.addStretch(1)
        self.setWidget(self.inner)
        self.cards: list[Card] = []

    def set_cards(self, cards: list[Card]) -> None:
        """Shows `cards` in order in place of those shown (which are deleted)."""
        for old in self.cards:
            self.column.removeWidget(old)
            old.hide()
            old.deleteLater()
        self.cards = list(cards)
        for index, card in enumerate(self.cards):
            self.column.insertWidget(index, card)
            card.show()  # at once: the layout would show it only on the next turn of the event loop
        self.empty.setVisible(not self.cards)

    def scroll_to(self, card: QWidget) -> None:
        """Brings `card` into view, its top first when it is taller than the view."""
        self.column.activate()
        top = card.mapTo(self.inner, card.rect().topLeft()).y()
        bar = self.verticalScrollBar()
        view = self.viewport().height()
        if top < bar.value() or card.height() >= view:
            bar.setValue(top - 4)
        elif top + card.height() > bar.value() + view:
            bar.setValue(top + card.height() - view + 4)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key, plain = event.key(), not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key == Qt.Key.Key_Up and plain:
            self.step_requested.emit(-1)
        elif key == Qt.Key.Key_Down and plain:
            self.step_requested.emit(1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.edit_requested.emit()
        elif key == Qt.Key.Key_R and plain:
            self.reply_requested.emit()
        elif key == Qt.Key.Key_Delete and plain:
            self.delete_requested.emit()
        elif key == Qt.Key.Key_Menu or (key == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier):
            self.menu_requested.emit()
        else:
            super().keyPressEvent(event)
