"""The pictures kept with an article stand in the reading pane (issue 27): where the page showed them
(tests/gui/article/test_picture_places.py has more), scaled to the column, each caption under its
picture, a click enlarges one (Esc closes it), a picture whose file is gone is a notice. An article
read by OCR offers its page images beside the text."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLabel

from tests.export.pdf_reading import normalise, pdf_text
from tests.gui.conftest import WAIT_MS, search, started_window
from tests.importers.scans import render_page
from viewer.app.page_images import PagesUnavailable, scanned_pages
from viewer.core.article import Article
from viewer.core.paths import DataPaths
from viewer.gui.article.pictures import picture_formats
from viewer.gui.common.translations import current_language

LEAD = "وزیر راه امروز از طرح‌های تازهٔ بندر شهید رجایی بازدید کرد و از پیشرفت کار خبر داد."
BODY = "به گفتهٔ او ساخت اسکلهٔ تازه تا پایان سال به پایان می‌رسد و ظرفیت بندر دو برابر می‌شود."
CAPTION = "اسکله تازه بندر در دست ساخت"
PAGE = f"""<!DOCTYPE html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>بازدید وزیر از بندر شهید رجایی</title>
</head><body><article><h1>بازدید وزیر از بندر شهید رجایی</h1>
<p class="lead"><strong>{LEAD}</strong></p>
<figure><img src="page_files/wide.jpg" alt="عکس"><figcaption>{CAPTION}</figcaption></figure>
<p>{BODY}</p><p>{BODY} {BODY}</p>
<img src="page_files/chart.png" alt="Export chart">
</article></body></html>"""


def _saved_page(folder: Path) -> tuple[Path, Path]:
    files = folder / "page_files"
    files.mkdir(parents=True)
    (folder / "page.html").write_text(PAGE, "utf-8")
    wide, chart = files / "wide.jpg", files / "chart.png"
    Image.new("RGB", (3000, 1200), (40, 90, 160)).save(wide, quality=80)  # far wider than any column
    Image.new("RGB", (240, 160), (200, 120, 40)).save(chart)
    return wide, chart


def _open_only_article(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.resize(1440, 900)
    article_id = window.results_model.article_id(0)
    with qtbot.waitSignal(window.article_pane.article_shown, timeout=WAIT_MS):
        window.open_article(article_id)


def test_pictures_stand_where_the_page_showed_them_fitted_to_the_column_with_captions(qtbot, gui_app, tmp_path: Path):  # type: ignore[no-untyped-def]
    _saved_page(tmp_path / "archive")
    window = started_window(qtbot, DataPaths.resolve(tmp_path / "data").ensure(), [str(tmp_path / "archive")],
                            until=lambda w: w.result is not None and w.result.total == 1)
    _open_only_article(qtbot, window)
    view = window.article_pane.view
    doc = view.document()
    pictures = picture_formats(doc)
    assert len(pictures) == 2
    lead_end = view.layout_map.to_position(len(view.article.blocks[0].text))
    body_start = view.layout_map.positions[1]
    assert lead_end < pictures[0][0] < body_start  # the photo between the lead and the body
    assert pictures[1][0] > view.layout_map.to_position(len(view.article.text))  # the chart after the last paragraph
    column = view.viewport().width() - 2 * doc.documentMargin()
    (_, wide), (_, chart) = pictures
    assert 0 < wide.width() <= column and abs(wide.height() / wide.width() - 1200 / 3000) < 0.01
    assert column > 240 and (chart.width(), chart.height()) == (240, 160)  # a small one is not blown up
    image = doc.resource(QTextDocument.ResourceType.ImageResource, wide.name())
    assert not image.isNull()
    # Each caption is the block right under its picture, right to left when Persian.
    caption_block = doc.findBlock(pictures[0][0]).next()
    assert caption_block.text() == CAPTION
    assert caption_block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
    chart_caption = doc.findBlock(pictures[1][0]).next()
    assert chart_caption.text() == "Export chart"
    assert chart_caption.blockFormat().layoutDirection() == Qt.LayoutDirection.LeftToRight
    # Narrower pane: the picture follows the column.
    window.resize(1024, 600)
    qtbot.waitUntil(lambda: picture_formats(doc)[0][1].width()
                    <= view.viewport().width() - 2 * doc.documentMargin(), timeout=WAIT_MS)

    # A click on the picture enlarges it with its caption; Esc closes it.
    view.verticalScrollBar().setValue(0)
    cursor = view.textCursor()
    cursor.setPosition(pictures[0][0])
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    rect = view.cursorRect(cursor)
    centre = QPoint(view.viewport().width() // 2, rect.top() + 20)
    assert view.anchorAt(centre) == "picture:0"
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    qtbot.waitUntil(lambda: view.findChild(QDialog, "pictureDialog") is not None, timeout=WAIT_MS)
    dialog = view.findChild(QDialog, "pictureDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.findChild(QLabel, "pictureCaption").text() == CAPTION
    enlarged = dialog.findChild(QLabel, "enlargedPicture")
    qtbot.waitUntil(lambda: enlarged.pixmap().width() > picture_formats(doc)[0][1].width(),  # larger than in the text
                    timeout=WAIT_MS)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    window.close()


def test_a_missing_picture_is_a_notice_in_both_languages(qtbot, gui_app, tmp_path: Path):  # type: ignore[no-untyped-def]
    wide, _chart = _saved_page(tmp_path / "archive")
    window = started_window(qtbot, DataPaths.resolve(tmp_path / "data").ensure(), [str(tmp_path / "archive")],
                            until=lambda w: w.result is not None and w.result.total == 1)
    wide.unlink()  # moved away after indexing
    _open_only_article(qtbot, window)
    view = window.article_pane.view
    assert len(picture_formats(view.document())) == 1
    assert BODY in view.document().toPlainText()
    before = current_language()
    try:
        for language, notice in (("en", "Picture missing: wide.jpg"), ("fa", "تصویر پیدا نشد: wide.jpg")):
            window.set_language(language)
            qtbot.waitUntil(lambda notice=notice: notice in view.document().toPlainText(), timeout=WAIT_MS)
    finally:
        window.set_language(before)
    window.close()


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is not installed")
def test_an_ocr_article_shows_its_scanned_page_beside_the_text(qtbot, gui_app, tmp_path: Path):  # type: ignore[no-untyped-def]
    archive = tmp_path / "archive"
    archive.mkdir()
    page = render_page("گزارش بندر شهید رجایی", [LEAD[:60], BODY[:60]])
    page.save(archive / "scan.png")
    _saved_page(tmp_path / "archive" / "saved")  # an article not read by OCR beside it
    window = started_window(qtbot, DataPaths.resolve(tmp_path / "data").ensure(), [str(archive)],
                            until=lambda w: w.result is not None and w.result.total == 2)
    window.resize(1440, 900)
    search(qtbot, window, "بندر")
    pane = window.article_pane
    ids = [window.results_model.article_id(row) for row in range(window.results_model.rowCount())]
    articles = {i: window.library.article(i) for i in ids}
    scanned = next(i for i, a in articles.items() if a.text_source == "ocr")
    other = next(i for i, a in articles.items() if a.text_source != "ocr")
    with qtbot.waitSignal(pane.article_shown, timeout=WAIT_MS):
        window.open_article(other)
    assert pane.pages_button.isHidden()
    with qtbot.waitSignal(pane.article_shown, timeout=WAIT_MS):
        window.open_article(scanned)
    assert not pane.pages_button.isHidden()
    assert pane.pages_button.text() in ("Page images", "تصویر صفحه")
    hits = list(pane.view.hits)
    assert hits
    with qtbot.waitSignal(pane.page_images.pages_shown, timeout=WAIT_MS):  # read in a thread
        QTest.mouseClick(pane.pages_button, Qt.MouseButton.LeftButton)
    assert pane.page_images.isVisible()
    [shown] = pane.page_images.findChildren(QLabel, "pageImage")
    assert not shown.pixmap().isNull() and shown.pixmap().width() <= pane.page_images.viewport().width()
    assert shown.pixmap().width() / shown.pixmap().height() == pytest.approx(page.width / page.height, rel=0.02)
    # beside the text at this width, the text still there with its hits lit
    assert pane.text_and_pages.orientation() == Qt.Orientation.Horizontal
    assert pane.view.isVisible() and pane.view.hits == hits and pane.view.extraSelections()
    QTest.mouseClick(shown, Qt.MouseButton.LeftButton)  # a click shows the page large
    qtbot.waitUntil(lambda: pane.page_images.findChild(QDialog, "pictureDialog") is not None, timeout=WAIT_MS)
    page_dialog = pane.page_images.findChild(QDialog, "pictureDialog")
    assert page_dialog is not None
    QTest.keyClick(page_dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not page_dialog.isVisible(), timeout=WAIT_MS)
    window.resize(1024, 600)  # narrow: the page stands above the text
    qtbot.waitUntil(lambda: pane.text_and_pages.orientation() == Qt.Orientation.Vertical, timeout=WAIT_MS)
    assert pane.text_and_pages.widget(0) is pane.page_images
    QTest.mouseClick(pane.pages_button, Qt.MouseButton.LeftButton)
    assert not pane.page_images.isVisible()
    window.close()


@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="poppler-utils is not installed")
def test_the_pdf_export_keeps_the_pictures_and_their_captions(tmp_path: Path, run_cli) -> None:  # type: ignore[no-untyped-def]
    _saved_page(tmp_path / "archive")
    assert run_cli("index", str(tmp_path / "archive"))[0] == 0
    [row] = json.loads(run_cli("list", "--json")[1])
    out = tmp_path / "article.pdf"
    code, _, err = run_cli("export-pdf", row["id"], "--out", str(out))
    assert code == 0, err
    listed = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True).stdout
    sizes = {tuple(int(n) for n in line.split()[3:5]) for line in listed.splitlines()[2:] if line.strip()}
    assert (240, 160) in sizes  # the chart as it is
    assert any(abs(width / height - 3000 / 1200) < 0.02 for width, height in sizes if width > 1000)  # the photo
    text = " ".join(pdf_text(out).split())
    assert "Export chart" in text
    assert normalise(CAPTION) in text


@pytest.mark.no_window
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")
def test_the_pages_of_an_image_only_pdf_are_rendered_and_a_lost_file_is_a_message(tmp_path: Path) -> None:
    first, second = (render_page(title, [LEAD[:50]]).convert("RGB") for title in ("صفحهٔ یکم", "صفحهٔ دوم"))
    first.save(tmp_path / "scan.pdf", save_all=True, append_images=[second], resolution=150)
    pages = scanned_pages(Article("scan", [], source=str(tmp_path / "scan.pdf"), text_source="ocr", pages=2))
    assert len(pages) == 2
    rendered = Image.open(io.BytesIO(pages[1]))
    assert rendered.width / rendered.height == pytest.approx(second.width / second.height, rel=0.02)
    with pytest.raises(PagesUnavailable) as lost:
        scanned_pages(Article("gone", [], source=str(tmp_path / "gone.png"), text_source="ocr"))
    assert "gone.png" in lost.value.message("en") and "خوانده نمی‌شود" in lost.value.message("fa")
