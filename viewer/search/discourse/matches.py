"""The articles a discourse question reads: the search's matches in the scope, each story once on
request, and their stored text, title and day.

The match set is the search's own (`ArchiveSearcher.search` with the same words, tags and
restriction gives the same articles); like match_summary.py it uses the searcher's caches (document
sets, scorer, dates, stories) so a question after a search costs no second load."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt
from whoosh import query as wq

from viewer.analysis.normalize import normalize_tag
from viewer.core.errors import CancelledError, QueryError
from viewer.search.discourse.occurrences import QueryPattern, pattern_of
from viewer.search.query import parse_query
from viewer.search.query_plan import compile_plan
from viewer.search.restriction import NO_RESTRICTION, Restriction, allowed_docnums, split_query
from viewer.search.searcher import ArchiveSearcher

Cancel = Callable[[], bool]
Docnums = npt.NDArray[np.int64]


def never() -> bool:
    return False


def check(cancel: Cancel) -> None:
    if cancel():
        raise CancelledError()


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
        every = self.searcher._dates()._days  # the searcher's date column, read once
        return every[self.docnums if docnums is None else docnums]

    def counts(self, docnums: Docnums | None = None, cancel: Cancel = never) -> Docnums:
        """The number of occurrences in the text of each document (all the matches by default):
        from the postings for words, from the analysed text for a phrase."""
        chosen = self.docnums if docnums is None else np.asarray(docnums, dtype=np.int64)
        if not self.pattern.phrases:
            from viewer.search.discourse.posting_counts import posting_counts

            order = np.argsort(chosen, kind="stable")
            counted = posting_counts(self.searcher._searcher, self.pattern, chosen[order])
            out = np.zeros(len(chosen), dtype=np.int64)
            out[order] = counted
            return out
        counts = np.zeros(len(chosen), dtype=np.int64)
        for at, article in enumerate(self.articles(chosen)):
            check(cancel)
            counts[at] = self.pattern.count(article.text)
        return counts

    def articles(self, docnums: Sequence[int] | Docnums | None = None) -> Iterator[MatchedArticle]:
        reader = self.searcher._searcher.reader()  # stored fields of the engine's own searcher
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
    whoosh_searcher = searcher._searcher
    reader = whoosh_searcher.reader()
    words, restriction = split_query(text, restriction)
    q = parse_query(words, whoosh_searcher.schema, reader)
    pattern = pattern_of(q, reader)
    if not pattern:
        raise QueryError("The query has no word to find in the text.", "عبارت جست‌وجو واژه‌ای برای یافتن در متن ندارد.")
    if tags:
        q = wq.And([q, wq.And([wq.Term("tags", normalize_tag(t), boost=0.0) for t in tags])])
    allowed = allowed_docnums(whoosh_searcher, restriction, searcher._dates()) if restriction else None
    check(cancel)
    plan = compile_plan(q, whoosh_searcher)
    scorer = searcher._scorer()
    found = scorer.scores(plan).ids if scorer.supports(plan) else sorted(searcher._docsets().matching(plan))
    docnums = np.unique(np.asarray(found, dtype=np.int64))
    if allowed is not None:
        docnums = docnums[np.isin(docnums, np.fromiter(allowed, dtype=np.int64, count=len(allowed)))]
    if stories_once and len(docnums):
        docnums = first_of_each_story(searcher, docnums)
    check(cancel)
    return Matches(searcher, docnums, pattern)


def first_of_each_story(searcher: ArchiveSearcher, docnums: Docnums) -> Docnums:
    """Of each story among `docnums` (ascending), its first document only."""
    labels = searcher.stories().labels[docnums]
    _, first = np.unique(labels, return_index=True)
    return np.sort(docnums[first])


def archive_docnums(searcher: ArchiveSearcher, restriction: Restriction = NO_RESTRICTION,
                    tags: Sequence[str] = (), stories_once: bool = False) -> Docnums:
    """Every live document in the scope (the archive a trend is measured against)."""
    whoosh_searcher = searcher._searcher
    reader = whoosh_searcher.reader()
    if tags:
        q: wq.Query = wq.And([wq.Term("tags", normalize_tag(t)) for t in tags])
        live = np.asarray(sorted(searcher._docsets().matching(compile_plan(q, whoosh_searcher))), dtype=np.int64)
    else:
        live = np.fromiter(reader.all_doc_ids(), dtype=np.int64)
    allowed = allowed_docnums(whoosh_searcher, restriction, searcher._dates()) if restriction else None
    if allowed is not None:
        live = live[np.isin(live, np.fromiter(allowed, dtype=np.int64, count=len(allowed)))]
    live = np.unique(live)
    if stories_once and len(live):
        live = first_of_each_story(searcher, live)
    return live
