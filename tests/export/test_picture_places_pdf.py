"""The PDF export puts each picture where the reading pane does (issue 27): at the paragraph boundary
nearest where it stood in the text, with its caption, and leaves the text as it was: highlights, note
markers and hits on the same words, the text copied out of the PDF unchanged. The PDF is read back:
its text by pdftotext (words with their boxes), its pictures' places on the page by pypdf."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PIL import Image
from pypdf import PdfReader

from tests.export.pdf_reading import count_phrase, normalise, pdf_text, require_poppler
from tests.export.test_article_document import highlighted_runs
from viewer.core.article import Article, Block, BlockKind, Picture
from viewer.export.article_document import build_article_document
from viewer.export.model import ExportNote
from viewer.export.pdf import export_pdf

FIRST = "وزیر راه امروز از طرح‌های تازهٔ بندر شهید رجایی بازدید کرد و از پیشرفت کار خبر داد."
SECOND = "به گفتهٔ او ساخت اسکلهٔ تازه تا پایان سال به پایان می‌رسد و ظرفیت بندر دو برابر می‌شود."
THIRD = "بودجهٔ این طرح از محل درآمدهای بندر تأمین شده و پیمانکار آن شرکتی داخلی است."
FOURTH = "کار ساخت دو اسکلهٔ دیگر نیز از بهار آینده آغاز خواهد شد و تا دو سال به پایان می‌رسد."
CAPTION = "اسکلهٔ تازهٔ بندر در دست ساخت"
TEXT = "\n".join((FIRST, SECOND, THIRD, FOURTH))
RED, BLUE = (220, 30, 30), (30, 60, 220)


def article(tmp_path: Path) -> Article:
    red, blue = tmp_path / "red.png", tmp_path / "blue.png"
    Image.new("RGB", (300, 120), RED).save(red)
    Image.new("RGB", (200, 100), BLUE).save(blue)
    blocks = [Block(BlockKind.LEAD, FIRST), *(Block(BlockKind.PARAGRAPH, p) for p in (SECOND, THIRD, FOURTH))]
    return Article("بازدید وزیر از بندر", blocks, id="pdf-places",
                   images=[Picture(str(blue), "", TEXT.index(THIRD) + len(THIRD) - 3),  # late in the third
                           Picture(str(red), CAPTION, len(FIRST))])  # at the first's end


def notes() -> list[ExportNote]:
    start = TEXT.index("بهار آینده")
    return [ExportNote(start, start + len("بهار آینده"), "از کی؟", "#80deea")]


def test_the_document_puts_the_pictures_between_the_paragraphs_and_leaves_the_text_alone(tmp_path: Path) -> None:
    hit = TEXT.index("پیمانکار")
    doc = build_article_document(article(tmp_path), notes(), hits=[(hit, hit + len("پیمانکار"))])
    assert highlighted_runs(doc) == ["پیمانکار", "بهار آینده"]
    lines = doc.toPlainText().split("\n")
    at = lines.index(FIRST)
    assert lines[at:at + 7] == [FIRST, "\ufffc", CAPTION, SECOND, THIRD, "\ufffc",
                                FOURTH.replace("بهار آینده", "بهار آینده ۱")]


def test_the_pdf_shows_text_picture_text_in_order_and_its_text_copies_unchanged(tmp_path: Path) -> None:
    require_poppler()
    out = tmp_path / "article.pdf"
    export_pdf([article(tmp_path)], {"pdf-places": notes()}, out)
    copied = pdf_text(out)
    for paragraph in (FIRST, SECOND, THIRD, FOURTH):
        assert count_phrase(paragraph, copied) == 1, paragraph
    order = [copied.find(normalise(piece)[:12]) for piece in (FIRST, CAPTION, SECOND, THIRD, FOURTH)]
    assert order == sorted(order) and -1 not in order, order

    pictures = _picture_boxes(out)
    assert set(pictures) == {"red", "blue"}
    for colour, before, after in (("red", [FIRST], [CAPTION, SECOND, THIRD, FOURTH]), ("blue", [FIRST, SECOND, THIRD], [FOURTH])):
        top, bottom = pictures[colour]
        above, below = _text_in_band(out, 0, top), _text_in_band(out, bottom, 842)
        for paragraph in before:
            assert count_phrase(paragraph, above) == 1 and count_phrase(paragraph, below) == 0, (colour, paragraph)
        for paragraph in after:
            assert count_phrase(paragraph, above) == 0 and count_phrase(paragraph, below) == 1, (colour, paragraph)


def test_pictures_print_at_their_size_a_small_one_small_a_tall_one_within_a_page(tmp_path: Path) -> None:
    # Qt takes an image's size in the screen's pixels and scales it by the PDF's 300 dpi over the screen's:
    # given in the PDF's units, a 240-pixel chart came out 15 cm wide and a tall photo over two pages.
    tall, chart = tmp_path / "tall.png", tmp_path / "chart.png"
    Image.new("RGB", (600, 3000), (20, 150, 60)).save(tall)
    Image.new("RGB", (240, 160), BLUE).save(chart)
    blocks = [Block(BlockKind.LEAD, FIRST), Block(BlockKind.PARAGRAPH, SECOND)]
    out = tmp_path / "sizes.pdf"
    export_pdf([Article("بازدید وزیر از بندر", blocks, id="sizes",
                        images=[Picture(str(chart), "", 0), Picture(str(tall), CAPTION, len(FIRST))])], {}, out)
    pages = PdfReader(str(out)).pages
    sizes = [_drawn_sizes(page) for page in pages]
    assert sorted(size for page in sizes for size in page) == sorted(sizes[0])  # all on the first page
    chart_size, tall_size = sorted(sizes[0], key=lambda size: size[1])
    assert abs(chart_size[0] - 240 * 2 * 72 / 300) < 1 and abs(chart_size[1] - 160 * 2 * 72 / 300) < 1  # 150 dpi
    assert abs(tall_size[1] - 312) < 1 and abs(tall_size[0] - 312 * 600 / 3000) < 1  # 11 cm high, aspect kept


def _drawn_sizes(page: object) -> list[tuple[float, float]]:
    """(width, height) in points of each picture drawn on `page` (a pypdf page)."""
    sizes = []

    def drawn(operator: bytes, _operands: list[object], cm: list[float], _tm: list[float]) -> None:
        if operator == b"Do":
            sizes.append((abs(cm[0]), abs(cm[3])))

    page.extract_text(visitor_operand_before=drawn)  # type: ignore[attr-defined]
    return sizes


def _text_in_band(pdf: Path, top: float, bottom: float) -> str:
    """The text pdftotext reads on page 1 between `top` and `bottom` points from the page's top."""
    band = ["-x", "0", "-y", str(int(top)), "-W", "1000", "-H", str(max(1, int(bottom - top)))]
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", "1", "-l", "1", *band, str(pdf), "-"], capture_output=True,
                         check=True).stdout
    return normalise(raw.decode("utf-8"))


def _picture_boxes(pdf: Path) -> dict[str, tuple[float, float]]:
    """(top, bottom) in points from the top of page 1 of each picture drawn there, by its colour."""
    page = PdfReader(str(pdf)).pages[0]
    colours = {}
    for image in page.images:
        red, _green, blue = image.image.convert("RGB").resize((1, 1)).getpixel((0, 0))  # type: ignore[union-attr, misc]
        colours["/" + image.name.rsplit(".", 1)[0]] = "red" if red > blue else "blue"
    height = float(page.mediabox.height)
    boxes: dict[str, tuple[float, float]] = {}

    def drawn(operator: bytes, operands: list[object], cm: list[float], _tm: list[float]) -> None:
        if operator == b"Do" and str(operands[0]) in colours:  # the unit square, placed by the matrix
            low, high = sorted((cm[5], cm[5] + cm[3]))
            boxes[colours[str(operands[0])]] = (height - high, height - low)

    page.extract_text(visitor_operand_before=drawn)
    return boxes
