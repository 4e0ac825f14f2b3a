"""A page captured in a WARC keeps the pictures it shows (issue 27): each <img> of its HTML, resolved
against the page's URI, found among the image records of the same file (chunked and gzip-encoded
ones too), taken out once into the data folder by hash, with its caption. Icons and tracking pixels,
pictures captured only as revisits or not at all, and hostile or cut-off image records are left out;
the page stays. The same for the WARC inside a WACZ package."""

from __future__ import annotations

import gzip
import io
import json
import shutil
import struct
import subprocess
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.importers.warc_files import page

RunCli = Callable[..., tuple[int, str, str]]
SITE = "https://www.example.ir"
CAPTION = "بازدید وزیر از بندر شهید رجایی"
FIRST = (f"{SITE}/news/1", "بازگشایی مدارس پس از تعطیلات نوروز",
         "مدارس سراسر کشور از امروز پس از تعطیلات نوروز بازگشایی شدند و دانش‌آموزان به کلاس‌ها بازگشتند.")
SECOND = (f"{SITE}/news/2", "آغاز برداشت گندم در خوزستان",
          "برداشت گندم از مزارع استان خوزستان آغاز شد و پیش‌بینی می‌شود تولید امسال افزایش یابد.")
THIRD = (f"{SITE}/news/3", "گشایش پل تازه بر رودخانهٔ کارون",
         "پل تازه‌ای بر رودخانهٔ کارون در اهواز گشایش یافت و ترافیک مرکز شهر را کاهش می‌دهد.")


def picture(size: tuple[int, int], format_name: str, colour: str = "teal") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format=format_name)
    return out.getvalue()


PHOTO = picture((320, 200), "JPEG")
CHART = picture((200, 120), "PNG", "orange")
ENCODED = picture((160, 100), "PNG", "navy")  # sent chunked and gzip-encoded
ICON = picture((32, 32), "PNG")
PIXEL = picture((1, 1), "GIF")
UNSHOWN = picture((300, 300), "PNG", "red")  # in the WARC, shown by no page


def with_pictures(title: str, paragraph: str, pictures: str) -> bytes:
    return page(title, paragraph).replace(b"</article>", pictures.encode() + b"</article>")


FIRST_PICTURES = (
    f'<figure><img src="/images/port.jpg#zoom" alt="alt text"><figcaption>{CAPTION}</figcaption></figure>'
    '<img src="chart.png" alt="نمودار صادرات"><img src="/icon.png" alt="icon"><img src="/pixel.gif">'
    '<img src="data:image/png;base64,AAAA" data-src="//www.example.ir/images/encoded.png" title="نقشهٔ راه">'
    '<img src="https://cdn.example.ir/never-captured.jpg" alt="گم‌شده"><img src="/images/revisited.jpg" alt="دیده‌شده">'
)


class Crawl:
    """A WARC written by warcio as a crawler writes it: request and response records."""

    def __init__(self, stream: io.BytesIO, *, compressed: bool) -> None:
        self.writer = WARCWriter(stream, gzip=compressed)

    def response(self, uri: str, content_type: str, body: bytes, headers: list[tuple[str, str]] | None = None,
                 length: int | None = None) -> None:
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type), *(headers or [])], protocol="HTTP/1.1")
        request = self.writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"),
                                                 length=18, warc_headers_dict={"WARC-Date": "2024-05-01T08:00:00Z"})
        self.writer.write_record(request)
        record = self.writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                length=len(body) if length is None else length, http_headers=http,
                                                warc_headers_dict={"WARC-Date": "2024-05-01T08:00:00Z"})
        self.writer.write_record(record)

    def revisit(self, uri: str) -> None:
        self.writer.write_record(self.writer.create_revisit_record(uri, digest="sha1:AAAA", refers_to_uri=uri,
                                                                   refers_to_date="2024-04-01T08:00:00Z"))


