"""Dates as the interface language writes them: in Persian the Jalali date first, the Gregorian beside
it; in English the Gregorian date first, the Jalali beside it in Latin letters and digits."""

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
    """Both dates as the interface language writes them: in Persian «۱۲ اسفند ۱۴۰۲ (۲۰۲۴-۰۳-۰۲)»
    (the Gregorian date kept left to right), in English «2024-03-02 (12 Esfand 1402)» (the result
    list's ISO date first, no Persian letter or digit); "" when the date is unknown. (The PDF spells
    the Gregorian month out: core.jalali.both_dates.)"""
    if value is None:
        return ""
    if language != "fa":
        from viewer.core.jalali import jalali_latin

        return f"{gregorian(value)} ({jalali_latin(value)})"
    return f"{jalali(value)} ({ltr_isolated(in_persian(gregorian(value)))})"


def from_iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None
