"""Texts set again when the interface language changes: mixed in before a widget's Qt class, it calls the
widget's `retranslate()` on Qt's LanguageChange event."""

from __future__ import annotations

from PySide6.QtCore import QEvent


class Retranslating:
    """`class Panel(Retranslating, QWidget)` with a `retranslate()` that sets every text of the panel."""

    def retranslate(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]  # the Qt class after this mixin has it
