"""Issue 26's independent check: the real app on a real X11 server (Xvfb, openbox maximising the window,
xcb), read through AT-SPI as Orca reads it, at 1440×900 in English and at 1024×600 in Persian: no
unnamed interactive control, names in the interface's language, and the article readable as text (its
title found through the Text interface). The article column's share of the window is printed for the
layout work (asserted there, not here).

The reader is tests/gui/desk/atspi_checker.py, run by the system Python that has Debian's
python3-pyatspi (the app runs in the project's Python); .ci/dev installs both with the other X11 tools."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

from viewer.app.settings import FOLDERS, Settings
from viewer.core.paths import DataPaths

REPO = Path(__file__).resolve().parents[3]
CHECKER = Path(__file__).with_name("atspi_checker.py")
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's, with python3-pyatspi
TITLE = "سد کرج پیش از تابستان"
ARTICLES = [
    {"title": TITLE, "text": ["آب پشت سد کرج در تیرماه کم شد و مصرف آب در تهران بالا رفت.",
                              "کارشناسان می‌گویند بارش پاییزی چاره‌ساز نیست."],
     "tags": ["آب", "تهران"], "url": "https://example.org/karaj-dam", "date": "2023-07-22"},
    {"title": "کم‌آبی در تهران", "text": ["کم‌آبی تهران را فراگرفت و آب جیره‌بندی شد."], "tags": ["آب"],
     "url": "https://example.org/tehran-water", "date": "2023-07-23"},
]
# Every window maximised, as a researcher reading at these sizes has it.
OPENBOX_RC = """<?xml version="1.0"?>
<openbox_config xmlns="http://openbox.org/3.4/rc">
  <applications><application class="*"><maximized>yes</maximized></application></applications>
</openbox_config>
"""
WAIT_SECONDS = 120


@contextmanager
def _running(args: list[str], **kwargs) -> Iterator[subprocess.Popen]:  # type: ignore[no-untyped-def]
    process = subprocess.Popen(args, **kwargs)
    try:
        yield process
    finally:
        if process.poll() is None:
            process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


@contextmanager
def _x_server(stack: ExitStack, width: int, height: int) -> Iterator[str]:
    """An Xvfb of its own (a free display number, told through -displayfd once it accepts clients)."""
    read_end, write_end = os.pipe()
    stack.enter_context(_running(["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24",
                                  "-nolisten", "tcp"], pass_fds=(write_end,), stderr=subprocess.DEVNULL))
    os.close(write_end)
    with os.fdopen(read_end) as told:
        display = told.readline().strip()
    assert display, "Xvfb did not start"
    yield f":{display}"


def _session_bus(stack: ExitStack) -> str:
    """A D-Bus session bus of its own; the AT-SPI bus is started on it when the app first asks."""
    bus = stack.enter_context(_running(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True))
    assert bus.stdout is not None
    address = bus.stdout.readline().strip()
    assert address, "dbus-daemon did not start"
    return address


def _data_folder(tmp_path: Path) -> Path:
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "news.json").write_text(json.dumps(ARTICLES, ensure_ascii=False), "utf-8")
    paths = DataPaths.resolve(tmp_path / "data").ensure()
    settings = Settings(paths.settings_path)
    settings.set(FOLDERS, [str(archive)])
    settings.save()
    return paths.data_dir


@pytest.mark.slow
@pytest.mark.parametrize(("width", "height", "language"), [(1440, 900, "en"), (1024, 600, "fa")])
def test_a_screen_reader_finds_every_control_named_and_reads_the_article(tmp_path: Path, width: int, height: int,
                                                                         language: str) -> None:
    data = _data_folder(tmp_path)
    (tmp_path / "rc.xml").write_text(OPENBOX_RC, "utf-8")
    with ExitStack() as stack:
        display = stack.enter_context(_x_server(stack, width, height))
        env = {key: value for key, value in os.environ.items() if key not in ("WAYLAND_DISPLAY", "BAYEGAN_DATA_DIR")}
        env.update(DISPLAY=display, DBUS_SESSION_BUS_ADDRESS=_session_bus(stack), QT_QPA_PLATFORM="xcb",
                   QT_ACCESSIBILITY="1", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", PYTHONIOENCODING="utf-8")
        stack.enter_context(_running(["openbox", "--config-file", str(tmp_path / "rc.xml")], env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        app_log = stack.enter_context((tmp_path / "app.log").open("w"))
        stack.enter_context(_running([sys.executable, "-m", "viewer", "--data-dir", str(data), "gui", "--lang", language,
                                      "--query", "سد کرج"], env=env, cwd=REPO, stdout=app_log, stderr=subprocess.STDOUT))
        checked = subprocess.run([SYSTEM_PYTHON, str(CHECKER), "--title", TITLE, "--language", language,
                                  "--timeout", str(WAIT_SECONDS)], env=env, capture_output=True, text=True,
                                 timeout=WAIT_SECONDS * 3)
    assert checked.returncode == 0, checked.stderr + (tmp_path / "app.log").read_text("utf-8")
    found = json.loads(checked.stdout)
    print(f"{width}×{height} {language}: {found['named']} named controls; the article "
          f"({found['article_role']} {found['article_name']!r}, {found['article_text_chars']} characters) is "
          f"{found['article'][2]} px of the window's {found['window'][2]} px: {found['article_share']:.0%}")
    assert not found["unnamed"], "unnamed controls, as AT-SPI shows them:\n" + "\n".join(found["unnamed"])
    assert not found["other_language"], f"named in another language than {language}:\n" + "\n".join(found["other_language"])
    assert found["article_has_title"] and found["article_text_chars"] > len(TITLE)
    assert found["article_focusable"]
