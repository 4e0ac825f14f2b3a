"""What a search is limited to besides its words: a date range (from `--from`/`--to`, narrowed by
the query's own `از:`/`تا:`) and a set of article ids (a collection, the articles with notes).
Resolved to the document numbers allowed, for one open searcher."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from whoosh.searching import Searcher

from viewer.search.query.date_filter import DateBounds, split_date_bounds
from viewer.search.query.doc_dates import DocDates


@dataclass(frozen=True)
class Restriction:
    dates: DateBounds = field(default_factory=DateBounds)
    ids: Collection[str] | None = None  # None: any article

    def __bool__(self) -> bool:
        return bool(self.dates) or self.ids is not None


NO_RESTRICTION = Restriction()


def split_query(text: str, restriction: Restriction) -> tuple[str, Restriction]:
    """The query's words, and the restriction narrowed by the query's date bounds."""
    words, in_query = split_date_bounds(text)
    if not in_query:
        return text, restriction
    return words, Restriction(restriction.dates.narrowed(in_query), restriction.ids)


def allowed_docnums(searcher: Searcher, restriction: Restriction, dates: DocDates) -> set[int] | None:
    """The document numbers the restriction lets through (None: every document)."""
    allowed: set[int] | None = None
    if restriction.ids is not None:
        allowed = set()
        for article_id in restriction.ids:
            docnum = searcher.document_number(id=article_id)
            if docnum is not None:
                allowed.add(docnum)
    if restriction.dates:
        in_range = dates.within(restriction.dates)
        allowed = in_range if allowed is None else allowed & in_range
    return allowed
