"""The search box (search as you type, debounced), the filters as removable chips beside it (the
chosen collection, the ticked tags), the result count naming them, "did you mean" and sort order."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from viewer.core.bidi import isolated
from viewer.gui.common.accessible import name_clear_button, name_combo_box
from viewer.gui.common.digits import number

DEBOUNCE_MS = 150
SEARCHING_AFTER_MS = 250  # a search slower than this says so (fuzzy ones take seconds)
SORTS = ("relevance", "date")
PENDING_COUNT = -2  # the results are shown, their count is on its way
CHIP_STYLE = ("QToolButton#filterChip { border: 1px solid palette(mid); border-radius: 10px; padding: 1px 8px; "
              "background: palette(alternate-base); }")


CHIP_NAME_CHARS = 24  # a longer name is cut in the chip (whole in its tooltip): the search box keeps its room


class CountLabel(QLabel):
    """The result count, cut with «…» when the bar is narrow (the filters it names can be long):
    the window keeps fitting a 1024-pixel screen. `text()` is the whole count, also its tooltip."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(min(super().minimumSizeHint().width(), 80), super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), shown)


class FilterChip(QToolButton):
    """One filter in force, «name» ✕: a click removes it."""

    def __init__(self, kind: str, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("filterChip")
        self.kind, self.name = kind, name  # kind: "collection" or "tag"
        self.setStyleSheet(CHIP_STYLE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.retranslate()

    def retranslate(self) -> None:
        name = isolated(self.name if len(self.name) <= CHIP_NAME_CHARS else self.name[:CHIP_NAME_CHARS - 1] + "…")
        if self.kind == "collection":
            self.setText(self.tr("Collection «{name}»  ✕").format(name=name))
            hint = self.tr("Remove the collection filter «{name}»").format(name=isolated(self.name))
        else:
            self.setText(self.tr("Tag «{name}»  ✕").format(name=name))
            hint = self.tr("Remove the tag filter «{name}»").format(name=isolated(self.name))
        self.setToolTip(hint)
        self.setAccessibleName(hint)


class SearchBar(QWidget):
    search_requested = Signal(str)  # debounced query text
    sort_changed = Signal(str)
    tag_removed = Signal(str)  # a tag's chip was clicked away
    collection_removed = Signal()  # the collection's chip was clicked away

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.box = QLineEdit(self)
        self.box.setObjectName("searchBox")
        self.box.setClearButtonEnabled(True)
        self.box.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.box.setMinimumWidth(220)
        self.chips: list[FilterChip] = []
        self.chips_row = QHBoxLayout()
        self.chips_row.setSpacing(4)
        self.collection: str | None = None
        self.tags: list[str] = []
        self.count_label = CountLabel(self)
        self.count_label.setObjectName("countLabel")
        self.suggestion_label = QLabel(self)
        self.suggestion_label.setObjectName("suggestionLabel")
        self.suggestion_label.setTextFormat(Qt.TextFormat.RichText)
        self.suggestion_label.linkActivated.connect(self._accept_suggestion)
        self.suggestion_label.hide()
        self.sort_label = QLabel(self)
        self.sort_box = QComboBox(self)
        self.sort_box.setObjectName("sortBox")
        # Sized to its longest item, again when the language changes (else "Newest fi", "Yellov").
        self.sort_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sort_box.addItems(["", ""])
        self.sort_box.currentIndexChanged.connect(lambda i: self.sort_changed.emit(SORTS[i]))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(lambda: self.search_requested.emit(self.box.text()))
        self.box.textEdited.connect(lambda _text: self.timer.start())
        self.box.returnPressed.connect(self.search_now)
        self.box.installEventFilter(self)
        self.suggestion = ""
        self.dates_available = True
        self._count: tuple[int, str] | None = None
        self.stories = 0  # of the count's results, when the window knows (show_stories)
        self.searching_timer = QTimer(self)
        self.searching_timer.setSingleShot(True)
        self.searching_timer.setInterval(SEARCHING_AFTER_MS)
        self.searching_timer.timeout.connect(self._show_searching)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(10)
        layout.addWidget(self.box, 3)
        layout.addLayout(self.chips_row)
        layout.addWidget(self.count_label)
        layout.addWidget(self.suggestion_label)
        layout.addStretch(1)
        layout.addWidget(self.sort_label)
        layout.addWidget(self.sort_box)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Escape in a non-empty box clears the query (and shows every article)."""
        if (watched is self.box and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape and self.box.text()):
            self.box.clear()
            self.search_now()
            return True
        return super().eventFilter(watched, event)

    @property
    def sort(self) -> str:
        return SORTS[max(0, self.sort_box.currentIndex())]

    def set_sort(self, sort: str) -> None:
        self.sort_box.setCurrentIndex(SORTS.index(sort) if sort in SORTS else 0)

    def set_query(self, text: str) -> None:
        """Sets the box without a debounced search (the caller searches)."""
        self.box.setText(text)
        self.timer.stop()

    def search_now(self) -> None:
        self.timer.stop()
        self.search_requested.emit(self.box.text())

    def searching(self) -> None:
        """A search started: if it is still running shortly, the old count gives way to "Searching…"."""
        self.searching_timer.start()

    def _show_searching(self) -> None:
        self._count = None
        self.count_label.setText(self.tr("Searching…"))

    def show_count(self, total: int, took_ms: float) -> None:
        self.searching_timer.stop()
        self._count = (total, "")
        self.stories = total
        self._render_count()

    def show_stories(self, stories: int) -> None:
        """How many stories the results are (a story's near duplicates are one row): said when fewer."""
        self.stories = stories
        self._render_count()

    def show_count_pending(self) -> None:
        """The first rows are shown and the count follows: «…» until `show_count`."""
        self.searching_timer.stop()
        self._count = (PENDING_COUNT, "")
        self._render_count()

    def show_error(self, message: str) -> None:
        self.searching_timer.stop()
        self._count = (-1, message)
        self._render_count()

    def show_filters(self, collection: str | None, tags: list[str]) -> None:
        """The filters of the search being made: a chip each, and named in the count."""
        if (collection, tags) == (self.collection, self.tags):
            return
        self.collection, self.tags = collection, list(tags)
        for chip in self.chips:
            self.chips_row.removeWidget(chip)
            chip.deleteLater()
        self.chips = []
        if collection is not None:
            self._add_chip(FilterChip("collection", collection, self))
        for tag in tags:
            self._add_chip(FilterChip("tag", tag, self))
        self._render_count()

    def _add_chip(self, chip: FilterChip) -> None:
        if chip.kind == "collection":
            chip.clicked.connect(self.collection_removed)
        else:
            chip.clicked.connect(lambda _checked=False, tag=chip.name: self.tag_removed.emit(tag))
        self.chips.append(chip)
        self.chips_row.addWidget(chip)

    def _filters_text(self) -> str:
        """" in collection «…» with tags «…», «…»" for the count line ("" without filters)."""
        text = ""
        if self.collection is not None:
            text += self.tr(" in collection «{name}»").format(name=isolated(self.collection))
        if len(self.tags) == 1:
            text += self.tr(" with tag «{tag}»").format(tag=isolated(self.tags[0]))
        elif self.tags:
            text += self.tr(" with tags {tags}").format(tags=self.tr(", ").join(f"«{isolated(tag)}»" for tag in self.tags))
        return text

    def _render_count(self) -> None:
        if self._count is None:
            self.count_label.setText("")
            return
        total, message = self._count
        if total == PENDING_COUNT:
            self.count_label.setText(self.tr("… results"))
            self.count_label.setToolTip(self.tr("Counting the results…"))
            return
        self.count_label.setToolTip("")
        if total < 0:
            self.count_label.setText(message)
            return
        if total == 0:
            text = self.tr("No results")
        elif total == 1:
            text = self.tr("1 result")
        else:
            text = self.tr("{count} results").format(count=number(total))
        if 0 < self.stories < total:
            text = self.tr("{count} results, {stories} stories").format(count=number(total), stories=number(self.stories))
        self.count_label.setText(text + self._filters_text())
        self.count_label.setToolTip(self.count_label.text() if self._filters_text() else "")

    def set_dates_available(self, available: bool) -> None:
        """"Newest first" is offered only when some result has a date; otherwise a hint says why."""
        self.dates_available = available
        model = self.sort_box.model()
        if isinstance(model, QStandardItemModel) and model.item(1) is not None:
            model.item(1).setEnabled(available)
        self._render_sort_hint()

    def _render_sort_hint(self) -> None:
        self.sort_box.setToolTip("" if self.dates_available else
                                 self.tr("None of these results has a date, so they cannot be sorted by date."))

    def show_suggestion(self, suggestion: str | None) -> None:
        self.suggestion = suggestion or ""
        self._render_suggestion()

    def _render_suggestion(self) -> None:
        if not self.suggestion:
            self.suggestion_label.hide()
            return
        from html import escape

        self.suggestion_label.setText(self.tr("Did you mean: {suggestion}").format(
            suggestion=f'<a href="suggest"><b>{escape(self.suggestion)}</b></a>'))
        self.suggestion_label.show()

    def _accept_suggestion(self, _link: str) -> None:
        if self.suggestion:
            self.box.setText(self.suggestion)
            self.search_now()

    def retranslate(self) -> None:
        self.box.setPlaceholderText(self.tr("Search the archive (Ctrl+F): words, \"phrases\", -not, tag:…"))
        self.sort_label.setText(self.tr("Sort:"))
        self.sort_box.setItemText(0, self.tr("Relevance"))
        self.sort_box.setItemText(1, self.tr("Newest first"))
        self.box.setAccessibleName(self.tr("Search the archive"))
        self.box.setAccessibleDescription(self.tr("Words, \"phrases\", -not, tag:…; the results follow as you type"))
        name_clear_button(self.box)
        name_combo_box(self.sort_box, self.tr("Sort the results"))
        self._render_sort_hint()
        for chip in self.chips:
            chip.retranslate()
        if self.searching_timer.isActive() or self._count is not None:
            self._render_count()
        self._render_suggestion()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
