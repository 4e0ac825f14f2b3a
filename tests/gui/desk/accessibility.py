"""What a screen reader is told about the window's controls, as Qt hands it to AT-SPI: the walk the
accessible-name tests share, and a failure message that says where each unnamed control sits."""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QSlider,
    QTextEdit,
    QWidget,
)

# What a user reaches with Tab or the pointer and a screen reader must name.
CONTROL_KINDS = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QSlider, QAbstractSpinBox, QTextEdit,
                 QPlainTextEdit)
PERSIAN_LETTER = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
ENDONYMS = {"English", "فارسی"}
ITEMS_CHECKED = 5  # the first rows of each list, tree and table


def where(widget: QWidget) -> str:
    """The control by class and objectName up through its parents: «QToolButton#zoomIn < ArticlePane# < …»."""
    parts = []
    current: QWidget | None = widget
    while current is not None:
        parts.append(f"{type(current).__name__}#{current.objectName()}")
        current = current.parentWidget()
    return " < ".join(parts)


def _buddy_text(widget: QWidget) -> str:
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget:
            return label.text().replace("&", "").strip()
    return ""


def accessible_name(widget: QWidget) -> str:
    """The name Qt gives assistive technology: the accessible name, else its text or its label's."""
    own = widget.accessibleName().strip()
    if own:
        return own
    if isinstance(widget, (QComboBox, QAbstractSpinBox)):
        # On Linux Qt names a combo or spin box by its current value ("Yellow"), which says nothing
        # of what it chooses: only an accessible name or a label does.
        return _buddy_text(widget)
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None and interface.isValid() else ""


def _is_part_of_another(widget: QWidget) -> bool:
    """A combo box's own line edit or popup, a table's header: announced with the control they belong to."""
    parent = widget.parentWidget()
    if isinstance(widget, QHeaderView) or isinstance(parent, (QComboBox, QAbstractSpinBox)):
        return True
    return any(isinstance(ancestor, QComboBox) for ancestor in ancestors(widget))


def ancestors(widget: QWidget) -> list[QWidget]:
    """The widgets holding `widget`, the nearest first."""
    found = []
    current = widget.parentWidget()
    while current is not None:
        found.append(current)
        current = current.parentWidget()
    return found


def visible_controls() -> list[QWidget]:
    return [w for w in QApplication.allWidgets()
            if isinstance(w, CONTROL_KINDS) and w.isVisible() and not _is_part_of_another(w)]


def wrong_language(name: str, language: str) -> bool:
    """A Persian name has Persian letters; an English one has Latin letters and no Persian (a language is
    named in itself: "English" in the Persian menu, «فارسی» in the English one)."""
    if name in ENDONYMS:
        return False
    if language == "fa":
        return PERSIAN_LETTER.search(name) is None
    return PERSIAN_LETTER.search(name) is not None or not re.search("[A-Za-z]", name)


def _menu_actions(menu: QMenu | QMenuBar, path: str) -> list[tuple[str, QAction]]:
    found = []
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        found.append((f"{path} > {action.text().replace('&', '') or action.objectName() or '?'}", action))
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            found += _menu_actions(submenu, found[-1][0])
    return found


def menu_problems(bar: QMenuBar | QMenu, language: str) -> list[str]:
    """Menus and menu items (those of the menu bar itself too) without a name, or named in the other language."""
    problems = []
    for path, action in _menu_actions(bar, "menu bar" if isinstance(bar, QMenuBar) else f"menu of {where(bar)}"):
        text = action.text().replace("&", "").strip()
        if not text:
            problems.append(f"unnamed menu item {path} (objectName {action.objectName()!r})")
        elif wrong_language(text, language):
            problems.append(f"menu item not in {language}: {path}")
    return problems


def item_problems(view: QAbstractItemView) -> list[str]:
    """Rows a screen reader would read as nothing: no accessible text and no display text."""
    model = view.model()
    problems: list[str] = []
    if model is None:
        return problems
    for row in range(min(model.rowCount(QModelIndex()), ITEMS_CHECKED)):
        columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
        cells = [model.index(row, column) for column in range(columns)]
        spoken = [model.data(cell, Qt.ItemDataRole.AccessibleTextRole) or model.data(cell, Qt.ItemDataRole.DisplayRole)
                  for cell in cells]
        if not any(str(text or "").strip() for text in spoken):
            problems.append(f"row {row} reads as nothing in {where(view)}")
    return problems


def control_problems(language: str) -> list[str]:
    """Every visible control without a name, or named in the other language, with where it sits."""
    problems = []
    for widget in visible_controls():
        name = accessible_name(widget)
        if not name:
            problems.append(f"unnamed: {where(widget)}")
        elif wrong_language(name, language):
            problems.append(f"named {name!r}, not in {language}: {where(widget)}")
        if isinstance(widget, QAbstractItemView):
            problems += item_problems(widget)
    return problems
