"""Errors that reach the user carry a message in Persian and in English."""

from __future__ import annotations


class BayeganError(Exception):
    """An error with a bilingual message; never shown as a traceback."""

    def __init__(self, en: str, fa: str = "") -> None:
        super().__init__(en)
        self.en = en
        self.fa = fa or en

    def message(self, lang: str = "en") -> str:
        return self.fa if lang == "fa" else self.en


class ImportFailure(BayeganError):
    """A source file could not be read as articles."""


class IndexBusyError(BayeganError):
    """Another process is writing the index."""

    def __init__(self) -> None:
        super().__init__(
            "The index is busy: another Bayegan process is writing it. Try again when it finishes.",
            "نمایه در حال استفاده است: برنامهٔ دیگری از بایگان در حال نوشتن آن است. پس از پایان آن دوباره تلاش کنید.",
        )


class QueryError(BayeganError):
    """A search query that cannot be parsed."""


class CancelledError(BayeganError):
    def __init__(self) -> None:
        super().__init__("Cancelled.", "لغو شد.")


class DataDirError(BayeganError):
    """The data folder cannot be created or written."""
