"""Bilingual errors of the notes store and of exchanged annotation files."""

from __future__ import annotations

from viewer.core.errors import BayeganError


class NotesError(BayeganError):
    """The notes database cannot be used as asked (missing note, unreadable or newer file)."""


class NotesFileError(NotesError):
    """An annotation file to import is not valid W3C Web Annotation JSON."""
