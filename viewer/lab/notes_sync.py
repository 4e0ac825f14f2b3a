"""Notes between the local store and the lab's server: send what changed here, receive what changed there.

Notes are keyed by their article's id (derived from link, news code or title, the same on every
desktop) and carry the fingerprint of the article's text: a member whose copy of the story has another
id (met first in another format or source) gets the note on its own copy of the same text.

The server applies the local conflict rules (viewer/notes/merge.py): when both sides edited a note since
they last agreed, the newer text is shown and the other is kept as a version; deletions are tombstones
that win over edits. Sending and receiving are batches, each one server transaction and one local
transaction, marked done only after both committed, so a sync killed anywhere is finished by the next."""

from __future__ import annotations

from collections.abc import Callable

import psycopg

from viewer.core.annotation import Annotation, Motivation, TextPositionSelector, TextQuoteSelector
from viewer.core.colours import readable_colour
from viewer.core.results import MergeReport
from viewer.lab.server_schema import WRITE_LOCK
from viewer.lab.state import Agreed, LabState
from viewer.notes import extras, shared_rows
from viewer.notes.extras import NoteSource
from viewer.notes.merge import merge_notes
from viewer.notes.store import NotesStore

Server = psycopg.Connection[tuple[object, ...]]
LocalRow = tuple[Annotation, str | None]

_NOTE_COLUMNS = ("id, article_id, motivation, body, color, quote_exact, quote_prefix, quote_suffix, pos_start, "
                 "pos_end, parent_id, creator, created, modified, deleted, article_fold")


def _server_values(a: Annotation, deleted: str | None, fold: str) -> tuple[object, ...]:
    return (a.id, a.article_id, a.motivation.value, a.body, a.color, a.quote.exact if a.quote else None,
            a.quote.prefix if a.quote else None, a.quote.suffix if a.quote else None,
            a.position.start if a.position else None, a.position.end if a.position else None, a.parent_id,
            a.creator, a.created, a.modified, deleted, fold)


def _from_server(row: tuple[object, ...], local_article: Callable[[str, str], str]) -> LocalRow:
    (id_, article_id, motivation, body, color, exact, prefix, suffix, start, end, parent_id, creator, created,
     modified, deleted, fold) = (str(v) if isinstance(v, str) else v for v in row)
    article_id = local_article(str(article_id), str(fold or ""))
    quote = TextQuoteSelector(str(exact), str(prefix or ""), str(suffix or "")) if exact is not None else None
    position = (TextPositionSelector(int(start), int(end))  # type: ignore[call-overload]  # INTEGER columns
                if start is not None and end is not None else None)
    # A colour another desktop's older Bayegan sent as written ("green", "banana"): the palette's, or none.
    note = Annotation(str(id_), str(article_id), Motivation(str(motivation)), str(body), readable_colour(str(color)),
                      quote, position, str(parent_id) if parent_id is not None else None, str(creator), str(created), str(modified))
    return note, str(deleted) if deleted is not None else None


def local_rows(store: NotesStore) -> list[LocalRow]:
    with store.transaction() as db:
        return shared_rows.every_row(db)


class ArticleMatch:
    """This desktop's articles by the fingerprint of their text (none known: ids are matched as they are)."""

    def __init__(self, fold_of: dict[str, str] | None = None):
        self._fold_of = fold_of or {}
        self._by_fold: dict[str, str] = {}
        for article_id, fold in self._fold_of.items():
            if fold:
                self._by_fold.setdefault(fold, article_id)

    def fold_of(self, article_id: str) -> str:
        return self._fold_of.get(article_id, "")

    def local_id(self, article_id: str, fold: str) -> str:
        """The id of this desktop's copy of the article: its own id when it has it, else the article
        with the same text, else the id as sent (the note is then an orphan here)."""
        if article_id in self._fold_of or not fold:
            return article_id
        return self._by_fold.get(fold, article_id)


