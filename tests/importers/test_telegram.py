"""Telegram Desktop's JSON export of a channel (result.json), in the shape Telegram Desktop writes:
text as a string or as a list of strings and entity objects, text_entities beside it, date (local)
and date_unixtime (UTC), service messages, and photos without a caption."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from viewer.importers.reader import read_articles


def _message(number: int, text: object, unixtime: int, **more: object) -> dict[str, object]:
    return {"id": number, "type": "message", "date": "2024-03-10T12:30:00", "date_unixtime": str(unixtime),
            "from": "خبرگزاری نمونه", "from_id": "channel1234567890", "text": text, "text_entities": [], **more}


def channel_export(username: str | None = "samplenews") -> dict[str, object]:
    messages = [
        {"id": 1, "type": "service", "date": "2024-03-10T09:00:00", "date_unixtime": "1710061200",
         "actor": "خبرگزاری نمونه", "actor_id": "channel1234567890", "action": "create_channel", "title": "خبرگزاری نمونه",
         "text": "", "text_entities": []},
        _message(2, "افتتاح خط هفت متروی تهران\nخط هفت متروی تهران با حضور شهردار افتتاح شد و از فردا مسافر می‌پذیرد.\n"
                    "#مترو #حمل_و_نقل_عمومی", 1710073800),
        _message(3, [{"type": "bold", "text": "قیمت دلار در بازار آزاد کاهش یافت"},
                     "\nبه گزارش ", {"type": "text_link", "text": "اقتصادنیوز", "href": "https://example.ir/x"},
                     "، نرخ دلار امروز در بازار آزاد تهران کاهش یافت. ",
                     {"type": "hashtag", "text": "#اقتصاد"}, " ", {"type": "hashtag", "text": "#ارز"}], 1710077400),
        _message(4, "", 1710081000, photo="photos/photo_4@10-03-2024_13-30-00.jpg", width=1280, height=720),
        _message(5, "بارش برف در ارتفاعات البرز. هواشناسی هشدار داد که تا پایان هفته بارش برف و باران در استان‌های "
                    "شمالی ادامه دارد و رانندگان باید با زنجیر چرخ سفر کنند زیرا جاده‌ها لغزنده است.", 1710084600),
        {"id": 6, "type": "service", "date": "2024-03-10T14:00:00", "date_unixtime": "1710081000",
         "action": "pin_message", "message_id": 2, "text": "", "text_entities": []},
    ]
    export: dict[str, object] = {"name": "خبرگزاری نمونه", "type": "public_channel", "id": 1234567890,
                                 "messages": messages}
    if username:
        export["username"] = username
    return export


def _write(tmp_path: Path, export: Mapping[str, object]) -> Path:
    folder = tmp_path / "ChatExport_2024-03-11"
    folder.mkdir()
    path = folder / "result.json"
    path.write_text(json.dumps(export, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def test_one_article_per_message_with_text(tmp_path: Path) -> None:
    metro, dollar, snow = read_articles(_write(tmp_path, channel_export()))
    assert metro.title == "افتتاح خط هفت متروی تهران"
    assert metro.text == "خط هفت متروی تهران با حضور شهردار افتتاح شد و از فردا مسافر می‌پذیرد.\n#مترو #حمل_و_نقل_عمومی"
    assert metro.tags == ["مترو", "حمل و نقل عمومی"]
    assert metro.url == "https://t.me/samplenews/2"
    assert metro.date == datetime(2024, 3, 10, 12, 30)  # date_unixtime, in UTC
    assert dollar.title == "قیمت دلار در بازار آزاد کاهش یافت"
    assert dollar.text.startswith("به گزارش اقتصادنیوز، نرخ دلار امروز")
    assert dollar.tags == ["اقتصاد", "ارز"]
    assert dollar.url == "https://t.me/samplenews/3"
    assert snow.title == "بارش برف در ارتفاعات البرز."  # a long one-line message: its first sentence
    assert snow.text.startswith("هواشناسی هشدار داد")


def test_without_username_no_url(tmp_path: Path) -> None:
    articles = read_articles(_write(tmp_path, channel_export(username=None)))
    assert len(articles) == 3 and all(a.url == "" for a in articles)


def test_full_export_of_several_chats(tmp_path: Path) -> None:
    one, other = channel_export(), channel_export("othernews")
    full = {"about": "Here is the data you requested.", "chats": {"about": "list", "list": [one, other]}}
    articles = read_articles(_write(tmp_path, full))
    assert [a.url for a in articles][:4] == ["https://t.me/samplenews/2", "https://t.me/samplenews/3",
                                             "https://t.me/samplenews/5", "https://t.me/othernews/2"]
