"""The session outlives a logout: saved as the query and article change, and SIGTERM closes the
window cleanly (saving it); a second `bayegan gui --query X` hands X to the first window."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gui.conftest import WAIT_MS, search
from viewer.app.settings import GEOMETRY, LAST_ARTICLE, LAST_QUERY, Settings
from viewer.gui.window.single_instance import SingleInstance

REPO = Path(__file__).resolve().parents[3]


def test_the_session_is_saved_as_it_changes(qtbot, window) -> None:
    search(qtbot, window, "اصفهان")
    shown = window.article_pane.article
    assert shown is not None

    def saved() -> bool:
        on_disk = Settings(window.paths.settings_path)
        return on_disk.get(LAST_QUERY) == "اصفهان" and on_disk.get(LAST_ARTICLE) == shown.id

    qtbot.waitUntil(saved, timeout=WAIT_MS)  # without closing the window


def test_a_second_start_hands_its_query_to_the_first(qtbot, gui_app, tmp_path: Path) -> None:
    first = SingleInstance(tmp_path)
    assert first.claim()
    second = SingleInstance(tmp_path)
    with qtbot.waitSignal(first.query_requested, timeout=WAIT_MS) as asked:
        assert not second.claim("پرسپولیس", None)
    assert asked.args == ["پرسپولیس"]
    first.release()


@pytest.mark.slow
def test_sigterm_closes_the_window_and_keeps_the_session(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    log = tmp_path / "stderr.txt"
    with log.open("wb") as err:
        process = subprocess.Popen([sys.executable, "-m", "viewer", "--data-dir", str(data), "gui", "--query", "اصفهان"],
                                   cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=err)
    settings_path = data / "config" / "settings.json"
    try:
        for _ in range(1200):  # until the first search's session is on disk
            if settings_path.exists() and Settings(settings_path).get(LAST_ARTICLE):
                break
            try:
                process.wait(0.1)
                break
            except subprocess.TimeoutExpired:
                pass
        assert process.poll() is None, log.read_text("utf-8", "replace")
        process.send_signal(signal.SIGTERM)
        code = process.wait(60)
    finally:
        if process.poll() is None:
            process.kill()
    assert code == 0, log.read_text("utf-8", "replace")  # closed as by the close button, not killed
    saved = Settings(settings_path)
    assert saved.get(LAST_QUERY) == "اصفهان" and saved.get(GEOMETRY)
