"""qt-material light and dark themes with the Persian font kept and a few readability fixes."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("light", "dark")
_MATERIAL_FILES = {"light": "light_teal.xml", "dark": "dark_teal.xml"}

# qt-material leaves the unchecked checkbox invisible and styles QTextBrowser like an input;
# these rules come after its stylesheet.
_EXTRA_QSS = {
    "light": """
QListView::indicator:unchecked, QCheckBox::indicator:unchecked { border: 2px solid #6b7b80; border-radius: 2px; }
QTextBrowser#articleView { background-color: #ffffff; color: #1d2327; border: none; }
QListView#resultsView { background-color: #ffffff; }
QLabel#countLabel { color: #4f5b62; }
""",
    "dark": """
QListView::indicator:unchecked, QCheckBox::indicator:unchecked { border: 2px solid #9aa6ab; border-radius: 2px; }
QTextBrowser#articleView { background-color: #23272b; color: #e6e6e6; border: none; }
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


def apply_theme(app: QApplication, theme: str, font_family: str) -> None:
    from qt_material import apply_stylesheet

    theme = theme if theme in THEMES else "light"
    apply_stylesheet(app, _MATERIAL_FILES[theme], invert_secondary=(theme == "light"),
                     extra={"font_family": font_family, "density_scale": "-1"})
    app.setStyleSheet(app.styleSheet() + _EXTRA_QSS[theme])
    palette = app.palette()
    colours = PALETTES[theme]
    palette.setColor(QPalette.ColorRole.Text, QColor(colours["text"]))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colours["text"]))
    app.setPalette(palette)
    app.setProperty("bayegan_theme", theme)


def current_theme() -> str:
    app = QApplication.instance()
    value = app.property("bayegan_theme") if app is not None else None
    return value if value in THEMES else "light"


def colours() -> dict[str, str]:
    return PALETTES[current_theme()]
