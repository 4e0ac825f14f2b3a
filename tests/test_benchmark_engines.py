"""The engines benchmark (benchmarks/engines.py) stays runnable: a tiny run of all three engines, whose
totals must agree, since each runs Bayegan's own parsed queries over the same token stream."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "tests" / "data" / "corpus" / "news-json"
KINDS = ("word", "two words", "phrase", "tag filter", "prefix")


@pytest.mark.slow
def test_a_tiny_run_compares_the_three_engines_on_the_same_queries(tmp_path: Path) -> None:
    output = tmp_path / "engines.md"
    done = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "engines.py"), "--corpus", str(CORPUS), "--sizes", "300",
         "--queries", "5", "--output", str(output), "--profile", "phrase"],
        capture_output=True, text=True, check=False, cwd=tmp_path, timeout=600,
        env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr[-3000:]
    table = output.read_text("utf-8")
    # Xapian runs under the system Python (Debian's python3-xapian, which .ci/dev installs).
    assert "Xapian left out" not in table
    assert "| bayegan | xapian | tantivy |" in table
    for kind in KINDS:
        assert f"| {kind} (5) |" in table
    assert "None: every engine found the same number of articles." in table, table
    profile = (tmp_path / "engines.profile-phrase.txt").read_text("utf-8")
    assert "function calls" in profile and "search" in profile
