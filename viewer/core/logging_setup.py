"""The rotating log in the data paths' log folder, and the message shown for an error nobody expected.

The CLI and the window call `log_unexpected(paths, exc)` as their last resort: the traceback goes to
the log, the user gets `UnexpectedError` (bilingual, with the log's path) instead of a traceback.
"""

from __future__ import annotations

import errno
import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from viewer.core.errors import BayeganError
from viewer.core.paths import DataPaths

LOGGER_NAME = "bayegan"
LOG_FILE_NAME = "bayegan.log"
MAX_LOG_BYTES = 1024 * 1024
LOG_BACKUPS = 3
_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


class _QuietRotatingFileHandler(RotatingFileHandler):
    """A log that cannot be written (disk full, read-only) must not print a traceback of its own."""

    failed = False

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        self.failed = True


def log_path(paths: DataPaths) -> Path:
    return paths.log_dir / LOG_FILE_NAME


def setup_logging(paths: DataPaths, level: int = logging.INFO) -> Path | None:
    """Send the `bayegan` logger to the rotating log; its path, or None when it cannot be written.

    Calling it again for the same folder adds nothing; for another folder, it moves the log there."""
    target = log_path(paths)
    logger = logging.getLogger(LOGGER_NAME)
    logger.setLevel(level)
    if any(isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == target for h in logging.getLogger().handlers):
        logger.propagate = True  # the window already logs there through the root logger: one writer per file
        return target
    for handler in list(logger.handlers):
        if isinstance(handler, _QuietRotatingFileHandler):
            if Path(handler.baseFilename) == target:
                return target
            logger.removeHandler(handler)
            handler.close()
    try:
        paths.log_dir.mkdir(parents=True, exist_ok=True)
        handler = _QuietRotatingFileHandler(target, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger.addHandler(handler)
    logger.propagate = False
    return target


class UnexpectedError(BayeganError):
    """What the user sees of a bug or an unforeseen failure: a short message and where the details are."""

    def __init__(self, exc: BaseException, log_file: Path | None) -> None:
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
            en = "The disk is full: free some space and try again."
            fa = "دیسک پر است: جایی خالی کنید و دوباره تلاش کنید."
        elif isinstance(exc, OSError) and exc.errno == errno.EROFS:
            en = "The data folder is read-only: choose another with --data-dir."
            fa = "پوشهٔ داده‌ها فقط‌خواندنی است: پوشهٔ دیگری با ‎--data-dir‎ برگزینید."
        elif isinstance(exc, OSError):
            where = f" ({exc.filename})" if exc.filename else ""
            en = f"A file could not be read or written{where}: {exc.strerror or exc}."
            fa = f"پرونده‌ای خوانده یا نوشته نشد{where}: {exc.strerror or exc}."
        else:
            en, fa = f"Unexpected error: {type(exc).__name__}.", f"خطای پیش‌بینی‌نشده: {type(exc).__name__}."
        if log_file is not None:
            en += f" Details are in the log: {log_file}"
            fa += f" جزئیات در گزارش‌نامه: {log_file}"
        else:
            en += " (The log could not be written either.)"
            fa += " (گزارش‌نامه هم نوشته نشد.)"
        super().__init__(en, fa)
        self.log_file = log_file


def log_unexpected(paths: DataPaths, exc: BaseException, context: str = "") -> UnexpectedError:
    """Write `exc` with its traceback to the log and return the error to show in its place."""
    log_file = setup_logging(paths)
    logger = logging.getLogger(LOGGER_NAME)
    handlers = [h for h in logger.handlers if isinstance(h, _QuietRotatingFileHandler)]
    for handler in handlers:
        handler.failed = False
    logger.error("unexpected error%s", f" in {context}" if context else "", exc_info=(type(exc), exc, exc.__traceback__))
    for handler in handlers:
        try:
            handler.flush()
        except OSError:  # the disk that is full is often the one the log is on
            handler.failed = True
    if log_file is not None and any(h.failed for h in handlers):
        log_file = None
    return UnexpectedError(exc, log_file)
