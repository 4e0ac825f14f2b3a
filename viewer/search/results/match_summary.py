"""What a search counts over all its matches, asked apart from its first page ("count later").

The window shows a search's first rows as soon as they are ranked (`ArchiveSearcher.search` with
`count=False`), and asks this module afterwards, in a second step a newer keystroke may cancel, for
what needs every match: the exact total, the tag facets, every matching id, the timeline, the
near duplicates of the rows shown that match too, and "did you mean" when few match. Matches are
counted as sets, never scored: no snippet and no ranking is done twice. The query is the search's
own (`ArchiveSearcher.prepare`), and the searcher's caches (document sets, facets, dates, near
duplicates) serve both."""

from __future__ import annotations

from collections.abc import Sequence

from viewer.core.results import MatchSummary
from viewer.core.steps import Cancel, never, stop_if_cancelled
from viewer.search.query.restriction import NO_RESTRICTION, Restriction
from viewer.search.results.searcher import ArchiveSearcher


def summarize(searcher: ArchiveSearcher, text: str, tags: Sequence[str] = (), *,
              restriction: Restriction = NO_RESTRICTION, hit_ids: Sequence[str] = (), with_ids: bool = False,
              timeline: bool = False, suggest: bool = True, cancel: Cancel = never) -> MatchSummary:
    """The matches of `searcher.search(text, tags, restriction=...)` summed up (the same set, whatever
    the sort). `cancel` is asked between the steps: CancelledError when it says yes."""
    prepared = searcher.prepare(text, tags, restriction)
    stop_if_cancelled(cancel)
    matched = searcher.matching(prepared)
    stop_if_cancelled(cancel)
    summary = MatchSummary(len(matched), facets=searcher.facets(matched))
    for article_id in hit_ids:
        summary.copies[article_id] = searcher.matching_copies(article_id, matched)
    if with_ids:
        stop_if_cancelled(cancel)
        ids = searcher.match_ids(matched)
        summary.doc_ids, summary.story_of = ids, searcher.story_labels(matched, ids)
    if timeline:
        stop_if_cancelled(cancel)
        summary.timeline = searcher.timeline(matched)
        summary.undated = searcher.undated(matched)
    if suggest and summary.total < 3:
        stop_if_cancelled(cancel)
        summary.suggestion = searcher.suggest(text)
    return summary
