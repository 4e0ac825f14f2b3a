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


def signed_channel_export() -> dict[str, object]:
    """A channel export as Telegram Desktop writes it (no username), most posts signed «🆔 @SampleNews»;
    other handles are mentioned inside posts and one post ends with another channel's handle."""
    sign = "\n🆔 @SampleNews"
    export = channel_export(username=None)
    export["messages"] = [
        _message(10, "افتتاح خط هفت متروی تهران\nبه گزارش @othernews خط هفت مترو افتتاح شد." + sign, 1710073800),
        _message(11, [{"type": "bold", "text": "قیمت دلار کاهش یافت"}, "\nنرخ دلار امروز کاهش یافت.\n🆔 ",
                      {"type": "mention", "text": "@SampleNews"}], 1710077400),
        _message(12, "بارش برف در البرز\nهواشناسی هشدار داد.\nمنبع: @weather_channel", 1710084600),
        _message(13, "پیام بدون امضا\nاین پیام امضای کانال را ندارد.", 1710088200),
        _message(14, "نمایشگاه کتاب تهران\nنمایشگاه کتاب فردا آغاز می‌شود." + sign, 1710091800),
    ]
    return export


def test_the_channels_signature_gives_every_post_its_link(tmp_path: Path) -> None:
    articles = read_articles(_write(tmp_path, signed_channel_export()))
    assert [a.url for a in articles] == [f"https://t.me/SampleNews/{n}" for n in (10, 11, 12, 13, 14)]


def test_one_signed_post_among_many_is_no_signature(tmp_path: Path) -> None:
    export = channel_export(username=None)
    messages = export["messages"]
    assert isinstance(messages, list)
    messages.append(_message(7, "خبر دیگر\nمتن خبر دیگر.\n🆔 @someone_else", 1710091800))
    articles = read_articles(_write(tmp_path, export))
    assert len(articles) == 4 and all(a.url == "" for a in articles)


def test_text_parts_that_are_not_text_are_left_out(tmp_path: Path) -> None:
    """Issue 33 item 11: entity texts that are numbers or lists were printed as Python writes them."""
    export = channel_export()
    export["messages"] = [_message(20, [{"type": "bold", "text": 123}, {"type": "hashtag", "text": ["#x"]}, 456, ["#y"],
                                        None, "افتتاح خط هفت متروی تهران", {"type": "plain"}], 1710073800)]
    [article] = read_articles(_write(tmp_path, export))
    assert article.title == "افتتاح خط هفت متروی تهران"


def test_signed_links_through_the_command_line(run_cli, tmp_path: Path) -> None:
    _write(tmp_path, signed_channel_export())
    code, _out, err = run_cli("index", str(tmp_path / "ChatExport_2024-03-11"))
    assert code == 0, err
    code, out, err = run_cli("search", "دلار", "--json")
    assert code == 0, err
    [hit] = json.loads(out)["hits"]
    code, out, err = run_cli("show", hit["id"], "--json")
    assert code == 0, err
    assert json.loads(out)["url"] == "https://t.me/SampleNews/11"
