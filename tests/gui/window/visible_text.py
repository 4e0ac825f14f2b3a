"""The texts a user sees in a window: labels, buttons, tabs, headers, the status bar, list rows and
the window title, for checks that scan them all (Persian digits, nothing left in English)."""

from __future__ import annotations

import re

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QMainWindow,
    QProgressBar,
    QTabBar,
    QWidget,
)

# Left-to-right runs that keep their own digits: paths, file names, URLs, e-mail addresses.
LTR_RUN = re.compile(r"(?:[a-z]+://|www\.)\S+|\S*[/\\]\S*|\S+\.(?:jsonl?|txt|html?|pdf|warc|xml|csv|gz|zip)\b|\S+@\S+",
                     re.IGNORECASE)
LATIN_DIGIT = re.compile(r"[0-9]")
ISOLATES = str.maketrans("", "", "\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u202e\u200e\u200f")


def _is_list(model: QAbstractItemModel) -> bool:
    from PySide6.QtCore import QAbstractListModel, QStringListModel

    return isinstance(model, QAbstractListModel | QStringListModel)


def _rows(model: QAbstractItemModel, parent: QModelIndex, limit: int) -> list[str]:
    texts = []
    for row in range(min(model.rowCount(parent), limit)):
        for column in range(max(1, model.columnCount(parent) if not _is_list(model) else 1)):
            index = model.index(row, column, parent)
            value = index.data(Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                texts.append(value)
            if not _is_list(model):
                texts.extend(_rows(model, index, limit))
    return texts


def visible_texts(window: QMainWindow, rows: int = 20) -> dict[str, str]:
    """{where: text} for every visible text of `window` (the article's own words are content, not
    interface: list and pane *bodies* are left to their tests; their metadata rows are included)."""
    found: dict[str, str] = {"windowTitle": window.windowTitle(), "status": window.statusBar().currentMessage()}
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        name = f"{type(widget).__name__}#{widget.objectName()}"
        if isinstance(widget, QLabel):
            found[f"{name}@{id(widget)}"] = widget.text()
        elif isinstance(widget, QAbstractButton):
            found[f"{name}@{id(widget)}"] = widget.text()
        elif isinstance(widget, QComboBox):
            found[f"{name}@{id(widget)}"] = widget.currentText()
        elif isinstance(widget, QGroupBox | QDockWidget):
            found[f"{name}@{id(widget)}"] = widget.title() if isinstance(widget, QGroupBox) else widget.windowTitle()
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                found[f"{name}@{id(widget)}:{i}"] = widget.tabText(i)
        elif isinstance(widget, QProgressBar) and widget.isTextVisible():
            found[f"{name}@{id(widget)}"] = widget.text()
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            for i, text in enumerate(_rows(widget.model(), QModelIndex(), rows)):
                found[f"{name}@{id(widget)}:{i}"] = text
    return found


def latin_digits(texts: dict[str, str], content: set[str] = frozenset()) -> dict[str, str]:  # type: ignore[assignment]
    """The texts that show a Latin digit outside a path, file name, URL or the articles' own words
    (`content`: titles and tags as the archive has them)."""
    found = {}
    for where, text in texts.items():
        plain = re.sub(r"<[^>]*>", "", text.translate(ISOLATES))
        for words in sorted(content, key=len, reverse=True):
            plain = plain.replace(words, "")
        if LATIN_DIGIT.search(LTR_RUN.sub("", plain)):
            found[where] = text
    return found
