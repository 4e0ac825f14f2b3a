"""Dates as archives write them: ISO, Unix time, or Jalali (۱۴۰۲/۰۵/۱۲). A news article is never
dated before 1900 nor after tomorrow: such a value is a misreading, and one of them stretches a
whole timeline."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import jdatetime

from viewer.core.persian_fold import ASCII_DIGITS

_YMD = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?")


_EARLIEST_YEAR = 1900


def plausible_date(when: datetime | None) -> datetime | None:
    """`when` when a news article can bear it (1900 to tomorrow: a day ahead of UTC for Iran's
    morning papers), else None."""
    if when is None or when.year < _EARLIEST_YEAR:
        return None
    return when if when <= datetime.now(UTC).replace(tzinfo=None) + timedelta(days=1) else None


def parse_date(value: object) -> datetime | None:
    """A naive UTC datetime, or None when the value is not a plausible date we can read."""
    return plausible_date(_read_date(value))


def _read_date(value: object) -> datetime | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(float(value), UTC).replace(tzinfo=None)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip().translate(ASCII_DIGITS)
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        if parsed.tzinfo is not None:
            parsed = parsed.astimezone(UTC).replace(tzinfo=None)
        if parsed.year >= 1700:
            return parsed
    except ValueError:
        pass
    match = _YMD.search(text)
    if not match:
        return None
    year, month, day = (int(match.group(i)) for i in (1, 2, 3))
    hour, minute, second = (int(match.group(i) or 0) for i in (4, 5, 6))
    try:
        if year < 1700:
            gregorian = jdatetime.date(year, month, day).togregorian()
            year, month, day = gregorian.year, gregorian.month, gregorian.day
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
