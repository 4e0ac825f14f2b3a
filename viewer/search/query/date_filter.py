"""Date bounds in the query language: `از:۱۴۰۲/۰۵/۰۱ تا:۱۴۰۲/۰۸/۳۰` or `from:2023-07-23 to:2023-11-21`.

Both bounds are inclusive and either may be left out. A bound is a Jalali date (year before 1700,
Persian or Latin digits) or a Gregorian ISO date, `/`, `-` or `.` between its parts; a year alone
or a year and month is the whole period (`از:۱۴۰۲` from 1 Farvardin 1402, `تا:۱۴۰۲/۰۸` to the end
of Aban). The bounds are taken out of the query text before the query parser sees it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import jdatetime

from viewer.core.bidi import BIDI_CONTROLS
from viewer.core.errors import QueryError
from viewer.core.persian_fold import ASCII_DIGITS

_STARTS = {"از": "from", "from": "from", "تا": "to", "to": "to"}
_BOUND = re.compile(r"(?<![\w:])(از|تا|from|to)\s*[:：]\s*(\S*)", re.I)
_PARTS = re.compile(r"^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$")
JALALI_BEFORE = 1700  # a year below this is Solar Hijri (1402), from it on Gregorian (2023)


@dataclass(frozen=True)
class DateBounds:
    """The days an article's date may fall on, both ends included; None: open on that side."""

    start: date | None = None
    end: date | None = None

    def __bool__(self) -> bool:
        return self.start is not None or self.end is not None

    def narrowed(self, other: DateBounds) -> DateBounds:
        """The days within both."""
        starts = [d for d in (self.start, other.start) if d is not None]
        ends = [d for d in (self.end, other.end) if d is not None]
        return DateBounds(max(starts) if starts else None, min(ends) if ends else None)

    def contains(self, day: date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


def bad_date(text: str) -> QueryError:
    return QueryError(
        f"“{text}” is not a date. Write a Jalali date such as 1402/05/01 (or ۱۴۰۲/۰۵/۰۱) "
        "or a Gregorian one such as 2023-07-23.",
        f"«{text}» تاریخ نیست. تاریخ را شمسی مانند ۱۴۰۲/۰۵/۰۱ یا میلادی مانند 2023-07-23 بنویسید.")


def period(text: str) -> tuple[date, date]:
    """The first and last day `text` names: a day, a month (`1402/05`) or a year (`1402`)."""
    cleaned = BIDI_CONTROLS.sub("", text).strip().translate(ASCII_DIGITS)
    match = _PARTS.match(cleaned)
    if not match:
        raise bad_date(text)
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    try:
        if year < JALALI_BEFORE:
            return _jalali_period(year, month, day)
        return _gregorian_period(year, month, day)
    except ValueError as exc:  # month 13, day 32, 30 Esfand of a common year...
        raise bad_date(text) from exc


def _jalali_period(year: int, month: int | None, day: int | None) -> tuple[date, date]:
    if day is not None and month is not None:
        one = jdatetime.date(year, month, day).togregorian()
        return one, one
    first = jdatetime.date(year, month or 1, 1)
    if month is None:
        after = jdatetime.date(year + 1, 1, 1)
    else:
        after = jdatetime.date(year + (month == 12), month % 12 + 1, 1)
    return first.togregorian(), after.togregorian() - timedelta(days=1)


def _gregorian_period(year: int, month: int | None, day: int | None) -> tuple[date, date]:
    if day is not None and month is not None:
        one = date(year, month, day)
        return one, one
    first = date(year, month or 1, 1)
    after = date(year + 1, 1, 1) if month is None or month == 12 else date(year, month + 1, 1)
    return first, after - timedelta(days=1)


def split_date_bounds(text: str) -> tuple[str, DateBounds]:
    """The query without its `از:`/`تا:`/`from:`/`to:` terms, and the bounds they set. A query of
    bounds alone becomes `*` (every article in the period)."""
    found = DateBounds()
    for match in _BOUND.finditer(text):
        value = match.group(2)
        if not value:
            raise bad_date(match.group(0).strip())
        first, last = period(value)
        side = _STARTS[match.group(1).lower()]
        found = found.narrowed(DateBounds(first, None) if side == "from" else DateBounds(None, last))
    if not found:
        return text, found
    rest = " ".join(_BOUND.sub(" ", text).split())
    return rest or "*", found
