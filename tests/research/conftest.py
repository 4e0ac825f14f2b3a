"""Articles written here, dated on both sides of Jalali month boundaries (and one undated), in an
archive folder and a tmp data folder of their own."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.conftest import library, paths, write_archive
from viewer.app.library import Library

__all__ = ["library", "paths", "write_archive"]  # the app tests' fixtures, on these articles

# Jalali 1402/04/31 = 2023-07-22, 1402/05/01 = 2023-07-23, 1402/08/30 = 2023-11-21, 1402/09/01 = 2023-11-22.
DATED = [
    {"title": "سد کرج پیش از تابستان", "text": ["آب پشت سد کرج کم شد و کشاورزان نگران آب هستند."],
     "tags": ["آب"], "url": "https://www.irna.ir/news/85000001", "date": "2023-07-22"},
    {"title": "کم‌آبی در تهران", "text": ["کم‌آبی تهران را فراگرفت و آب جیره‌بندی شد."],
     "tags": ["آب", "تهران"], "url": "https://www.isna.ir/news/1402050100001", "date": "2023-07-23"},
    {"title": "بارش پاییزی و آب سدها", "text": ["با بارش پاییزی آب سدها بالا آمد."],
     "tags": ["آب", "هوا"], "url": "https://example.org/rain?id=3&lang=fa", "date": "2023-11-21"},
    {"title": "آب و برق در آذر", "text": ["مصرف آب و برق در آذر کاهش یافت."],
     "tags": ["انرژی"], "url": "https://example.org/power", "date": "2023-11-22"},
    {"title": "گزارشی بی‌تاریخ از آب", "text": ["این گزارش دربارهٔ آب تاریخ ندارد."], "tags": []},
]


def ids_by_title(library: Library) -> dict[str, str]:
    return {a.title: a.id for a in library.articles()}


@pytest.fixture
def source_dir(tmp_path: Path) -> Path:
    return write_archive(tmp_path / "archive", DATED)
