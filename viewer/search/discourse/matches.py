"""The articles a discourse question reads: the search's matches in the scope, each story once on
request, and their stored text, title and day.

The match set is the search's own (`ArchiveSearcher.prepare` and `matching`, as the search and
match_summary.py use them), and the searcher's caches (document sets, scorer, dates, stories) serve
it, so a question after a search costs no second load."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt

from viewer.core.errors import QueryError
from viewer.core.steps import Cancel, never, stop_if_cancelled
from viewer.search.discourse.posting_counts import Docnums, posting_counts
from viewer.search.query.occurrences import QueryPattern, pattern_of
from viewer.search.query.restriction import NO_RESTRICTION, Restriction
from viewer.search.results.searcher import ArchiveSearcher


@dataclass(frozen=True)
class MatchedArticle:
    docnum: int
    id: str
    title: str
    day: date | None
    text: str


@dataclass
class Matches:
    """The matching documents (ascending docnums), the query's pattern and the searcher to read them."""

    searcher: ArchiveSearcher
    docnums: Docnums
    pattern: QueryPattern

    def days(self, docnums: Docnums | None = None) -> npt.NDArray[np.int64]:
        """Each document's day as a proleptic ordinal, 0 when undated."""
        return self.searcher.day_ordinals(self.docnums if docnums is None else docnums)

    def counts(self, docnums: Docnums | None = None, cancel: Cancel = never) -> Docnums:
        """The number of occurrences in the text of each document (all the matches by default):
        from the postings for words, from the analysed text for a phrase."""
        chosen = self.docnums if docnums is None else np.asarray(docnums, dtype=np.int64)
        if not self.pattern.phrases:
            order = np.argsort(chosen, kind="stable")
            counted = posting_counts(self.searcher.whoosh, self.pattern, chosen[order])
            out = np.zeros(len(chosen), dtype=np.int64)
            out[order] = counted
            return out
        counts = np.zeros(len(chosen), dtype=np.int64)
        for at, article in enumerate(self.articles(chosen)):
            stop_if_cancelled(cancel)
            counts[at] = self.pattern.count(article.text)
        return counts

    def articles(self, docnums: Sequence[int] | Docnums | None = None) -> Iterator[MatchedArticle]:
        reader = self.searcher.whoosh.reader()  # stored fields of the engine's own searcher
        for docnum in (self.docnums if docnums is None else docnums):
            stored = reader.stored_fields(int(docnum))
            when = stored.get("date")
            yield MatchedArticle(int(docnum), str(stored["id"]), str(stored.get("title", "")),
                                 when.date() if when is not None else None, str(stored.get("text", "")))


def matches(searcher: ArchiveSearcher, text: str, tags: Sequence[str] = (), *,
            restriction: Restriction = NO_RESTRICTION, stories_once: bool = False,
            cancel: Cancel = never) -> Matches:
    """The articles `searcher.search(text, tags, restriction=...)` finds (a story's copies reduced to
    its first article with `stories_once`), with the query's pattern. QueryError for a query with no
    word to look for in the text (`*`, tags only)."""
    prepared = searcher.prepare(text, tags, restriction)
    pattern = QueryPattern(pattern_of(prepared.words, searcher.whoosh.reader()))
    if not pattern:
        raise QueryError("The query has no word to find in the text.", "عبارت جست‌وجو واژه‌ای برای یافتن در متن ندارد.")
    stop_if_cancelled(cancel)
    docnums = searcher.matching(prepared)
    if stories_once and len(docnums):
        docnums = first_of_each_story(searcher, docnums)
    stop_if_cancelled(cancel)
    return Matches(searcher, docnums, pattern)


def first_of_each_story(searcher: ArchiveSearcher, docnums: Docnums) -> Docnums:
    """Of each story among `docnums` (ascending), its first document only."""
    labels = searcher.stories().labels[docnums]
    _, first = np.unique(labels, return_index=True)
    return np.sort(docnums[first])


def archive_docnums(searcher: ArchiveSearcher, restriction: Restriction = NO_RESTRICTION,
                    tags: Sequence[str] = (), stories_once: bool = False) -> Docnums:
    """Every live document in the scope (the archive a trend is measured against)."""
    live = searcher.in_scope(tags, restriction)
    if stories_once and len(live):
        live = first_of_each_story(searcher, live)
    return live
