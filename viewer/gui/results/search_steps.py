"""A window search in steps on the search worker ("count later", issue 21).

First the rows a screen shows, ranked, with the snippets of those on screen (`Library.first_page`); as
soon as they are delivered, the snippets of the first page's rows below the screen (`Library.snippets_of`:
not waited for), then the count of every match (`Library.summarize`: the exact total, tag facets,
every matching id for the rows past the first page, the timeline, "did you mean"). The steps go
through the search controller's `LatestOnly`, so a newer keystroke (`discard_pending`) makes any of
them stale: it stops between its steps and its result is never delivered — a count or facets never
belong to an older query than the rows beside them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from viewer.core.results import MatchSummary, SearchResult
from viewer.gui.common.tasks import LatestOnly

if TYPE_CHECKING:
    from viewer.app.library import Library
    from viewer.app.scope import Scope

FIRST_PAGE = 20  # rows ranked with snippets before anything is counted: more than a screen shows


@dataclass(frozen=True)
class SearchRequest:
    library: Library
    query: str
    tags: tuple[str, ...]
    sort: str
    scope: Scope
    snippets: int = FIRST_PAGE  # the first page's rows whose snippets come with it: those on screen

    def ranked_page(self, limit: int) -> list[str]:
        """The ids of the first `limit` hits in the search's order (later pages; off the UI thread)."""
        return self.library.ranked_ids(self.query, self.tags, sort=self.sort, limit=limit, scope=self.scope)


def completed(first: SearchResult, summary: MatchSummary) -> SearchResult:
    """The first page with what was counted after it."""
    hits = [replace(hit, copies=summary.copies.get(hit.id, hit.copies)) for hit in first.hits]
    return replace(first, hits=hits, total=summary.total, facets=summary.facets, doc_ids=summary.doc_ids,
                   story_of=summary.story_of, timeline=summary.timeline, undated=summary.undated,
                   suggestion=first.suggestion or summary.suggestion, total_exact=True)


class SearchSteps(QObject):
    first_page = Signal(object, object)  # SearchResult (the first rows; total_exact False: not counted yet), SearchRequest
    snippets_made = Signal(object)  # SearchResult: the first page again, every hit with its snippet
    counted = Signal(object)  # SearchResult: the first page with its total, facets, ids and timeline
    failed = Signal(object)  # BaseException of either step

    def __init__(self, searches: LatestOnly, parent: QObject | None = None):
        super().__init__(parent)
        self.searches = searches

    def start(self, request: SearchRequest) -> None:
        r = request
        self.searches.run_cancellable(
            lambda stale: r.library.first_page(r.query, r.tags, limit=FIRST_PAGE, sort=r.sort, scope=r.scope,
                                               cancel=stale, snippets=r.snippets),
            lambda first: self._first_arrived(r, first), self.failed.emit)

    def _first_arrived(self, r: SearchRequest, first: SearchResult) -> None:
        current = self.searches.generation  # this search's: a newer one (or a keystroke) moves it on
        self.first_page.emit(first, r)
        # Counted once the rows and the article are painted: a worker running Python beside the UI
        # thread would halve its share of the interpreter while it paints them.
        QTimer.singleShot(0, lambda: self._rest_of_page(r, first) if self.searches.generation == current else None)

    def _rest_of_page(self, r: SearchRequest, first: SearchResult) -> None:
        """The snippets of the first page's rows below the screen, then the count."""
        missing = [hit.id for hit in first.hits[r.snippets:]]
        if not missing:
            self._count(r, first)
            return

        def made(found: dict[str, str]) -> None:
            hits = [replace(hit, snippet=found.get(hit.id, hit.snippet)) for hit in first.hits]
            whole = replace(first, hits=hits)
            self.snippets_made.emit(whole)
            self._count(r, whole)

        self.searches.run_cancellable(lambda stale: r.library.snippets_of(r.query, missing, cancel=stale), made,
                                      self.failed.emit)

    def _count(self, r: SearchRequest, first: SearchResult) -> None:
        # A first page counted while ranking has its suggestion already; its hits' copies come from here.
        hit_ids = [hit.id for hit in first.hits]

        def count(stale: Callable[[], bool]) -> MatchSummary:
            return r.library.summarize(r.query, r.tags, scope=r.scope, hit_ids=hit_ids, with_ids=True, timeline=True,
                                       suggest=not first.total_exact, cancel=stale)

        self.searches.run_cancellable(count, lambda summary: self.counted.emit(completed(first, summary)),
                                      self.failed.emit)
