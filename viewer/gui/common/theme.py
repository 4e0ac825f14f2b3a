"""qt-material light and dark themes with the Persian font kept and a few readability fixes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("light", "dark")
_MATERIAL_FILES = {"light": "light_teal.xml", "dark": "dark_teal.xml"}

# qt-material leaves the unchecked checkbox invisible, styles QTextBrowser like an input and writes
# buttons, tabs, group and panel titles in capitals (CREATE, DELETE: shouting in English, and the
# case of a name is meaning); these rules come after its stylesheet.
_MIXED_CASE_QSS = """
QPushButton, QToolButton, QTabBar, QGroupBox, QDockWidget, QToolBox::tab, QHeaderView::section { text-transform: none; }
"""
_EXTRA_QSS = {
    "light": """
QListView::indicator:unchecked, QCheckBox::indicator:unchecked { border: 2px solid #6b7b80; border-radius: 2px; }
QTextBrowser#articleView { background-color: #ffffff; color: #1d2327; border: none; padding: 4px; }
QListView#resultsView { background-color: #ffffff; }
QLabel#countLabel { color: #4f5b62; }
""",
    "dark": """
QListView::indicator:unchecked, QCheckBox::indicator:unchecked { border: 2px solid #9aa6ab; border-radius: 2px; }
QTextBrowser#articleView { background-color: #23272b; color: #e6e6e6; border: none; padding: 4px; }
QListView#resultsView { background-color: #232629; }
QLabel#countLabel { color: #b0bec5; }
""",
}

# Colours that painted content (delegate, article HTML) reads for the current theme.
PALETTES = {
    "light": {"text": "#1d2327", "muted": "#5f6b70", "accent": "#00796b", "hit_bg": "#ffe082",
              "current_hit_bg": "#ff9800", "chip_bg": "#e0f2f1", "chip_fg": "#00695c",
              "selected_bg": "#b2dfdb", "separator": "#dde3e5", "link": "#00796b"},
    "dark": {"text": "#e6e6e6", "muted": "#9aa6ab", "accent": "#4db6ac", "hit_bg": "#8d6e00",
             "current_hit_bg": "#e65100", "chip_bg": "#1f3d3a", "chip_fg": "#80cbc4",
             "selected_bg": "#2e4a47", "separator": "#3a4045", "link": "#80cbc4"},
}


def apply_theme(app: QApplication, theme: str, font_family: str, icons_dir: Path | None = None) -> None:
    """qt-material's `theme`; its generated icons go to `icons_dir/<theme>` (else under HOME)."""
    from qt_material import apply_stylesheet

    theme = theme if theme in THEMES else "light"
    icons_dir = icons_dir or _icons_dir
    parent = str(icons_dir / theme) if icons_dir else f"bayegan-{theme}"
    apply_stylesheet(app, _MATERIAL_FILES[theme], invert_secondary=(theme == "light"), parent=parent,
                     extra={"font_family": font_family, "density_scale": "-1"})
    # qt-material appends a search path per call; the newest theme's icons must win.
    QDir.setSearchPaths("icon", [parent if icons_dir else str(Path.home() / ".qt_material" / parent)])
    app.setStyleSheet(app.styleSheet() + _EXTRA_QSS[theme] + _MIXED_CASE_QSS + _focus_qss(PALETTES[theme]["accent"]))
    palette = app.palette()
    colours = PALETTES[theme]
    palette.setColor(QPalette.ColorRole.Text, QColor(colours["text"]))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colours["text"]))
    app.setPalette(palette)
    app.setProperty("bayegan_theme", theme)


def _focus_qss(accent: str) -> str:
    """A plain outline on whatever has the keyboard focus (qt-material's is a faint underline)."""
    return (f"QTextBrowser#articleView:focus, QListView:focus, QTreeWidget:focus {{ border: 2px solid {accent}; }}\n"
            f"QToolButton:focus, QPushButton:focus, QComboBox:focus {{ border: 2px solid {accent}; }}\n")


_icons_dir: Path | None = None


def set_icons_dir(folder: Path) -> None:
    """Where later theme switches write qt-material's icons (one folder per data folder)."""
    global _icons_dir
    _icons_dir = folder


def current_theme() -> str:
    app = QApplication.instance()
    value = app.property("bayegan_theme") if app is not None else None
    return value if value in THEMES else "light"


def colours() -> dict[str, str]:
    return PALETTES[current_theme()]
