"""Dates as a Persian reader expects them: Jalali (Solar Hijri) first, Gregorian beside it."""

from __future__ import annotations

from datetime import date, datetime

import jdatetime

from viewer.core.persian_numbers import persian_digits

JALALI_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
                 "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند")
GREGORIAN_MONTHS = ("ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن",
                    "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر")


def _day(when: date | datetime) -> date:
    return when.date() if isinstance(when, datetime) else when


def jalali_date(when: date | datetime) -> str:
    """`۵ مهر ۱۴۰۲`"""
    j = jdatetime.date.fromgregorian(date=_day(when))
    return persian_digits(f"{j.day} {JALALI_MONTHS[j.month - 1]} {j.year}")


def gregorian_date(when: date | datetime) -> str:
    """`۲۷ سپتامبر ۲۰۲۳`"""
    return persian_digits(f"{when.day} {GREGORIAN_MONTHS[when.month - 1]} {when.year}")


def both_dates(when: date | datetime) -> str:
    """`۵ مهر ۱۴۰۲ (۲۷ سپتامبر ۲۰۲۳)`"""
    return f"{jalali_date(when)} ({gregorian_date(when)})"


def jalali_datetime(when: datetime) -> str:
    """A note's time: `۵ مهر ۱۴۰۲، ۱۴:۰۵`."""
    return f"{jalali_date(when)}، {persian_digits(when.strftime('%H:%M'))}"


def jalali_padded(when: date | datetime) -> str:
    """`05 مهر 1402`: two-digit day, ASCII digits (the window's result list and pane)."""
    return str(jdatetime.date.fromgregorian(date=_day(when), locale="fa_IR").strftime("%d %B %Y"))


def jalali_latin(when: date | datetime) -> str:
    """`05 Mehr 1402`: the Jalali date as an English line writes it."""
    return str(jdatetime.date.fromgregorian(date=_day(when), locale="en_US").strftime("%d %B %Y"))


def jalali_numeric(when: datetime) -> str:
    """`1402/07/05 14:05`, ASCII digits (the notes panel)."""
    return str(jdatetime.datetime.fromgregorian(datetime=when).strftime("%Y/%m/%d %H:%M"))
