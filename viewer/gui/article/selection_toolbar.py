"""The small toolbar that floats beside a selection in the article (as Zotero's reader and calibre's
viewer have): a button per highlight colour, Note, Copy and Copy as citation.

It only says what was asked (its signals); the article view places it, shows and hides it, and the
notes controller does the highlighting. From the keyboard: arrows and Tab move between its buttons,
Enter or Space presses one, Esc closes it and gives the focus back to the text."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from viewer.gui.common.theme import colours as theme_colours
from viewer.gui.common.translations import current_language

# Between the selection and the toolbar, and between the toolbar and the viewport's edges.
GAP = 6
SWATCH_SIZE = 16

Colour = tuple[str, str, str]  # (colour, English name, Persian name)


def _swatch(colour: str) -> QIcon:
    pixmap = QPixmap(SWATCH_SIZE, SWATCH_SIZE)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class SelectionToolbar(QFrame):
    colour_chosen = Signal(str)  # highlight the selection in this colour
    note_requested = Signal()  # highlight it and write a note on it
    copy_requested = Signal()
    citation_requested = Signal()  # copy it quoted, with the article's citation
    dismissed = Signal()  # closed from the keyboard (Esc): the text takes the focus back

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("selectionToolbar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFrameShadow(QFrame.Shadow.Raised)
        self.setAutoFillBackground(True)
        self.setCursor(Qt.CursorShape.ArrowCursor)
        self.colours: list[Colour] = []
        self.colour_buttons: list[QToolButton] = []
        self.note_button = self._button("selectionNote", self.note_requested.emit)
        self.copy_button = self._button("selectionCopy", self.copy_requested.emit)
        self.citation_button = self._button("selectionCitation", self.citation_requested.emit)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(3, 3, 3, 3)
        rows.setSpacing(2)
        self.first_row, self.second_row = QHBoxLayout(), QHBoxLayout()
        for row in (self.first_row, self.second_row):
            row.setSpacing(2)
            rows.addLayout(row)
        self.two_rows = False
        self._arrange(two_rows=False)
        self._restyle()
        self.retranslate()
        self.hide()

    def _button(self, name: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the focus (and selection) in the text
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def set_colours(self, colours: Sequence[Colour]) -> None:
        """The highlight colours offered (none: only Copy and Copy as citation, as without notes)."""
        for button in self.colour_buttons:
            self.first_row.removeWidget(button)
            button.deleteLater()
        self.colours = list(colours)
        self.colour_buttons = []
        for i, (colour, _en, _fa) in enumerate(self.colours):
            button = self._button(f"selectionColour{i}", partial(self.colour_chosen.emit, colour))
            button.setIcon(_swatch(colour))
            button.setProperty("colour", colour)
            self.colour_buttons.append(button)
        self.note_button.setVisible(bool(self.colours))
        self._arrange(self.two_rows)
        self.retranslate()

    def _restyle(self) -> None:
        """Compact buttons (the theme's are sized for panels) on a framed card that stands off the page."""
        palette = theme_colours()
        edge = "1px solid transparent"
        self.setStyleSheet(
            f"#selectionToolbar {{ background: {palette['separator']}; border: 1px solid {palette['muted']};"
            " border-radius: 6px; }\n"
            "#selectionToolbar QToolButton, #selectionToolbar QToolButton:hover, #selectionToolbar QToolButton:pressed"
            f" {{ height: 24px; padding: 2px 6px; margin: 0; border: {edge}; border-left: {edge};"
            f" border-right: {edge}; border-radius: 4px; background: transparent; color: {palette['text']}; }}\n"
            f"#selectionToolbar QToolButton:hover {{ background: {palette['selected_bg']}; }}\n"
            f"#selectionToolbar QToolButton:focus {{ border: 2px solid {palette['accent']}; }}\n")

    def _arrange(self, two_rows: bool) -> None:
        """The buttons in one row, or (in a narrow pane) the colours above Note, Copy and Cite."""
        self.two_rows = two_rows
        actions = [self.note_button, self.copy_button, self.citation_button]
        for button in [*self.colour_buttons, *actions]:
            self.first_row.removeWidget(button)
            self.second_row.removeWidget(button)
        for button in self.colour_buttons:
            self.first_row.addWidget(button)
        for button in actions:
            (self.second_row if two_rows else self.first_row).addWidget(button)
        self.first_row.invalidate()
        self.second_row.invalidate()

    def set_citation_available(self, available: bool) -> None:
        self.citation_button.setVisible(available)

    def buttons(self) -> list[QToolButton]:
        """The buttons shown, in their order (the keyboard's too)."""
        every = [*self.colour_buttons, self.note_button, self.copy_button, self.citation_button]
        return [button for button in every if not button.isHidden()]

    # -- where it stands ------------------------------------------------------------------------
    def place_beside(self, selection: QRect, bounds: QRect) -> None:
        """Shows it just above `selection` (below when there is no room above), centred on it and kept
        inside `bounds`; both rectangles in the parent's coordinates."""
        self._restyle()  # in the theme of the moment
        self._arrange(two_rows=False)
        size = self._measured()
        if size.width() > bounds.width() - 2 * GAP and self.colour_buttons:
            self._arrange(two_rows=True)
            size = self._measured()
        self.resize(size)
        x = selection.center().x() - size.width() // 2
        y = selection.top() - GAP - size.height()
        if y < bounds.top() + GAP:
            y = selection.bottom() + GAP
            if y + size.height() > bounds.bottom() - GAP:  # a selection taller than the view: at its top
                y = bounds.top() + GAP
        x = max(bounds.left() + GAP, min(x, bounds.right() - GAP - size.width()))
        self.move(QPoint(x, y))
        self.show()
        self.raise_()

    def _measured(self) -> QSize:
        """The size the buttons need as now arranged (styled first: the style sheet sizes them)."""
        self.ensurePolished()
        for button in self.buttons():
            button.ensurePolished()
        layout = self.layout()
        if layout is not None:
            layout.activate()
        return self.sizeHint()

    def focus_first(self) -> None:
        buttons = self.buttons()
        if buttons:
            buttons[0].setFocus(Qt.FocusReason.ShortcutFocusReason)

    # -- keyboard -------------------------------------------------------------------------------
    def _move_focus(self, step: int) -> None:
        buttons = self.buttons()
        if not buttons:
            return
        current = next((i for i, b in enumerate(buttons) if b.hasFocus()), -1)
        buttons[(current + step) % len(buttons)].setFocus(Qt.FocusReason.TabFocusReason)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 - Qt override and its name
        """Tab and Shift+Tab go round the toolbar's buttons (Esc leaves it)."""
        self._move_focus(1 if next else -1)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        # Arrows move the way they point: on a right-to-left row Left goes to the next button.
        forward = Qt.Key.Key_Left if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else Qt.Key.Key_Right
        backward = Qt.Key.Key_Right if forward == Qt.Key.Key_Left else Qt.Key.Key_Left
        if key in (forward, Qt.Key.Key_Down):
            self._move_focus(1)
        elif key in (backward, Qt.Key.Key_Up):
            self._move_focus(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = next((b for b in self.buttons() if b.hasFocus()), None)
            if focused is not None:
                focused.click()
        elif key == Qt.Key.Key_Escape:
            self.hide()
            self.dismissed.emit()
        else:
            super().keyPressEvent(event)

    # -- language -------------------------------------------------------------------------------
    def retranslate(self) -> None:
        persian = current_language() == "fa"
        self.setAccessibleName(self.tr("Selection toolbar"))
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if persian else Qt.LayoutDirection.LeftToRight)
        for button, (_colour, en, fa) in zip(self.colour_buttons, self.colours, strict=True):
            name = fa if persian else en
            button.setAccessibleName(name)
            button.setToolTip(self.tr("Highlight in {colour}").format(colour=name))
        self.note_button.setText(self.tr("Note…"))
        self.note_button.setAccessibleName(self.tr("Note on the selection"))
        self.note_button.setToolTip(self.tr("Highlight the selected text and write a note on it"))
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the selected text"))
        self.citation_button.setText(self.tr("Cite"))
        self.citation_button.setAccessibleName(self.tr("Copy as citation"))
        self.citation_button.setToolTip(self.tr("Copy the selected text quoted, with the article's citation"))
        if self.isVisible():
            self.adjustSize()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
