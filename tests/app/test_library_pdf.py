"""The Library's PDF export: the articles still in the archive, with their notes, read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.export.pdf_reading import outline, pdf_text, require_poppler
from viewer.app.library import Library
from viewer.core.errors import BayeganError, CancelledError

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _widgets_app(qapp):  # type: ignore[no-untyped-def]
    """A QApplication before the export makes its own QGuiApplication, so GUI tests later in the run still work."""
    return qapp


def test_export_pdf_writes_the_articles_with_their_notes(library: Library, tmp_path: Path) -> None:
    require_poppler()
    library.remember_author("پژوهشگر")
    ids = [a.id for a in library.articles() if "کتاب" in a.title]
    library.add_comment(ids[0], "یادداشت برای چاپ")
    out = tmp_path / "export.pdf"
    steps: list[tuple[int, int]] = []
    report = library.export_pdf([*ids, "gone-id"], out, progress=lambda done, total, _label: steps.append((done, total)))
    assert (len(report.article_pages), report.notes) == (2, 1)
    assert [title for title, _page in outline(out)] == [a.title for a in library.require_articles(ids)]
    assert "یادداشت برای چاپ" in pdf_text(out).replace("\u200c", "")
    assert steps[-1][0] == steps[-1][1] == 4
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith((".pdf", ".tmp"))) == ["export.pdf"]


def test_nothing_to_export_or_a_cancel_writes_nothing(library: Library, tmp_path: Path) -> None:
    out = tmp_path / "export.pdf"
    with pytest.raises(BayeganError):
        library.export_pdf(["gone-id"], out)
    with pytest.raises(CancelledError):
        library.export_pdf([library.articles()[0].id], out, cancel=lambda: True)
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".pdf", ".tmp")]
