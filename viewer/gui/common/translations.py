"""The interface language: Persian (default, right to left) or English, switched in one place.

Source strings are English; resources/translations/bayegan_fa.qm holds the Persian.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from viewer.core.paths import resources_dir

log = logging.getLogger(__name__)

LANGUAGES = ("fa", "en")
_installed: list[QTranslator] = []

# Qt's own words that its qtbase_fa.qm lacks (Qt 6 added the mnemonics): translated in our .ts under
# Qt's context, so Qt's file dialog is all Persian. Our translator answers when Qt's has nothing.
QT_WORDS_QTBASE_FA_LACKS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def translations_dir() -> str:
    return str(resources_dir() / "translations")


def set_language(app: QApplication, language: str) -> None:
    """Installs the translators and layout direction for `language`; widgets retranslate on the
    LanguageChange event Qt sends them."""
    language = language if language in LANGUAGES else "fa"
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    if language == "fa":
        ours = QTranslator(app)
        if ours.load("bayegan_fa", translations_dir()):
            QCoreApplication.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning("Persian translation not found in %s", translations_dir())
        qt_own = QTranslator(app)
        if qt_own.load(QLocale(QLocale.Language.Persian), "qtbase", "_",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            QCoreApplication.installTranslator(qt_own)
            _installed.append(qt_own)
    QLocale.setDefault(QLocale(QLocale.Language.Persian if language == "fa" else QLocale.Language.English))
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language == "fa" else Qt.LayoutDirection.LeftToRight)
    app.setProperty("bayegan_language", language)


def current_language() -> str:
    app = QCoreApplication.instance()
    value = app.property("bayegan_language") if app is not None else None
    return value if value in LANGUAGES else "fa"
