"""The results of a search as a list model over article ids (Anki's browser table model).

The first page of hits comes ranked with snippets; the rest of the ids (a search may match the
whole archive) get their row data only when a view asks for them, fetched by id and cached."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from viewer.core.article import Article

if TYPE_CHECKING:
    from viewer.search.searcher import Hit, SearchResult

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
CACHE_ROWS = 2000
LEAD_CHARS = 220


@dataclass(frozen=True)
class ResultRow:
    id: str
    title: str
    snippet: str  # HTML-escaped; hits in <b>…</b>
    tags: list[str] = field(default_factory=list)
    source: str = ""
    date: str = ""


def row_of_hit(hit: Hit) -> ResultRow:
    return ResultRow(hit.id, hit.title, hit.snippet.replace("\n", " "), hit.tags, hit.source, hit.date)


def row_of_article(article: Article) -> ResultRow:
    lead = (article.lead or article.text)[:LEAD_CHARS].replace("\n", " ")
    return ResultRow(article.id, article.title, escape(lead) + ("…" if len(article.text) > LEAD_CHARS else ""),
                     list(article.tags), article.source, article.date.date().isoformat() if article.date else "")


Fetch = Callable[[str], "Article | None"]
_Index = QModelIndex | QPersistentModelIndex


class ResultsModel(QAbstractListModel):
    def __init__(self, fetch: Fetch, parent=None):  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self._fetch = fetch
        self._ids: list[str] = []
        self._ranked: dict[str, ResultRow] = {}
        self._cache: OrderedDict[str, ResultRow] = OrderedDict()
        self.total = 0

    def set_result(self, result: SearchResult | None) -> None:
        self.beginResetModel()
        if result is None:
            self._ids, self._ranked, self.total = [], {}, 0
        else:
            self._ranked = {hit.id: row_of_hit(hit) for hit in result.hits}
            ranked_ids = list(self._ranked)
            rest = [i for i in result.doc_ids if i not in self._ranked]
            self._ids = ranked_ids + rest
            self.total = result.total
        self._cache.clear()
        self.endResetModel()

    def forget_rows(self) -> None:
        """Drop cached row data (after a re-index); the ids stay."""
        self._cache.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._ids)

    def article_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, article_id: str) -> int:
        try:
            return self._ids.index(article_id)
        except ValueError:
            return -1

    def row_data(self, row: int) -> ResultRow:
        article_id = self._ids[row]
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

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.parent().isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.row_data(index.row()).title
        if role == ROW_ROLE:
            return self.row_data(index.row())
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
