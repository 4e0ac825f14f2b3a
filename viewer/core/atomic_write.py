"""Replacing a file so that a crash or a full disk leaves the old one or the new one, never half of
either: write a temporary file beside it, fsync it, rename it over the target, fsync the folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TEMP_SUFFIX = ".tmp"


def temporary_sibling(target: Path) -> Path:
    """A hidden name beside `target`, unique to this process (two writers never share one)."""
    return target.with_name(f".{target.name}.{os.getpid()}{TEMP_SUFFIX}")


@contextmanager
def atomic_replace(target: Path) -> Iterator[Path]:
    """Yields a temporary path for the caller to fill; when the block ends normally the file is
    made durable and renamed over `target`. On any error the temporary file is removed."""
    temporary = temporary_sibling(Path(target))
    try:
        yield temporary
        _fsync_path(temporary)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _fsync_folder(Path(target).parent)


def write_bytes_atomically(target: Path, data: bytes) -> None:
    with atomic_replace(target) as temporary, open(temporary, "wb") as handle:
        handle.write(data)


def write_text_atomically(target: Path, text: str, encoding: str = "utf-8") -> None:
    write_bytes_atomically(target, text.encode(encoding))


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Makes the rename itself durable. POSIX only: Windows cannot open a folder as a file."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse to fsync a folder; the rename has happened
    finally:
        os.close(fd)
