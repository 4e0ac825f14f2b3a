"""The pages of a scan read by OCR, as the two faces see a sync's progress (issue 27): the Library tells
each page of an image-only PDF read by its workers, and `bayegan index` on a terminal says
"OCR page 2 of 2 — edition.pdf" while it reads it."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.importers.scans import render_page
from viewer.app.library import Library
from viewer.core.paths import DataPaths

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract-ocr is not installed")

ROOT = Path(__file__).resolve().parents[2]
TITLE = "بازگشایی کتابخانهٔ ملی پس از مرمت"
LINES = ["کتابخانهٔ ملی ایران پس از دو سال مرمت بازگشایی شد.", "تالار مطبوعات قدیمی دوباره باز می‌شود."]


def _image_only_pdf(folder: Path) -> Path:
    folder.mkdir()
    first, second = render_page(TITLE, LINES[:1], width=800), render_page("", LINES[1:], width=800)
    path = folder / "edition.pdf"
    first.save(path, format="PDF", save_all=True, append_images=[second], resolution=150)
    return path


def test_the_library_tells_each_page_its_workers_read(tmp_path: Path) -> None:
    _image_only_pdf(tmp_path / "scans")
    seen: list[tuple[int, int, str, int, int]] = []
    with Library(DataPaths.resolve(tmp_path / "data").ensure()) as library:
        library.sync([tmp_path / "scans"], progress=lambda done, total, path: seen.append((done, total, path, 0, 0)),
                     page_progress=lambda *report: seen.append(report))
        [article] = library.articles()
    assert [(Path(path).name, page, pages) for _d, _t, path, page, pages in seen if page] == [
        ("edition.pdf", 1, 2), ("edition.pdf", 2, 2)], seen
    totals = [total for _done, total, *_ in seen]
    assert totals == sorted(totals), seen  # the total only grows
    assert seen[-1][:2] == (3, 3), seen  # one article and two pages
    assert (article.text_source, article.pages) == ("ocr", 2)


def test_bayegan_index_on_a_terminal_says_which_page_it_reads(tmp_path: Path) -> None:
    _image_only_pdf(tmp_path / "scans")
    controller, terminal = pty.openpty()  # the progress line is shown only on a terminal
    env = os.environ | {"PYTHONPATH": str(ROOT), "COLUMNS": "200"}
    with subprocess.Popen([sys.executable, "-m", "viewer", "--data-dir", str(tmp_path / "data"), "index",
                           str(tmp_path / "scans")], stdout=subprocess.PIPE, stderr=terminal, env=env) as child:
        os.close(terminal)
        shown = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the child closed the terminal (EIO)
                break
            if not chunk:
                break
            shown += chunk
        out = child.stdout.read() if child.stdout else b""
    os.close(controller)
    assert child.returncode == 0, shown
    text = shown.decode("utf-8", "replace")
    print(text)
    assert "OCR page 1 of 2 — edition.pdf" in text
    assert "OCR page 2 of 2 — edition.pdf" in text
    assert "3/3 articles and pages" in text  # the last line: the article and its two pages done
    assert out.decode().startswith("added 1,")
