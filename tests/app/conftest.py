"""A small archive of its own (three Persian articles written here) in a tmp data folder."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pytest

from viewer.app.library import Library
from viewer.core.paths import DataPaths

ARTICLES = [
    {"title": "نمایشگاه کتاب تهران گشایش یافت",
     "text": ["نمایشگاه بین‌المللی کتاب تهران امروز با حضور ناشران گشایش یافت.",
              "کتاب‌های تازهٔ بسیاری در این نمایشگاه عرضه می‌شود و کتابخوانان از شهرهای دیگر آمده‌اند."],
     "tags": ["فرهنگ", "کتاب"], "url": "https://example.org/news/1", "date": "2024-05-08"},
    {"title": "بارش باران در اصفهان",
     "text": ["باران شدید دیروز در اصفهان خیابان‌ها را فراگرفت.", "زاینده‌رود پس از ماه‌ها دوباره جاری شد."],
     "tags": ["محیط زیست"], "url": "https://example.org/news/2", "date": "2024-03-02"},
    {"title": "کتابخانهٔ ملی ساعت کار را افزایش داد",
     "text": ["کتابخانهٔ ملی از هفتهٔ آینده تا نیمه‌شب باز است.", "مدیر کتابخانه گفت خوانندگان بیشتری خواهند آمد."],
     "tags": ["فرهنگ"], "url": "https://example.org/news/3", "date": "2024-06-01"},
]


def write_archive(folder: Path, items: Sequence[Mapping[str, object]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "news.json").write_text(json.dumps(items, ensure_ascii=False), "utf-8")
    return folder


@pytest.fixture
def source_dir(tmp_path: Path) -> Path:
    return write_archive(tmp_path / "archive", ARTICLES)


@pytest.fixture
def paths(tmp_path: Path) -> DataPaths:
    return DataPaths.resolve(tmp_path / "data")


@pytest.fixture
def library(paths: DataPaths, source_dir: Path) -> Iterator[Library]:
    with Library(paths) as opened:
        opened.sync([source_dir])
        yield opened
