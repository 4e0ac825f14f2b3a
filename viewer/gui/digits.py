"""Numbers as the interface language writes them: Persian digits and separator (۱۲٬۳۴۵) in Persian."""

from __future__ import annotations

from viewer.gui.dates import PERSIAN_DIGITS
from viewer.gui.translations import current_language

PERSIAN_THOUSANDS = "\u066c"  # ٬ ARABIC THOUSANDS SEPARATOR


def number(value: int, grouped: bool = True) -> str:
    text = f"{value:,}" if grouped else str(value)
    if current_language() == "fa":
        return text.replace(",", PERSIAN_THOUSANDS).translate(PERSIAN_DIGITS)
    return text


def digits(text: str) -> str:
    """`text` with its digits in the interface language's script."""
    return text.translate(PERSIAN_DIGITS) if current_language() == "fa" else text
