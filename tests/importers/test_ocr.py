"""Scans read by Tesseract's Persian model: images (PNG, JPEG, multi-page TIFF) and image-only PDFs
become articles titled by their largest line; pages are cached by hash in the data folder; hostile
images are refused with a message, never a crash."""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from viewer.core.errors import ImportFailure
from viewer.importers.reader import read_articles

from .scans import cer, png_bytes, render_page

TITLE = "بازگشایی کتابخانهٔ ملی پس از مرمت"
PAGE_ONE = ["کتابخانهٔ ملی ایران پس از دو سال مرمت امروز درهای خود را", "به روی پژوهشگران و دانشجویان گشود."]
PAGE_TWO = ["بخش نسخه‌های خطی نیز تا پایان سال بازگشایی خواهد شد", "و تالار مطبوعات قدیمی دوباره باز می‌شود."]
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is not installed")


def _two_pages() -> list[Image.Image]:
    return [render_page(TITLE, PAGE_ONE), render_page("", PAGE_TWO)]


def test_png_scan_becomes_an_article_titled_by_its_largest_line(tmp_path: Path) -> None:
    path = tmp_path / "scan-0001.png"
    path.write_bytes(png_bytes(render_page(TITLE, PAGE_ONE)))
    [article] = read_articles(path)
    assert cer(TITLE, article.title) < 0.1
    assert cer(" ".join(PAGE_ONE), article.text) < 0.1
    assert article.text_source == "ocr"


def test_a_title_wrapped_over_two_lines_is_the_whole_title(tmp_path: Path) -> None:
    path = tmp_path / "IMG_20240311_0931.jpg"
    wrapped = "بازگشایی کتابخانهٔ ملی ایران\nپس از دو سال مرمت"
    path.write_bytes(png_bytes(render_page(wrapped, PAGE_ONE), "JPEG", quality=90))
    [article] = read_articles(path)
    assert cer(wrapped.replace("\n", " "), article.title) < 0.1
    assert cer(" ".join(PAGE_ONE), article.text) < 0.1


def test_multi_page_tiff_keeps_every_page_and_its_breaks(tmp_path: Path) -> None:
    first, second = _two_pages()
    path = tmp_path / "clipping.tif"
    first.save(path, save_all=True, append_images=[second], compression="tiff_lzw")
    [article] = read_articles(path)
    assert article.pages == 2
    # no paragraph runs over the page break: the first holds page one, the others page two
    assert cer(" ".join(PAGE_ONE), article.blocks[0].text) < 0.1
    assert cer(" ".join(PAGE_TWO), " ".join(block.text for block in article.blocks[1:])) < 0.1


def test_image_only_pdf_is_read_by_ocr_with_all_its_pages(tmp_path: Path) -> None:
    first, second = _two_pages()
    path = tmp_path / "edition.pdf"
    first.save(path, format="PDF", save_all=True, append_images=[second], resolution=150)
    [article] = read_articles(path)
    assert (article.text_source, article.pages) == ("ocr", 2)
    assert cer(TITLE, article.title) < 0.1
    assert cer(" ".join(PAGE_ONE + PAGE_TWO), article.text) < 0.1


def test_pdf_whose_text_layer_is_a_legacy_font_is_read_by_ocr(tmp_path: Path, qapp: object) -> None:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPageSize, QPainter, QPdfWriter

    page = render_page(TITLE, PAGE_ONE)
    image = QImage.fromData(png_bytes(page))
    path = tmp_path / "legacy-font.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(150)
    painter = QPainter(writer)
    painter.drawImage(QRectF(0, 0, page.width, page.height), image)
    painter.setPen(QColor("white"))
    # What a non-Unicode Persian font's glyph codes come out as (Windows-1256 bytes read as Latin-1).
    painter.drawText(20, page.height + 40, "ÈÇÒÔÇíí ßÊÇÈÎÇäåò ãáí ÇÓ ÇÒ ãÑãÊ ßÊÇÈÎÇäå ãáí ÇíÑÇä")
    painter.end()
    [article] = read_articles(path)
    assert article.text_source == "ocr"
    assert cer(" ".join(PAGE_ONE), article.text) < 0.1


