"""Discourse research, for the window and the command line: the concordance (KWIC) of a query,
trends of several queries over time, the collocations of a word (viewer/search/discourse).

All three read the articles the search finds in a scope (dates, tags, a collection, the articles
with notes), a story and its republished copies once when `stories_once` (the window's "count each
story once"). A `Discourse` holds its own index searcher, so it may run on a worker thread of its
own; close it when done."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from viewer.app.library import Library
from viewer.app.scope import EVERYWHERE, Scope
from viewer.app.searcher_slot import SearcherSlot
from viewer.core.closing import Closable
from viewer.core.errors import QueryError
from viewer.core.steps import Cancel, never

if TYPE_CHECKING:  # the engine's types, named by the window without importing the engine
    from viewer.search.discourse.collocations import Collocate as Collocate
    from viewer.search.discourse.concordance import Concordance as Concordance
    from viewer.search.discourse.concordance import ConcordanceLine as ConcordanceLine
    from viewer.search.discourse.matches import Matches
    from viewer.search.discourse.trends import Series as Series
    from viewer.search.discourse.trends import Trend as Trend



KWIC_SORTS = ("date", "left", "right")
TREND_PERIODS = ("month", "year")
CALENDARS = ("jalali", "gregorian")
DEFAULT_WIDTH = 60
DEFAULT_SPAN = 5
DEFAULT_TOP = 20
MAX_QUERIES = 10


class Discourse(Closable):
    def __init__(self, library: Library):
        self.library = library
        self._slot = SearcherSlot(library.open_searcher)

    def close(self) -> None:
        self._slot.close()

    def _stories(self, stories_once: bool | None) -> bool:
        return self.library.count_stories_once if stories_once is None else stories_once

    def _matches(self, query: str, tags: Sequence[str], scope: Scope, stories_once: bool | None,
                 cancel: Cancel) -> Matches:
        from viewer.search.discourse.matches import matches

        return matches(self._slot.get(), query, list(tags), restriction=self.library.restriction(scope),
                       stories_once=self._stories(stories_once), cancel=cancel)

    def concordance(self, query: str, tags: Sequence[str] = (), *, scope: Scope = EVERYWHERE, width: int = DEFAULT_WIDTH,
                    limit: int | None = None, sort: str = "date", stories_once: bool | None = None,
                    cancel: Cancel | None = None) -> Concordance:
        """Every occurrence of `query` in the matching articles' text (`total`), and the first `limit`
        lines (None: all) sorted by `sort`: date (oldest first), left (the words before, nearest
        first) or right (the words after). QueryError for a query with no word to find."""
        from viewer.search.discourse.concordance import concordance

        if sort not in KWIC_SORTS:
            raise QueryError(f"Unknown sort {sort!r}: one of {', '.join(KWIC_SORTS)}.",
                             f"ترتیب ناشناخته {sort!r}: یکی از {'، '.join(KWIC_SORTS)}.")
        found = self._matches(query, tags, scope, stories_once, cancel or never)
        return concordance(found, width=max(1, width), limit=limit, sort=sort, cancel=cancel or never)

    def trend(self, queries: Sequence[str], tags: Sequence[str] = (), *, scope: Scope = EVERYWHERE, by: str = "month",
              calendar: str = "jalali", per: int | None = None, stories_once: bool | None = None,
              cancel: Cancel | None = None) -> Trend:
        """Each query's matching articles and occurrences per period, and the scope's articles per
        period; undated articles counted apart. `per`: also articles per `per` articles of the period."""
        from viewer.search.discourse.matches import archive_docnums
        from viewer.search.discourse.trends import trend

        if not queries:
            raise QueryError("Give at least one query.", "دست‌کم یک عبارت جست‌وجو بدهید.")
        if len(queries) > MAX_QUERIES:
            raise QueryError(f"At most {MAX_QUERIES} queries.", f"حداکثر {MAX_QUERIES} عبارت.")
        if by not in TREND_PERIODS or calendar not in CALENDARS:
            raise QueryError("Periods are month or year, calendars jalali or gregorian.",
                             "دوره ماه یا سال است و تقویم jalali یا gregorian.")
        cancel = cancel or never
        found = [(query, self._matches(query, tags, scope, stories_once, cancel)) for query in queries]
        archive = archive_docnums(self._slot.get(), self.library.restriction(scope), list(tags),
                                  self._stories(stories_once))
        return trend(found, archive, by=by, calendar=calendar, per=per, cancel=cancel)

    def collocates(self, word: str, tags: Sequence[str] = (), *, scope: Scope = EVERYWHERE, span: int = DEFAULT_SPAN,
                   top: int = DEFAULT_TOP, stories_once: bool | None = None,
                   cancel: Cancel | None = None) -> list[Collocate]:
        """The words within `span` positions of the word's occurrences, ranked by log-likelihood."""
        from viewer.search.discourse.collocations import collocates

        found = self._matches(word, tags, scope, stories_once, cancel or never)
        return collocates(found, span=span, top=top, cancel=cancel or never)
