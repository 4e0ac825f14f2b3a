"""Dates as archives write them: ISO, Unix time, or Jalali (۱۴۰۲/۰۵/۱۲)."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import jdatetime

from viewer.core.persian_fold import ASCII_DIGITS

_YMD = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def parse_date(value: object) -> datetime | None:
    """A naive UTC datetime, or None when the value is not a date we can read."""
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
