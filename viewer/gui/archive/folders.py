"""Which folders the archive is built from: the chosen ones, else the bundled sample; the folders
`bayegan index` built the index from, adopted as the window's."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.app.settings import FOLDERS
from viewer.core.paths import sample_archive_dir

if TYPE_CHECKING:
    from viewer.app.library import Library


def sources(folders: Sequence[str]) -> list[Path]:
    """The folders to index: the chosen ones, or the bundled sample archive when none is chosen."""
    chosen = [Path(f) for f in folders if f]
    return chosen or [sample_archive_dir()]


def source_keys(folders: Sequence[str]) -> list[str]:
    """The resolved folders `sources` gives, as sorted strings (what settings remember as indexed)."""
    return sorted(str(p.expanduser().resolve()) for p in sources(folders))


def unique_folders(folders: Sequence[str]) -> list[str]:
    """`folders` without blanks and repeats: "/a/b/" and "/a/b" (or a relative spelling) are one."""
    seen: dict[str, str] = {}
    for folder in folders:
        if folder and folder.strip():
            key = str(Path(folder).expanduser().resolve())
            seen.setdefault(key, str(Path(folder).expanduser()))
    return list(seen.values())


def adopt_indexed_folders(library: Library) -> None:
    """Folders indexed by `bayegan index` show up as the window's folders (none chosen yet)."""
    settings = library.settings
    if settings.folders:
        return
    sample = sample_archive_dir().resolve()
    adopted = [str(root) for root in library.roots if root != sample and root.exists()]
    if adopted:
        settings.set(FOLDERS, adopted)
        settings.save()
