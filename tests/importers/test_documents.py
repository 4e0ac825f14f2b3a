"""Word (DOCX) and OpenDocument (ODT) files, as LibreOffice and python-docx write them."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

import docx
import pytest

from viewer.core.errors import ImportFailure
from viewer.importers.reader import read_articles

DATA = Path(__file__).parent.parent / "data" / "importers"
TITLE = "افزایش صادرات غیرنفتی ایران در سال ۱۴۰۲"
LEAD = ("به گزارش خبرگزاری‌ها، صادرات غیرنفتی کشور در نه ماه نخست امسال نسبت به مدت مشابه سال گذشته افزایش یافت "
        "و کارشناسان می‌گویند این روند در ماه‌های آینده نیز ادامه خواهد داشت.")


@pytest.mark.parametrize("name", ["article-libreoffice.docx", "article-libreoffice.odt"])
def test_libreoffice_documents(name: str) -> None:
    [article] = read_articles(DATA / name)
    assert article.title == TITLE  # from the document properties; the heading repeating it is not text
    assert article.block_kinds == "lphp"
    assert article.text.split("\n")[0] == LEAD
    assert article.text.split("\n")[2] == "بازارهای هدف"
    assert article.date == datetime(2024, 1, 15, 8, 30)
    assert "اقتصاد" in article.tags[0]  # ODT keeps two keywords; LibreOffice's DOCX joins them with a space
    if name.endswith(".odt"):
        assert article.tags == ["اقتصاد", "صادرات غیرنفتی"]


def _python_docx(tmp_path: Path, *, title: str = "", keywords: str = "") -> Path:
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.keywords = keywords
    document.add_paragraph("سرویس اقتصادی")
    document.add_heading("نرخ تورم نقطه‌به‌نقطه کاهش یافت", level=1)
    document.add_paragraph("مرکز آمار ایران اعلام کرد نرخ تورم نقطه‌به‌نقطه در آبان‌ماه کاهش یافته است.")
    document.add_heading("پیش‌بینی کارشناسان", level=2)
    document.add_paragraph("کارشناسان می‌گویند این روند ادامه خواهد داشت.")
    path = tmp_path / "python-docx.docx"
    document.save(str(path))
    return path


def test_title_from_the_first_heading_when_properties_have_none(tmp_path: Path) -> None:
    [article] = read_articles(_python_docx(tmp_path))
    assert article.title == "نرخ تورم نقطه‌به‌نقطه کاهش یافت"
    assert article.text.split("\n") == [
        "سرویس اقتصادی", "مرکز آمار ایران اعلام کرد نرخ تورم نقطه‌به‌نقطه در آبان‌ماه کاهش یافته است.",
        "پیش‌بینی کارشناسان", "کارشناسان می‌گویند این روند ادامه خواهد داشت."]
    assert article.block_kinds == "lphp"


def test_core_properties_give_title_and_tags(tmp_path: Path) -> None:
    [article] = read_articles(_python_docx(tmp_path, title="عنوان از ویژگی‌های سند", keywords="تورم، آمار; اقتصاد"))
    assert article.title == "عنوان از ویژگی‌های سند"
    assert article.tags == ["تورم", "آمار", "اقتصاد"]
    assert article.text.split("\n")[1] == "نرخ تورم نقطه‌به‌نقطه کاهش یافت"


def test_damaged_documents_are_reported(tmp_path: Path) -> None:
    good = _python_docx(tmp_path).read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(good[: len(good) // 2])
    broken_xml = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(broken_xml, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, data[:200] if item.filename == "word/document.xml" else data)
    broken = tmp_path / "broken.docx"
    broken.write_bytes(broken_xml.getvalue())
    other_zip = tmp_path / "photos.docx"
    with zipfile.ZipFile(other_zip, "w") as target:
        target.writestr("photo.txt", "not a document")
    for path in (cut, broken, other_zip):
        with pytest.raises(ImportFailure) as failure:
            read_articles(path)
        assert failure.value.en and failure.value.fa
