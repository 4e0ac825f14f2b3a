"""The window on a 1024×600 screen, in Persian and English: it fits, no button or label is cut,
the notes dock takes at most a quarter or so of the width, and every label is in the language
chosen (the notes dock and its View-menu entry included)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QComboBox, QDockWidget, QLabel, QWidget


def cut_widgets(window: QWidget) -> list[str]:
    cut = []
    widgets: list[QAbstractButton | QLabel | QComboBox] = [
        *window.findChildren(QAbstractButton), *window.findChildren(QLabel), *window.findChildren(QComboBox)]
    for widget in widgets:
        text = widget.currentText() if isinstance(widget, QComboBox) else widget.text()
        if widget.isVisible() and text and widget.width() < widget.sizeHint().width():
            cut.append(f"{widget.objectName() or type(widget).__name__} {text!r} {widget.width()}<{widget.sizeHint().width()}")
    return cut


def test_the_window_fits_1024_by_600_in_both_languages(qtbot, window) -> None:
    dock = window.findChild(QDockWidget, "dock-notes")
    assert dock is not None
    for language, title in (("fa", "یادداشت‌ها"), ("en", "Notes")):
        window.set_language(language)
        window.resize(1024, 600)
        qtbot.waitUntil(lambda: window.width() <= 1024)
        qtbot.wait(50)
        assert window.width() <= 1024 and window.height() <= 600
        assert cut_widgets(window) == [], language
        assert dock.width() <= 0.27 * window.width()
        assert dock.windowTitle() == title and dock.toggleViewAction().text() == title


def test_qt_own_dialogs_speak_the_interface_language(gui_app) -> None:
    from PySide6.QtCore import QCoreApplication

    from viewer.gui.common.translations import set_language

    assert QCoreApplication.translate("QFileDialog", "Create New Folder") != "Create New Folder"
    assert QCoreApplication.translate("QDialogButtonBox", "OK") == "تأیید"
    set_language(gui_app, "en")
    assert QCoreApplication.translate("QFileDialog", "Create New Folder") == "Create New Folder"
    set_language(gui_app, "fa")
