"""The lab (a research group's PostgreSQL store) as the faces use it: join, sync, status, leave.

`app` owns when a sync happens: the command line on `bayegan lab sync`, the window on start, on a
timer and after changes. The local stores stay the truth offline; the server is only met here.
The password never goes into settings.json: it is written once, from the join URL, to `lab.pgpass` in
the config folder (libpq's password-file format, mode 0600), or comes from the user's own ~/.pgpass or
service file when the URL has none. A keyring is not used: libpq reads a password file by itself, the
same way on every desktop and in scripts, and needs no session bus."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.app.library import Library
from viewer.app.settings import LAB
from viewer.core.errors import BayeganError

if TYPE_CHECKING:
    from viewer.lab.connection import LabAddress
    from viewer.lab.notes_sync import Server
    from viewer.lab.state import LabState
    from viewer.lab.sync import SyncReport

BATCH_ENV = "BAYEGAN_LAB_BATCH"  # notes per transaction (tests make it small to kill a sync between batches)


@dataclass(frozen=True)
class LabMembership:
    url: str
    name: str


def not_joined() -> BayeganError:
    return BayeganError("This desktop is not in a lab; join one with: bayegan lab join URL --name NAME",
                        "این میز کار عضو آزمایشگاهی نیست؛ با bayegan lab join URL --name NAME بپیوندید.")


def passfile(library: Library) -> Path:
    return library.paths.config_dir / "lab.pgpass"


def state_path(library: Library) -> Path:
    return library.paths.data_dir / "lab.sqlite3"


def membership(library: Library) -> LabMembership | None:
    found = library.settings.get(LAB)
    if isinstance(found, dict) and isinstance(found.get("url"), str):
        return LabMembership(found["url"], str(found.get("name") or ""))
    return None


def _address(url: str) -> tuple[LabAddress, str | None]:
    from viewer.lab.connection import split_url

    return split_url(url)


def join(library: Library, url: str, name: str) -> dict[str, object]:
    """Checks the server (creating or migrating the lab's tables when this role may), remembers it; then syncs."""
    from viewer.lab.connection import connect, write_password
    from viewer.lab.server_schema import LATEST_VERSION, migrate, refuse_newer, schema_version

    address, password = _address(url)
    if not name.strip():
        raise BayeganError("Give your name in the lab with --name.", "نام خود را در آزمایشگاه با --name بدهید.")
    pgpass = passfile(library)
    if password is not None:
        write_password(pgpass, address, password)
    elif pgpass.exists():
        pgpass.unlink()  # a password left from another lab must not be offered to this one
    with connect(address, pgpass) as server:
        version = _guarded(address, lambda: schema_version(server))
        refuse_newer(version)
        if version == 0:
            _guarded(address, lambda: migrate(server))
        elif version < LATEST_VERSION:
            _guarded(address, lambda: _upgrade_older(server))
    library.settings.set(LAB, {"url": address.url, "name": name.strip()})
    library.settings.save()
    if library.settings.author is None:
        library.remember_author(name)
    if state_path(library).exists() and version == 0:
        state_path(library).unlink()  # a fresh lab: nothing here was agreed with it
    report = sync(library)
    return {"url": address.url, "name": name.strip(), "schema_created": version == 0, **report.as_json()}


def _guarded[T](address: LabAddress, action: Callable[[], T]) -> T:
    import psycopg

    from viewer.lab.connection import explain

    try:
        return action()
    except psycopg.Error as exc:
        raise explain(exc, address) from exc


def sync(library: Library) -> SyncReport:
    """Send this desktop's changes and receive the lab's. Errors (server unreachable, password refused)
    arrive as BayeganError with nothing lost: what did not go waits for the next sync."""
    import psycopg

    from viewer.collections.collections import Collections
    from viewer.collections.database import LibraryDatabase
    from viewer.collections.saved_searches import SavedSearches
    from viewer.lab import sync as lab_sync
    from viewer.lab.connection import connect, explain
    from viewer.lab.notes_sync import ArticleMatch
    from viewer.lab.state import LabState

    member = membership(library)
    if member is None:
        raise not_joined()
    address, _ = _address(member.url)
    batch = int(os.environ.get(BATCH_ENV) or lab_sync.DEFAULT_BATCH)
    trace = os.environ.get("BAYEGAN_LAB_TRACE") == "1"

    def on_batch(step: str) -> None:
        if trace:
            os.write(2, f"lab: batch {step}\n".encode())

    here = _fingerprints(library)
    with (connect(address, passfile(library)) as server, LabState(state_path(library)) as state,
          LibraryDatabase(library.paths.library_path) as lists):
        try:
            _upgrade_older(server)
            try:
                lab_sync.register_member(server, member.name, address.user)
            except psycopg.errors.InsufficientPrivilege:
                pass  # a read-only member: the sync below says so
            report = lab_sync.sync(server, library.notes, state, Collections(lists), SavedSearches(lists),
                                   batch=max(1, batch), on_batch=on_batch, articles=ArticleMatch(here))
        except psycopg.Error as exc:
            raise explain(exc, address) from exc
    _mark_orphans(library, report.received_articles, here)
    return report


def _upgrade_older(server: Server) -> None:
    """A lab set up by an older Bayegan is migrated by the first sync of a role that may (its owner's);
    a member's sync is refused until then, with nothing lost here."""
    import psycopg

    from viewer.lab.server_schema import LATEST_VERSION, migrate, refuse_newer, schema_version

    version = schema_version(server)
    refuse_newer(version)
    if version >= LATEST_VERSION:
        return
    try:
        migrate(server)
    except psycopg.errors.InsufficientPrivilege as exc:
        raise BayeganError(
            f"The lab's server still has the tables of an older Bayegan (schema {version}); the lab's owner "
            "upgrades them by running `bayegan lab sync` once. Your changes stay here until then.",
            f"جدول‌های کارساز آزمایشگاه هنوز از نسخهٔ قدیمی‌تر بایگان است (طرح {version})؛ گردانندهٔ آزمایشگاه "
            "با یک بار اجرای `bayegan lab sync` آن‌ها را به‌روز می‌کند. تغییرهای شما تا آن زمان همین‌جا می‌مانند.") from exc


def _waiting(library: Library, state: LabState) -> int:
    """Notes, collections, their articles and saved searches changed here and not yet on the server."""
    from viewer.collections.collections import Collections
    from viewer.collections.database import LibraryDatabase
    from viewer.collections.saved_searches import SavedSearches
    from viewer.lab.lists_sync import waiting_lists
    from viewer.lab.sync import waiting_count

    with LibraryDatabase(library.paths.library_path) as lists:
        return waiting_count(library.notes, state) + waiting_lists(state, Collections(lists), SavedSearches(lists))


def _fingerprints(library: Library) -> dict[str, str]:
    """Every article of this desktop's index → the fingerprint of its text ("" when too short), read
    from the index's manifest: no searcher is opened, so a sync may run on any thread."""
    from viewer.search.indexing.archive_index import INDEX_VERSION
    from viewer.search.indexing.manifest import Manifest

    return Manifest.load(library.paths.index_dir, INDEX_VERSION).fingerprints()


def _mark_orphans(library: Library, article_ids: set[str], here: dict[str, str]) -> None:
    """Notes received for articles this desktop does not have are kept, shown as orphans."""
    from viewer.lab.sync import mark_orphaned

    missing = [i for i in sorted(article_ids) if i not in here]
    if missing:
        mark_orphaned(library.notes, missing)


def status(library: Library) -> dict[str, object]:
    """Membership and the local queue without the server; the server's counts when it answers."""
    from viewer.lab.state import LabState
    from viewer.lab.sync import server_counts

    member = membership(library)
    if member is None:
        return {"joined": False}
    with LabState(state_path(library)) as state:
        waiting = _waiting(library, state)
    result: dict[str, object] = {"joined": True, "url": member.url, "name": member.name, "waiting": waiting,
                                 "password_file": str(passfile(library)) if passfile(library).exists() else None}
    import psycopg

    from viewer.lab.connection import connect, explain

    address, _ = _address(member.url)
    try:
        with connect(address, passfile(library)) as server:
            try:
                result.update({"online": True, "server": server_counts(server)})
            except psycopg.Error as exc:
                raise explain(exc, address) from exc
    except BayeganError as exc:
        result.update({"online": False, "error": exc.en, "error_fa": exc.fa})
    return result


def leave(library: Library) -> bool:
    """Forgets the lab (its address, password file and sync marks); every note stays here."""
    was_member = membership(library) is not None
    library.settings.set(LAB, None)
    library.settings.save()
    state = state_path(library)
    for path in (passfile(library), state, state.with_name(state.name + "-wal"), state.with_name(state.name + "-shm")):
        path.unlink(missing_ok=True)
    return was_member


def url_with_password(url: str, password: str) -> str:
    from viewer.lab.connection import url_with_password as combine

    return combine(url, password)


def waiting_changes(library: Library) -> int | None:
    """Local changes not yet on the lab's server; None when this desktop is in no lab (no server asked)."""
    from viewer.lab.state import LabState

    if membership(library) is None:
        return None
    with LabState(state_path(library)) as state:
        return _waiting(library, state)
