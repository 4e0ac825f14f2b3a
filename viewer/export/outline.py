"""PDF bookmarks: QPdfWriter has no outline API, so they are appended as an incremental update (pypdf)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import NameObject, TextStringObject


def add_outline(source: Path, target: Path, entries: Sequence[tuple[str, int]], *, language: str = "fa-IR") -> None:
    """Copy `source` to `target` plus one top-level bookmark per (title, 0-based page), marked Persian and right to left."""
    writer = PdfWriter(source, incremental=True)
    for title, page in entries:
        writer.add_outline_item(title=title, page_number=page)
    if entries:
        writer.page_mode = "/UseOutlines"
    preferences = writer.create_viewer_preferences()
    preferences[NameObject("/Direction")] = NameObject("/R2L")
    writer.root_object[NameObject("/Lang")] = TextStringObject(language)
    with open(target, "wb") as handle:
        writer.write(handle)