def test_reindex_reads_only_changed_pages_from_tesseract(tmp_path: Path, run_cli: Callable[..., tuple[int, str, str]]) -> None:
    first, second = _two_pages()
    folder = tmp_path / "scans"
    folder.mkdir()
    path = folder / "clipping.tif"
    first.save(path, save_all=True, append_images=[second])
    assert run_cli("index", str(folder), "--json")[0] == 0
    cache = tmp_path / "data" / "ocr-cache"
    entries = sorted(cache.rglob("*.json"))
    assert len(entries) == 2
    # Mark what the cache says of each page: a page taken from the cache brings its mark along.
    for number, entry in enumerate(entries):
        rows = json.loads(entry.read_text("utf-8"))
        rows[0][0] += f" نشانی{number}"
        entry.write_text(json.dumps(rows, ensure_ascii=False), "utf-8")
    changed = render_page("", ["خبر تازه‌ای از تالار مطبوعات رسید."])
    first.save(path, save_all=True, append_images=[changed])
    code, out, _ = run_cli("index", str(folder), "--json")
    assert code == 0, out
    assert len(sorted(cache.rglob("*.json"))) == 3  # one new page read
    [row] = json.loads(run_cli("list", "--json")[1])
    shown = json.loads(run_cli("show", row["id"], "--json")[1])
    marks = [f"نشانی{n}" for n in range(2) if f"نشانی{n}" in shown["title"] + shown["text"]]
    assert len(marks) == 1  # the unchanged page came from the cache, the changed one was read again
    assert (shown["text_source"], shown["pages"]) == ("ocr", 2)
    assert "تالار" in shown["text"]


def _png_header_only(width: int, height: int) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + chunk(b"IEND", b"")


def _tiff_of_pages(count: int) -> bytes:
    """A little-endian TIFF of `count` 1×1 grey pages sharing one strip: tiny, yet `count` pages."""
    entries = [(256, 3, 1), (257, 3, 1), (258, 3, 8), (259, 3, 1), (262, 3, 1), (273, 4, 8), (277, 3, 1),
               (278, 3, 1), (279, 4, 1)]
    out = bytearray(b"II*\x00" + struct.pack("<I", 16) + b"\x80" + b"\0" * 7)
    for number in range(count):
        following = 0 if number == count - 1 else len(out) + 2 + 12 * len(entries) + 4
        out += struct.pack("<H", len(entries))
        for tag, kind, value in entries:
            out += struct.pack("<HHII", tag, kind, 1, value)
        out += struct.pack("<I", following)
    return bytes(out)


@pytest.mark.parametrize(("name", "make", "message"), [
    ("bomb.png", lambda: _png_header_only(100_000, 100_000), "too large"),
    ("pages.tif", lambda: _tiff_of_pages(10_000), "at most"),
    ("cut.png", lambda: png_bytes(render_page(TITLE, PAGE_ONE))[:3000], "truncated"),
    ("cut.jpg", lambda: png_bytes(render_page(TITLE, PAGE_ONE), "JPEG")[:2000], "truncated"),
])
def test_hostile_images_are_refused_with_a_message(tmp_path: Path, name: str, make: Callable[[], bytes],
                                                   message: str) -> None:
    path = tmp_path / name
    path.write_bytes(make())
    with pytest.raises(ImportFailure, match=message) as failure:
        read_articles(path)
    assert failure.value.fa


