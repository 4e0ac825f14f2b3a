"""The article as a QTextDocument: highlights land on the noted characters, markers and endnotes in order."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtGui import QTextDocument

from viewer.core.article import Article, Block, BlockKind
from viewer.core.jalali import both_dates, jalali_date, jalali_datetime
from viewer.core.persian_numbers import persian_digits
from viewer.export.article_document import build_article_document
from viewer.export.model import ExportNote, ExportReply


def highlighted_runs(doc: QTextDocument) -> list[str]:
    runs: list[tuple[str, int]] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().background().style().value != 0:
                if runs and runs[-1][1] == fragment.position():
                    runs[-1] = (runs[-1][0] + fragment.text(), fragment.position() + fragment.length())
                else:
                    runs.append((fragment.text(), fragment.position() + fragment.length()))
            it += 1
        block = block.next()
    return [text for text, _ in runs]


def article(*paragraphs: str) -> Article:
    return Article("عنوان آزمایشی", [Block(BlockKind.PARAGRAPH, p) for p in paragraphs], id="t1", code="4271",
                   date=datetime(2023, 9, 27, 10, 0), url="https://example.ir/news/1", tags=["اصفهان", "اقتصاد"])


def test_highlights_cover_the_noted_text_even_after_characters_beyond_the_bmp() -> None:
    first = "گزارش 😀 امروز دربارهٔ بازار ارز است."
    second = "بانک مرکزی نرخ تازه را اعلام کرد."
    a = article(first, second)
    text = a.text
    notes = [
        ExportNote(text.index("بازار"), text.index("بازار") + len("بازار ارز"), "یادداشت یکم", "#ffeb3b"),
        ExportNote(text.index("نرخ تازه"), text.index("نرخ تازه") + len("نرخ تازه"), "", "#80deea"),
    ]
    doc = build_article_document(a, notes)
    assert highlighted_runs(doc) == ["بازار ارز", "نرخ تازه"]
    plain = doc.toPlainText()
    # One marker, after the noted word; the bare highlight has none. The article's text is otherwise untouched.
    body = plain[plain.index(first[:5]):].split("\nیادداشت‌ها\n")[0]
    assert body == first.replace("بازار ارز", "بازار ارز ۱") + "\n" + second


def test_markers_number_notes_in_reading_order_and_endnotes_follow() -> None:
    a = article("یکم دوم سوم چهارم پنجم.")
    text = a.text
    late = ExportNote(text.index("چهارم"), text.index("چهارم") + 5, "دربارهٔ چهارم", author="سارا",
                      created=datetime(2024, 3, 1, 12, 0), replies=(ExportReply("پاسخ سارا", "Ali"),))
    early = ExportNote(text.index("دوم"), text.index("دوم") + 2, "دربارهٔ دوم")  # ends mid-word: marker after the word
    whole = ExportNote(None, None, "دربارهٔ کل خبر")
    orphan = ExportNote(0, 3, "گم‌شده", orphaned=True, quote="متن قدیمی")
    plain = build_article_document(a, [late, whole, orphan, early]).toPlainText()
    body, notes = plain.split("\nیادداشت‌ها\n", 1)
    assert body.endswith("یکم دوم ۱ سوم چهارم ۲ پنجم.")
    order = [notes.index(s) for s in ("۱. «دو»", "دربارهٔ دوم", "۲. «چهارم»", "دربارهٔ چهارم", "پاسخ سارا",
                                       "۳. دربارهٔ کل خبر", "۴. «متن قدیمی»", "گم‌شده")]
    assert order == sorted(order)
    assert f"سارا، {jalali_datetime(datetime(2024, 3, 1, 12, 0))}" in notes and "پاسخ — Ali" in notes


def test_without_notes_the_text_is_the_article() -> None:
    a = article("متن خبر.")
    doc = build_article_document(a, [ExportNote(0, 3, "یادداشت")], with_notes=False)
    assert highlighted_runs(doc) == [] and "یادداشت" not in doc.toPlainText()
    assert doc.toPlainText().endswith(a.text)


def test_metadata_block() -> None:
    plain = build_article_document(article("متن.")).toPlainText()
    assert f"کد خبر: {persian_digits('4271')}" in plain
    assert f"تاریخ: {both_dates(datetime(2023, 9, 27))}" in plain
    assert "https://example.ir/news/1" in plain and "برچسب‌ها: اصفهان، اقتصاد" in plain


def test_text_read_by_ocr_is_noted_on_the_source_line() -> None:
    scanned = article("متن.")
    scanned.source, scanned.text_source = "/scans/edition-12.pdf", "ocr"
    assert "edition-12.pdf\u202c (متن با نویسه‌خوانی OCR از تصویر صفحه)" in build_article_document(scanned).toPlainText()
    assert "OCR" not in build_article_document(article("متن.")).toPlainText()


def test_persian_dates_and_digits() -> None:
    assert jalali_date(date(2023, 9, 27)) == "۵ مهر ۱۴۰۲"
    assert jalali_date(date(2024, 3, 20)) == "۱ فروردین ۱۴۰۳"
    assert both_dates(datetime(2024, 3, 1, 23, 0)) == "۱۱ اسفند ۱۴۰۲ (۱ مارس ۲۰۲۴)"
    assert jalali_datetime(datetime(2024, 3, 1, 9, 5)) == "۱۱ اسفند ۱۴۰۲، ۰۹:۰۵"
    assert persian_digits("ICT-1402") == "ICT-۱۴۰۲"
