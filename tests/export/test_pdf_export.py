"""Exported PDFs read back as a reader would: text copied out, fonts, bookmarks, metadata, and the pages seen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QColor, QImage

from tests.export.conftest import NOTE_JALALI, AnnotatedArchive, ExportArchive
from tests.export.pdf_reading import count_phrase, outline, pdf_fonts, pdf_text, recovered, render_page, require_poppler
from viewer.cli import main
from viewer.core.errors import BayeganError, CancelledError
from viewer.core.persian_numbers import persian_digits
from viewer.export.pdf import export_pdf

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _poppler() -> None:
    require_poppler()


def run_cli(archive: ExportArchive, *args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--data-dir", str(archive.paths.data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def colour_pixels(png: Path, colour: str) -> int:
    """Pixels of `colour`'s hue (a highlight may be printed lighter than its stored colour)."""
    image = QImage(str(png))
    hue = QColor(colour).hslHue()
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            pixel = image.pixelColor(x, y)
            if pixel.hslSaturationF() > 0.4 and min(abs(pixel.hslHue() - hue), 360 - abs(pixel.hslHue() - hue)) <= 12:
                count += 1
    return count


def test_annotated_article_reads_back(annotated: AnnotatedArchive, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = annotated.archive
    seed = archive.seed
    out = tmp_path / "seed.pdf"
    code, stdout, err = run_cli(archive, "export-pdf", seed.id, "--out", str(out), "--author", "مریم", "--json", capsys=capsys)
    assert code == 0, err
    summary = json.loads(stdout)
    reader = PdfReader(out)
    pages = len(reader.pages)
    assert summary["pages"] == pages >= 2 and summary["notes"] == 4  # 4 threads; replies hang on the first

    fonts = pdf_fonts(out)
    assert fonts and all(f["emb"] == "yes" and f["uni"] == "yes" for f in fonts)
    assert {f["name"].split("+")[-1] for f in fonts} <= {"Vazirmatn-Regular", "Vazirmatn-Bold"}

    text = pdf_text(out)
    for expected in [seed.title, *annotated.note_texts, *annotated.authors, "متنی که از خبر حذف شد",
                     "یادداشت‌ها", "کد خبر", persian_digits(seed.code)]:
        assert count_phrase(expected, text) >= 1, expected
    assert recovered(NOTE_JALALI, text) == 1.0  # poppler copies digits beside commas out of order: words, not a phrase
    # The note's highlighted passage is quoted in its endnote; the bare highlight gets no endnote.
    assert count_phrase("خواهرخواندگی یا انواع شبکههای", text) == count_phrase("خواهرخواندگی یا انواع شبکههای", seed.text) + 1
    assert count_phrase("دیپلماسی شهری", text) == count_phrase("دیپلماسی شهری", seed.text)

    article_pages = "".join(pdf_text(out, page) for page in range(1, pages + 1))
    assert recovered(seed.title + "\n" + seed.text, article_pages) >= 0.98

    for page in range(1, pages + 1):
        page_text = pdf_text(out, page)
        assert count_phrase(f"{persian_digits(page)} از {persian_digits(pages)}", page_text) == 1
        if page > 1:
            assert count_phrase(seed.title, page_text) >= 1  # the running header

    assert outline(out) == [(seed.title, 0)]
    meta = reader.metadata
    assert meta.title == seed.title and meta.author == "مریم" and "Bayegan" in (meta.creator or "")

    first = render_page(out, 1, tmp_path)
    for colour in annotated.highlight_colours:
        assert colour_pixels(first, colour) > 50, colour


def test_without_notes_has_no_highlights_or_endnotes(annotated: AnnotatedArchive, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    seed = annotated.archive.seed
    out = tmp_path / "plain.pdf"
    code, _, _ = run_cli(annotated.archive, "export-pdf", seed.id, "--out", str(out), "--without-notes", capsys=capsys)
    assert code == 0
    text = pdf_text(out)
    assert all(count_phrase(body, text) == 0 for body in annotated.note_texts)
    assert recovered(seed.title + "\n" + seed.text, text) >= 0.98
    first = render_page(out, 1, tmp_path)
    assert all(colour_pixels(first, colour) == 0 for colour in annotated.highlight_colours)


def test_all_with_notes_exports_exactly_the_annotated_articles(annotated: AnnotatedArchive, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "noted.pdf"
    settings = annotated.archive.paths.settings_path
    settings.write_text(json.dumps({"author": "مریم احمدی"}), "utf-8")  # the name the window asked for
    try:
        code, stdout, _ = run_cli(annotated.archive, "export-pdf", "--all-with-notes", "--out", str(out), "--json", capsys=capsys)
    finally:
        settings.unlink()
    assert code == 0
    assert PdfReader(out).metadata.author == "مریم احمدی"
    assert sorted(title for title, _ in outline(out)) == sorted([annotated.archive.seed.title, annotated.other.title])
    assert json.loads(stdout)["articles"] == 2
    assert count_phrase("در این خبر عدد دقیق نیامده است", pdf_text(out)) == 1


def test_fifty_articles_pages_bookmarks_and_copyable_text(export_archive: ExportArchive, tmp_path: Path) -> None:
    articles = export_archive.articles[:50]
    out = tmp_path / "fifty.pdf"
    seen: list[tuple[int, int]] = []
    report = export_pdf(articles, {}, out, progress=lambda done, total, _label: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)

    reader = PdfReader(out)
    assert report.pages == len(reader.pages) >= len(articles)
    starts = [page for _, page in report.article_pages]
    assert outline(out) == [(a.title, page) for a, page in zip(articles, starts, strict=True)]
    assert reader.metadata.title and "۵۰" in reader.metadata.title

    shares = []
    for article, first, end in zip(articles, starts, [*starts[1:], report.pages], strict=True):
        assert end > first  # every article starts on a page of its own
        text = "".join(pdf_text(out, page) for page in range(first + 1, end + 1))
        assert recovered(article.title, pdf_text(out, first + 1)) == 1.0
        shares.append(recovered(article.title + "\n" + article.text, text))
    # Words with harakat (an Arabic citation's اَبّ) can copy out split by poppler: a few per thousand.
    assert sum(shares) / len(shares) >= 0.99
    assert min(shares) >= 0.95


def test_query_with_tag_exports_the_search_results(export_archive: ExportArchive, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from viewer.search.archive import Archive

    tagged = next(a for a in export_archive.articles if a.tags)
    tag = tagged.tags[0]
    word = max(tagged.title.split(), key=len)
    with Archive(export_archive.paths).searcher() as searcher:
        expected = [h.title for h in searcher.search(word, [tag], limit=1000).hits]
    out = tmp_path / "query.pdf"
    code, _, _ = run_cli(export_archive, "export-pdf", "--query", word, "--tag", tag, "--out", str(out), capsys=capsys)
    assert code == 0
    assert [title for title, _ in outline(out)] == expected and tagged.title in expected

    code, _, _ = run_cli(export_archive, "export-pdf", "--tag", tag, "--out", str(out), capsys=capsys)
    assert code == 0
    assert sorted(title for title, _ in outline(out)) == sorted(a.title for a in export_archive.articles if tag in a.tags)


def test_cancel_leaves_no_file_and_keeps_the_old_one(export_archive: ExportArchive, tmp_path: Path) -> None:
    out = tmp_path / "kept.pdf"
    out.write_bytes(b"an earlier export")
    calls = []
    with pytest.raises(CancelledError):
        export_pdf(export_archive.articles[:10], {}, out, progress=lambda *a: calls.append(a), cancel=lambda: len(calls) >= 4)
    assert out.read_bytes() == b"an earlier export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kept.pdf"]


def test_errors_are_bilingual(export_archive: ExportArchive, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(export_archive, "export-pdf", "no-such-id", "--out", str(tmp_path / "x.pdf"), capsys=capsys)
    assert code == 1 and "No article with id no-such-id" in err and "خبری با شناسهٔ" in err
    code, _, err = run_cli(export_archive, "export-pdf", "--out", str(tmp_path / "x.pdf"), capsys=capsys)
    assert code == 1 and "bayegan:" in err and "بایگان:" in err
    with pytest.raises(BayeganError) as caught:
        export_pdf([export_archive.seed], {}, tmp_path / "missing-folder" / "x.pdf")
    assert "missing-folder" in caught.value.en and caught.value.fa != caught.value.en
    assert not (tmp_path / "x.pdf").exists()
