"""The types the faces name, in one place: the search and sync results (plain dataclasses of
viewer/core/results.py) and the notes' reports. Loading it loads neither Whoosh nor hazm, so the
window and the command line import it plainly."""

from __future__ import annotations

from viewer.core.results import Hit, MatchSummary, MergeReport, ReanchorReport, SearchResult, SimilarArticle, SyncReport
from viewer.export.model import ExportReport
from viewer.notes.restore import BackupInfo
from viewer.notes.store import Edit, NotesStore
from viewer.notes.threads import Thread

__all__ = ["BackupInfo", "Edit", "ExportReport", "Hit", "MatchSummary", "MergeReport", "NotesStore", "ReanchorReport",
           "SearchResult", "SimilarArticle", "SyncReport", "Thread"]
