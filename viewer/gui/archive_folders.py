"""Which folders the archive is built from: the chosen ones, else the bundled sample."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from viewer.core.paths import sample_archive_dir


def sources(folders: Sequence[str]) -> list[Path]:
    """The folders to index: the chosen ones, or the bundled sample archive when none is chosen."""
    chosen = [Path(f) for f in folders if f]
    return chosen or [sample_archive_dir()]


def source_keys(folders: Sequence[str]) -> list[str]:
    """The resolved folders `sources` gives, as sorted strings (what settings remember as indexed)."""
    return sorted(str(p.expanduser().resolve()) for p in sources(folders))
