"""Trends: for each query, its matching articles and its occurrences per month or year, beside the
number of articles the archive (in the same scope) holds in each period.

Periods are Jalali by default (`1402-05`, `1402`), Gregorian on request (`2023-07`, `2023`). Undated
articles belong to no period: they are counted apart (`undated`), never dropped silently."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import jdatetime
import numpy as np
import numpy.typing as npt

from viewer.core.steps import Cancel, never, stop_if_cancelled
from viewer.search.discourse.matches import Matches
from viewer.search.discourse.posting_counts import Docnums

BY = ("month", "year")
CALENDARS = ("jalali", "gregorian")


def period_of(day: int, by: str, calendar: str) -> str:
    """The period label of a proleptic ordinal day."""
    when = date.fromordinal(day)
    if calendar == "jalali":
        j = jdatetime.date.fromgregorian(date=when)
        year, month = j.year, j.month
    else:
        year, month = when.year, when.month
    return f"{year:04d}-{month:02d}" if by == "month" else f"{year:04d}"


class PeriodLabels:
    """Period labels of days, each day's worked out once."""

    def __init__(self, by: str, calendar: str):
        if by not in BY or calendar not in CALENDARS:
            raise ValueError((by, calendar))
        self.by, self.calendar = by, calendar
        self._known: dict[int, str] = {}

    def __call__(self, day: int) -> str:
        label = self._known.get(day)
        if label is None:
            label = self._known[day] = period_of(day, self.by, self.calendar)
        return label

    def count(self, days: npt.NDArray[np.int64]) -> tuple[Counter[str], int]:
        """(articles per period, undated articles) of these days."""
        unique, counts = np.unique(days, return_counts=True)
        periods: Counter[str] = Counter()
        undated = 0
        for day, count in zip(unique.tolist(), counts.tolist(), strict=True):
            if day:
                periods[self(day)] += count
            else:
                undated = count
        return periods, undated


@dataclass
class Point:
    period: str
    articles: int
    occurrences: int
    relative: float | None = None  # articles per `per` articles of the archive in that period

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {"period": self.period, "articles": self.articles, "occurrences": self.occurrences}
        if self.relative is not None:
            out["relative"] = self.relative
        return out


@dataclass
class Series:
    query: str
    points: list[Point]
    undated_articles: int = 0
    undated_occurrences: int = 0

    def as_json(self) -> dict[str, object]:
        return {"query": self.query, "points": [p.as_json() for p in self.points],
                "undated": {"articles": self.undated_articles, "occurrences": self.undated_occurrences}}


@dataclass
class Trend:
    series: list[Series]
    archive: list[tuple[str, int]]  # (period, articles of the scope)
    archive_undated: int = 0
    by: str = "month"
    calendar: str = "jalali"
    per: int | None = None

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "by": self.by, "calendar": self.calendar, "series": [s.as_json() for s in self.series],
            "archive": [{"period": p, "articles": n} for p, n in self.archive],
            "archive_undated": self.archive_undated}
        if self.per is not None:
            out["per"] = self.per
        return out


def occurrences_by_doc(found: Matches, *, cancel: Cancel = never) -> dict[int, int]:
    """The number of occurrences in each matching document's text."""
    counts = found.counts(cancel=cancel)
    return dict(zip(found.docnums.tolist(), counts.tolist(), strict=True))


def trend(found: Sequence[tuple[str, Matches]], archive: Docnums, *, by: str = "month", calendar: str = "jalali",
          per: int | None = None, cancel: Cancel = never) -> Trend:
    """One series per (query, its matches); `archive` is the scope's documents. Every period of the
    archive gets a point (zeros where the query is absent), oldest first."""
    labels = PeriodLabels(by, calendar)
    if not found:
        return Trend([], [], by=by, calendar=calendar, per=per)
    archive_counts, archive_undated = labels.count(found[0][1].days(archive))
    periods = sorted(archive_counts)
    series: list[Series] = []
    for query, matches in found:
        stop_if_cancelled(cancel)
        articles, undated = labels.count(matches.days())
        occurrences: Counter[str] = Counter()
        undated_occurrences = 0
        per_doc = occurrences_by_doc(matches, cancel=cancel)
        for docnum, day in zip(matches.docnums.tolist(), matches.days().tolist(), strict=True):
            if day:
                occurrences[labels(day)] += per_doc[docnum]
            else:
                undated_occurrences += per_doc[docnum]
        points = [Point(p, articles[p], occurrences[p], round(articles[p] * per / archive_counts[p], 3) if per else None)
                  for p in periods]
        series.append(Series(query, points, undated, undated_occurrences))
    return Trend(series, [(p, archive_counts[p]) for p in periods], archive_undated, by, calendar, per)
