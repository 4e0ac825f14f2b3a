"""A damaged notes file: recognising SQLite's damage errors, and the message that names the backups
and the command that restores one."""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol, cast

from viewer.notes.errors import NotesError, is_damage
from viewer.notes.restore import list_backups

SHOWN_BACKUPS = 3


def _restorable(backups_dir: Path) -> list[tuple[str, int]]:
    """The newest readable backups (daily and after changes), newest first: (name, notes)."""
    usable = [b for b in list_backups(backups_dir) if b.kind != "before-restore" and b.notes is not None]
    usable.sort(key=lambda b: b.path.stat().st_mtime, reverse=True)
    return [(b.path.name, b.notes) for b in usable[:SHOWN_BACKUPS] if b.notes is not None]


def damaged_notes(path: Path, backups_dir: Path, reason: object) -> NotesError:
    found = _restorable(backups_dir)
    if not found:
        return NotesError(
            f"The notes file {path} is damaged ({reason}) and there is no backup in {backups_dir} to restore. "
            f"Move the file aside to start with no notes, or rescue what it holds with `sqlite3 {path} .recover`.",
            f"پروندهٔ یادداشت‌ها ({path}) آسیب دیده است ({reason}) و پشتیبانی در {backups_dir} برای بازگرداندن نیست. "
            f"برای آغاز بی‌یادداشت پرونده را جابه‌جا کنید، یا آنچه را در آن مانده با ‎sqlite3 {path} .recover‎ بیرون بکشید.")
    names_en = ", ".join(f"{name} ({notes} notes)" for name, notes in found)
    names_fa = "، ".join(f"{name} ({notes} یادداشت)" for name, notes in found)
    newest = found[0][0]
    return NotesError(
        f"The notes file {path} is damaged ({reason}). Backups in {backups_dir}, newest first: {names_en}. "
        f"Restore one with `bayegan notes restore {newest}` (the damaged file is then kept beside them, as it is).",
        f"پروندهٔ یادداشت‌ها ({path}) آسیب دیده است ({reason}). پشتیبان‌ها در {backups_dir}، تازه‌ترین نخست: "
        f"{names_fa}. یکی را با ‎bayegan notes restore {newest}‎ بازگردانید (پروندهٔ آسیب‌دیده همان‌گونه کنارشان نگه داشته می‌شود).")


def unreadable_notes(path: Path, backups_dir: Path, exc: Exception) -> NotesError:
    """The notes file cannot be opened: damaged (see damaged_notes), or for another reason."""
    if isinstance(exc, sqlite3.Error) and is_damage(exc):
        return damaged_notes(path, backups_dir, exc)
    if _read_only(path.parent):
        return NotesError(
            f"The notes file {path} cannot be opened: its folder is read-only (a write-protected disk or a "
            "folder you may not write). The notes are unchanged; use a data folder you can write (--data-dir).",
            f"پروندهٔ یادداشت‌ها ({path}) باز نشد: پوشهٔ آن فقط‌خواندنی است (دیسک قفل‌شده یا پوشه‌ای بی‌اجازهٔ "
            "نوشتن). یادداشت‌ها تغییری نکرده‌اند؛ پوشهٔ داده‌ای را برگزینید که بتوان در آن نوشت (--data-dir).",
        )
    return NotesError(
        f"The notes file {path} cannot be opened: {exc}. Backups are in the 'backups' folder beside it.",
        f"پروندهٔ یادداشت‌ها ({path}) باز نشد: {exc}. نسخه‌های پشتیبان در پوشهٔ backups کنار آن است.",
    )


def _read_only(folder: Path) -> bool:
    """Whether the folder exists but cannot be written (SQLite needs to write beside the file)."""
    return folder.is_dir() and not os.access(folder, os.W_OK)


@contextlib.contextmanager
def damage_reported(path: Path, backups_dir: Path) -> Iterator[None]:
    """SQLite's damage errors inside the block become the message naming the backups."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            raise damaged_notes(path, backups_dir, exc) from exc
        raise


class _HasNotesFile(Protocol):
    path: Path
    backups_dir: Path


def _reporting[F: Callable[..., Any]](method: F) -> F:
    @functools.wraps(method)
    def wrapper(self: _HasNotesFile, *args: Any, **kwargs: Any) -> Any:
        with damage_reported(self.path, self.backups_dir):
            return method(self, *args, **kwargs)

    return cast(F, wrapper)


def reports_damage[S: type](cls: S) -> S:
    """Every public method of `cls` (which has `path` and `backups_dir`) turns SQLite's damage errors
    into the bilingual message naming the backups, instead of an unexpected DatabaseError."""
    for name, member in list(vars(cls).items()):
        if not name.startswith("_") and callable(member) and not isinstance(member, staticmethod | classmethod | type):
            setattr(cls, name, _reporting(member))
    return cls
