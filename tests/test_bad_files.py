"""The crafted broken files in tests/data/bad: each one is reported in `failed` with a reason, nothing is
imported from them, and the run still completes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import BAD_FILES, data_file


def test_every_bad_file_is_reported_not_fatal(run_cli, tmp_path: Path, seed_path: Path) -> None:
    folder = tmp_path / "archive"
    shutil.copytree(data_file(BAD_FILES), folder)
    shutil.copy(seed_path, folder / "seed.txt")
    code, out, err = run_cli("index", str(folder), "--json")
    assert code == 0 and "Traceback" not in err
    summary = json.loads(out)
    failed = {Path(row["path"]).name: row["error"] for row in summary["failed"]}
    bad = sorted(p.name for p in BAD_FILES.iterdir())
    assert len(bad) >= 4 and sorted(failed) == bad
    assert all(reason.strip() for reason in failed.values())
    assert summary["added"] == 1  # the good article beside them
