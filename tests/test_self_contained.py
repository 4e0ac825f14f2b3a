"""Issue 32 item 10: the project's files speak of the project only. No file names a folder beside
the repository (`../shared`), and the benchmarks take their corpus as an argument."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUTSIDE = ("../shared", "/work/shared", "shared/corpus", "shared/docs")
TEXT_SUFFIXES = {".py", ".md", ".toml", ".txt", ".cfg", ".ini", ".spec", ".xml", ".desktop", ".ts", ".yml", ".yaml", ""}


def _project_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    names = [name for name in listed.decode("utf-8", "surrogateescape").split("\0") if name]
    return [REPO / name for name in names if Path(name).suffix in TEXT_SUFFIXES and (REPO / name).is_file()]


def test_no_file_names_a_folder_beside_the_repository() -> None:
    files = _project_files()
    assert any(path.name == "json_format.py" for path in files)
    this_test = Path(__file__).resolve()
    naming = [f"{path.relative_to(REPO)}: {word}" for path in files if path != this_test
              for word in OUTSIDE if word in path.read_text("utf-8", "replace")]
    assert not naming


def test_the_research_benchmark_takes_its_corpus_as_an_argument(tmp_path: Path) -> None:
    script = REPO / "benchmarks" / "research_speed.py"
    shown = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, check=False)
    assert shown.returncode == 0, shown.stderr
    assert "--corpus DIR" in shown.stdout
    empty = tmp_path / "empty"
    empty.mkdir()
    refused = subprocess.run([sys.executable, str(script), "--corpus", str(empty)], capture_output=True, text=True,
                             check=False)
    assert refused.returncode == 2 and "no *.json files" in refused.stderr
