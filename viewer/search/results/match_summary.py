"""What a search counts over all its matches, asked apart from its first page ("count later").

The window shows a search's first rows as soon as they are ranked (`ArchiveSearcher.search` with
`count=False`), and asks this module afterwards, in a second step a newer keystroke may cancel, for
what needs every match: the exact total, the tag facets, every matching id, the timeline, the
near duplicates of the rows shown that match too, and "did you mean" when few match. Matches are
counted as sets (`DocSets`), never scored: no snippet and no ranking is done twice.

It reads the searcher's private caches (document sets, facets, dates, near duplicates), so the search
and its summary share them; it lives apart from searcher.py to leave the read path alone."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from whoosh import query as wq

from viewer.analysis.normalize import normalize_tag
from viewer.core.errors import CancelledError
from viewer.search.query.parser import parse_query
from viewer.search.query.plan import compile_plan
from viewer.search.query.restriction import NO_RESTRICTION, Restriction, allowed_docnums, split_query
from viewer.search.results.searcher import ArchiveSearcher

Cancel = Callable[[], bool]


@dataclass
class MatchSummary:
    total: int
    facets: list[tuple[str, int]] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)  # with_ids: every match, in index order
    story_of: dict[str, int] = field(default_factory=dict)  # with_ids: the story of each match grouped with another
    timeline: list[tuple[str, int]] = field(default_factory=list)  # with timeline: matches by Jalali month
    copies: dict[str, tuple[str, ...]] = field(default_factory=dict)  # per id of `hit_ids`: its matching near duplicates
    suggestion: str | None = None  # "did you mean", when fewer than three match


def _never() -> bool:
    return False


def _check(cancel: Cancel) -> None:
    if cancel():
        raise CancelledError()


def summarize(searcher: ArchiveSearcher, text: str, tags: Sequence[str] = (), *,
              restriction: Restriction = NO_RESTRICTION, hit_ids: Sequence[str] = (), with_ids: bool = False,
              timeline: bool = False, suggest: bool = True, cancel: Cancel = _never) -> MatchSummary:
    """The matches of `searcher.search(text, tags, restriction=...)` summed up (the same set, whatever
    the sort). `cancel` is asked between the steps: CancelledError when it says yes."""
    whoosh_searcher = searcher._searcher
    reader = whoosh_searcher.reader()
    words, restriction = split_query(text, restriction)
    q = parse_query(words, whoosh_searcher.schema, reader)
    if tags:
        q = wq.And([q, wq.And([wq.Term("tags", normalize_tag(t), boost=0.0) for t in tags])])
    allowed = allowed_docnums(whoosh_searcher, restriction, searcher._dates()) if restriction else None
    _check(cancel)
    plan = compile_plan(q, whoosh_searcher)
    scorer = searcher._scorer()
    # The one-pass scorer's matches when it takes the query (prefixes included); else the sets.
    found = scorer.scores(plan).ids if scorer.supports(plan) else sorted(searcher._docsets().matching(plan))
    matched = np.asarray(found, dtype=np.int64)
    if allowed is not None:
        matched = matched[np.isin(matched, np.fromiter(allowed, dtype=np.int64, count=len(allowed)))]
    _check(cancel)
    summary = MatchSummary(len(matched), facets=searcher._facets(matched))
    if hit_ids:
        near = searcher._near_duplicates()
        for article_id in hit_ids:
            docnum = near.docnum(article_id)
            summary.copies[article_id] = tuple(near.matching(docnum, matched)) if docnum is not None else ()
    if with_ids:
        _check(cancel)
        summary.doc_ids = searcher._ids_of(matched.tolist())
        summary.story_of = searcher._story_of(matched, summary.doc_ids)
    if timeline:
        _check(cancel)
        summary.timeline = searcher._dates().timeline(matched)
    if suggest and summary.total < 3:
        _check(cancel)
        summary.suggestion = searcher.suggest(text)
    return summary
