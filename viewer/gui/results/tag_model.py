"""The tags of the current results with their counts; checking several means AND. After a tick the
list keeps its rows: those absent from the new results are greyed and cannot be ticked."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from viewer.core.bidi import isolated
from viewer.core.persian_numbers import persian_digits

TAG_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2
PENDING = -1  # the count of a tag whose result is still being counted: shown as …
_Index = QModelIndex | QPersistentModelIndex


class TagModel(QAbstractListModel):
    checked_changed = Signal(list)  # the checked tags, in the order they were checked

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[tuple[str, int]] = []
        self._checked: list[str] = []
        self._keep_order = False
        self.persian_digits = True

    def set_facets(self, facets: list[tuple[str, int]]) -> None:
        """The facets of a new result; checked tags stay listed even when absent. After a tick the
        rows keep their places (the list no longer jumps under the mouse); a new query lists the
        checked tags first, then the facets by count."""
        counts = dict(facets)
        if self._keep_order:
            kept = [tag for tag, _ in self._rows]  # absent ones show (0): nothing moves
        else:
            kept = list(self._checked)
        listed = set(kept)
        rows = [(tag, counts.get(tag, 0)) for tag in kept]
        rows += [(tag, count) for tag, count in facets if tag not in listed]
        self._keep_order = False
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def set_pending(self) -> None:
        """A new result not counted yet: only the checked tags, without counts (no older query's); after
        a tick every row stays in its place, without its count, until the counts come."""
        kept = [tag for tag, _ in self._rows] if self._keep_order else list(self._checked)
        self.beginResetModel()
        self._rows = [(tag, PENDING) for tag in kept]
        self.endResetModel()

    @property
    def checked(self) -> list[str]:
        return list(self._checked)

    def set_checked(self, tag: str, on: bool = True) -> None:
        if on == (tag in self._checked):
            return
        self._keep_order = True  # the search this tick starts keeps the list in place
        if on:
            self._checked.append(tag)
        else:
            self._checked.remove(tag)
        row = next((i for i, (t, _) in enumerate(self._rows) if t == tag), -1)
        if row >= 0:
            self.dataChanged.emit(self.index(row), self.index(row), [Qt.ItemDataRole.CheckStateRole])
        elif on:
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._rows.insert(0, (tag, 0))
            self.endInsertRows()
        self.checked_changed.emit(self.checked)

    def clear_checked(self) -> None:
        if not self._checked:
            return
        self._checked.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit([])

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.parent().isValid() or not 0 <= index.row() < len(self._rows):
            return None
        tag, count = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if count == 0:
                return tag  # absent from these results: greyed (flags), not «(۰)»
            shown = "…" if count == PENDING else persian_digits(count) if self.persian_digits else str(count)
            return f"{isolated(tag)}  ({shown})"  # the tag's direction stays its own: "(3)" keeps its place
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if tag in self._checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and count == 0:
            return self.tr("«{tag}» is in none of these results").format(tag=isolated(tag))
        if role in (TAG_ROLE, Qt.ItemDataRole.ToolTipRole):
            return tag
        if role == COUNT_ROLE:
            return count
        return None

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        checked = value == Qt.CheckState.Checked or value == Qt.CheckState.Checked.value  # the enum, or its int value
        self.set_checked(self._rows[index.row()][0], checked)
        return True

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        # Not ItemIsUserCheckable: the panel toggles on a click anywhere on the row, once.
        flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        return flags | Qt.ItemFlag.ItemIsEnabled if self.can_toggle(index.row()) else flags

    def can_toggle(self, row: int) -> bool:
        """A ticked tag can always be unticked; an unticked one only when some of the results carry it:
        ticking a tag absent from them (tags combine with AND) could only empty the list, so it is
        greyed and not offered, as a researcher reads a greyed row."""
        if not 0 <= row < len(self._rows):
            return False
        tag, count = self._rows[row]
        return count != 0 or tag in self._checked
