"""An X server of this test process's own (Xvfb with openbox), for the window tests' run on X11.

`.ci/dev` runs the window tests a second time on X11 in parallel test processes (pytest-xdist). On one
shared display the processes' windows would take the keyboard focus from each other, so with
BAYEGAN_TEST_OWN_X11=1 each process that runs tests starts its own Xvfb and window manager and points
DISPLAY at them before Qt connects."""

from __future__ import annotations

import os
import select
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

VARIABLE = "BAYEGAN_TEST_OWN_X11"
SCREEN = "1280x800x24"
START_SECONDS = 60


class OwnX11:
    """Xvfb on the first free display, and openbox managing it (started and ready when built)."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="bayegan-x11-"))
        readable, writable = os.pipe()
        self.server = subprocess.Popen(["Xvfb", "-displayfd", str(writable), "-screen", "0", SCREEN, "-nolisten", "tcp"],
                                       pass_fds=(writable,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(writable)
        try:
            number = self._read_display(readable)
        finally:
            os.close(readable)
        self.display = f":{number}"
        ready = self.folder / "openbox-ready"
        self.manager = subprocess.Popen(["openbox", "--startup", f"touch {ready}"], env={**os.environ, "DISPLAY": self.display},
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + START_SECONDS
        while not ready.exists():
            if self.manager.poll() is not None or time.monotonic() > deadline:
                self.close()
                raise RuntimeError(f"openbox did not start on {self.display}")
            time.sleep(0.05)

    def _read_display(self, readable: int) -> str:
        """The display number Xvfb writes once it accepts connections."""
        text = b""
        deadline = time.monotonic() + START_SECONDS
        while not text.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([readable], [], [], remaining)[0]:
                self.server.kill()
                raise RuntimeError("Xvfb did not start")
            chunk = os.read(readable, 64)
            if not chunk:
                raise RuntimeError(f"Xvfb ended (exit code {self.server.wait()})")
            text += chunk
        return text.decode().strip()

    def close(self) -> None:
        for process in (getattr(self, "manager", None), self.server):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        for leftover in self.folder.iterdir():
            leftover.unlink()
        self.folder.rmdir()


def runs_tests(config: pytest.Config) -> bool:
    """False in pytest-xdist's controlling process, which hands tests out and runs none."""
    if hasattr(config, "workerinput"):
        return True
    return not (config.pluginmanager.hasplugin("xdist") and config.getoption("numprocesses", None))


def start_if_asked(config: pytest.Config) -> OwnX11 | None:
    if os.environ.get(VARIABLE) != "1" or not runs_tests(config):
        return None
    server = OwnX11()
    os.environ["DISPLAY"] = server.display
    return server
