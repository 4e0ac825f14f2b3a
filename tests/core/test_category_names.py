"""Categories of the news exports in Persian in the Persian interface; unknown ones as they are."""

from __future__ import annotations

import json
from pathlib import Path

from viewer.core.category_names import PERSIAN_CATEGORIES, category_for

REPO = Path(__file__).resolve().parents[2]


def test_known_categories_read_in_persian_unknown_ones_as_given() -> None:
    assert category_for("politics / parliament", "fa") == "سیاسی / مجلس"
    assert category_for("Sports", "fa") == "ورزشی"
    assert category_for("sports / some-new-section", "fa") == "ورزشی / some-new-section"
    assert category_for("politics / parliament", "en") == "politics / parliament"
    assert category_for("", "fa") == ""


def test_every_category_of_the_test_corpus_and_the_sample_has_a_persian_name() -> None:
    files = [*(REPO / "tests" / "data" / "corpus").rglob("*.json"), *(REPO / "resources" / "sample-archive").glob("*.json")]
    values = {str(item.get(key) or "").strip().lower() for path in files for item in json.loads(path.read_text("utf-8"))
              if isinstance(item, dict) for key in ("cat", "subcat", "category")}
    assert len(values) > 50
    assert sorted(values - set(PERSIAN_CATEGORIES) - {""}) == []
