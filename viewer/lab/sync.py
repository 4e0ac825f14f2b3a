"""One sync with the lab: send, then receive, notes first, then collections and saved searches."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import psycopg

from viewer.collections.collections import Collections
from viewer.collections.saved_searches import SavedSearches
from viewer.lab.lists_sync import receive_lists, send_lists, waiting_lists
from viewer.lab.notes_sync import ArticleMatch, NotesSync, Server, local_rows
from viewer.lab.state import LabState
from viewer.notes import shared_rows
from viewer.notes.store import NotesStore

DEFAULT_BATCH = 2000


@dataclass
class SyncReport:
    sent: int = 0
    received: int = 0
    conflicts: int = 0
    refused: bool = False  # the role may only read: nothing was sent, everything kept here
    waiting: int = 0  # local changes (notes, collections, saved searches) not on the server yet
    received_articles: set[str] = field(default_factory=set)

    def as_json(self) -> dict[str, object]:
        return {"sent": self.sent, "received": self.received, "conflicts": self.conflicts,
                "sending_refused": self.refused, "waiting": self.waiting}


def sync(server: Server, store: NotesStore, state: LabState, collections: Collections, saved: SavedSearches, *,
         batch: int = DEFAULT_BATCH, on_batch: Callable[[str], None] | None = None,
         articles: ArticleMatch | None = None) -> SyncReport:
    notes = NotesSync(server, store, state, batch, on_batch, articles)
    report = SyncReport()
    try:
        notes.send()
        report.sent += send_lists(server, state, collections, saved, on_batch)
    except psycopg.errors.InsufficientPrivilege:
        report.refused = True
    notes.receive()
    report.received += receive_lists(server, state, collections, saved, on_batch)
    report.sent += notes.sent
    report.received += notes.received
    report.conflicts = len(notes.conflicted)
    report.waiting = len(notes.outbox()) + waiting_lists(state, collections, saved)
    report.received_articles = notes.received_articles
    return report


def waiting_count(store: NotesStore, state: LabState) -> int:
    """Local changes that have not reached the server yet (the offline queue)."""
    agreed = state.agreed()
    return sum(1 for note, deleted in local_rows(store)
               if (mark := agreed.get(note.id)) is None or (mark.local_modified, mark.local_deleted) != (note.modified, deleted))


def register_member(server: Server, name: str, login: str) -> None:
    with server.transaction():
        server.execute("INSERT INTO lab_members (name, login) VALUES (%s, %s) ON CONFLICT (name) DO UPDATE "
                       "SET login = EXCLUDED.login", (name, login))


def server_counts(server: Server) -> dict[str, int]:
    with server.transaction():
        row = server.execute("SELECT (SELECT COUNT(*) FROM lab_notes WHERE deleted IS NULL), "
                             "(SELECT COUNT(*) FROM lab_members)").fetchone()
    return {"notes": int(row[0]), "members": int(row[1])} if row else {}  # type: ignore[call-overload]


def mark_orphaned(store: NotesStore, article_ids: list[str]) -> None:
    """Notes received for articles this desktop does not have: kept, marked orphans (one transaction)."""
    with store.transaction() as db:
        shared_rows.mark_orphaned(db, article_ids)
