"""Fixtures shared by every test folder: the real Persian corpus, the seed, and the CLI.

The data is in the repository (tests/data/, see its README): a test that cannot find it fails."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

from tests import x11_server
from tests.cli_in_process import run_bayegan_here

if TYPE_CHECKING:
    from viewer.app.library import Library
    from viewer.core.paths import DataPaths

# Hypothesis draws the same examples on every run (seeded from each test's name) and prints how to
# replay a failure; no example database is written into the checkout.
settings.register_profile("bayegan", derandomize=True, print_blob=True, database=None)
settings.load_profile("bayegan")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The same results in every time zone and locale: the suite runs in UTC with a neutral UTF-8 locale
# (child processes inherit both); tests of local time set a zone themselves (`time_zone`).
os.environ["TZ"] = "UTC"
time.tzset()
for _name in ("LC_ALL", "LANG", "LANGUAGE", "LC_TIME", "LC_NUMERIC", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LC_ALL"] = "C.UTF-8"

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
CORPUS_DIR = DATA / "corpus" / "news-json"
SEED = DATA / "seeds" / "000_fc9ab3219461baff.txt"
BAD_FILES = DATA / "bad"


_own_x11: list[x11_server.OwnX11] = []


def pytest_configure(config: pytest.Config) -> None:
    """With BAYEGAN_TEST_OWN_X11=1 (the window tests' X11 run in .ci/dev), an X server for this process."""
    server = x11_server.start_if_asked(config)
    if server is not None:
        _own_x11.append(server)


def pytest_unconfigure(config: pytest.Config) -> None:
    while _own_x11:
        _own_x11.pop().close()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In parallel test processes, the tests marked slow (the longest: the wheel built and installed,
    processes killed) first, so that no process is left running one of them alone at the end."""
    if hasattr(config, "workerinput"):
        items.sort(key=lambda item: item.get_closest_marker("slow") is None)  # stable: the order stays within each


@pytest.fixture(autouse=True)
def _no_bare_qt_gui_application() -> Iterator[None]:
    """Fails a test that leaves this process a QGuiApplication rather than a QApplication: the PDF
    export makes one when there is none (viewer/export/qt_runtime.py), and it stays for the rest of the
    run, where a later window test in the same process could make no QApplication and no widget. The
    tests run in several processes in any order, so such a test asks for `qapp` first."""
    yield
    if "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    app = QCoreApplication.instance()
    assert app is None or isinstance(app, QApplication), (
        f"the test left a {type(app).__name__}, not a QApplication: let it ask for the qapp fixture")


def data_file(path: Path) -> Path:
    """`path` under tests/data; a missing file fails the test that needs it (never a skip)."""
    if not path.exists():
        pytest.fail(f"test data missing: {path} (it belongs in the repository, see tests/data/README.md)")
    return path


@pytest.fixture
def library(data_paths: DataPaths) -> Iterator[Library]:
    """The Library opened on the test's data folder (what `data_paths` holds is its folder's conftest's)."""
    from viewer.app.library import Library

    with Library(data_paths) as opened:
        yield opened


@pytest.fixture
def time_zone() -> Iterator[Callable[[str], None]]:
    """Sets this process's local time zone (an IANA name) for one test; UTC again afterwards."""

    def use(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield use
    use("UTC")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return data_file(CORPUS_DIR)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return data_file(SEED)


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
    data_dir = tmp_path / "data"

    def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
        return run_bayegan_here(data_dir, *args, stdin=stdin)

    return run
