"""Listing the notes backups and restoring one, safely: the current notes are copied aside first,
through SQLite when they read whole, else byte for byte (a damaged file is kept as it was)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from viewer.core.atomic_write import atomic_replace
from viewer.notes.backups import PREFIX, SUFFIX, backup_files, is_whole, recent_files
from viewer.notes.errors import NotesError, is_damage

SAFETY_PREFIX = "before-restore-"


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    kind: str  # "daily", "recent" (after changes) or "before-restore" (the notes as they were when a backup was restored)
    notes: int | None  # None when the copy cannot be read

    def as_json(self) -> dict[str, object]:
        return {"name": self.path.name, "path": str(self.path), "kind": self.kind, "notes": self.notes,
                "bytes": self.path.stat().st_size}


def _count(path: Path) -> int | None:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return int(db.execute("SELECT COUNT(*) FROM annotations WHERE deleted IS NULL").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        return None


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    """Daily backups (oldest first), then those after changes, then the copies made before restores."""
    daily = [BackupInfo(p, "daily", _count(p)) for p in backup_files(backups_dir)]
    recent = [BackupInfo(p, "recent", _count(p)) for p in recent_files(backups_dir)]
    safety = sorted(backups_dir.glob(f"{SAFETY_PREFIX}*{SUFFIX}")) if backups_dir.is_dir() else []
    return daily + recent + [BackupInfo(p, "before-restore", _count(p)) for p in safety]


def find_backup(backups_dir: Path, name: str) -> Path:
    """A backup named by path, file name, or date (YYYY-MM-DD)."""
    for candidate in (Path(name), backups_dir / name, backups_dir / f"{name}{SUFFIX}", backups_dir / f"{PREFIX}{name}{SUFFIX}"):
        if candidate.is_file():
            return candidate
    raise NotesError(f"No backup {name!r} (see `bayegan notes backups`).",
                     f"پشتیبانی با نام {name!r} نیست (فهرست: ‎bayegan notes backups‎).")


def _check(path: Path) -> None:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            ok = db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            has_notes = db.execute("SELECT 1 FROM sqlite_master WHERE name = 'annotations'").fetchone() is not None
        finally:
            db.close()
    except sqlite3.Error:
        ok, has_notes = False, False
    if not (ok and has_notes):
        raise NotesError(f"{path} is not a readable notes backup; nothing was changed.",
                         f"{path} پشتیبان سالمی از یادداشت‌ها نیست؛ چیزی تغییر نکرد.")


def _safety_path(backups_dir: Path, now: datetime | None) -> Path:
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H-%M-%S")
    backups_dir.mkdir(parents=True, exist_ok=True)
    safety = backups_dir / f"{SAFETY_PREFIX}{stamp}{SUFFIX}"
    n = 1
    while safety.exists():  # two restores in one second: never overwrite an earlier copy
        n += 1
        safety = backups_dir / f"{SAFETY_PREFIX}{stamp}-{n}{SUFFIX}"
    return safety


def _reads_whole(path: Path) -> bool:
    """Whether the notes file passes SQLite's quick check, opened read-only (nothing written into it)."""
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        return is_whole(db)
    finally:
        db.close()


def _copy_bytes(source: Path, target: Path) -> None:
    """`source` and its write-ahead log, as they are (atomically: never a partial copy)."""
    with atomic_replace(target) as partial:
        shutil.copyfile(source, partial)
    wal = source.with_name(source.name + "-wal")
    if wal.is_file() and wal.stat().st_size > 0:
        with atomic_replace(target.with_name(target.name + "-wal")) as partial:
            shutil.copyfile(wal, partial)


def _backup_into(source: Path, target: sqlite3.Connection) -> None:
    db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        db.backup(target)
    finally:
        db.close()


def _replace_file(notes_path: Path, backup: Path) -> None:
    """A new notes file made from `backup`, renamed over the damaged one; the damaged file's log and
    shared memory are removed first, or SQLite would replay the old log into the new file."""
    with atomic_replace(notes_path) as partial:
        fresh = sqlite3.connect(partial)
        try:
            _backup_into(backup, fresh)
        finally:
            fresh.close()
        for leftover in ("-wal", "-shm"):
            notes_path.with_name(notes_path.name + leftover).unlink(missing_ok=True)


def _restore_whole(notes_path: Path, backup: Path, safety: Path | None) -> None:
    """Through SQLite's backup API, so the notes of another open connection stay consistent."""
    live = sqlite3.connect(notes_path, timeout=15.0)
    try:
        if safety is not None:
            with atomic_replace(safety) as partial:
                copy = sqlite3.connect(partial)
                try:
                    live.backup(copy)
                finally:
                    copy.close()
        _backup_into(backup, live)
    finally:
        live.close()


def restore_backup(notes_path: Path, backups_dir: Path, name: str, now: datetime | None = None) -> tuple[Path, Path | None]:
    """Replace the notes with a backup; returns (the backup, the copy of the notes as they were)."""
    backup = find_backup(backups_dir, name)
    _check(backup)
    if not (notes_path.is_file() and os.path.getsize(notes_path) > 0):  # no notes to keep
        _restore_whole(notes_path, backup, None)
        return backup, None
    safety = _safety_path(backups_dir, now)
    if _reads_whole(notes_path):
        try:
            _restore_whole(notes_path, backup, safety)
            return backup, safety
        except sqlite3.DatabaseError as exc:  # damage the quick check did not see
            if not is_damage(exc):
                raise
    _copy_bytes(notes_path, safety)
    _replace_file(notes_path, backup)
    return backup, safety
