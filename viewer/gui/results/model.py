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
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from viewer.core.article import Article
from viewer.core.results import Hit, SearchResult
from viewer.gui.common.dates import from_iso, jalali
from viewer.gui.common.tasks import RunOffThread
from viewer.gui.common.translations import current_language

if TYPE_CHECKING:  # numpy and the row arrays load with the first result (the engine has loaded numpy by then)
    from viewer.gui.results.story_rows import StoryRow, StoryRows

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
    """The matches are numpy arrays (result_ids.py, story_rows.py), their ids decoded only for the rows a
    view shows: a million matches cost no Python object each on the UI thread."""

    def __init__(self, fetch: Fetch, parent: QObject | None = None, run: RunOffThread | None = None):
        super().__init__(parent)
        self._fetch = fetch
        self._run = run
        self._ids: Any = ()  # every match's id (an array once a result came), the first page's first
        self._labels: Any = None  # the story label of each of `_ids` (-1: alone); None: no story shared
        self._order: Any = ()  # the ranked order: places in `_ids`, in the search's order as far as `_ordered`
        self._sorter: Any = None  # np.argsort(_ids), made off the UI thread with the first later page
        self._rows: StoryRows | None = None  # what the view shows: one row per story, copies of expanded ones
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
        self._sorter = None
        if result is None:
            self._ids, self._labels, self._order, self._ranked, self.total = (), None, (), {}, 0
            self._rows = None
            self.stories = 0
        else:
            from viewer.gui.results.result_ids import ranked_first

            self._ranked = {hit.id: row_of_hit(hit) for hit in result.hits}
            self._ids, self._labels = ranked_first(list(self._ranked), result.doc_ids, result.story_of)
            self._order = _identity(len(self._ids))
            self.total = result.total
        self._pages = pages if self._run is not None else None
        self._ordered = len(self._ranked) if self._pages is not None else len(self._ids)
        self._cache.clear()
        if result is not None:
            self._lay_out_rows()
            self.stories = self._stories()
        self.endResetModel()

    def _lay_out_rows(self) -> None:
        """The visible rows of the ids in their ranked order."""
        from viewer.gui.results.story_rows import story_rows

        labels = self._labels[self._order] if self._labels is not None else None
        self._rows = story_rows(labels, len(self._order), self._expanded)

    def _stories(self) -> int:
        """How many stories the matches are: each story's row, each match alone, and the matches not
        listed yet (before the count)."""
        rows = self._rows
        return self.total - len(self._ids) + (rows.heads() if rows is not None else 0)

    def _row_count(self) -> int:
        return len(self._rows) if self._rows is not None else 0

    def _row(self, row: int) -> StoryRow:
        rows = self._rows
        assert rows is not None  # a row the model has
        return rows.row(row, self._id_at(int(rows.positions[row])))

    def _id_at(self, position: int) -> str:
        """The id at `position` of the ranked order."""
        from viewer.gui.results.result_ids import id_text

        return id_text(self._ids[self._order[position]])

    def _is_ordered(self, row: int) -> bool:
        rows = self._rows
        return rows is not None and (bool(rows.children[row]) or int(rows.positions[row]) < self._ordered)

    def is_expanded(self, row: int) -> bool:
        rows = self._rows
        return rows is not None and 0 <= row < len(rows) and int(rows.stories[row]) in self._expanded

    def set_expanded(self, row: int, expanded: bool) -> bool:
        """Shows (or hides) the copies of a story's row under it; False when the row has none."""
        if not 0 <= row < self._row_count():
            return False
        story_row = self._row(row)
        if story_row.child or not story_row.copies:
            return False
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
        rows = self._rows
        while rows is not None and 0 < row < len(rows) and rows.children[row]:
            row -= 1
        return row

    def add_matches(self, result: SearchResult) -> None:
        """The result counted after its first page (issue 21): its hits' rows again (their copies are
        now known), every other match as placeholders until its ranked page comes, and the stories
        they make. Rows only added keep the view's selection; stories regrouping the rows reset it
        (the window selects its article again)."""
        from viewer.gui.results.result_ids import id_text, ranked_first
        from viewer.gui.results.story_rows import story_rows

        self._ranked.update((hit.id, row_of_hit(hit)) for hit in result.hits if hit.id in self._ranked)
        shown = [id_text(one) for one in self._ids[self._order].tolist()] if len(self._order) else []
        ids, labels = ranked_first(shown, result.doc_ids, result.story_of)
        order = _identity(len(ids))
        rows = story_rows(labels, len(order), self._expanded)
        old = self._row_count()
        before = self._rows
        added = before is not None and len(rows) > old and rows.starts_with(before)
        regrouped = not added and (before is None or not rows.same_as(before))
        if added:
            self.beginInsertRows(QModelIndex(), old, len(rows) - 1)
        elif regrouped:
            self.beginResetModel()
        self._ids, self._labels, self._order, self._sorter, self.total = ids, labels, order, None, result.total
        if self._pages is None:
            self._ordered = len(self._ids)
        self._rows = rows
        self.stories = self._stories()
        if added:
            self.endInsertRows()
        elif regrouped:
            self.endResetModel()
        if old and not regrouped:
            self.dataChanged.emit(self.index(0), self.index(old - 1))

    def update_hits(self, hits: list[Hit]) -> None:
        """The ranked rows of these hits again (their snippets came after the first rows)."""
        known = [hit for hit in hits if hit.id in self._ranked]
        self._ranked.update((hit.id, row_of_hit(hit)) for hit in known)
        if known and self._row_count():
            self.dataChanged.emit(self.index(0), self.index(self._row_count() - 1))

    def forget_rows(self) -> None:
        """Drop cached row data (after a re-index); the ids stay."""
        self._cache.clear()
        if self._row_count():
            self.dataChanged.emit(self.index(0), self.index(self._row_count() - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else self._row_count()

    @property
    def ordered_rows(self) -> int:
        """How many rows are in the search's order (the rest are placeholders until their page comes)."""
        return self._ordered

    def article_id(self, row: int) -> str:
        """The row's article id; "" for a placeholder row."""
        if not 0 <= row < self._row_count() or not self._is_ordered(row):
            return ""
        return self._row(row).id

    def row_of(self, article_id: str) -> int:
        """The row showing the article, its story expanded when it is a copy (-1: not among the rows)."""
        from viewer.gui.results.result_ids import place_in_order

        rows = self._rows
        if rows is None or not article_id:
            return -1
        where, position = place_in_order(self._ids, self._order, article_id)
        if where < 0:
            return -1
        row = rows.row_showing(position)
        if row < 0 and self._labels is not None:
            label = int(self._labels[where])
            story = rows.row_of_story(label) if label >= 0 and label not in self._expanded else -1
            if story >= 0 and self._is_ordered(story) and self.set_expanded(story, True):
                rows = self._rows
                assert rows is not None  # laid out again, not emptied
                row = rows.row_showing(position)
        return row if row >= 0 and self._is_ordered(row) else -1

    def row_data(self, row: int) -> ResultRow:
        shown = self._row(row)
        if not self._is_ordered(row):
            self._want(shown.position)
            return PLACEHOLDER
        data = self._article_row(shown.id)
        if self._labels is not None or data.copies:
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
        pages, generation, ids, sorter = self._pages, self._generation, self._ids, self._sorter

        def placed() -> tuple[Any, Any, Any]:
            """The page's ids and where each stands among the matches (off the UI thread: a million
            ids are sorted once per result, then each page is a binary search an id)."""
            from viewer.gui.results.result_ids import id_sorter, places

            ranked = pages(limit)
            made = sorter if sorter is not None else id_sorter(ids)
            return ids, made, places(ids, ranked, made)

        self._run(placed, lambda found: self._page_arrived(generation, *found),
                  lambda exc: self._page_failed(generation, exc))

    def _page_arrived(self, generation: int, ids: Any, sorter: Any, where: Any) -> None:
        if generation != self._generation:
            return  # a page of an older result
        limit, self._asked = self._asked, 0
        if ids is not self._ids:  # counted meanwhile (add_matches): the page is asked again for these ids
            if self._wanted > self._ordered:
                self._want(self._wanted - 1)
            return
        from viewer.gui.results.result_ids import page_first

        self._sorter = sorter
        old_order = self._order
        order, head, first_changed = page_first(old_order, where)
        old_ordered = self._ordered
        self._order = order
        # The whole list once the page reached its end (some ids may have left the index meanwhile).
        self._ordered = len(order) if limit >= len(order) else max(head, old_ordered)
        old_rows = self._rows
        self._lay_out_rows()  # a story's row is its best ranked match: it may move with the page
        last = max(self._ordered, old_ordered) - 1
        if self._labels is not None and old_rows is not None and self._rows is not None:
            first_changed = self._rows.first_difference(old_rows)
            last = len(self._rows) - 1
        if first_changed <= last:
            self.dataChanged.emit(self.index(first_changed), self.index(last))
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
        if self._row_count():
            self.dataChanged.emit(self.index(0), self.index(self._row_count() - 1))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.parent().isValid() or not 0 <= index.row() < self._row_count():
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


def _identity(count: int) -> Any:
    from viewer.gui.results.result_ids import identity

    return identity(count)
