"""A QGuiApplication and the bundled Vazirmatn font, whether or not a window is running."""

from __future__ import annotations

import os
import sys
import threading

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from viewer.core.paths import resources_dir

EXPORT_FAMILY = "Vazirmatn"
# With Vazirmatn's contextual alternates and ligatures on, about 4% of the letters are lost when
# text is copied out of the PDF; with them off the glyphs map one to one back to characters.
_FEATURES_OFF = ("calt", "liga")

_lock = threading.Lock()
_families: list[str] = []


def ensure_gui_app() -> QCoreApplication:
    """QtGui text layout needs a QGuiApplication: make an offscreen one when the caller has none."""
    app = QCoreApplication.instance()
    if app is not None:
        return app
    if not os.environ.get("QT_QPA_PLATFORM") and sys.platform.startswith("linux"):
        # Nothing is shown: never depend on an X or Wayland server (an unreachable DISPLAY would abort Qt).
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication([sys.argv[0] if sys.argv else "bayegan"])


def register_fonts() -> str:
    """Register the bundled Vazirmatn files once; return the family to use (a fallback if missing)."""
    with _lock:
        if not _families:
            for path in sorted((resources_dir() / "fonts").glob("Vazirmatn-*.ttf")):
                font_id = QFontDatabase.addApplicationFont(str(path))
                if font_id >= 0:
                    _families.extend(QFontDatabase.applicationFontFamilies(font_id))
            if not _families:
                _families.append(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family())
        return EXPORT_FAMILY if EXPORT_FAMILY in _families else _families[0]


def export_font(point_size: float, *, bold: bool = False) -> QFont:
    font = QFont(register_fonts())
    font.setPointSizeF(point_size)
    font.setBold(bold)
    font.setKerning(False)
    for tag in _FEATURES_OFF:
        font.setFeature(QFont.Tag(tag), 0)
    return font
