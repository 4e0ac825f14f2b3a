"""The date bounds of the search box's text: a period chosen on the timeline replaces any
`از:`/`تا:` (`from:`/`to:`) already typed, written in the interface language."""

from __future__ import annotations

import re

from viewer.core.persian_numbers import PERSIAN_DIGITS

_BOUND = re.compile(r"(?<![\w:])(?:از|تا|from|to)\s*[:：]\s*\S*", re.IGNORECASE)


def month_text(month: str, persian: bool) -> str:
    """"1402-05" as the query language writes a month: 1402/05 (۱۴۰۲/۰۵ in Persian)."""
    text = month.replace("-", "/")
    return text.translate(PERSIAN_DIGITS) if persian else text


def without_dates(query: str) -> str:
    return " ".join(_BOUND.sub(" ", query).split())


def with_months(query: str, first: str, last: str, persian: bool) -> str:
    """`query` limited to the months `first`..`last` (Jalali "YYYY-MM"), inclusive."""
    start, end = (first, last) if first <= last else (last, first)
    words = ("از", "تا") if persian else ("from", "to")
    bounds = f"{words[0]}:{month_text(start, persian)} {words[1]}:{month_text(end, persian)}"
    rest = without_dates(query)
    return f"{rest} {bounds}" if rest else bounds
