"""Fixtures shared by every test folder: the real Persian corpus, the seed, and the CLI."""

from __future__ import annotations

import io
import json
import os
import sys
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
if not SHARED.is_dir():  # CI clones main beside a copy of shared/
    SHARED = Path(os.environ.get("BAYEGAN_SHARED", "/work/shared"))
CORPUS_DIR = SHARED / "corpus" / "news-json"
SEED = SHARED / "seeds" / "000_fc9ab3219461baff.txt"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS_DIR.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS_DIR}")
    return CORPUS_DIR


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.skip(f"seed article not found at {SEED}")
    return SEED


@pytest.fixture(scope="session")
def corpus_items(corpus_dir: Path) -> dict[str, list[dict]]:
    return {p.name: json.loads(p.read_text("utf-8")) for p in sorted(corpus_dir.glob("*.json"))}


def write_items(path: Path, items: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(items, ensure_ascii=False), "utf-8")
    return path


@pytest.fixture
def run_cli(tmp_path: Path) -> Callable[..., tuple[int, str, str]]:
    """`bayegan --data-dir <tmp>/data ARGS` in this process: (exit code, stdout, stderr)."""
    from viewer.cli import main

    data_dir = tmp_path / "data"

    def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
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

    return run
