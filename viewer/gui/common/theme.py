"""qt-material light and dark themes with the Persian font kept and a few readability fixes."""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtGui import QColor, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

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
    """qt-material's `theme`; its generated icons go to `icons_dir/<theme>` (else under HOME), and with
    them the stylesheet it rendered, used again while nothing it was made from has changed."""
    theme = theme if theme in THEMES else "light"
    icons_dir = icons_dir or _icons_dir
    parent = str(icons_dir / theme) if icons_dir else f"bayegan-{theme}"
    app.setStyle("Fusion")
    stylesheet = _material_stylesheet(theme, parent, {"font_family": font_family, "density_scale": "-1"},
                                      icons_dir / theme if icons_dir else None)
    # qt-material appends a search path per call; the newest theme's icons must win.
    QDir.setSearchPaths("icon", [parent if icons_dir else str(Path.home() / ".qt_material" / parent)])
    app.setStyleSheet(stylesheet + _EXTRA_QSS[theme] + _MIXED_CASE_QSS + _focus_qss(PALETTES[theme]["accent"]))
    palette = app.palette()
    colours = PALETTES[theme]
    palette.setColor(QPalette.ColorRole.Text, QColor(colours["text"]))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colours["text"]))
    app.setPalette(palette)
    app.setProperty("bayegan_theme", theme)


def _material_stylesheet(theme: str, parent: str, extra: dict[str, str], icons: Path | None) -> str:
    """qt-material's stylesheet for `theme`, its icons written under `parent`. Importing qt-material and
    rendering its Jinja template took ~0.45 s of every start (its own icons too are rewritten by each
    render), so the rendered text is kept beside the icons, named by everything it was made from: the
    template, the theme's colours and the arguments (a new qt-material brings a new template or it is
    rendered again all the same: the code that renders it is not in the name)."""
    package = _material_package()
    name = _stylesheet_name(package, theme, parent, extra) if package is not None else None
    kept = icons / name if icons is not None and name is not None else None
    if package is not None and kept is not None and all((kept.parent / part).is_dir() for part in _ICON_FOLDERS):
        try:
            text = kept.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""
        if text:
            _add_material_fonts(package)
            QDir.addSearchPath("qt_material", str(package / "resources"))
            return text
    from qt_material import build_stylesheet

    text = build_stylesheet(_MATERIAL_FILES[theme], invert_secondary=(theme == "light"), extra=extra, parent=parent)
    if kept is not None and text:
        _keep(kept, text)
    return str(text or "")


_ICON_FOLDERS = ("primary", "disabled", "active")  # what qt-material writes for a theme's icons
_KEPT_FORMAT = "1"


def _material_package() -> Path | None:
    """qt-material's folder (its template, themes and fonts), found without importing it."""
    spec = importlib.util.find_spec("qt_material")
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    return Path(locations[0]) if locations else None


def _stylesheet_name(package: Path, theme: str, parent: str, extra: dict[str, str]) -> str | None:
    digest = hashlib.sha256(repr((_KEPT_FORMAT, theme, parent, sorted(extra.items()))).encode())
    try:
        digest.update((package / "material.qss.template").read_bytes())
        digest.update((package / "themes" / _MATERIAL_FILES[theme]).read_bytes())
    except OSError:
        return None
    return f"stylesheet-{digest.hexdigest()[:20]}.qss"


def _add_material_fonts(package: Path) -> None:
    """The fonts qt-material's render registers (its Roboto)."""
    folder = package / "fonts" / "roboto"
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return
    for font in names:
        if font.endswith(".ttf"):
            QFontDatabase.addApplicationFont(str(folder / font))


def _keep(path: Path, text: str) -> None:
    """Written whole or not at all: a start cut short must not leave half a stylesheet to be used."""
    temporary = path.with_suffix(".tmp")
    try:
        for old in path.parent.glob("stylesheet-*.qss"):
            old.unlink(missing_ok=True)  # made from another font, template or qt-material
        temporary.write_text(text, "utf-8")
        os.replace(temporary, path)
    except OSError as exc:  # a read-only or full data folder: rendered again next time
        log.info("the theme's stylesheet was not kept: %s", exc)
        temporary.unlink(missing_ok=True)


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
