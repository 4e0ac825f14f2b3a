"""Issue 32 item 1: a saved page's date comes only from what the page states (its metadata or the
site's own date line), never from years and dates its sentences mention; undated pages are counted
as such beside the timeline."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from viewer.importers.reader import read_articles

# A news page as sites save it: navigation, the article, a copyright footer. The body mentions
# years and a full Jalali date in its sentences, as the held-out pages that got invented dates did.
NEWS_PAGE = """<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8">
<title>گزارشی از بازار کتاب - خبرگزاری نمونه</title>{head}</head>
<body><header><nav><ul><li><a href="/">صفحه اصلی</a></li><li><a href="/culture">فرهنگی</a></li></ul></nav></header>
<main><article><h1>گزارشی از بازار کتاب</h1>{date_line}
<p>ناشران می‌گویند فروش کتاب در سال‌های 2001، 2003 و 2005 بیشتر از امروز بود و بازار از آن زمان کوچک‌تر شده است.</p>
<p>او که در ۱۱ دی ۱۳۸۶ نخستین کتابش را منتشر کرد، گفت بازار امروز با گذشته فرق دارد و خوانندگان کمتر شده‌اند.</p>
<p>به گفتهٔ او، در سال ۱۳۹۲ نیز نمایشگاه کتاب شلوغ بود و ناشران زیادی از شهرستان‌ها آمده بودند.</p>
</article></main><footer><p>تمامی حقوق این سایت محفوظ است © 2024</p></footer></body></html>"""

JSON_LD = """<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
{"@type": "WebSite", "name": "نمونه"},
{"@type": "NewsArticle", "headline": "گزارشی از بازار کتاب", "datePublished": "2023-08-03T09:15:00+03:30",
 "publisher": {"@type": "Organization", "name": "نمونه"}}]}</script>"""


def page_date(tmp_path: Path, head: str = "", date_line: str = "") -> datetime | None:
    path = tmp_path / "page.html"
    path.write_text(NEWS_PAGE.format(head=head, date_line=date_line), "utf-8")
    [article] = read_articles(path)
    assert article.title == "گزارشی از بازار کتاب"
    return article.date


@pytest.mark.parametrize("footer", [True, False])
def test_years_and_dates_in_sentences_are_not_the_pages_date(tmp_path: Path, footer: bool) -> None:
    page = NEWS_PAGE.format(head="", date_line="")
    if not footer:
        page = page.replace(" © 2024", "")
    path = tmp_path / "page.html"
    path.write_text(page, "utf-8")
    [article] = read_articles(path)
    assert article.date is None  # was 2024-01-01 (the copyright) or 2001-01-01 (a year in a sentence)


@pytest.mark.parametrize(("head", "date_line", "expected"), [
    ('<meta property="article:published_time" content="2023-08-03T09:15:00+03:30">', "", datetime(2023, 8, 3, 5, 45)),
    (JSON_LD, "", datetime(2023, 8, 3, 5, 45)),
    ('<meta name="DC.date.issued" content="2023-08-03">', "", datetime(2023, 8, 3)),
    ("", '<time datetime="2023-08-03T05:45:00Z">۱۲ مرداد ۱۴۰۲</time>', datetime(2023, 8, 3, 5, 45)),
    # The site's own date line: Jalali with a month name, Jalali numeric, Gregorian in English.
    ("", '<div class="news-date">شنبه ۱۱ دی ۱۳۸۶ - ۱۰:۳۰</div>', datetime(2008, 1, 1, 10, 30)),
    ("", '<ul><li class="time">۱۴۰۲/۰۵/۱۲ - ۰۹:۱۵</li></ul>', datetime(2023, 8, 3, 9, 15)),
    ("", '<span>تاریخ انتشار: ۱۲ مرداد ۱۴۰۲</span>', datetime(2023, 8, 3)),
    ("", '<p class="byline">Published: 3 August 2023</p>', datetime(2023, 8, 3)),
    # Less than a day, month and year is no date, nor is one in the future or before 1900.
    ("", '<div class="date">سال ۱۴۰۲</div>', None),
    ('<meta property="article:published_time" content="2999-01-01T00:00:00Z">', "", None),
    ('<meta property="article:published_time" content="1850-03-01">', "", None),
    ("", '<div class="date">۱۱ دی ۱۲۵۰</div>', None),
])
def test_the_date_the_page_states(tmp_path: Path, head: str, date_line: str, expected: datetime | None) -> None:
    assert page_date(tmp_path, head, date_line) == expected


def test_undated_pages_are_counted_beside_the_timeline(run_cli, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "undated.html").write_text(NEWS_PAGE.format(head="", date_line=""), "utf-8")
    dated = NEWS_PAGE.format(head=JSON_LD, date_line="").replace("گزارشی از بازار کتاب", "بازار کتاب در مرداد")
    (archive / "dated.html").write_text(dated, "utf-8")
    code, _out, err = run_cli("index", str(archive))
    assert code == 0, err

    code, out, err = run_cli("search", "کتاب", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["total"] == 2
    assert result["timeline"] == [{"month": "1402-05", "count": 1}]  # not stretched back to 1379
    assert result["undated"] == 1
    shown = {hit["title"]: hit["date"] for hit in result["hits"]}
    assert not shown["گزارشی از بازار کتاب"]


def test_the_sites_clock_and_other_articles_dates_are_not_the_pages(tmp_path: Path) -> None:
    """A header showing today's date and a sidebar of other articles' dates come before the article's
    own date line in the page: the article's line is the one read."""
    header = ('<div class="top-date">امروز: شنبه ۱۶ آذر ۱۴۰۵</div>'
              '<aside><ul><li><span class="date">۱ مرداد ۱۴۰۲</span> خبر دیگر</li></ul></aside>')
    page = NEWS_PAGE.format(head="", date_line='<div class="news-date">۱۲ مرداد ۱۴۰۲ - ۰۹:۱۵</div>')
    path = tmp_path / "page.html"
    path.write_text(page.replace("<main>", f"{header}<main>"), "utf-8")
    [article] = read_articles(path)
    assert article.date == datetime(2023, 8, 3, 9, 15)