def chunked(body: bytes, size: int = 700) -> bytes:
    pieces = [body[i:i + size] for i in range(0, len(body), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in pieces) + b"0\r\n\r\n"


def crawl(compressed: bool) -> bytes:
    stream = io.BytesIO()
    warc = Crawl(stream, compressed=compressed)
    warc.response(FIRST[0], "text/html; charset=utf-8", with_pictures(*FIRST[1:], FIRST_PICTURES))
    warc.response(f"{SITE}/images/port.jpg", "image/jpeg", PHOTO)
    warc.response(f"{SITE}/news/chart.png", "image/png", CHART)
    warc.response(f"{SITE}/icon.png", "image/png", ICON)
    warc.response(f"{SITE}/pixel.gif", "image/gif", PIXEL)
    warc.response(f"{SITE}/images/encoded.png", "image/png", chunked(gzip.compress(ENCODED)),
                  [("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")])
    warc.response(f"{SITE}/images/unshown.png", "image/png", UNSHOWN)
    warc.revisit(f"{SITE}/images/revisited.jpg")
    # The second page shows the first one's photo again, by another relative URL.
    warc.response(SECOND[0], "text/html; charset=utf-8",
                  with_pictures(*SECOND[1:], '<img src="../images/port.jpg" alt="اسکله">'))
    return stream.getvalue()


def shown_images(run_cli: RunCli) -> dict[str, list[dict[str, str]]]:
    """Each article's pictures by its title; each page shows them after its paragraphs, so they stand
    at the end of its text."""
    rows = json.loads(run_cli("list", "--json")[1])
    shown = {row["title"]: json.loads(run_cli("show", row["id"], "--json")[1]) for row in rows}
    for article in shown.values():
        assert all(image.pop("offset") == len(article["text"]) for image in article["images"]), article
    return {title: article["images"] for title, article in shown.items()}


def wacz(warc: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("archive/data.warc.gz", warc)
        package.writestr("datapackage.json", json.dumps({"profile": "data-package", "wacz_version": "1.1.1"}))
    return out.getvalue()


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz", "crawl.wacz"])
def test_a_warc_page_keeps_the_pictures_it_shows(tmp_path: Path, run_cli: RunCli, name: str) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    warc = crawl(compressed=not name.endswith(".warc"))
    (archive / name).write_bytes(wacz(warc) if name.endswith(".wacz") else warc)
    code, out, err = run_cli("index", str(archive), "--json")
    assert code == 0 and json.loads(out)["added"] == 2 and not json.loads(out)["failed"], out + err
    images = shown_images(run_cli)
    extracted = tmp_path / "data" / "images"
    by_content = {path.read_bytes(): path for path in extracted.iterdir()}
    # Taken out: the three shown pictures, once each; never the icon, the pixel or the picture no page shows.
    assert set(by_content) == {PHOTO, CHART, ENCODED}
    photo, chart, encoded = (str(by_content[payload]) for payload in (PHOTO, CHART, ENCODED))
    assert images[FIRST[1]] == [{"path": photo, "caption": CAPTION}, {"path": chart, "caption": "نمودار صادرات"},
                                {"path": encoded, "caption": "نقشهٔ راه"}]
    assert images[SECOND[1]] == [{"path": photo, "caption": "اسکله"}]
    with Image.open(photo) as opened:
        assert (opened.format, opened.size) == ("JPEG", (320, 200))
    assert Path(photo).suffix == ".jpg" and Path(encoded).suffix == ".png"


def test_pictures_are_taken_out_once_and_a_page_appended_later_finds_earlier_ones(tmp_path: Path,
                                                                                   run_cli: RunCli) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    path = archive / "crawl.warc.gz"
    path.write_bytes(crawl(True))
    assert run_cli("index", str(archive))[0] == 0
    extracted = tmp_path / "data" / "images"
    before = {item.name: (item.stat().st_mtime_ns, item.stat().st_ino) for item in extracted.iterdir()}
    assert len(before) == 3
    grown = io.BytesIO()
    Crawl(grown, compressed=True).response(THIRD[0], "text/html; charset=utf-8",
                                           with_pictures(*THIRD[1:], f'<img src="{SITE}/news/chart.png">'))
    with open(path, "ab") as stream:  # the crawler went on: a page showing a picture captured before
        stream.write(grown.getvalue())
    code, out, err = run_cli("index", str(archive), "--json")
    assert code == 0 and json.loads(out)["added"] == 1, out + err
    after = {item.name: (item.stat().st_mtime_ns, item.stat().st_ino) for item in extracted.iterdir()}
    assert after == before  # nothing written again
    images = shown_images(run_cli)
    assert [Path(image["path"]).read_bytes() for image in images[THIRD[1]]] == [CHART]
    assert len(images[FIRST[1]]) == 3


def png_claiming(width: int, height: int) -> bytes:
    """A real PNG whose header is rewritten to claim `width` x `height` pixels (its CRC made right again)."""
    data = bytearray(picture((100, 100), "PNG"))
    header = b"IHDR" + struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = header[4:]
    data[29:33] = struct.pack(">I", zlib.crc32(header))
    return bytes(data)


def hostile_crawl(shown_by: tuple[str, str, str], pictures: str) -> bytes:
    stream = io.BytesIO()
    warc = Crawl(stream, compressed=False)
    warc.response(shown_by[0], "text/html; charset=utf-8", with_pictures(*shown_by[1:], pictures))
    warc.response(f"{SITE}/photo.jpg", "image/jpeg", PHOTO)
    warc.response(f"{SITE}/bomb.png", "image/png", png_claiming(100_000, 100_000))
    # A real picture padded past the 32 MB a picture may have: gzip-encoded to 64 MB, and plainly.
    warc.response(f"{SITE}/gzip-bomb.png", "image/png", gzip.compress(CHART + bytes(64 << 20), 9),
                  [("Content-Encoding", "gzip")])
    warc.response(f"{SITE}/huge.png", "image/png", CHART + bytes(33 << 20))
    return stream.getvalue()


def test_hostile_image_records_fail_alone_and_the_page_stays(tmp_path: Path, run_cli: RunCli) -> None:
    pictures = ''.join(f'<img src="/{name}" alt="{name}">' for name in
                       ("photo.jpg", "bomb.png", "gzip-bomb.png", "huge.png", "endless.png", "cut.png"))
    endless = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + SITE.encode() + b"/endless.png\r\n"
               b"Content-Type: application/http; msgtype=response\r\nContent-Length: 99999999999999999999\r\n\r\n"
               b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n" + CHART)
    cut = io.BytesIO()
    Crawl(cut, compressed=False).response(f"{SITE}/cut.png", "image/png", CHART)
    archive = tmp_path / "archive"
    archive.mkdir()
    # An image record whose Content-Length has 20 digits; another cut off mid-way (the crawler was stopped).
    (archive / "endless.warc").write_bytes(hostile_crawl(FIRST, pictures) + endless)
    (archive / "cut.warc").write_bytes(hostile_crawl(SECOND, pictures) + cut.getvalue()[:-len(CHART) // 2])
    code, out, err = run_cli("index", str(archive), "--json")
    report = json.loads(out)
    assert code == 0 and report["added"] == 2 and not report["failed"], out + err
    assert "Traceback" not in err
    extracted = tmp_path / "data" / "images"
    assert [item.read_bytes() for item in extracted.iterdir()] == [PHOTO]
    rows = json.loads(run_cli("list", "--json")[1])
    for row in rows:
        shown = json.loads(run_cli("show", row["id"], "--json")[1])
        assert shown["images"] == [{"path": str(next(extracted.iterdir())), "caption": "photo.jpg",
                                    "offset": len(shown["text"])}], shown["url"]


@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="poppler-utils is not installed")
def test_the_pdf_export_of_a_warc_page_holds_its_pictures(qapp, tmp_path: Path, run_cli: RunCli) -> None:
    # qapp: the export in this process uses the QApplication, not one of its own (tests/conftest.py)
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "crawl.warc").write_bytes(crawl(False))
    assert run_cli("index", str(archive))[0] == 0
    [row] = [row for row in json.loads(run_cli("list", "--json")[1]) if row["title"] == FIRST[1]]
    out = tmp_path / "article.pdf"
    code, _, err = run_cli("export-pdf", row["id"], "--out", str(out))
    assert code == 0, err
    listed = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    assert len([line for line in listed.splitlines()[2:] if line.strip()]) == 3
