"""PDFs printed by Chromium and LibreOffice and written by Bayegan's own exporter, read back as the
article they were made from: title, paragraphs in logical order, letters not presentation forms,
ZWNJ kept, tags and url."""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path

import pytest

from viewer.core.article import Article
from viewer.core.errors import ImportFailure
from viewer.importers.documents.pdf_text import logical_line, paragraphs, repair_lines
from viewer.importers.reader import read_articles

DATA = Path(__file__).parent.parent / "data" / "importers"
TITLE = "افزایش صادرات غیرنفتی ایران در سال ۱۴۰۲"
LEAD = ("به گزارش خبرگزاری‌ها، صادرات غیرنفتی کشور در نه ماه نخست امسال نسبت به مدت مشابه سال گذشته افزایش یافت "
        "و کارشناسان می‌گویند این روند در ماه‌های آینده نیز ادامه خواهد داشت.")
SECOND = ("رئیس سازمان توسعهٔ تجارت گفت: بازارهای تازه‌ای در آسیای میانه و آفریقا گشوده شده است "
          "و شرکت‌های دانش‌بنیان سهم بیشتری از صادرات دارند.")
LAST = "چین، عراق، امارات و ترکیه همچنان بزرگ‌ترین خریداران کالاهای ایرانی هستند."

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")


def _only(path: Path) -> Article:
    [article] = read_articles(path)
    every = article.title + article.text
    assert not any("\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff" for c in every), "presentation forms left"
    assert not any(unicodedata.bidirectional(c) in ("LRE", "RLE", "PDF", "LRM", "RLM") for c in every)
    return article


def test_chromium_print_reads_back_as_typed() -> None:
    article = _only(DATA / "article-chromium.pdf")
    assert article.title == TITLE  # from the document information (the <title>)
    assert article.text.split("\n") == [LEAD, SECOND, "بازارهای هدف", LAST]
    assert article.block_kinds == "lphp"


def test_libreoffice_pdf_title_keywords_and_order() -> None:
    article = _only(DATA / "article-libreoffice.pdf")
    assert article.title == TITLE
    assert article.tags == ["اقتصاد", "صادرات غیرنفتی"]
    lines = article.text.split("\n")
    assert lines[:2] == [LEAD, SECOND]
    assert lines[2] == "بازارهای هدف"
    # LibreOffice maps its lam-alef ligature glyph to "ال": the one word PDF text cannot give back.
    assert lines[3].replace("کاالهای", "کالاهای") == LAST


def test_bayegan_export_round_trip_keeps_url_and_tags() -> None:
    article = _only(DATA / "article-bayegan-export.pdf")
    assert article.title == TITLE
    assert article.url == "https://example.ir/news/1"
    assert article.tags == ["اقتصاد"]
    assert article.text.split("\n") == [LEAD, SECOND, LAST]  # page footer and header lines dropped


def test_title_from_first_line_when_the_pdf_has_none(tmp_path: Path) -> None:
    data = (DATA / "article-chromium.pdf").read_bytes()
    start = data.index(b"/Title")
    end = data.index(b")", data.index(b"(", start)) if data[start + 7:start + 8] == b"(" else data.index(b">", start)
    path = tmp_path / "untitled.pdf"
    path.write_bytes(data[:start] + b"/Xitle" + data[start + 6:end] + data[end:])
    article = _only(path)
    assert article.title == "افزایش صادرات غیرنفتی ایران"  # the first line as printed
    assert article.text.split("\n")[1] == LEAD


def _image_only_pdf() -> bytes:
    """A one-page PDF that draws a filled square and no text, as a scanner's PDF has no text layer."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>"]
    stream = b"0 0 1 rg 20 20 160 160 re f"
    objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_without_text_layer_nor_text_to_read_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(_image_only_pdf())
    with pytest.raises(ImportFailure, match=r"No text was found|not installed") as failure:
        read_articles(path)
    assert "OCR" in failure.value.fa


def test_damaged_pdf_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes((DATA / "article-chromium.pdf").read_bytes()[:900])
    with pytest.raises(ImportFailure):
        read_articles(path)


def test_visual_order_lines_come_back_logical() -> None:
    """pdfminer's order (visual, presentation forms) for «به گزارش خبرگزاری‌ها سال ۱۴۰۲»."""
    typed = "به گزارش خبرگزاری ها سال ۱۴۰۲"
    assert logical_line(logical_line(typed)) == typed
    visual = ("۱۴۰۲ \ufedd\ufe8e\ufeb3 \ufe8e\ufeeb \ufbfc\ufead\ufe8d\ufeb0\ufb94\ufeae\ufe92\ufea7 "
              "\ufeb5\ufead\ufe8d\ufeb0\ufb94 \ufeea\ufe91")
    assert repair_lines("\n".join([visual] * 3)) == ["به گزارش خبرگزاری ها سال ۱۴۰۲"] * 3


