"""The results of a search as a list model over article ids (Anki's browser table model).

The first page of hits comes ranked with snippets; the rest of the ids (a search may match the
whole archive) get their row data only when a view asks for them, fetched by id and cached.
Rows past the ranked ones are placeholders until the next ranked page of ids (fetched off the UI
thread by `run`) puts them in the search's order; a newer result discards late pages of an older one.
A story's near duplicates that match too are one row, which expands to show them (story_rows.py)."""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from html import escape, unescape

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from viewer.core.article import Article
from viewer.core.results import Hit, SearchResult
from viewer.gui.common.dates import from_iso, jalali
from viewer.gui.common.tasks import RunOffThread
from viewer.gui.common.translations import current_language
from viewer.gui.results.story_rows import StoryRow, story_count, story_rows

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
CACHE_ROWS = 2000
LEAD_CHARS = 220
PAGE_AHEAD = 200  # ranked ids asked for beyond the last row a view wanted


@dataclass(frozen=True)
class ResultRow:
    id: str
    title: str
    snippet: str  # HTML-escaped; hits in <b>…</b>
    tags: list[str] = field(default_factory=list)
    source: str = ""
    date: str = ""
    copies: int = 0  # near duplicates that match the search too (its story's other matches)
    expanded: bool = False  # its copies are shown under it
    child: bool = False  # a copy under its story's row


def spoken_row(row: ResultRow) -> str:
    """What a screen reader says of a result the delegate paints: title, date, snippet (without its
    marks) and tags."""
    snippet = unescape(re.sub(r"<[^>]+>", "", row.snippet))
    day = from_iso(row.date)
    when = "" if day is None else jalali(day) if current_language() == "fa" else day.isoformat()
    return ". ".join(" ".join(part.split()) for part in (row.title, when, snippet, ", ".join(row.tags)) if part.strip())


def row_of_hit(hit: Hit) -> ResultRow:
    return ResultRow(hit.id, hit.title, hit.snippet.replace("\n", " "), hit.tags, hit.source, hit.date, len(hit.copies))


def row_of_article(article: Article) -> ResultRow:
    lead = (article.lead or article.text)[:LEAD_CHARS].replace("\n", " ")
    return ResultRow(article.id, article.title, escape(lead) + ("…" if len(article.text) > LEAD_CHARS else ""),
                     list(article.tags), article.source, article.date.date().isoformat() if article.date else "")


PLACEHOLDER = ResultRow("", "…", "")  # a row whose ranked id has not arrived yet

Fetch = Callable[[str], "Article | None"]
RankedPage = Callable[[int], list[str]]  # limit -> the ids of the first `limit` hits, in order; runs off the UI thread
_Index = QModelIndex | QPersistentModelIndex


