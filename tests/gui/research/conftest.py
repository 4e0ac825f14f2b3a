"""Small dated Persian articles written by the tests, indexed by the window itself at start."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import started_window
from viewer.app.settings import FOLDERS, Settings
from viewer.core.paths import DataPaths

# Jalali: 2023-07-22 = 1402/04/31, 2023-07-23 = 1402/05/01, 2023-08-30 = 1402/06/08,
# 2023-11-21 = 1402/08/30, 2023-11-22 = 1402/09/01.
DATED: list[dict[str, object]] = [
    {"title": "سد کرج پیش از تابستان", "text": ["آب پشت سد کرج کم شد."], "tags": ["آب"],
     "url": "https://www.irna.ir/news/85000001", "date": "2023-07-22"},
    {"title": "کم‌آبی در تهران", "text": ["کم‌آبی تهران را فراگرفت و آب جیره‌بندی شد."], "tags": ["آب", "تهران"],
     "url": "https://www.isna.ir/news/1402050100001", "date": "2023-07-23"},
    {"title": "آب شهریور", "text": ["مصرف آب در شهریور بالا رفت."], "tags": ["آب"],
     "url": "https://example.org/shahrivar", "date": "2023-08-30"},
    {"title": "بارش پاییزی و آب سدها", "text": ["با بارش پاییزی آب سدها بالا آمد."], "tags": ["آب", "هوا"],
     "url": "https://example.org/rain", "date": "2023-11-21"},
    {"title": "آب و برق در آذر", "text": ["مصرف آب و برق در آذر کاهش یافت."], "tags": ["انرژی"],
     "url": "https://example.org/power", "date": "2023-11-22"},
    {"title": "گزارشی بی‌تاریخ از آب", "text": ["این گزارش دربارهٔ آب تاریخ ندارد."], "tags": []},
]


def write_articles(folder: Path, items: list[dict[str, object]], name: str = "news.json") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(json.dumps(items, ensure_ascii=False), "utf-8")
    return folder


@pytest.fixture
def dated_paths(tmp_path: Path) -> DataPaths:
    archive = write_articles(tmp_path / "archive", DATED)
    paths = DataPaths.resolve(tmp_path / "data").ensure()
    settings = Settings(paths.settings_path)
    settings.set(FOLDERS, [str(archive)])
    settings.save()
    return paths


@pytest.fixture
def dated_window(qtbot, gui_app: QApplication, dated_paths: DataPaths) -> Iterator[object]:  # type: ignore[no-untyped-def]
    """The window on the dated articles, indexed, with the research panels' Library open."""
    win = started_window(qtbot, dated_paths, until=lambda w: w.result.total == len(DATED))
    yield win
    win.close()
