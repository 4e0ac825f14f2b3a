"""qt-material's stylesheet is rendered once and kept beside its icons (rendering, with qt-material's
import, was ~0.45 s of every start): the kept text is used only while what it was made from is the
same, and it is the very text a render gives."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from viewer.gui.common.theme import apply_theme

FAMILY = "Vazirmatn"


def _kept(folder: Path) -> list[Path]:
    return sorted(folder.glob("stylesheet-*.qss"))


def _mark_icons(folder: Path) -> Path:
    """A file a render would remove: qt-material clears and rewrites its icon folders each time."""
    marker = folder / "primary" / "marker.txt"
    marker.write_text("kept", "utf-8")
    return marker


def test_the_kept_stylesheet_is_the_rendered_one_and_spares_the_render(qapp: QApplication, tmp_path: Path) -> None:
    icons = tmp_path / "theme-icons"
    apply_theme(qapp, "dark", FAMILY, icons)
    rendered = qapp.styleSheet()
    [kept] = _kept(icons / "dark")
    assert FAMILY in kept.read_text("utf-8")

    marker = _mark_icons(icons / "dark")
    apply_theme(qapp, "dark", FAMILY, icons)
    assert qapp.styleSheet() == rendered
    assert marker.exists()  # not rendered again


def test_a_changed_font_or_missing_icons_or_empty_kept_text_renders_again(qapp: QApplication, tmp_path: Path) -> None:
    icons = tmp_path / "theme-icons"
    apply_theme(qapp, "light", FAMILY, icons)
    [first] = _kept(icons / "light")

    marker = _mark_icons(icons / "light")
    apply_theme(qapp, "light", "DejaVu Sans", icons)
    assert not marker.exists()
    assert "DejaVu Sans" in qapp.styleSheet() and FAMILY not in qapp.styleSheet()
    [second] = _kept(icons / "light")  # the other font's text is not left behind
    assert second != first

    apply_theme(qapp, "light", FAMILY, icons)
    rendered = qapp.styleSheet()
    for part in (icons / "light" / "active").iterdir():
        part.unlink()
    (icons / "light" / "active").rmdir()
    apply_theme(qapp, "light", FAMILY, icons)
    assert (icons / "light" / "active").is_dir() and any((icons / "light" / "active").iterdir())
    assert qapp.styleSheet() == rendered

    marker = _mark_icons(icons / "light")
    [kept] = _kept(icons / "light")
    kept.write_text("", "utf-8")  # as a full disk might have left it
    apply_theme(qapp, "light", FAMILY, icons)
    assert not marker.exists()
    assert qapp.styleSheet() == rendered
    assert kept.read_text("utf-8")
