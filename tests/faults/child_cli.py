"""The real `bayegan` command in a child process, as the fault tests run it, and what its output must show."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Only a hang detector: generous, so a machine busy with other jobs (300 queries took 65 s alone and more
# than 120 s beside a package build) does not fail a test that is not hung.
CLI_TIMEOUT = 600


def bayegan_command(data_dir: Path, *args: str | os.PathLike[str]) -> list[str]:
    return [sys.executable, "-m", "viewer", "--data-dir", str(data_dir), *map(str, args)]


def run_bayegan(data_dir: Path, *args: str | os.PathLike[str], stdin: str | None = None,
                timeout: float = CLI_TIMEOUT) -> subprocess.CompletedProcess[str]:
    """Run the real command; a hang fails the test (TimeoutExpired) instead of stalling the suite."""
    return subprocess.run(bayegan_command(data_dir, *args), input=stdin, capture_output=True, text=True,
                          encoding="utf-8", timeout=timeout, env=cli_env())


# A real sync in a child process that kills itself (SIGKILL, no cleanup) at one `moment` of Whoosh's
# commit: "before-commit"; "before-toc", after the new segment is written but before the table of
# contents that makes it visible; "after-commit", before Bayegan saves its manifest. `hooks`: more
# moments, Python run before the sync (it may use `moment` and `die`).
_KILLED_SYNC = r"""
import os, signal, sys
from pathlib import Path
from whoosh.writing import SegmentWriter
from viewer.core.paths import DataPaths
from viewer.search.archive import Archive

moment, data_dir, source = sys.argv[1:4]
commit, commit_toc = SegmentWriter.commit, SegmentWriter._commit_toc

def die():
    os.kill(os.getpid(), signal.SIGKILL)

def killing_commit(self, *args, **kwargs):
    if moment == "before-commit":
        die()
    commit(self, *args, **kwargs)
    if moment == "after-commit":
        die()

def killing_commit_toc(self, *args, **kwargs):
    if moment == "before-toc":
        die()
    commit_toc(self, *args, **kwargs)

SegmentWriter.commit, SegmentWriter._commit_toc = killing_commit, killing_commit_toc
"""
_SYNC = r"""
Archive(DataPaths.resolve(data_dir).ensure()).sync([Path(source)])
sys.exit(3)  # not killed: the moment never came
"""


def run_killed_sync(moment: str, data_dir: Path, source: Path, hooks: str = "",
                    timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The sync of `source` into `data_dir`, in a child process that kills itself at `moment`."""
    return subprocess.run([sys.executable, "-c", _KILLED_SYNC + hooks + _SYNC, moment, str(data_dir), str(source)],
                          env=cli_env(), capture_output=True, text=True, timeout=timeout)


def cli_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("BAYEGAN_DATA_DIR", None)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout, result.stdout


def assert_bilingual_error(result: subprocess.CompletedProcess[str]) -> None:
    """A failure the user can read: non-zero exit, English and Persian lines, no traceback."""
    assert_no_traceback(result)
    assert result.returncode != 0, result
    lines = result.stderr.splitlines()
    assert any(line.startswith("bayegan: ") for line in lines), result.stderr
    assert any(line.startswith("بایگان: ") for line in lines), result.stderr
