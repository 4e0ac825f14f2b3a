"""The notes database: SQLite with WAL and synchronous=FULL, one transaction per edit, soft deletes for undo.

Notes cannot be rebuilt from the archive, so every change is one committed transaction (a killed process
loses at most the edit in flight), deletes only mark rows (undo restores them) and copies are kept (daily,
and after changes: backups.py). A damaged file is refused at opening, and SQLite's damage errors anywhere
become a message naming the backups (damage.py).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from viewer.core.annotation import (
    Annotation,
    Motivation,
    TextPositionSelector,
    TextQuoteSelector,
    new_annotation_id,
    utc_now,
)
from viewer.core.closing import Closable
from viewer.core.colours import stored_colour
from viewer.core.sqlite_writes import write_transaction
from viewer.notes import anchoring, extras
from viewer.notes.backups import BackupKeeper, daily_backup, is_whole
from viewer.notes.damage import damage_reported, damaged_notes, reports_damage, unreadable_notes
from viewer.notes.errors import NotesError
from viewer.notes.schema import migrate
from viewer.notes.textfold import fold_for_search, query_terms
from viewer.notes.threads import Thread, build_threads, text_order_key
from viewer.notes.w3c_read import body_parts, body_text

BUSY_TIMEOUT_S = 15.0
PURGE_AFTER_DAYS = 30  # deleted notes stay (for undo, and for an import not to bring them back) this long

ANNOTATION_COLUMNS = ("id, article_id, motivation, body, color, quote_exact, quote_prefix, quote_suffix, "
            "pos_start, pos_end, parent_id, creator, created, modified, orphaned")


@dataclass(frozen=True, slots=True)
class Edit:
    """A note before and after an edit, so the edit can be undone."""

    before: Annotation
    after: Annotation


@dataclass(frozen=True, slots=True)
class AnchorUpdate:
    id: str
    quote: TextQuoteSelector | None
    position: TextPositionSelector | None
    orphaned: bool


def _missing(annotation_id: str) -> NotesError:
    return NotesError(f"No note with id {annotation_id}.", f"یادداشتی با شناسهٔ {annotation_id} نیست.")


def row_to_annotation(row: sqlite3.Row | tuple[Any, ...]) -> Annotation:
    (id_, article_id, motivation, body, color, exact, prefix, suffix, start, end, parent_id, creator,
     created, modified, orphaned) = row
    quote = TextQuoteSelector(exact, prefix or "", suffix or "") if exact is not None else None
    position = TextPositionSelector(start, end) if start is not None and end is not None else None
    return Annotation(id_, article_id, Motivation(motivation), body, color, quote, position, parent_id,
                      creator, created, modified, bool(orphaned))


def _values(a: Annotation) -> tuple[object, ...]:
    return (a.id, a.article_id, a.motivation.value, a.body, stored_colour(a.color),
            a.quote.exact if a.quote else None, a.quote.prefix if a.quote else None, a.quote.suffix if a.quote else None,
            a.position.start if a.position else None, a.position.end if a.position else None,
            a.parent_id, a.creator, a.created, a.modified, int(a.orphaned), _search_text(a))


def _search_text(a: Annotation) -> str:
    # \x1f keeps the note and the quote from running into one another once spaces are folded away.
    return fold_for_search(a.body) + "\x1f" + fold_for_search(a.quote.exact if a.quote else "")


def root_motivation(body: str, anchored: bool) -> Motivation:
    return Motivation.COMMENTING if body.strip() or not anchored else Motivation.HIGHLIGHTING


@reports_damage
class NotesStore(Closable):
    """One open notes database. Use as a context manager or call `close()`."""

    def __init__(self, path: Path, backups_dir: Path | None = None, *, backup: bool = True) -> None:
        self.path = Path(path)
        self.backups_dir = backups_dir if backups_dir is not None else self.path.parent / "backups"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise unreadable_notes(self.path, self.backups_dir, exc) from exc
        self._backups = BackupKeeper(self._db, self.backups_dir, enabled=backup)
        try:
            if not is_whole(self._db):  # before anything writes into it
                raise damaged_notes(self.path, self.backups_dir, "it fails SQLite's quick check")
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            migrate(self._db)
            self.purge_deleted()
            self._backups.opened(self.count() > 0)
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise unreadable_notes(self.path, self.backups_dir, exc) from exc
        except BaseException:
            self._db.close()
            raise

    def close(self) -> None:
        """Closes the database, after a backup when this session changed the notes."""
        try:
            self._backups.closing()
        finally:
            self._db.close()

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        changes = self._db.total_changes
        with damage_reported(self.path, self.backups_dir), write_transaction(self._db) as db:
            yield db
        self._backups.committed(self._db.total_changes > changes)

    def transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE … COMMIT, rolled back on error)."""
        return self._transaction()

    def _select(self, where: str, params: Iterable[object] = ()) -> list[Annotation]:
        rows = self._db.execute(f"SELECT {ANNOTATION_COLUMNS} FROM annotations WHERE {where} ORDER BY seq", tuple(params))
        return [row_to_annotation(row) for row in rows]

    # Reading -----------------------------------------------------------------------------------

    def count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM annotations WHERE deleted IS NULL").fetchone()[0])

    def get(self, annotation_id: str) -> Annotation | None:
        found = self._select("id = ? AND deleted IS NULL", (annotation_id,))
        return found[0] if found else None

    def require(self, annotation_id: str) -> Annotation:
        found = self.get(annotation_id)
        if found is None:
            raise _missing(annotation_id)
        return found

    def all(self) -> list[Annotation]:
        """Every note, parents before their replies."""
        return self._select("deleted IS NULL")

    def for_article(self, article_id: str) -> list[Annotation]:
        """The article's notes and replies, roots in text order, each followed by its thread."""
        return [a for thread in self.threads(article_id) for _, a in thread.walk()]

    def threads(self, article_id: str) -> list[Thread]:
        return build_threads(self._select("article_id = ? AND deleted IS NULL", (article_id,)))

    def thread(self, annotation_id: str) -> Thread:
        """The thread under one note (that note and every reply beneath it)."""
        root = self.require(annotation_id)
        threads = build_threads([root, *self._descendants(annotation_id)])
        return next(t for t in threads if t.annotation.id == annotation_id)

    def replies(self, annotation_id: str) -> list[Annotation]:
        """Direct replies, oldest first; equal timestamps keep the order they arrived in (`seq`)."""
        return sorted(self._select("parent_id = ? AND deleted IS NULL", (annotation_id,)), key=lambda a: a.created)

    def highlights(self, article_id: str) -> list[Annotation]:
        """Placed, anchored notes of the article in text order: what the reading pane draws."""
        found = self._select("article_id = ? AND deleted IS NULL AND parent_id IS NULL AND pos_start IS NOT NULL "
                             "AND orphaned = 0", (article_id,))
        return sorted(found, key=text_order_key)

    def roots(self, article_id: str, *, include_deleted: bool = False) -> list[Annotation]:
        """The article's notes that are not replies (deleted ones too when asked: undo may bring them back)."""
        alive = "" if include_deleted else " AND deleted IS NULL"
        return self._select("article_id = ? AND parent_id IS NULL" + alive, (article_id,))

    def articles_with_notes(self) -> dict[str, int]:
        """Article id → how many notes and replies it has (orphans of missing articles included)."""
        rows = self._db.execute("SELECT article_id, COUNT(*) FROM annotations WHERE deleted IS NULL AND article_id != '' "
                                "GROUP BY article_id ORDER BY article_id")
        return {article_id: int(n) for article_id, n in rows}

    def orphans(self) -> list[Annotation]:
        return self._select("deleted IS NULL AND orphaned = 1")

    def search(self, query: str, article_id: str | None = None) -> list[Annotation]:
        """Notes whose text or highlighted passage holds every word of `query` (Persian spellings folded)."""
        terms = query_terms(query)
        if not terms:
            return []
        where = ["deleted IS NULL"] + ["instr(search_text, ?) > 0"] * len(terms)
        params: list[object] = list(terms)
        if article_id is not None:
            where.append("article_id = ?")
            params.append(article_id)
        return self._select(" AND ".join(where), params)

    def _descendants(self, annotation_id: str, include_deleted: bool = False) -> list[Annotation]:
        alive = "" if include_deleted else "AND a.deleted IS NULL"
        rows = self._db.execute(
            f"""WITH RECURSIVE sub(id) AS (
                   SELECT a.id FROM annotations a WHERE a.parent_id = ? {alive}
                   UNION SELECT a.id FROM annotations a JOIN sub ON a.parent_id = sub.id {alive})
               SELECT {ANNOTATION_COLUMNS} FROM annotations WHERE id IN (SELECT id FROM sub) ORDER BY seq""",
            (annotation_id,))
        return [row_to_annotation(row) for row in rows]

    # Writing: one transaction each --------------------------------------------------------------

    def add(self, annotation: Annotation) -> Annotation:
        now = utc_now()
        stamped = annotation.with_changes(created=annotation.created or now, modified=annotation.modified or now,
                                          color=stored_colour(annotation.color))
        with self._transaction() as db:
            if annotation.parent_id is not None and self._alive(db, annotation.parent_id) is None:
                raise _missing(annotation.parent_id)
            try:
                self.insert(db, stamped)
            except sqlite3.IntegrityError as exc:
                raise NotesError(f"A note with id {annotation.id} already exists.",
                                 f"یادداشتی با شناسهٔ {annotation.id} هست.") from exc
        return stamped

    def create_highlight(self, article_id: str, text: str, start: int, end: int, *, body: str = "", color: str = "",
                         creator: str = "") -> Annotation:
        """A highlight (with a note when `body` is given) of text[start:end] of the article."""
        quote, position = anchoring.describe(text, start, end)
        return self.add(Annotation(new_annotation_id(), article_id, root_motivation(body, True), body, color, quote,
                                   position, creator=creator))

    def create_comment(self, article_id: str, body: str, *, creator: str = "", color: str = "") -> Annotation:
        """A comment on the whole article."""
        return self.add(Annotation(new_annotation_id(), article_id, Motivation.COMMENTING, body, color, creator=creator))

    def create_reply(self, parent_id: str, body: str, *, creator: str = "") -> Annotation:
        parent = self.require(parent_id)
        return self.add(Annotation(new_annotation_id(), parent.article_id, Motivation.REPLYING, body,
                                   parent_id=parent_id, creator=creator))

    def edit(self, annotation_id: str, *, body: str | None = None, color: str | None = None) -> Edit:
        new_colour = None if color is None else stored_colour(color)
        with self._transaction() as db:
            before = self._alive(db, annotation_id)
            if before is None:
                raise _missing(annotation_id)
            new_body = before.body if body is None else body
            motivation = before.motivation
            if before.parent_id is None:
                motivation = root_motivation(new_body, before.quote is not None)
            after = before.with_changes(body=new_body, color=before.color if new_colour is None else new_colour,
                                        motivation=motivation, modified=utc_now())
            db.execute("UPDATE annotations SET body = ?, color = ?, motivation = ?, modified = ?, search_text = ? WHERE id = ?",
                       (after.body, after.color, after.motivation.value, after.modified, _search_text(after), after.id))
        return Edit(before, after)

    def revert(self, edit: Edit) -> Annotation:
        """Undo an edit: the note's text and colour as they were before it."""
        return self.edit(edit.before.id, body=edit.before.body, color=edit.before.color).after

    def delete(self, annotation_id: str) -> list[str]:
        """Delete a note and every reply beneath it; returns their ids for `restore` (undo)."""
        with self._transaction() as db:
            if self._alive(db, annotation_id) is None:
                raise _missing(annotation_id)
            ids = [annotation_id, *(a.id for a in self._descendants(annotation_id))]
            now = utc_now()
            db.executemany("UPDATE annotations SET deleted = ? WHERE id = ?", [(now, i) for i in ids])
        return ids

    def restore(self, ids: Iterable[str]) -> None:
        with self._transaction() as db:
            db.executemany("UPDATE annotations SET deleted = NULL WHERE id = ?", [(i,) for i in ids])

    def update_anchors(self, updates: Iterable[AnchorUpdate]) -> int:
        """Re-anchoring results (new selectors, or the orphan mark) in one transaction; returns rows changed."""
        changed = 0
        with self._transaction() as db:
            for u in updates:
                row = db.execute(f"SELECT {ANNOTATION_COLUMNS} FROM annotations WHERE id = ?", (u.id,)).fetchone()
                if row is None:
                    continue
                moved = row_to_annotation(row).with_changes(quote=u.quote, position=u.position, orphaned=u.orphaned)
                db.execute(
                    "UPDATE annotations SET quote_exact = ?, quote_prefix = ?, quote_suffix = ?, pos_start = ?, pos_end = ?, "
                    "orphaned = ?, search_text = ? WHERE id = ?",
                    (u.quote.exact if u.quote else None, u.quote.prefix if u.quote else None,
                     u.quote.suffix if u.quote else None, u.position.start if u.position else None,
                     u.position.end if u.position else None, int(u.orphaned), _search_text(moved), u.id))
                changed += 1
        return changed

    def set_orphaned(self, article_id: str, orphaned: bool) -> int:
        """Mark every root note of an article (not) orphaned, e.g. when the article leaves the archive."""
        with self._transaction() as db:
            cursor = db.execute("UPDATE annotations SET orphaned = ? WHERE article_id = ? AND parent_id IS NULL "
                                "AND orphaned != ?", (int(orphaned), article_id, int(orphaned)))
        return cursor.rowcount

    def move_article(self, old_id: str, new_id: str) -> int:
        """Every note of an article onto the id it goes by now (its first copy went, another gives it)."""
        with self._transaction() as db:
            cursor = db.execute("UPDATE annotations SET article_id = ? WHERE article_id = ?", (new_id, old_id))
        return cursor.rowcount

    def purge_deleted(self, now: datetime | None = None) -> int:
        """Remove for good the notes deleted more than PURGE_AFTER_DAYS ago (a session's deletes stay undoable)."""
        cutoff = ((now or datetime.now(UTC)) - timedelta(days=PURGE_AFTER_DAYS)).astimezone(UTC)
        stamp = cutoff.isoformat(timespec="milliseconds").replace("+00:00", "Z")
        with self._transaction() as db:
            ids = [r[0] for r in db.execute("SELECT id FROM annotations WHERE deleted IS NOT NULL AND deleted < ?", (stamp,))]
            db.executemany("DELETE FROM annotations WHERE id = ?", [(i,) for i in ids])
            extras.forget(db, ids)
        return len(ids)

    def versions(self, annotation_id: str) -> list[extras.KeptVersion]:
        """Texts an import set aside for this note (the other side of a conflict, or the text an update replaced)."""
        return extras.kept_versions(self._db, annotation_id)

    def source(self, annotation_id: str) -> extras.NoteSource | None:
        """The W3C annotation the note was imported from, if it was."""
        return extras.load_source(self._db, annotation_id)

    def linked(self, annotation_id: str) -> list[Annotation]:
        """The other notes made from the same annotation (one per target article)."""
        source = self.source(annotation_id)
        if source is None or source.group_id is None:
            return []
        ids = [i for i in extras.group_members(self._db, source.group_id) if i != annotation_id]
        return [a for a in (self.get(i) for i in ids) if a is not None]

    def bodies(self, annotation_id: str) -> list[str]:
        """The note's text body by body: each body of an annotation imported with several (while the
        note still says what was imported), else the note's one text."""
        note = self.get(annotation_id)
        if note is None:
            return []
        source = self.source(annotation_id)
        if source is not None and note.body == source.imported_body:
            parts = body_parts(source.document)
            if len(parts) > 1 and body_text(parts, []) == note.body:
                return parts
        return [note.body] if note.body else []

    def known_ids(self, ids: Iterable[str]) -> dict[str, Annotation]:
        """The notes among `ids` that exist here, deleted ones included (for resolving imported replies)."""
        found: dict[str, Annotation] = {}
        for annotation_id in ids:
            rows = self._db.execute(f"SELECT {ANNOTATION_COLUMNS} FROM annotations WHERE id = ?", (annotation_id,)).fetchall()
            if rows:
                found[annotation_id] = row_to_annotation(rows[0])
        return found

    def integrity_ok(self) -> bool:
        return bool(self._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok")

    def backup_now(self) -> Path | None:
        return daily_backup(self._db, self.backups_dir)

    @staticmethod
    def _alive(db: sqlite3.Connection, annotation_id: str) -> Annotation | None:
        row = db.execute(f"SELECT {ANNOTATION_COLUMNS} FROM annotations WHERE id = ? AND deleted IS NULL",
                         (annotation_id,)).fetchone()
        return row_to_annotation(row) if row else None

    @staticmethod
    def row(db: sqlite3.Connection, annotation_id: str) -> tuple[Annotation, bool] | None:
        """A note (deleted or not) inside the caller's `transaction()`, and whether it is deleted."""
        found = db.execute(f"SELECT {ANNOTATION_COLUMNS}, deleted FROM annotations WHERE id = ?", (annotation_id,)).fetchone()
        return (row_to_annotation(found[:-1]), found[-1] is not None) if found else None

    @staticmethod
    def write_text(db: sqlite3.Connection, a: Annotation) -> None:
        """Set a note's text, colour, author and time inside the caller's `transaction()`."""
        db.execute("UPDATE annotations SET body = ?, color = ?, creator = ?, modified = ?, search_text = ? WHERE id = ?",
                   (a.body, stored_colour(a.color), a.creator, a.modified, _search_text(a), a.id))

    @staticmethod
    def insert(db: sqlite3.Connection, a: Annotation) -> None:
        """Insert a row inside the caller's `transaction()`."""
        db.execute(f"INSERT INTO annotations ({ANNOTATION_COLUMNS}, search_text) VALUES ({', '.join('?' * 16)})", _values(a))
