"""Each importer on the seed, the shared corpus and crafted files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import write_items
from viewer.core.article import BlockKind
from viewer.core.errors import ImportFailure
from viewer.importers.common.cleanup import clean_tag
from viewer.importers.reader import read_articles

COMMENT_FORM = ("نظر شما", "شما در حال پاسخ به نظر")


def test_seed_text_layout(seed_path: Path) -> None:
    [article] = read_articles(seed_path)
    assert article.title == "روابط تجاری اصفهان و مسقط همچنان ادامه دارد"
    assert article.code == "427178"
    assert article.tags == []
    assert article.blocks[0].kind is BlockKind.LEAD
    assert article.lead.startswith("رئیس مرکز پژوهشهای شورای اسلامی شهر اصفهان گفت")
    headings = [b.text for b in article.blocks if b.kind is BlockKind.HEADING]
    assert "اصفهان به شبکه شهرهای یادگیرنده میپیوندد" in headings
    assert "محور کارآفرینی اصفهان تعاملات را تسهیل میکند" in headings
    assert not any(marker in article.text for marker in (*COMMENT_FORM, "کد خبر", "برچسبها"))
    assert article.source == str(seed_path)


def test_text_with_tags_after_the_marker(tmp_path: Path, seed_path: Path) -> None:
    body = seed_path.read_text("utf-8").replace("برچسبها\n", "برچسب‌ها\nاصفهان\nدیپلماسی شهری\n")
    path = tmp_path / "tagged.txt"
    path.write_text(body, "utf-8")
    [article] = read_articles(path)
    assert article.tags == ["اصفهان", "دیپلماسی شهری"]
    assert not any(marker in article.text for marker in COMMENT_FORM)


def test_plain_text_without_markers(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("\n\nعنوان ساده یک یادداشت\nاین نخستین بند یادداشت است و نقطه دارد.\nبند دوم.\n", "utf-8")
    [article] = read_articles(path)
    assert article.title == "عنوان ساده یک یادداشت"
    assert article.text.split("\n") == ["این نخستین بند یادداشت است و نقطه دارد.", "بند دوم."]


def test_every_corpus_article_imports_with_title_and_tags(corpus_dir: Path, corpus_items: dict) -> None:
    for name, items in corpus_items.items():
        articles = read_articles(corpus_dir / name)
        assert len(articles) == len(items)
        for item, article in zip(items, articles, strict=True):
            assert article.title and article.text
            expected_tags = {clean_tag(t) for t in item.get("tags") or []} - {""}
            assert set(article.tags) == expected_tags and len(article.tags) == len(set(article.tags))
            assert article.url == item["link"]
            assert "ي" not in article.text and "ك" not in article.title  # shown with Persian letters
        if name.startswith("varzesh3"):
            assert all(a.code for a in articles)
        else:
            assert all(bool(a.category) == bool(item.get("cat")) for item, a in zip(items, articles, strict=True))


def test_json_variants(tmp_path: Path, corpus_items: dict) -> None:
    item = corpus_items["varzesh3-1.json"][0]
    as_repr = dict(item, paragraphs=repr(item["paragraphs"]), tags=repr(item["tags"]))
    jsonl = tmp_path / "export.jsonl"
    jsonl.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in (item, as_repr)), "utf-8")
    first, second = read_articles(jsonl)
    assert first.text == second.text and first.tags == second.tags == item["tags"]

    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"articles": [{"headline": item["title"], "body": "\n".join(item["paragraphs"]),
                                                 "keywords": "، ".join(item["tags"]), "url": item["link"],
                                                 "date": "1402/05/12"}]}, ensure_ascii=False), "utf-8")
    [article] = read_articles(wrapped)
    assert article.title == item["title"] and article.tags == item["tags"]
    assert article.date is not None and article.date.year == 2023


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('[{"title": "بدون بسته شدن"', "Malformed JSON"),
        ("[1, 2, 3]", "no articles"),
        ('{"title": 5, "paragraphs": {"a": 1}}', "no articles"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_bad_json_is_reported(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, "utf-8")
    with pytest.raises(ImportFailure) as caught:
        read_articles(path)
    assert reason.lower() in caught.value.en.lower()


def test_extension_that_lies(tmp_path: Path, corpus_items: dict) -> None:
    html_in_json = tmp_path / "page.json"
    html_in_json.write_text("<html><body><p>سلام</p></body></html>", "utf-8")
    with pytest.raises(ImportFailure):
        read_articles(html_in_json)
    json_in_txt = write_items(tmp_path / "items.txt", corpus_items["fars-news-1.json"][:3])
    assert len(read_articles(json_in_txt)) == 3


SAVED_PAGE = """<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8">
<title>{title} - ایمنا</title><meta name="keywords" content="اصفهان, مسقط">
<link rel="canonical" href="https://www.imna.ir/news/427178/"><script>var ad = "تبلیغ اسکریپتی";</script></head>
<body><nav><ul><li><a href="/">صفحه اصلی</a></li><li><a href="/sport">ورزشی</a></li></ul></nav>
<aside class="sidebar"><h3>پربازدیدترین</h3><ul><li><a href="/x">خبر پربازدید دیگری دربارهٔ فوتبال</a></li></ul></aside>
<article><h1>{title}</h1>{paragraphs}<div>کد خبر 427178</div>
<div class="tags"><a rel="tag" href="/tag/2">دیپلماسی شهری</a></div></article>
<section id="comments"><h3>نظر شما</h3><form><textarea></textarea></form><p>شما در حال پاسخ به نظر «» هستید.</p></section>
<footer><p>تمامی حقوق این سایت محفوظ است.</p></footer></body></html>"""


def test_saved_html_page_without_chrome(tmp_path: Path, seed_path: Path) -> None:
    [seed] = read_articles(seed_path)
    paragraphs = "".join(f"<h2>{b.text}</h2>" if b.kind is BlockKind.HEADING else f"<p>{b.text}</p>" for b in seed.blocks)
    path = tmp_path / "page.html"
    path.write_text(SAVED_PAGE.format(title=seed.title, paragraphs=paragraphs), "utf-8")
    [article] = read_articles(path)
    assert article.title == seed.title
    assert article.code == "427178"
    assert article.url == "https://www.imna.ir/news/427178/"
    assert set(article.tags) == {"اصفهان", "مسقط", "دیپلماسی شهری"}
    assert article.text == seed.text
    chrome = ("صفحه اصلی", "پربازدید", "تبلیغ", "نظر شما", "حقوق این سایت", "کد خبر")
    assert not any(word in article.text for word in chrome)
