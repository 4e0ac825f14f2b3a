"""Outside programs an importer runs (poppler, Tesseract): each in its own process with a time limit, a
hang or a missing program becoming the file's bilingual failure."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping

from viewer.core.errors import ImportFailure


def run_tool(command: list[str], *, tool: str, doing: tuple[str, str], seconds: int, stdin: bytes | None = None,
             env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """`command` run to its end, its output captured. `doing` (English, Persian) says what it was doing, for
    the failure when it takes longer than `seconds`; `tool` names the program when it cannot be started."""
    try:
        return subprocess.run(command, input=stdin, capture_output=True, timeout=seconds, check=False, env=env)
    except subprocess.TimeoutExpired as exc:
        raise ImportFailure(f"{doing[0]} took longer than {seconds} seconds; it was given up.",
                            f"{doing[1]} بیش از {seconds} ثانیه طول کشید و رها شد.") from exc
    except OSError as exc:
        raise ImportFailure(f"{tool} could not be run: {exc}.", f"{tool} اجرا نشد: {exc}.") from exc
