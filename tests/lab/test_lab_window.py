"""The lab in the window: joining from the dialog and syncing run on a worker; the indicator says so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow

from tests.gui.conftest import data_paths, gui_app, indexed_sample, search, started_window  # noqa: F401 - fixtures
from tests.lab.desks import Desk
from tests.lab.pg_server import PASSWORDS, PgServer
from tests.lab.test_lab_deletions import edit, make_collection
from tests.lab.test_lab_sync import server_note_ids
from viewer.app.settings import Settings
from viewer.collections.collections import Collections
from viewer.core.paths import DataPaths
from viewer.gui.app import start_lab
from viewer.gui.lab.lab_control import LabControl


def test_join_from_the_dialog_then_a_change_is_synced(qtbot, pg_server: PgServer, lab_db: str, tmp_path: Path) -> None:
    ana, bahar = Desk(tmp_path, "Ana"), Desk(tmp_path, "Bahar")
    with ana.notes() as store:
        note = store.create_comment("article-1", "from Ana", creator="Ana")
    ana.join(pg_server.url(lab_db))
    paths = DataPaths.resolve(bahar.folder).ensure()
    window = QMainWindow()
    qtbot.addWidget(window)
    control = LabControl(window, paths, Settings(paths.settings_path))
    assert not control.indicator.isVisible()
    control.open_dialog()
    dialog = control.dialog
    assert dialog is not None and not dialog.leave_button.isEnabled()
    dialog.url.setText(f"postgresql://lab_member@127.0.0.1:{pg_server.port}/{lab_db}")
    dialog.password.setText(PASSWORDS["lab_member"])
    dialog.name.setText("Bahar")
    dialog.join_button.click()
    # The indicator in whatever language an earlier test left installed (Persian is the default).
    qtbot.waitUntil(lambda: control.indicator.text() == control.tr("Lab: synced"), timeout=60_000)
    assert dialog.leave_button.isEnabled() and dialog.password.text() == ""
    with bahar.notes() as store:
        assert store.require(note.id).body == "from Ana"
        mine = store.create_comment("article-2", "from Bahar", creator="Bahar")
    done = control.syncs_done
    control.check_queue()  # what the queue timer does: a change waits, so a sync starts
    qtbot.waitUntil(lambda: control.syncs_done > done, timeout=60_000)
    assert mine.id in server_note_ids(pg_server, lab_db)
    control.stop()


def test_what_a_sync_brings_or_deletes_shows_in_the_open_window(  # type: ignore[no-untyped-def]
        qtbot, pg_server: PgServer, lab_db: str, tmp_path: Path, data_paths: DataPaths) -> None:  # noqa: F811
    """Bahar's window is open while Ana shares a collection and a note, then deletes the collection:
    each of Bahar's syncs shows it in the research and notes panels without a restart."""
    ana = Desk(tmp_path, "Ana")
    ana.join(pg_server.url(lab_db))
    bahar = Desk(data_paths.data_dir.parent, data_paths.data_dir.name)  # the window's data folder
    bahar.join(pg_server.url(lab_db, "lab_member"))
    window = started_window(qtbot, data_paths)
    search(qtbot, window, "اصفهان")
    article = window.article_pane.article
    assert article is not None
    panels = window.research.collections
    control = start_lab(window, data_paths, window.settings)

    def synced_once_more() -> None:
        done = control.syncs_done
        control.sync_now()
        qtbot.waitUntil(lambda: control.syncs_done > done and not control.busy, timeout=60_000)

    qtbot.waitUntil(lambda: control.syncs_done > 0, timeout=60_000)  # the sync at start
    make_collection(ana, "پروندهٔ مشترک", [article.id])
    with ana.notes() as store:
        shared = store.create_comment(article.id, "یادداشت آنا", creator="Ana")
    ana.sync()
    synced_once_more()
    assert "پروندهٔ مشترک" in panels.names()
    assert window.notes is not None and shared.id in window.notes.panel.card_of
    with edit(ana) as db:
        Collections(db).delete("پروندهٔ مشترک")
    ana.sync()
    synced_once_more()
    assert "پروندهٔ مشترک" not in panels.names()
    control.stop()