def test_zwnj_restored_from_letter_forms() -> None:
    """Qt's PDFs draw می‌گویند with the ZWNJ as a gap only: a final ی followed by an initial گ."""
    assert repair_lines("\ufee3\ufbfd\ufb94\ufeee\ufbfe\ufee8\ufeaa \ufeb7\ufeae\ufb8f\ufe96\ufeeb\ufe8e\ufbfc") == [
        "می\u200cگویند شرکت\u200cهای"]


def test_words_broken_at_line_ends_are_joined() -> None:
    lines = ["خبرنگاران می\u200c", "گویند که گزارش دربارهٔ multi-", "lingual archives منتشر شد.", "پایان"]
    assert paragraphs(lines) == ["خبرنگاران می\u200cگویند که گزارش دربارهٔ multilingual archives منتشر شد.", "پایان"]


UNTITLED_PAGE_TITLE = "گزارش بلند از پل خواجو"
FIRST_PARAGRAPH = ("پل تاریخی خواجو پس از دو سال مرمت امروز به روی مردم باز شد و شهروندان از ساعات نخست صبح "
                   "برای دیدن آن آمدند.")


def test_a_file_name_in_the_title_gives_way_to_the_first_heading() -> None:
    """Issue 32 item 2: Chromium's "Save as PDF" of a page without <title> writes the HTML file's
    name as the Title, and prints the date, the address and "1/2" on each page."""
    article = _only(DATA / "untitled-page-chromium.pdf")
    assert article.title == UNTITLED_PAGE_TITLE  # not "untitled-page.html"
    paragraphs_read = article.text.split("\n")
    assert paragraphs_read[0] == FIRST_PARAGRAPH
    assert len(paragraphs_read) == 20 and all(p.endswith(".") for p in paragraphs_read)
    assert not any(margin in article.text for margin in ("file://", "untitled-page", "1/2", "2/2", "PM"))


def test_a_title_that_is_the_pdfs_own_name_gives_way_too(tmp_path: Path) -> None:
    named = tmp_path / "khabar-0042.pdf"
    shutil.copy(DATA / "khabar-0042.pdf", named)
    assert _only(named).title == "بازگشایی پل تاریخی اصفهان"
    other = tmp_path / "bridge.pdf"  # under another name, "khabar-0042" is what the author called it
    shutil.copy(DATA / "khabar-0042.pdf", other)
    assert _only(other).title == "khabar-0042"


def test_the_largest_line_of_the_first_page_is_the_title() -> None:
    """Without a title, the heading printed under a small breadcrumb line is the title, not the
    breadcrumb."""
    article = _only(DATA / "breadcrumb-page-chromium.pdf")
    assert article.title == "بازگشایی پل تاریخی اصفهان"
    assert article.text.split("\n")[0] == "خبرگزاری نمونه › فرهنگی › میراث"


@pytest.mark.parametrize(("title", "real"), [
    ("untitled-page.html", False), ("news_1402.HTM", False), ("report.docx", False), ("Untitled", False),
    ("untitled document", False), ("Document1", False), ("Microsoft Word - گزارش.docx", False),
    ("Microsoft Word - گزارش سالانه", False), ("بی‌عنوان", False), ("https://www.irna.ir/news/85000001", False),
    ("www.isna.ir/news/1402050100001", False), ("file:///home/user/page.html", False), ("", False),
    ("بازگشایی پل تاریخی اصفهان", True), ("Document management in archives", True), ("Untitled memories", True),
])
def test_what_is_no_title(title: str, real: bool) -> None:
    from viewer.importers.documents.pdf_format import is_real_title

    assert is_real_title(title, "bridge.pdf") is real


def test_untitled_pdf_through_the_command_line(run_cli, tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.copy(DATA / "untitled-page-chromium.pdf", archive / "saved.pdf")
    code, _out, err = run_cli("index", str(archive))
    assert code == 0, err
    code, out, _err = run_cli("list", "--json")
    [row] = json.loads(out)
    assert row["title"] == UNTITLED_PAGE_TITLE
    code, out, _err = run_cli("show", row["id"], "--json")
    shown = json.loads(out)
    assert shown["lead"] == FIRST_PARAGRAPH and "file://" not in shown["text"]


def test_text_layer_pdf_says_so_and_counts_its_pages(tmp_path: Path, qapp: object) -> None:
    from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter

    path = tmp_path / "two-pages.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A5))
    painter = QPainter(writer)
    painter.setFont(QFont("Vazirmatn", 14))
    painter.drawText(100, 300, TITLE)
    painter.drawText(100, 600, LAST)
    writer.newPage()
    painter.drawText(100, 300, SECOND)
    painter.end()
    article = _only(path)
    assert (article.text_source, article.pages) == ("text layer", 2)