class ResultsModel(QAbstractListModel):
    def __init__(self, fetch: Fetch, parent: QObject | None = None, run: RunOffThread | None = None):
        super().__init__(parent)
        self._fetch = fetch
        self._run = run
        self._ids: list[str] = []  # every match, ranked as far as `_ordered`
        self._rows: list[StoryRow] = []  # what the view shows: one row per story, copies of expanded ones
        self._row_at: dict[str, int] = {}
        self._story_of: dict[str, int] = {}
        self._expanded: set[int] = set()
        self.stories = 0
        self._ranked: dict[str, ResultRow] = {}
        self._cache: OrderedDict[str, ResultRow] = OrderedDict()
        self.total = 0
        self._pages: RankedPage | None = None
        self._ordered = 0  # rows [0, _ordered) are in the search's order; the rest wait for a page
        self._wanted = 0  # rows a view has asked for
        self._asked = 0  # the limit of the page in flight (0: none)
        self._generation = 0

    def set_result(self, result: SearchResult | None, pages: RankedPage | None = None) -> None:
        """`pages` gives the later ranked pages; without it (or `run`), rows past the hits keep index order."""
        self.beginResetModel()
        self._generation += 1
        self._wanted = self._asked = 0
        self._expanded = set()
        if result is None:
            self._ids, self._ranked, self.total, self._story_of = [], {}, 0, {}
        else:
            self._ranked = {hit.id: row_of_hit(hit) for hit in result.hits}
            ranked_ids = list(self._ranked)
            rest = [i for i in result.doc_ids if i not in self._ranked]
            self._ids = ranked_ids + rest
            self.total = result.total
            self._story_of = dict(result.story_of)
        self.stories = story_count(self.total, self._story_of)
        self._pages = pages if self._run is not None else None
        self._ordered = len(self._ranked) if self._pages is not None else len(self._ids)
        self._cache.clear()
        self._lay_out_rows()
        self.endResetModel()

    def _lay_out_rows(self, rows: list[StoryRow] | None = None) -> None:
        """The visible rows of the ids (`rows`, when already worked out for them) and where each id is."""
        self._rows = story_rows(self._ids, self._story_of, self._expanded) if rows is None else rows
        ordered = self._ordered  # `_is_ordered`, inline: a call per match was a third of this
        self._row_at = {row.id: at for at, row in enumerate(self._rows) if row.child or row.position < ordered}

    def _is_ordered(self, row: StoryRow) -> bool:
        return row.child or row.position < self._ordered

    def is_expanded(self, row: int) -> bool:
        return 0 <= row < len(self._rows) and self._rows[row].story in self._expanded

    def set_expanded(self, row: int, expanded: bool) -> bool:
        """Shows (or hides) the copies of a story's row under it; False when the row has none."""
        if not 0 <= row < len(self._rows) or self._rows[row].child or not self._rows[row].copies:
            return False
        story_row = self._rows[row]
        if (story_row.story in self._expanded) == expanded:
            return True
        if expanded:
            self.beginInsertRows(QModelIndex(), row + 1, row + story_row.copies)
            self._expanded.add(story_row.story)
            self._lay_out_rows()
            self.endInsertRows()
        else:
            self.beginRemoveRows(QModelIndex(), row + 1, row + story_row.copies)
            self._expanded.discard(story_row.story)
            self._lay_out_rows()
            self.endRemoveRows()
        self.dataChanged.emit(self.index(row), self.index(row))
        return True

    def story_row(self, row: int) -> int:
        """The row of the story this row belongs to (itself unless it is a copy under one)."""
        while 0 < row < len(self._rows) and self._rows[row].child:
            row -= 1
        return row

    def add_matches(self, result: SearchResult) -> None:
        """The result counted after its first page (issue 21): its hits' rows again (their copies are
        now known), every other match as placeholders until its ranked page comes, and the stories
        they make. Rows only added keep the view's selection; stories regrouping the rows reset it
        (the window selects its article again)."""
        self._ranked.update((hit.id, row_of_hit(hit)) for hit in result.hits if hit.id in self._ranked)
        known = set(self._ids)
        ids = self._ids + [i for i in result.doc_ids if i not in known]
        story_of = dict(result.story_of)
        rows = story_rows(ids, story_of, self._expanded)
        old = len(self._rows)
        added = len(rows) > old and rows[:old] == self._rows
        regrouped = not added and rows != self._rows
        if added:
            self.beginInsertRows(QModelIndex(), old, len(rows) - 1)
        elif regrouped:
            self.beginResetModel()
        self._ids, self._story_of, self.total = ids, story_of, result.total
        self.stories = story_count(self.total, story_of)
        if self._pages is None:
            self._ordered = len(self._ids)
        self._lay_out_rows(rows)
        if added:
            self.endInsertRows()
        elif regrouped:
            self.endResetModel()
        if old and not regrouped:
            self.dataChanged.emit(self.index(0), self.index(old - 1))

    def forget_rows(self) -> None:
        """Drop cached row data (after a re-index); the ids stay."""
        self._cache.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    @property
    def ordered_rows(self) -> int:
        """How many rows are in the search's order (the rest are placeholders until their page comes)."""
        return self._ordered

    def article_id(self, row: int) -> str:
        """The row's article id; "" for a placeholder row."""
        if not 0 <= row < len(self._rows):
            return ""
        shown = self._rows[row]
        return shown.id if self._is_ordered(shown) else ""

    def row_of(self, article_id: str) -> int:
        """The row showing the article, its story expanded when it is a copy (-1: not among the rows)."""
        row = self._row_at.get(article_id, -1)
        label = self._story_of.get(article_id)
        if row < 0 and label is not None and label not in self._expanded:
            story = next((at for at, shown in enumerate(self._rows) if shown.story == label), -1)
            if story >= 0 and self._is_ordered(self._rows[story]) and self.set_expanded(story, True):
                row = self._row_at.get(article_id, -1)
        return row

    def row_data(self, row: int) -> ResultRow:
        shown = self._rows[row]
        if not self._is_ordered(shown):
            self._want(shown.position)
            return PLACEHOLDER
        data = self._article_row(shown.id)
        if self._story_of or data.copies:
            data = replace(data, copies=shown.copies, expanded=shown.story in self._expanded and not shown.child,
                           child=shown.child)
        return data

    def _article_row(self, article_id: str) -> ResultRow:
        ranked = self._ranked.get(article_id)
        if ranked is not None:
            return ranked
        cached = self._cache.get(article_id)
        if cached is not None:
            self._cache.move_to_end(article_id)
            return cached
        article = self._fetch(article_id)
        data = row_of_article(article) if article is not None else ResultRow(article_id, article_id, "")
        self._cache[article_id] = data
        if len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)
        return data

    # -- later ranked pages ----------------------------------------------------------------------
    def _want(self, row: int) -> None:
        self._wanted = max(self._wanted, row + 1)
        if self._asked or self._pages is None or self._run is None:
            return
        # At least double what is ordered, so scrolling through 40,000 rows takes a few pages, not hundreds.
        limit = min(len(self._ids), max(self._wanted + PAGE_AHEAD, 2 * self._ordered))
        self._asked = limit
        pages, generation = self._pages, self._generation
        self._run(lambda: pages(limit), lambda ids: self._page_arrived(generation, ids),
                  lambda exc: self._page_failed(generation, exc))

    def _page_arrived(self, generation: int, ranked: list[str]) -> None:
        if generation != self._generation:
            return  # a page of an older result
        limit, self._asked = self._asked, 0
        known = set(self._ids)
        head = [i for i in ranked if i in known]
        placed = set(head)
        order = head + [i for i in self._ids if i not in placed]
        first = next((r for r, (a, b) in enumerate(zip(order, self._ids, strict=True)) if a != b), len(head))
        old_ordered = self._ordered
        self._ids = order
        # The whole list once the page reached its end (some ids may have left the index meanwhile).
        self._ordered = len(order) if limit >= len(order) else max(len(head), old_ordered)
        old_rows = self._rows
        self._lay_out_rows()  # a story's row is its best ranked match: it may move with the page
        last = max(self._ordered, old_ordered) - 1
        if self._story_of:
            first = next((r for r, (a, b) in enumerate(zip(self._rows, old_rows, strict=False)) if a != b), len(self._rows))
            last = len(self._rows) - 1
        if first <= last:
            self.dataChanged.emit(self.index(first), self.index(last))
        if self._wanted > self._ordered:
            self._want(self._wanted - 1)

    def _page_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        log.error("ranked page failed; the rest of the results stay in index order", exc_info=exc)
        self._asked = 0
        self._pages = None
        self._ordered = len(self._ids)
        self._lay_out_rows()
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.parent().isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == ID_ROLE:
            return self.article_id(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.row_data(index.row()).title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return spoken_row(self.row_data(index.row()))
        if role == ROW_ROLE:
            return self.row_data(index.row())
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
