"""Small archives written as users' files: the same Persian articles as .json, .jsonl or .txt."""

from __future__ import annotations

import json
from pathlib import Path

from viewer.core.paths import DataPaths
from viewer.search.archive import Archive

ARTICLES = [
    {"url": "https://www.example-news.ir/news/1201/روابط-اصفهان-مسقط", "code": "1201",
     "title": "روابط تجاری اصفهان و مسقط ادامه دارد",
     "paragraphs": ["رئیس مرکز پژوهش‌های شورای شهر اصفهان گفت طرحی برای دیپلماسی شهری در دست مطالعه است.",
                    "کوروش خسروی در گفت‌وگو با خبرنگار افزود که خواهرخواندگی به تنهایی کافی نیست.",
                    "وی بر تعامل بیشتر بخش خصوصی با شهرهای خواهرخوانده تاکید کرد."]},
    {"url": "https://www.example-news.ir/news/1202/کتاب-تهران", "code": "1202",
     "title": "نمایشگاه کتاب تهران با حضور ناشران خارجی برگزار می‌شود",
     "paragraphs": ["سی‌وپنجمین نمایشگاه بین‌المللی کتاب تهران اردیبهشت برگزار می‌شود.",
                    "مدیر نمایشگاه گفت ناشران خارجی از بیست کشور حضور خواهند داشت.",
                    "بخش کودک و نوجوان امسال بزرگ‌تر از سال گذشته است."]},
    {"url": "", "code": "1203",
     "title": "بارش برف در گردنه‌های شمالی",
     "paragraphs": ["پلیس راه از بارش برف در گردنهٔ حیران خبر داد.",
                    "رانندگان باید زنجیر چرخ همراه داشته باشند."]},
]


def write_json(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    items = [{"title": a["title"], "url": a["url"], "code": a["code"], "paragraphs": a["paragraphs"]} for a in ARTICLES]
    path = folder / "articles.json"
    path.write_text(json.dumps(items, ensure_ascii=False, indent=1), "utf-8")
    return folder


def write_jsonl(folder: Path) -> Path:
    """The same articles, other keys, other order, one text field."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({"headline": a["title"], "link": a["url"], "news_id": a["code"], "text": "\n".join(a["paragraphs"])},
                        ensure_ascii=False) for a in reversed(ARTICLES)]
    (folder / "dump.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return folder


def write_txt(folder: Path) -> Path:
    """As saved from the site: title, paragraphs, no URL and no code (found by their text alone)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, a in enumerate(ARTICLES):
        (folder / f"{n:03}.txt").write_text(str(a["title"]) + "\n\n" + "\n\n".join(a["paragraphs"]) + "\n", "utf-8")
    return folder


def indexed(data_dir: Path, folder: Path) -> DataPaths:
    paths = DataPaths.resolve(data_dir).ensure()
    Archive(paths).sync([folder])
    return paths
