"""What a search is limited to besides its words and tags: a period, a collection, the articles
with notes. The window's filters and the command line's `--from/--to/--collection/--with-notes`."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from viewer.search.query.restriction import Restriction


@dataclass(frozen=True)
class Scope:
    """Dates are inclusive: a `date`, or text as typed (Jalali ۱۴۰۲/۰۵/۰۱ or 1402/05/01, Gregorian
    2023-07-23, or a month or year for its whole period); None leaves that side open."""

    date_from: str | date | None = None
    date_to: str | date | None = None
    collection: str | None = None
    with_notes: bool = False

    def __bool__(self) -> bool:
        return any((self.date_from, self.date_to, self.collection, self.with_notes))


EVERYWHERE = Scope()


def restriction_of(scope: Scope, collection_ids: Callable[[str], list[str]],
                   noted_ids: Callable[[], list[str]]) -> Restriction:
    """The engine's restriction; QueryError for a date that cannot be read, an error for an unknown collection."""
    from viewer.search.query.date_filter import DateBounds, period
    from viewer.search.query.restriction import Restriction

    start = scope.date_from if isinstance(scope.date_from, date) or not scope.date_from else period(scope.date_from)[0]
    end = scope.date_to if isinstance(scope.date_to, date) or not scope.date_to else period(scope.date_to)[1]
    ids: Collection[str] | None = None
    if scope.collection is not None:
        ids = set(collection_ids(scope.collection))
    if scope.with_notes:
        noted = set(noted_ids())
        ids = noted if ids is None else set(ids) & noted
    return Restriction(DateBounds(start or None, end or None), ids)
