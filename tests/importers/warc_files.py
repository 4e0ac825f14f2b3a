"""Web archives written with warcio, as a crawler writes them: warcinfo, request and response
records, pages, images, stylesheets, a redirect, a 404, a second capture and a revisit."""

from __future__ import annotations

import io
from typing import BinaryIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def page(title: str, paragraph: str) -> bytes:
    return (f'<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>{title}</title></head>'
            f"<body><nav>صفحهٔ نخست | ورزشی | سیاسی</nav><article><h1>{title}</h1><p>{paragraph}</p>"
            f"<p>{paragraph} این بند دوم همان خبر است که جملهٔ کامل دارد.</p></article></body></html>").encode()


PAGES = [
    ("https://www.example.ir/news/1", "2024-05-01T08:00:00Z", "بازگشایی مدارس پس از تعطیلات نوروز",
     "مدارس سراسر کشور از امروز پس از تعطیلات نوروز بازگشایی شدند و دانش‌آموزان به کلاس‌ها بازگشتند."),
    ("https://www.example.ir/news/2", "2024-05-01T08:01:00Z", "آغاز برداشت گندم در خوزستان",
     "برداشت گندم از مزارع استان خوزستان آغاز شد و پیش‌بینی می‌شود تولید امسال افزایش یابد."),
    ("https://www.example.ir/news/3", "2024-05-02T09:30:00Z", "گشایش پل تازه بر رودخانهٔ کارون",
     "پل تازه‌ای بر رودخانهٔ کارون در اهواز گشایش یافت و ترافیک مرکز شهر را کاهش می‌دهد."),
]


def _response(writer: WARCWriter, uri: str, date: str, status: str, content_type: str, body: bytes,
              extra: list[tuple[str, str]] | None = None) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type), *(extra or [])], protocol="HTTP/1.1")
    # With its length given, warcio writes the payload without buffering it in a temporary file.
    record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def write_crawl(stream: BinaryIO, pages: list[tuple[str, str, str, str]], *, gzip: bool, extras: bool = True) -> None:
    writer = WARCWriter(stream, gzip=gzip)
    if extras:
        writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "warcio", "format": "WARC 1.0"}))
    for uri, date, title, paragraph in pages:
        get = b"GET / HTTP/1.1\r\nHost: www.example.ir\r\n\r\n"
        request = writer.create_warc_record(uri, "request", payload=io.BytesIO(get), length=len(get),
                                            warc_headers_dict={"WARC-Date": date})
        writer.write_record(request)
        _response(writer, uri, date, "200 OK", "text/html; charset=utf-8", page(title, paragraph))
    if not extras:
        return
    _response(writer, "https://www.example.ir/logo.png", "2024-05-01T08:02:00Z", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n")
    _response(writer, "https://www.example.ir/site.css", "2024-05-01T08:02:00Z", "200 OK", "text/css",
              b"body{direction:rtl}")
    _response(writer, "https://www.example.ir/old", "2024-05-01T08:03:00Z", "301 Moved Permanently", "text/html",
              page("جابه‌جا شد", "این صفحه به نشانی دیگری رفته است و متن خبری ندارد اما بلند است."),
              [("Location", "https://www.example.ir/news/1")])
    _response(writer, "https://www.example.ir/missing", "2024-05-01T08:04:00Z", "404 Not Found", "text/html",
              page("پیدا نشد", "صفحه‌ای که خواستید پیدا نشد و شاید پاک شده باشد یا هرگز نبوده است."))
    uri, date, title, paragraph = pages[0]  # the crawler came back: a second capture of the first page
    _response(writer, uri, "2024-05-03T10:00:00Z", "200 OK", "text/html", page(title + " (دوباره)", paragraph))
    revisit = writer.create_revisit_record(uri, digest="sha1:AAAA", refers_to_uri=uri, refers_to_date=date)
    writer.write_record(revisit)
