"""The notes panel's header button drawn as a button: qt-material paints text-only tool buttons flat,
and they read as plain text. A frame of mid grey shows on the light and the dark theme alike. The
message line under the cards, when it shows, has room for two lines."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QToolButton, QWidget

BUTTON_STYLE = (
    "QToolButton#noteButton { border: 1px solid rgba(128, 128, 128, 0.75); border-radius: 4px; padding: 1px 6px; }"
    "QToolButton#noteButton:hover { background-color: rgba(128, 128, 128, 0.18); }"
    "QToolButton#noteButton:checked { background-color: rgba(128, 128, 128, 0.30); }"
    "QToolButton#noteButton:disabled { border-color: rgba(128, 128, 128, 0.35); }"
)


def frame_buttons(panel: QWidget, message: QLabel) -> None:
    """Frames the panel's own tool buttons, and keeps two lines of room for its `message`."""
    for button in panel.findChildren(QToolButton):
        if button.parent() is panel:
            button.setObjectName("noteButton")
            button.setAutoRaise(False)
    if BUTTON_STYLE not in panel.styleSheet():
        panel.setStyleSheet(panel.styleSheet() + BUTTON_STYLE)
    metrics = message.fontMetrics()
    message.setFixedHeight(metrics.lineSpacing() * 2)  # room kept: nothing shifts when it fills
