"""The engine's types that the faces name, given by the application layer so that neither the
window nor the command line imports the engine packages. Import them under TYPE_CHECKING where
only annotations need them: this module loads Whoosh."""

from __future__ import annotations

from viewer.export.model import ExportReport
from viewer.notes.reanchor import ReanchorReport
from viewer.notes.restore import BackupInfo
from viewer.notes.store import Edit, MergeReport, NotesStore
from viewer.notes.threads import Thread
from viewer.search.copies.near_duplicates import SimilarArticle
from viewer.search.indexing.sync import SyncReport
from viewer.search.results.match_summary import MatchSummary
from viewer.search.results.searcher import Hit, SearchResult

__all__ = ["BackupInfo", "Edit", "ExportReport", "Hit", "MatchSummary", "MergeReport", "NotesStore", "ReanchorReport",
           "SearchResult", "SimilarArticle", "SyncReport", "Thread"]
