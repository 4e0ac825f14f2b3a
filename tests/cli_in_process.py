"""The real `bayegan` command run in this process (faster than a child, same code path): its exit code and
what it printed."""

from __future__ import annotations

import io
import json
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any


def run_bayegan_here(data_dir: Path, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    """`bayegan --data-dir DATA_DIR ARGS`: (exit code, stdout, stderr)."""
    from viewer.cli import main

    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                code = main(["--data-dir", str(data_dir), *args])
            except SystemExit as exc:
                code = int(exc.code or 0)
    finally:
        sys.stdin = old_stdin
    return code, out.getvalue(), err.getvalue()


def bayegan_json_here(data_dir: Path, *args: str) -> Any:
    """What `bayegan --data-dir DATA_DIR ARGS --json` printed, which must have succeeded."""
    code, out, err = run_bayegan_here(data_dir, *args, "--json")
    assert code == 0, err
    return json.loads(out)
