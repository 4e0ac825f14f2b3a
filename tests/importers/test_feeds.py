"""Saved RSS 2.0 and Atom feeds, one article per item."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from viewer.core.errors import ImportFailure
from viewer.importers.reader import read_articles

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>خبرگزاری نمونه</title><link>https://www.example.ir/</link><description>آخرین خبرها</description>
<item><title>برگزاری نمایشگاه کتاب تهران از هفتهٔ آینده</title>
<link>https://www.example.ir/news/101</link>
<description><![CDATA[<p>سی‌وپنجمین نمایشگاه بین‌المللی کتاب تهران از چهارشنبهٔ آینده در مصلای تهران برگزار می‌شود.</p>
<p>ناشران خارجی هم در این دوره حضور دارند.</p>]]></description>
<category>فرهنگی</category><category>کتاب</category>
<pubDate>Sat, 04 May 2024 08:30:00 +0330</pubDate><guid>https://www.example.ir/news/101</guid></item>
<item><title>پیروزی تیم ملی والیبال برابر ژاپن</title>
<link>https://www.example.ir/news/102</link>
<description>تیم ملی والیبال ایران در هفتهٔ دوم لیگ ملت‌ها ژاپن را سه بر یک شکست داد.</description>
<category>ورزشی</category><pubDate>Sat, 04 May 2024 21:00:00 GMT</pubDate></item>
<item><title>خبری بی‌متن</title><link>https://www.example.ir/news/103</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fa"><title>وبلاگ خبری</title><id>urn:uuid:feed</id>
<updated>2024-05-05T10:00:00Z</updated>
<entry><title>افزایش ظرفیت پذیرش دانشگاه‌ها</title><link href="https://blog.example.ir/2024/05/capacity"/>
<id>urn:uuid:1</id><published>2024-05-05T09:15:00+03:30</published><updated>2024-05-05T10:00:00Z</updated>
<category term="آموزش_عالی" label="آموزش عالی"/><category term="کنکور"/>
<summary type="html">&lt;p&gt;سازمان سنجش اعلام کرد ظرفیت پذیرش دانشگاه‌ها در سال آینده افزایش می‌یابد.&lt;/p&gt;</summary></entry>
</feed>"""


def test_rss_items(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(RSS, encoding="utf-8")
    books, volleyball = read_articles(path)  # the item without text is left out
    assert books.title == "برگزاری نمایشگاه کتاب تهران از هفتهٔ آینده"
    assert books.url == "https://www.example.ir/news/101"
    assert books.text.split("\n") == ["سی‌وپنجمین نمایشگاه بین‌المللی کتاب تهران از چهارشنبهٔ آینده در مصلای تهران برگزار می‌شود.",
                                      "ناشران خارجی هم در این دوره حضور دارند."]
    assert books.tags == ["فرهنگی", "کتاب"]
    assert books.date == datetime(2024, 5, 4, 5, 0)  # +03:30 in UTC
    assert volleyball.date == datetime(2024, 5, 4, 21, 0)
    assert volleyball.tags == ["ورزشی"]


def test_atom_entries(tmp_path: Path) -> None:
    path = tmp_path / "blog.atom"
    path.write_text(ATOM, encoding="utf-8")
    [entry] = read_articles(path)
    assert entry.title == "افزایش ظرفیت پذیرش دانشگاه‌ها"
    assert entry.url == "https://blog.example.ir/2024/05/capacity"
    assert entry.text == "سازمان سنجش اعلام کرد ظرفیت پذیرش دانشگاه‌ها در سال آینده افزایش می‌یابد."
    assert entry.date == datetime(2024, 5, 5, 5, 45)
    assert entry.tags == ["آموزش عالی", "کنکور"]


def test_windows_1256_feed_and_broken_feed(tmp_path: Path) -> None:
    legacy = tmp_path / "legacy.rss"
    arabic_letters = RSS.replace("ی", "ي").replace("ک", "ك").replace("ٔ", "")
    legacy.write_bytes(arabic_letters.replace('encoding="UTF-8"', 'encoding="windows-1256"').encode("cp1256"))
    assert read_articles(legacy)[1].title == "پیروزی تیم ملی والیبال برابر ژاپن"
    broken = tmp_path / "broken.rss"
    broken.write_text('<?xml version="1.0"?><rss version="2.0"><channel><item><title>', encoding="utf-8")
    with pytest.raises(ImportFailure, match="no items"):
        read_articles(broken)


def test_other_xml_is_reported_not_read_as_text(tmp_path: Path) -> None:
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text('<?xml version="1.0"?><urlset><url><loc>https://www.example.ir/</loc></url></urlset>', "utf-8")
    with pytest.raises(ImportFailure, match="neither an RSS/Atom feed"):
        read_articles(sitemap)
