"""A story row's "N copies" in both languages: one copy is singular in English, digits Persian in Persian."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from viewer.gui.common.translations import current_language, set_language
from viewer.gui.results.delegate import copies_text
from viewer.gui.results.model import ResultRow


@pytest.fixture
def language(qapp: QApplication) -> Iterator[None]:
    before = current_language()
    yield
    set_language(qapp, before)


@pytest.mark.no_window
@pytest.mark.parametrize(("lang", "copies", "expected"), [
    ("en", 1, "▸ 1 copy"), ("en", 3, "▸ 3 copies"), ("fa", 1, "◂ ۱ نسخهٔ دیگر"), ("fa", 3, "◂ ۳ نسخهٔ دیگر"),
])
def test_copies_in_both_languages(qapp: QApplication, language: None, lang: str, copies: int, expected: str) -> None:
    set_language(qapp, lang)
    assert copies_text(ResultRow("id", "title", "", copies=copies)) == expected
