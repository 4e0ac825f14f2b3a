"""The bundled Vazirmatn, registered once so every widget and the article pane can use it."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase

from viewer.core.paths import resources_dir

log = logging.getLogger(__name__)

FONT_FAMILY = "Vazirmatn"
BASE_POINT_SIZE = 10


_registered: set[str] = set()


def register_fonts() -> str:
    """Registers resources/fonts/*.ttf once; returns the family to use (Vazirmatn, else the default)."""
    if _registered:
        return FONT_FAMILY if FONT_FAMILY in _registered else QFont().family()
    families = _registered
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("font not loaded: %s", path)
            continue
        families.update(QFontDatabase.applicationFontFamilies(font_id))
    return FONT_FAMILY if FONT_FAMILY in families else QFont().family()


def app_font(family: str) -> QFont:
    font = QFont(family, BASE_POINT_SIZE)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font
