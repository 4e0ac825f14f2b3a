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
