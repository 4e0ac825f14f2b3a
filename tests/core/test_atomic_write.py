"""The atomic-write helper: the target is the old file or the new one, never half; no temp file lingers."""

from __future__ import annotations

from pathlib import Path

import pytest

from viewer.core.atomic_write import atomic_replace, write_text_atomically


def test_write_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    target.write_text("old", "utf-8")
    write_text_atomically(target, "نو")
    assert target.read_text("utf-8") == "نو"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


def test_a_failure_while_writing_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "manifest.json"
    target.write_text("old", "utf-8")
    def write_half_then_fail() -> None:
        with atomic_replace(target) as temporary:
            temporary.write_text("half", "utf-8")
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        write_half_then_fail()
    assert target.read_text("utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["manifest.json"]


def test_a_missing_folder_is_an_oserror_and_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_text_atomically(tmp_path / "absent" / "file.json", "x")
    assert list(tmp_path.iterdir()) == []
