"""Merging a colleague's notes: new ones added, newer texts taken, and no text ever silently lost.

When both sides changed a note since it was last exchanged, the newer text is shown and the other is
kept as the note's previous version (`conflict`). An update that replaces a text nobody edited here
keeps the old text too (`replaced`). A copy already seen (the same text, or one kept) changes nothing.
"""

from __future__ import annotations

import sqlite3

from viewer.core.annotation import Annotation
from viewer.core.colours import stored_colour
from viewer.core.results import MergeReport
from viewer.notes import extras
from viewer.notes.extras import KeptVersion, NoteSource
from viewer.notes.store import NotesStore


def merge_notes(store: NotesStore, incoming: list[tuple[Annotation, NoteSource | None]], report: MergeReport) -> None:
    """Add or reconcile each note, parents before replies, in one transaction (all or nothing)."""
    with store.transaction() as db:
        for given, source in incoming:
            note = given.with_changes(color=stored_colour(given.color))  # compared with what is stored
            found = NotesStore.row(db, note.id)
            if found is None:
                NotesStore.insert(db, note)
                if source is not None:
                    extras.save_source(db, note.id, source)
                extras.mark_synced(db, note.id, note.modified)
                report.added += 1
                report.orphaned += int(note.orphaned)
                continue
            local, deleted = found
            if deleted or _already_seen(db, local, note):
                report.skipped += 1
                continue
            _reconcile(db, local, note, source, report)


def _already_seen(db: sqlite3.Connection, local: Annotation, note: Annotation) -> bool:
    if (note.body, note.color) == (local.body, local.color):
        return True
    synced = extras.synced_modified(db, note.id)
    if synced is not None and note.modified <= synced:
        return True  # a copy no newer than one imported before
    return any((v.body, v.color) == (note.body, note.color) for v in extras.kept_versions(db, note.id))


def _version(a: Annotation, reason: str) -> KeptVersion:
    return KeptVersion(a.body, a.color, a.creator, a.modified, reason)


def _reconcile(db: sqlite3.Connection, local: Annotation, note: Annotation, source: NoteSource | None,
               report: MergeReport) -> None:
    base = extras.synced_modified(db, note.id) or local.created
    edited_here = local.modified > base
    # Edits of the same millisecond: the text decides, so both sides show the same one after exchanging.
    if (note.modified, note.body) > (local.modified, local.body):
        extras.keep_version(db, note.id, _version(local, "conflict" if edited_here else "replaced"))
        NotesStore.write_text(db, local.with_changes(body=note.body, color=note.color,
                                                     creator=note.creator or local.creator, modified=note.modified))
        if source is not None:
            extras.save_source(db, note.id, source)
        if edited_here:
            report.conflicts += 1
        else:
            report.updated += 1
    else:  # an older text edited elsewhere: the newer one here stays shown, theirs is kept
        extras.keep_version(db, note.id, _version(note, "conflict"))
        report.conflicts += 1
    extras.mark_synced(db, note.id, max(note.modified, base))
