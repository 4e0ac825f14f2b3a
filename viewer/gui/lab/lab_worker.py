"""The lab's work off the UI thread: each job opens its own Library (SQLite connections belong to the
thread that opens them) on the window's data paths and closes it when done."""

from __future__ import annotations

from collections.abc import Callable

from viewer.app import lab
from viewer.app.library import Library
from viewer.app.settings import Settings
from viewer.core.paths import DataPaths


def on_own_library[T](paths: DataPaths, action: Callable[[Library], T]) -> Callable[[], T]:
    def job() -> T:
        with Library(paths, Settings(paths.settings_path)) as library:
            return action(library)
    return job


def sync_job(paths: DataPaths) -> Callable[[], dict[str, object] | None]:
    """None when this desktop is in no lab; else the sync's report as JSON."""
    def run(library: Library) -> dict[str, object] | None:
        if lab.membership(library) is None:
            return None
        return lab.sync(library).as_json()
    return on_own_library(paths, run)


def waiting_job(paths: DataPaths) -> Callable[[], int | None]:
    return on_own_library(paths, lab.waiting_changes)


def join_job(paths: DataPaths, url: str, password: str, name: str) -> Callable[[], dict[str, object]]:
    return on_own_library(paths, lambda library: lab.join(library, lab.url_with_password(url, password), name))


def leave_job(paths: DataPaths) -> Callable[[], bool]:
    return on_own_library(paths, lab.leave)
