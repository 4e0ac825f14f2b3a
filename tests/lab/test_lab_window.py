"""The lab in the window: joining from the dialog and syncing run on a worker; the indicator says so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow

from tests.lab.desks import Desk
from tests.lab.pg_server import PASSWORDS, PgServer
from tests.lab.test_lab_sync import server_note_ids
from viewer.app.settings import Settings
from viewer.core.paths import DataPaths
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
    qtbot.waitUntil(lambda: control.indicator.text() == "Lab: synced", timeout=60_000)
    assert dialog.leave_button.isEnabled() and dialog.password.text() == ""
    with bahar.notes() as store:
        assert store.require(note.id).body == "from Ana"
        mine = store.create_comment("article-2", "from Bahar", creator="Bahar")
    done = control.syncs_done
    control.check_queue()  # what the queue timer does: a change waits, so a sync starts
    qtbot.waitUntil(lambda: control.syncs_done > done, timeout=60_000)
    assert mine.id in server_note_ids(pg_server, lab_db)
    control.stop()
