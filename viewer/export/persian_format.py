"""Numbers and dates as a Persian reader expects them on the printed page."""

from __future__ import annotations

from datetime import date, datetime

import jdatetime

_TO_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")

JALALI_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
                 "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند")
GREGORIAN_MONTHS = ("ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن",
                    "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر")


def persian_digits(value: int | str) -> str:
    return str(value).translate(_TO_PERSIAN_DIGITS)


def jalali_date(when: date | datetime) -> str:
    """`۵ مهر ۱۴۰۲`"""
    day = when.date() if isinstance(when, datetime) else when
    j = jdatetime.date.fromgregorian(date=day)
    return persian_digits(f"{j.day} {JALALI_MONTHS[j.month - 1]} {j.year}")


def gregorian_date(when: date | datetime) -> str:
    """`۲۷ سپتامبر ۲۰۲۳`"""
    return persian_digits(f"{when.day} {GREGORIAN_MONTHS[when.month - 1]} {when.year}")


def both_dates(when: date | datetime) -> str:
    return f"{jalali_date(when)} ({gregorian_date(when)})"


def jalali_datetime(when: datetime) -> str:
    """A note's time: `۵ مهر ۱۴۰۲، ۱۴:۰۵`."""
    return f"{jalali_date(when)}، {persian_digits(when.strftime('%H:%M'))}"
