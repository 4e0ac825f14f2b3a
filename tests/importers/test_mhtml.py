"""Pages saved as one file (MHTML) in the shape Chromium writes: a multipart/related message with
the page as quoted-printable HTML, then its stylesheet and images."""

from __future__ import annotations

import base64
import quopri
from pathlib import Path

import pytest

from viewer.core.errors import ImportFailure
from viewer.importers.reader import read_articles

URL = "https://www.example.ir/news/48213/"
BOUNDARY = "----MultipartBoundary--Xq2fN7Jb4ykQ0mXwW2PZqYv8bq7mN3aTgUz4lIwiN1----"
PAGE = """<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8">
<title>سامانهٔ تازهٔ هشدار زلزله در تهران راه‌اندازی شد - خبرگزاری نمونه</title>
<meta name="keywords" content="زلزله، تهران، مدیریت بحران">
<link rel="stylesheet" href="https://www.example.ir/static/site.css"></head>
<body><nav><a href="/">صفحهٔ نخست</a> | <a href="/politics">سیاسی</a></nav>
<article><h1>سامانهٔ تازهٔ هشدار زلزله در تهران راه‌اندازی شد</h1>
<p class="lead">سازمان مدیریت بحران شهر تهران از راه‌اندازی سامانه‌ای خبر داد
که چند ثانیه پیش از رسیدن امواج زلزله به شهروندان هشدار می‌دهد.</p>
<p>به گفتهٔ مدیرعامل این سازمان، حسگرهای سامانه در گسل‌های اطراف پایتخت نصب شده‌اند و داده‌ها را پیوسته به مرکز پایش می‌فرستند.</p>
<p>این سامانه در مرحلهٔ نخست برای مدارس و بیمارستان‌ها به کار گرفته می‌شود و سپس به همهٔ شهروندان گسترش می‌یابد.</p>
<img src="https://www.example.ir/images/quake.png"></article>
<footer>همهٔ حقوق محفوظ است.</footer></body></html>"""


def chromium_mhtml(page: str = PAGE, *, transfer: str = "quoted-printable") -> bytes:
    body = quopri.encodestring(page.encode("utf-8")) if transfer == "quoted-printable" else base64.encodebytes(
        page.encode("utf-8"))
    parts = [
        "From: <Saved by Blink>",
        f"Snapshot-Content-Location: {URL}",
        "Subject: =?utf-8?Q?=D8=B3=D8=A7=D9=85=D8=A7=D9=86=D9=87?=",
        "Date: Mon, 30 Nov 2026 15:00:00 -0000",
        "MIME-Version: 1.0",
        "Content-Type: multipart/related;",
        '\ttype="text/html";',
        f'\tboundary="{BOUNDARY}"',
        "",
        "",
        f"--{BOUNDARY}",
        "Content-Type: text/html",
        "Content-ID: <frame-8E3F0C0D2C2A5D7B1F3E0A9C6B4D2E1F@mhtml.blink>",
        f"Content-Transfer-Encoding: {transfer}",
        f"Content-Location: {URL}",
        "",
    ]
    head = "\r\n".join(parts).encode() + b"\r\n" + body.replace(b"\n", b"\r\n")
    css = ("\r\n".join(["", f"--{BOUNDARY}", "Content-Type: text/css", "Content-Transfer-Encoding: quoted-printable",
                        "Content-Location: https://www.example.ir/static/site.css", "", "body { direction: rtl; }",
                        f"--{BOUNDARY}", "Content-Type: image/png", "Content-Transfer-Encoding: base64",
                        "Content-Location: https://www.example.ir/images/quake.png", "",
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
                        f"--{BOUNDARY}--", ""])).encode()
    return head + css


@pytest.mark.parametrize("transfer", ["quoted-printable", "base64"])
def test_saved_page_read_like_html(tmp_path: Path, transfer: str) -> None:
    path = tmp_path / "page.mhtml"
    path.write_bytes(chromium_mhtml(transfer=transfer))
    [article] = read_articles(path)
    assert article.title == "سامانهٔ تازهٔ هشدار زلزله در تهران راه‌اندازی شد"
    assert article.url == URL
    assert article.lead.startswith("سازمان مدیریت بحران شهر تهران از راه‌اندازی سامانه‌ای خبر داد")
    assert "حسگرهای سامانه در گسل‌های اطراف پایتخت" in article.text
    assert "صفحهٔ نخست" not in article.text and "حقوق محفوظ" not in article.text
    assert article.tags == ["زلزله", "تهران", "مدیریت بحران"]


def test_mht_name_and_mhtml_without_html_part(tmp_path: Path) -> None:
    path = tmp_path / "page.mht"
    path.write_bytes(chromium_mhtml().replace(b"Content-Type: text/html\r\n", b"Content-Type: text/plain\r\n"))
    with pytest.raises(ImportFailure, match="no HTML page"):
        read_articles(path)


def test_a_page_with_100_000_parts_is_refused_not_parsed(tmp_path: Path) -> None:
    # The saved page followed by 100,000 one-pixel images: parsing them all took ~40 s for nothing.
    image = "\r\n".join(["", f"--{BOUNDARY}", "Content-Type: image/png", "Content-Transfer-Encoding: base64",
                         "Content-Location: https://www.example.ir/images/{n}.png", "",
                         "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="])
    page = chromium_mhtml()
    closing = f"\r\n--{BOUNDARY}--\r\n".encode()
    images = "".join(image.replace("{n}", str(n)) for n in range(100_000)).encode()
    path = tmp_path / "page.mhtml"
    path.write_bytes(page[:page.rindex(closing)] + images + closing)
    with pytest.raises(ImportFailure, match="more than 2,000 parts"):
        read_articles(path)
    few = tmp_path / "few.mhtml"
    few.write_bytes(page[:page.rindex(closing)] + images[:len(images) // 100] + closing)  # 1,000 images: a page
    assert read_articles(few)[0].url == URL
