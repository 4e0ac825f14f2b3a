"""The concordance as a table model: date, the text before the match, the match, the text after.

The table is laid out right to left whatever the interface language (the text is Persian): the
text before a match stands at its right, flush against it, the text after at its left. Sorting by
the text before compares its words nearest the match first, as a concordancer's "L1" sort does."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from viewer.gui.dates import from_iso, jalali
from viewer.gui.translations import current_language

if TYPE_CHECKING:
    from viewer.app.discourse import ConcordanceLine

Index = QModelIndex | QPersistentModelIndex
DATE, BEFORE, MATCH, AFTER = range(4)
LINE_ROLE = Qt.ItemDataRole.UserRole  # the ConcordanceLine of a row
_ALIGN = {
    DATE: Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignHCenter,
    # Absolute: the before text ends at the match (on its left on screen), the after text starts at it.
    BEFORE: Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute,
    MATCH: Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignHCenter,
    AFTER: Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute,
}


def _words(text: str) -> list[str]:
    return text.replace("\u200c", "").replace("ي", "ی").replace("ك", "ک").split()


class ConcordanceModel(QAbstractTableModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.lines: list[ConcordanceLine] = []
        self.headers = ["", "", "", ""]

    def set_lines(self, lines: list[ConcordanceLine]) -> None:
        self.beginResetModel()
        self.lines = list(lines)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line = self.lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (self._date(line.date), line.left, line.match, line.right)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return line.title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN[column]
        if role == LINE_ROLE:
            return line
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < 4:
            return self.headers[section]
        return None

    def set_headers(self, headers: list[str]) -> None:
        self.headers = headers
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        keys = {
            DATE: lambda line: (line.date == "", line.date, line.id, line.start),
            BEFORE: lambda line: (_words(line.left)[::-1], line.date),
            MATCH: lambda line: (line.match, line.date),
            AFTER: lambda line: (_words(line.right), line.date),
        }
        if column not in keys:
            return
        self.layoutAboutToBeChanged.emit()
        self.lines.sort(key=keys[column], reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    @staticmethod
    def _date(iso: str) -> str:
        day = from_iso(iso)
        if day is None:
            return ""
        return jalali(day) if current_language() == "fa" else day.isoformat()
