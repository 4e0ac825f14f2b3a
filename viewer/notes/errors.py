"""Bilingual errors of the notes store and of exchanged annotation files."""

from __future__ import annotations

import sqlite3

from viewer.core.errors import BayeganError


class NotesError(BayeganError):
    """The notes database cannot be used as asked (missing note, unreadable or newer file)."""


class NotesFileError(NotesError):
    """An annotation file to import is not valid W3C Web Annotation JSON."""


_DAMAGE_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether the file is damaged: SQLite says "database disk image is malformed", "file is not a
    database" or "unsupported file format" (a header garbled into a format no SQLite writes, given with
    the generic error code, so only its text tells it apart); or a stored text is not UTF-8, which
    Bayegan never writes (garbage over a note's text, which SQLite cannot see: it keeps no checksums)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code == sqlite3.SQLITE_ERROR and str(exc) == "unsupported file format":
        return True
    if isinstance(exc, sqlite3.OperationalError) and str(exc).startswith("Could not decode to UTF-8"):
        return True
    return code is not None and code & 0xFF in _DAMAGE_CODES
