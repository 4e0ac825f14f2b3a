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


def dated(value: date | datetime | None, language: str) -> str:
    """The Jalali date with the ISO Gregorian one beside it, as the interface language writes it:
    «۱۲ اسفند ۱۴۰۲ (2024-03-02)»; in Persian the Gregorian date in Persian digits too, kept left to
    right («۱۲ اسفند ۱۴۰۲ (۲۰۲۴-۰۳-۰۲)»); "" when the date is unknown. (The PDF spells the
    Gregorian month out: core.jalali.both_dates.)"""
    if value is None:
        return ""
    if language != "fa":
        return f"{jalali(value)} ({gregorian(value)})"
    return f"{jalali(value)} ({ltr_isolated(in_persian(gregorian(value)))})"


def from_iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None
