"""A PDF of a search's articles marks the search's hits as the reading pane does: a quoted phrase only
where its words stand in a row (issue 26, item 6). Read back from the PDF: the words poppler finds on
the page (`pdftotext -bbox`) whose box the page's rendering paints in the hit colour."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QTextDocument

from tests.conftest import write_items
from tests.export.pdf_reading import normalise, render_page, require_poppler
from tests.search.phrase_brute import phrase_spans
from viewer.cli import main
from viewer.core.paths import DataPaths
from viewer.export.article_document import HIT_BACKGROUND, build_article_document

PHRASE = '"شورای اسلامی"'
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
DPI = 100


def _article_item(corpus_items: dict[str, list[dict]]) -> dict:
    """A real article whose first paragraphs hold the phrase and its last word alone too (on page 1)."""
    for items in corpus_items.values():
        for item in items:
            paragraphs = [str(p) for p in item.get("paragraphs") or []]
            head = "\n".join(paragraphs[:6])
            if "شورای اسلامی" in head and head.count("اسلامی") > head.count("شورای اسلامی"):
                return {**item, "paragraphs": paragraphs[:6], "tags": []}
    raise AssertionError("no article of the corpus holds the phrase and the lone word")


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory, corpus_items: dict[str, list[dict]]) -> DataPaths:
    from viewer.search.archive import Archive

    root = tmp_path_factory.mktemp("hits-pdf")
    write_items(root / "sources" / "items.json", [_article_item(corpus_items)])
    paths = DataPaths.resolve(root / "data").ensure()
    opened = Archive(paths)
    opened.sync([root / "sources"])
    opened.close()
    return paths


def _hit_runs(doc: QTextDocument) -> list[str]:
    """The runs of text the document paints in the hit colour."""
    runs: list[str] = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().background().color() == QColor(HIT_BACKGROUND):
                runs.append(fragment.text())
            it += 1
        block = block.next()
    return runs


def test_the_document_marks_phrase_occurrences_only(archive: DataPaths) -> None:
    from viewer.app.hit_marks import find_hits
    from viewer.app.library import Library

    with Library(archive) as library:
        article = library.articles()[0]
        pattern = library.search(PHRASE, limit=1).pattern
    text = article.text
    expected = [text[a:b] for a, b in phrase_spans(text, PHRASE, joined=True)]
    doc = build_article_document(article, (), hits=find_hits(text, pattern))
    assert _hit_runs(doc) == expected and len(expected) >= 1


def _words_on_page(pdf: Path) -> list[tuple[str, tuple[float, float, float, float]]]:
    """(word, box in points) of page 1. poppler boxes each Persian glyph on its own (the export turns
    off ligatures): glyphs on one line are joined right to left until a gap as wide as a space."""
    boxes = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"], check=True,
                           capture_output=True).stdout.decode("utf-8")
    glyphs = [(float(x0), float(y0), float(x1), float(y1), html.unescape(text)) for x0, y0, x1, y1, text in _WORD.findall(boxes)]
    lines: dict[float, list[tuple[float, float, float, float, str]]] = {}
    for glyph in glyphs:
        lines.setdefault(round(glyph[1]), []).append(glyph)
    words: list[tuple[str, tuple[float, float, float, float]]] = []
    for line in lines.values():
        line.sort(key=lambda g: -g[2])
        current: list[tuple[float, float, float, float, str]] = []
        for glyph in line:
            if current and current[-1][0] - glyph[2] > 0.08 * (glyph[3] - glyph[1]):
                words.append(_joined(current))
                current = []
            current.append(glyph)
        if current:
            words.append(_joined(current))
    return words


def _joined(glyphs: list[tuple[float, float, float, float, str]]) -> tuple[str, tuple[float, float, float, float]]:
    box = (min(g[0] for g in glyphs), min(g[1] for g in glyphs), max(g[2] for g in glyphs), max(g[3] for g in glyphs))
    return normalise("".join(g[4] for g in glyphs)).strip("،.:؛«»()\"' "), box


def _marked_words(pdf: Path, tmp_path: Path) -> list[tuple[str, bool]]:
    """(word, painted in the hit colour) of each word of page 1."""
    image = QImage(str(render_page(pdf, 1, tmp_path, dpi=DPI)))
    hue = QColor(HIT_BACKGROUND).hslHue()
    scale = DPI / 72
    found = []
    for word, box in _words_on_page(pdf):
        left, top, right, bottom = (round(v * scale) for v in box)
        painted = total = 0
        for y in range(top, bottom):
            for x in range(left, right):
                pixel = image.pixelColor(x, y)
                total += 1
                if pixel.hslSaturationF() > 0.3 and abs(pixel.hslHue() - hue) <= 12:
                    painted += 1
        found.append((word, total > 0 and painted / total > 0.2))
    return found


def test_the_pdf_paints_phrase_occurrences_only(archive: DataPaths, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    require_poppler()
    out = tmp_path / "hits.pdf"
    assert main(["--data-dir", str(archive.data_dir), "export-pdf", "--query", PHRASE, "--out", str(out)]) == 0
    capsys.readouterr()
    words = _marked_words(out, tmp_path)
    painted = [word for word, marked in words if marked]
    # Every painted word is a word of the phrase, each occurrence painting both; a lone اسلامی stays plain.
    assert painted and set(painted) <= {"شورای", "اسلامی"}, painted
    assert painted.count("شورای") == painted.count("اسلامی")
    lone = [marked for word, marked in words if word == "اسلامی"]
    assert len(lone) > painted.count("اسلامی") and not all(lone)

    plain = tmp_path / "plain.pdf"
    with_ids = ["--data-dir", str(archive.data_dir), "export-pdf", "--out", str(plain)]
    from viewer.app.library import Library

    with Library(archive) as library:
        ids = [a.id for a in library.articles()]
    assert main([*with_ids, *ids]) == 0
    capsys.readouterr()
    assert not any(marked for _word, marked in _marked_words(plain, tmp_path))  # no search: nothing painted