@pytest.mark.parametrize(("name", "convert"), [
    ("cmyk.jpg", lambda page: png_bytes(page.convert("CMYK"), "JPEG", quality=92)),
    ("deep.png", lambda page: png_bytes(page.convert("I").point(lambda v: v * 257).convert("I;16"))),
    ("palette.png", lambda page: png_bytes(page.convert("P"))),
])
def test_cmyk_16_bit_and_palette_images_are_read(tmp_path: Path, name: str,
                                                 convert: Callable[[Image.Image], bytes]) -> None:
    path = tmp_path / name
    path.write_bytes(convert(render_page(TITLE, PAGE_ONE)))
    [article] = read_articles(path)
    assert cer(" ".join(PAGE_ONE), article.text) < 0.1


def test_without_tesseract_scans_are_skipped_with_the_packages_to_install(tmp_path: Path) -> None:
    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / "page.png").write_bytes(png_bytes(render_page(TITLE, PAGE_ONE)))
    tools = tmp_path / "bin"  # poppler's tools, no tesseract
    tools.mkdir()
    for tool in ("pdftotext", "pdfinfo", "pdftoppm"):
        if found := shutil.which(tool):
            (tools / tool).symlink_to(found)
    env = os.environ | {"PATH": str(tools), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "viewer", "--data-dir", str(tmp_path / "data"), "index", str(folder),
                           "--json"], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    [skipped] = json.loads(done.stdout)["skipped"]
    assert "tesseract-ocr tesseract-ocr-fas" in skipped["reason"]
    assert "tesseract-ocr-fas" in skipped["reason_fa"]


def _long_scan(folder: Path, pages: int) -> None:
    folder.mkdir()
    lines = PAGE_ONE + PAGE_TWO
    images = [render_page(TITLE, PAGE_ONE), *(render_page("", [lines[n % len(lines)]]) for n in range(pages - 1))]
    images[0].save(folder / "edition.tif", save_all=True, append_images=images[1:])


def test_cancelling_a_sync_stops_a_scan_at_the_next_page(tmp_path: Path) -> None:
    from viewer.core.errors import CancelledError
    from viewer.core.paths import DataPaths
    from viewer.search.indexing.archive_index import open_index
    from viewer.search.indexing.sync import sync_sources

    _long_scan(tmp_path / "scans", 5)
    derived = DataPaths.resolve(tmp_path / "data").derived
    ix, _ = open_index(tmp_path / "index")

    def read_one_page() -> bool:  # cancelled as soon as the first page has been read
        return derived.ocr_cache.is_dir() and any(derived.ocr_cache.rglob("*.json"))

    with pytest.raises(CancelledError):  # read in this process: asked before each page
        sync_sources(ix, tmp_path / "index", [tmp_path / "scans"], workers=0, derived=derived, cancel=read_one_page)
    assert len(list(derived.ocr_cache.rglob("*.json"))) == 1  # not the five pages
    with ix.reader() as reader:
        assert reader.doc_count_all() == 0
    # The cancelled sync's question and folders are not left behind for the next reading in this process.
    [article] = read_articles(tmp_path / "scans" / "edition.tif")
    assert article.text_source == "ocr"
    assert len(list(derived.ocr_cache.rglob("*.json"))) == 1  # read outside a sync: not written to its cache


def test_cancelling_a_sync_stops_a_worker_in_the_middle_of_a_scan(tmp_path: Path) -> None:
    from viewer.app.library import Library
    from viewer.core.errors import CancelledError
    from viewer.core.paths import DataPaths

    pages = 16
    _long_scan(tmp_path / "scans", pages)
    paths = DataPaths.resolve(tmp_path / "data").ensure()
    cache = paths.derived.ocr_cache

    def read_one_page() -> bool:
        return cache.is_dir() and any(cache.rglob("*.json"))

    with Library(paths) as library:
        with pytest.raises(CancelledError):  # read by a worker: stopped with the pool, not waited for
            library.sync([tmp_path / "scans"], cancel=read_one_page)
        assert library.article_count == 0
    assert len(list(cache.rglob("*.json"))) < pages
