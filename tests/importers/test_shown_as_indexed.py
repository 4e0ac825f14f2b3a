"""Issue 32 item 5: an article whose lead holds a line break is shown as it is indexed. The break
split the lead into two lines of the stored text while its block kinds counted one, so `show` and
the reading pane cut the lead at the break and lost the last paragraph that search still found."""

from __future__ import annotations

import json
from pathlib import Path

from viewer.core.article import BlockKind, blocks_from_lines

LEAD_FIRST = "اصلاح‌طلبان فهرست نامزدهای خود را برای انتخابات شورای شهر اعلام کردند."
LEAD_SECOND = "نیمی از لیست 55 نفره را چهره‌های جوان تشکیل می‌دهند."
FIRST = "بند نخست خبر دربارهٔ نامزدهای زن فهرست است."
LAST = "ثبت‌نام نامزدها از هفتهٔ آینده در فرمانداری‌ها آغاز می‌شود."
ITEM = {"title": "فهرست نامزدهای انتخابات شورای شهر", "abstract": f"{LEAD_FIRST}\n{LEAD_SECOND}",
        "text": [FIRST, LAST], "date": "2023-08-03", "url": "https://example.org/news/55"}


def write_archive(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "news.json").write_text(json.dumps([ITEM], ensure_ascii=False), "utf-8")
    return folder


def test_show_gives_the_text_search_finds(run_cli, tmp_path: Path) -> None:
    code, _out, err = run_cli("index", str(write_archive(tmp_path / "archive")))
    assert code == 0, err
    for phrase in (LEAD_SECOND, LAST):
        code, out, err = run_cli("search", f'"{phrase}"', "--json")
        assert code == 0, err
        [hit] = json.loads(out)["hits"]
        code, out, err = run_cli("show", hit["id"], "--json")
        assert code == 0, err
        shown = json.loads(out)
        assert shown["lead"] == f"{LEAD_FIRST} {LEAD_SECOND}"  # one paragraph, as written
        assert shown["text"].split("\n") == [shown["lead"], FIRST, LAST]


def test_stored_text_with_more_lines_than_kinds_loses_no_line() -> None:
    """An index written before the fix holds such text: every line is still shown."""
    blocks = blocks_from_lines(f"{LEAD_FIRST}\n{LEAD_SECOND}\n{FIRST}\n{LAST}", "lpp")
    assert [b.text for b in blocks] == [LEAD_FIRST, LEAD_SECOND, FIRST, LAST]
    assert [b.kind for b in blocks] == [BlockKind.LEAD, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
