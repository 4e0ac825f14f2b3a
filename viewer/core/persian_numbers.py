"""Digits as a Persian reader expects them: ۰۱۲۳۴۵۶۷۸۹, and ٬ between thousands."""

from __future__ import annotations

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
PERSIAN_THOUSANDS = "\u066c"  # ٬ ARABIC THOUSANDS SEPARATOR


def persian_digits(value: int | str) -> str:
    """`value` with its ASCII digits written in Persian."""
    return str(value).translate(PERSIAN_DIGITS)


def digits_for(text: str, language: str) -> str:
    """`text` with its digits in the script of `language` ("fa": Persian, anything else: as given)."""
    return persian_digits(text) if language == "fa" else text


def number_for(value: int, language: str, grouped: bool = True) -> str:
    """`12,345` in English, `۱۲٬۳۴۵` in Persian (`grouped=False`: no separator)."""
    text = f"{value:,}" if grouped else str(value)
    return persian_digits(text.replace(",", PERSIAN_THOUSANDS)) if language == "fa" else text
