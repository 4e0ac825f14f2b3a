"""The notes store's threads as the export's plain notes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from viewer.core.annotation import Annotation, parse_utc
from viewer.export.model import DEFAULT_HIGHLIGHT, ExportNote, ExportReply
from viewer.notes.store import NotesStore
from viewer.notes.threads import Thread


def _local_time(stamp: str) -> datetime | None:
    parsed = parse_utc(stamp) if stamp else None
    return parsed.astimezone() if parsed else None


def _reply(thread: Thread) -> ExportReply:
    a = thread.annotation
    return ExportReply(a.body, a.creator, _local_time(a.created), tuple(_reply(t) for t in thread.replies))


def note_from_thread(thread: Thread) -> ExportNote:
    a: Annotation = thread.annotation
    placed = a.position is not None and a.parent_id is None
    return ExportNote(
        start=a.position.start if placed and a.position else None,
        end=a.position.end if placed and a.position else None,
        body=a.body,
        colour=a.color or DEFAULT_HIGHLIGHT,
        author=a.creator,
        created=_local_time(a.created),
        replies=tuple(_reply(t) for t in thread.replies),
        orphaned=a.orphaned,
        quote=a.quote.exact if a.quote else "",
    )


def notes_for_articles(store: NotesStore, article_ids: Iterable[str]) -> dict[str, list[ExportNote]]:
    found: dict[str, list[ExportNote]] = {}
    for article_id in article_ids:
        notes = [note_from_thread(t) for t in store.threads(article_id)]
        if notes:
            found[article_id] = notes
    return found


def load_notes(notes_path: Path, backups_dir: Path, article_ids: Iterable[str]) -> dict[str, list[ExportNote]]:
    """Notes of the given articles; none when there is no notes database yet (exporting creates none)."""
    if not notes_path.exists():
        return {}
    with NotesStore(notes_path, backups_dir, backup=False) as store:
        return notes_for_articles(store, article_ids)


def article_ids_with_notes(notes_path: Path, backups_dir: Path) -> list[str]:
    if not notes_path.exists():
        return []
    with NotesStore(notes_path, backups_dir, backup=False) as store:
        return list(store.articles_with_notes())
