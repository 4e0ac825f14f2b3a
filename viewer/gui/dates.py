"""Dates as a Persian reader expects them: Jalali first, Gregorian beside it."""

from __future__ import annotations

from datetime import date, datetime

from viewer.core.bidi import ltr_isolated
from viewer.core.persian_numbers import persian_digits as in_persian


def jalali(value: date | datetime | None, persian_digits: bool = True) -> str:
    """«۰۵ مهر ۱۴۰۲» (two-digit day), "" when the date is unknown."""
    if value is None:
        return ""
    from viewer.core.jalali import jalali_padded

    text = jalali_padded(value)
    return in_persian(text) if persian_digits else text


def gregorian(value: date | datetime | None) -> str:
    if value is None:
        return ""
    day = value.date() if isinstance(value, datetime) else value
    return day.isoformat()


def both(value: date | datetime | None) -> str:
    """«۱۲ اسفند ۱۴۰۲ (2024-03-02)», or "" when the date is unknown."""
    if value is None:
        return ""
    return f"{jalali(value)} ({gregorian(value)})"


def dated(value: date | datetime | None, language: str) -> str:
    """`both` as the interface language writes it: in Persian the Gregorian date in Persian digits
    too, kept left to right («۱۲ اسفند ۱۴۰۲ (۲۰۲۴-۰۳-۰۲)»)."""
    if language != "fa" or value is None:
        return both(value)
    return f"{jalali(value)} ({ltr_isolated(in_persian(gregorian(value)))})"


def from_iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None
