"""Unexpected exceptions: written to a rotating log and shown in a dialog; the app stays up."""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from viewer.core.errors import BayeganError
from viewer.core.logging_setup import log_unexpected
from viewer.core.paths import DataPaths

LOG_NAME = "bayegan.log"


def setup_logging(log_dir: Path) -> Path:
    """A rotating log (1 MB × 3) in `log_dir`; returns its path."""
    log_path = log_dir / LOG_NAME
    root = logging.getLogger()
    if not any(isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == log_path for h in root.handlers):
        try:
            log_dir.mkdir(parents=True, exist_ok=True)
            handler = RotatingFileHandler(log_path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        except OSError:
            return log_path
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return log_path


translate = QCoreApplication.translate


def user_message(exc: BaseException) -> str:
    """What a user reads about an error: the bilingual message of ours, else a generic line."""
    from viewer.gui.common.translations import current_language

    if isinstance(exc, BayeganError):
        return exc.message(current_language())
    return translate("CrashHandler", "Something went wrong: {error}").format(error=str(exc) or type(exc).__name__)


class CrashHandler:
    """Installed as sys.excepthook while the window runs: the traceback goes to the data folder's
    log (through viewer.core.logging_setup, as the CLI's does), the user sees a short bilingual
    message with the log's path, and the window stays up."""

    def __init__(self, paths: DataPaths, show_dialog: bool = True):
        self.paths = paths
        self.show_dialog = show_dialog
        self.previous = sys.excepthook
        self.shown = 0

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        sys.excepthook = self.previous

    def __call__(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        error = log_unexpected(self.paths, exc, "the window")
        self.shown += 1
        if not self.show_dialog or QApplication.instance() is None:
            return
        from viewer.gui.common.translations import current_language

        box = QMessageBox(QMessageBox.Icon.Warning, translate("CrashHandler", "Bayegan"), error.message(current_language()))
        box.exec()
