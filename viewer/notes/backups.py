"""Copies of the notes database (SQLite's online backup API: consistent while in use), and when they
are taken.

Two kinds, each rotated on its own:
- daily (`notes-YYYY-MM-DD.sqlite3`, the last KEEP_BACKUPS days): the notes as they were when first
  opened that day, to go back past a mistake noticed days later;
- recent (`recent-YYYY-MM-DDTHH-MM-SS.sqlite3`, the last KEEP_RECENT): the notes after changes, taken
  when the process that changed them closes them and every BACKUP_EVERY_EDITS edits of a long session,
  so a damaged file loses at most that many edits instead of a day's work. A handful suffices: each is
  a whole copy, and the daily ones keep the longer history.
A copy is taken only of a database that passes SQLite's quick check, so a damaged file never pushes
a good copy out of the rotation.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

from viewer.core.atomic_write import atomic_replace
from viewer.notes.errors import is_damage

KEEP_BACKUPS = 7
KEEP_RECENT = 5
BACKUP_EVERY_EDITS = 25
PREFIX = "notes-"
RECENT_PREFIX = "recent-"
SUFFIX = ".sqlite3"

log = logging.getLogger(__name__)


def backup_files(backups_dir: Path) -> list[Path]:
    """Existing daily backups, oldest first (the names sort by date)."""
    if not backups_dir.is_dir():
        return []
    return sorted(backups_dir.glob(f"{PREFIX}????-??-??{SUFFIX}"))


def recent_files(backups_dir: Path) -> list[Path]:
    """Existing backups taken after changes, oldest first (the names sort by time)."""
    if not backups_dir.is_dir():
        return []
    return sorted(backups_dir.glob(f"{RECENT_PREFIX}????-??-??T??-??-??{SUFFIX}"))


def is_whole(db: sqlite3.Connection) -> bool:
    """SQLite's quick check: every page and record readable. Errors other than damage (a locked or
    read-only file) are raised: they say nothing about the file's state."""
    try:
        return bool(db.execute("PRAGMA quick_check").fetchone()[0] == "ok")
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            return False
        raise


def _copy(db: sqlite3.Connection, target: Path) -> None:
    """Written to a temporary name and renamed, so a crash mid-copy never leaves a broken backup that looks whole."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_replace(target) as partial:
        copy = sqlite3.connect(partial)
        try:
            db.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # a copy in WAL mode grows -wal and -shm files when read
        finally:
            copy.close()


def _keep_newest(files: list[Path], keep: int) -> None:
    for old in files[:-keep] if keep > 0 else files:
        with contextlib.suppress(OSError):
            old.unlink()


def daily_backup(db: sqlite3.Connection, backups_dir: Path, today: date | None = None, keep: int = KEEP_BACKUPS) -> Path | None:
    """Copy the database once per day into `backups_dir`, keeping the newest `keep` copies.

    Returns the new copy, or None when today's copy already exists."""
    day = today or date.today()
    target = backups_dir / f"{PREFIX}{day.isoformat()}{SUFFIX}"
    if target.exists():
        return None
    _copy(db, target)
    _keep_newest(backup_files(backups_dir), keep)
    return target


def recent_backup(db: sqlite3.Connection, backups_dir: Path, now: datetime | None = None, keep: int = KEEP_RECENT) -> Path:
    """Copy the database as it is now, keeping the newest `keep` such copies (one a second at most:
    a later copy in the same second replaces the earlier)."""
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H-%M-%S")
    target = backups_dir / f"{RECENT_PREFIX}{stamp}{SUFFIX}"
    _copy(db, target)
    _keep_newest(recent_files(backups_dir), keep)
    return target


class BackupKeeper:
    """Decides when one open notes database is copied: a daily copy at opening, a recent one at
    closing after changes and every `every` committed changes. Disabled, it never copies."""

    def __init__(self, db: sqlite3.Connection, backups_dir: Path, *, enabled: bool = True,
                 every: int = BACKUP_EVERY_EDITS) -> None:
        self._db = db
        self.backups_dir = backups_dir
        self.enabled = enabled
        self.every = every
        self.unsaved_edits = 0

    def opened(self, has_notes: bool) -> None:
        if self.enabled and has_notes:
            daily_backup(self._db, self.backups_dir)

    def committed(self, changed: bool) -> None:
        if not changed:
            return
        self.unsaved_edits += 1
        if self.unsaved_edits >= self.every:
            self._save_or_log()

    def closing(self) -> None:
        """The copy after this session's changes."""
        if self.unsaved_edits:
            self._save_or_log()

    def _save_or_log(self) -> None:
        """A failed copy is logged, never raised: the edit is safe in the notes file, the copy is extra."""
        try:
            self.save()
        except (OSError, sqlite3.Error) as exc:
            log.warning("notes: no backup after changes in %s: %s", self.backups_dir, exc)

    def save(self) -> Path | None:
        """A recent copy now (when enabled and the database is whole)."""
        if not self.enabled:
            return None
        if not is_whole(self._db):
            log.warning("notes: the database fails SQLite's quick check; no backup taken over the good ones")
            return None
        self.unsaved_edits = 0
        return recent_backup(self._db, self.backups_dir)