class NotesSync:
    def __init__(self, server: Server, store: NotesStore, state: LabState, batch: int, on_batch: object = None,
                 articles: ArticleMatch | None = None):
        self.server = server
        self.articles = articles or ArticleMatch()
        self.store = store
        self.state = state
        self.batch = batch
        self.on_batch = on_batch if callable(on_batch) else (lambda step: None)
        self.sent = 0
        self.received = 0
        self.conflicted: set[str] = set()
        self.received_articles: set[str] = set()

    # Sending ----------------------------------------------------------------------------------------

    def outbox(self) -> list[LocalRow]:
        """Local notes changed (or deleted) since they last agreed with the server, parents first."""
        agreed = self.state.agreed()
        waiting = []
        for note, deleted in local_rows(self.store):
            mark = agreed.get(note.id)
            if mark is None or (mark.local_modified, mark.local_deleted) != (note.modified, deleted):
                waiting.append((note, deleted))
        return waiting

    def send(self) -> None:
        """Raises psycopg.errors.InsufficientPrivilege for a read-only role (nothing of the batch written)."""
        waiting = self.outbox()
        agreed = self.state.agreed()
        for start in range(0, len(waiting), self.batch):
            chunk = waiting[start:start + self.batch]
            marks = self._send_batch(chunk, agreed)
            self.state.agree(marks)
            self.on_batch("sent")

    def _send_batch(self, chunk: list[LocalRow], agreed: dict[str, Agreed]) -> list[tuple[str, Agreed]]:
        ids = [note.id for note, _ in chunk]
        inserts: list[tuple[object, ...]] = []
        updates: list[tuple[object, ...]] = []
        tombstones: list[tuple[object, ...]] = []
        versions: list[tuple[object, ...]] = []
        marks: list[tuple[str, Agreed]] = []
        with self.server.transaction():
            self.server.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            there = {str(r[0]): r for r in self.server.execute(
                "SELECT id, body, color, modified, deleted, creator FROM lab_notes WHERE id = ANY(%s)", (ids,))}
            kept = {(str(r[0]), str(r[1]), readable_colour(str(r[2]))) for r in self.server.execute(
                "SELECT id, body, color FROM lab_note_versions WHERE id = ANY(%s)", (ids,))}
            for note, deleted in chunk:
                server_modified = note.modified
                row = there.get(note.id)
                if row is None:
                    inserts.append(_server_values(note, deleted, self.articles.fold_of(note.article_id)))
                    self.sent += 1
                else:
                    _, body, color, modified, server_deleted, creator = (str(v) if v is not None else None for v in row)
                    color = readable_colour(color or "")
                    server_modified = str(modified)
                    if server_deleted is not None or (deleted is None and (
                            (note.body, note.color) == (body, color) or (note.id, note.body, note.color) in kept)):
                        pass  # a tombstone there wins; the same text, or one kept there, changes nothing
                    elif deleted is not None:
                        tombstones.append((deleted, note.id))
                        self.sent += 1
                    else:
                        mark = agreed.get(note.id)
                        edited_there = mark is None or mark.server_modified != server_modified
                        if (note.modified, note.body) > (server_modified, body):
                            if edited_there:
                                versions.append((note.id, body, color, creator or "", server_modified))
                                self.conflicted.add(note.id)
                            updates.append((note.body, note.color, note.creator, note.modified, note.id))
                            server_modified = note.modified
                        else:
                            versions.append((note.id, note.body, note.color, note.creator, note.modified))
                            self.conflicted.add(note.id)
                        self.sent += 1
                marks.append((note.id, Agreed(note.modified, deleted, server_modified)))
            if inserts:
                self.server.cursor().executemany(
                    f"INSERT INTO lab_notes ({_NOTE_COLUMNS}) VALUES ({', '.join(['%s'] * 16)}) "
                    "ON CONFLICT (id) DO NOTHING", inserts)
            if updates:
                self.server.cursor().executemany(
                    "UPDATE lab_notes SET body = %s, color = %s, creator = %s, modified = %s, "
                    "change = nextval('lab_change') WHERE id = %s", updates)
            if tombstones:
                self.server.cursor().executemany(
                    "UPDATE lab_notes SET deleted = %s, change = nextval('lab_change') WHERE id = %s", tombstones)
            if versions:
                self.server.cursor().executemany(
                    "INSERT INTO lab_note_versions (id, body, color, creator, modified) VALUES (%s, %s, %s, %s, %s) "
                    "ON CONFLICT DO NOTHING", versions)
        return marks

    # Receiving --------------------------------------------------------------------------------------

    def receive(self) -> None:
        while True:
            after = self.state.cursor("notes")
            with self.server.transaction():
                rows = self.server.execute(
                    f"SELECT {_NOTE_COLUMNS}, change FROM lab_notes WHERE change > %s ORDER BY change LIMIT %s",
                    (after, self.batch)).fetchall()
            if not rows:
                break
            incoming = [_from_server(r[:-1], self.articles.local_id) for r in rows]
            self._merge(incoming)
            self.state.advance("notes", int(rows[-1][-1]))  # type: ignore[call-overload]  # BIGINT
            self.on_batch("received")
        self._receive_versions()

    def _merge(self, incoming: list[LocalRow]) -> None:
        with self.store.transaction() as db:
            new_here = {note.article_id for note, _ in incoming if NotesStore.row(db, note.id) is None}
        report = MergeReport()
        alive: list[tuple[Annotation, NoteSource | None]] = [(n, None) for n, deleted in incoming if deleted is None]
        merge_notes(self.store, alive, report)
        self.received += report.added + report.updated + report.conflicts
        self.received_articles.update(new_here)
        marks: list[tuple[str, Agreed]] = []
        with self.store.transaction() as db:
            for note, deleted in incoming:
                found = NotesStore.row(db, note.id)
                if found is None:
                    continue  # a tombstone of a note never seen here
                local, local_deleted = found
                if deleted is not None and not local_deleted:
                    shared_rows.mark_deleted(db, note.id, deleted)
                    self.received += 1
                if local.body != note.body and deleted is None:
                    self.conflicted.add(note.id)
                    continue  # this side's newer text still has to go
                marks.append((note.id, Agreed(local.modified, shared_rows.deleted_at(db, note.id), note.modified)))
        self.state.agree(marks)

    def _receive_versions(self) -> None:
        while True:
            after = self.state.cursor("versions")
            with self.server.transaction():
                rows = self.server.execute(
                    "SELECT id, body, color, creator, modified, change FROM lab_note_versions WHERE change > %s "
                    "ORDER BY change LIMIT %s", (after, self.batch)).fetchall()
            if not rows:
                break
            with self.store.transaction() as db:
                for id_, body, server_colour, creator, modified, _ in rows:
                    color = readable_colour(str(server_colour))
                    found = NotesStore.row(db, str(id_))
                    if found is None:
                        continue
                    self.conflicted.add(str(id_))  # a conflict the server settled: both texts stay here too
                    if (found[0].body, found[0].color) == (body, color):
                        continue
                    if any((v.body, v.color) == (body, color) for v in extras.kept_versions(db, str(id_))):
                        continue
                    extras.keep_version(db, str(id_), extras.KeptVersion(str(body), str(color), str(creator),
                                                                          str(modified), "conflict"))
            self.state.advance("versions", int(rows[-1][-1]))  # type: ignore[call-overload]  # BIGINT
            self.on_batch("received")

