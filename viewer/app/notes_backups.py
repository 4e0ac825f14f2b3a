"""The notes backups: listing them, and restoring one with the current notes copied aside first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.core.paths import DataPaths

if TYPE_CHECKING:
    from viewer.notes.restore import BackupInfo


@dataclass(frozen=True)
class RestoredNotes:
    backup: Path  # the backup restored
    previous: Path | None  # the copy of the notes as they were (None: there were none)
    count: int  # the notes there are now


def backups(paths: DataPaths) -> list[BackupInfo]:
    """Daily backups (oldest first), then the copies made before restores."""
    from viewer.notes.restore import list_backups

    return list_backups(paths.backups_dir)


def restore(paths: DataPaths, name: str) -> RestoredNotes:
    """Replaces the notes with the backup `name` (a file name, a date YYYY-MM-DD or a path). The
    notes store must be closed: this writes into its database."""
    from viewer.notes.restore import restore_backup
    from viewer.notes.store import NotesStore

    paths.ensure()
    backup, previous = restore_backup(paths.notes_path, paths.backups_dir, name)
    with NotesStore(paths.notes_path, paths.backups_dir) as store:  # brings an older backup's schema up to date
        count = store.count()
    return RestoredNotes(backup, previous, count)
