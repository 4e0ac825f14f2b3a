"""The PDF export entry point. viewer.export renders with QtGui, so it is imported here, when an
export runs, and never when viewer.app is imported: the command line starts without Qt."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.core.article import Article
from viewer.core.paths import DataPaths

if TYPE_CHECKING:
    from viewer.export.model import ExportReport


def export_articles(paths: DataPaths, articles: Sequence[Article], out: Path, *, with_notes: bool, title: str | None,
                    author: str, progress: Callable[[int, int, str], None] | None,
                    cancel: Callable[[], bool] | None, hits: Mapping[str, Sequence[tuple[int, int]]]) -> ExportReport:
    from viewer.export.notes_source import load_notes
    from viewer.export.pdf import export_pdf  # makes an offscreen QGuiApplication when there is none

    notes = load_notes(paths.notes_path, paths.backups_dir, [a.id for a in articles]) if with_notes else {}
    report = export_pdf(articles, notes, out, with_notes=with_notes, progress=progress, cancel=cancel,
                        title=title, author=author, hits_by_article=hits)
    report.notes = sum(len(found) for found in notes.values())
    return report
