"""Numbers as the interface language writes them: Persian digits and separator (۱۲٬۳۴۵) in Persian."""

from __future__ import annotations

from viewer.core.persian_numbers import digits_for, number_for
from viewer.gui.common.translations import current_language


def number(value: int, grouped: bool = True) -> str:
    return number_for(value, current_language(), grouped)


def digits(text: str) -> str:
    """`text` with its digits in the interface language's script."""
    return digits_for(text, current_language())
