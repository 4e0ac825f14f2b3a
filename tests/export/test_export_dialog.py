"""File → Export PDF in the real window: the choices offered, the export in the background, cancel, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QPushButton

from tests.export.pdf_reading import outline, require_poppler
from tests.gui.conftest import WAIT_MS, data_paths, gui_app, indexed_sample, window  # noqa: F401 - fixtures
from viewer.app.settings import AUTHOR, EXPORT_FOLDER
from viewer.gui.common.export_scope import ExportChoices, Scope
from viewer.gui.dialogs import export_dialog
from viewer.gui.dialogs.export_dialog import ExportDialog, ExportJob

pytestmark = pytest.mark.gui


def search(qtbot, win, text: str) -> None:  # type: ignore[no-untyped-def]
    win.search(text)
    qtbot.waitUntil(lambda: not win.search_pending and win.result is not None and win.result.query == text, timeout=WAIT_MS)


def test_dialog_offers_what_the_window_has(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    search(qtbot, window, "اصفهان")
    choices = window.export_choices()
    assert choices.open_article is not None and choices.open_article.id == window.article_pane.article.id
    assert len(choices.result_ids) == window.result.total > 1 == len(choices.selected_ids)
    assert choices.noted_ids == []
    dialog = ExportDialog(choices, tmp_path, window)
    qtbot.addWidget(dialog)
    # What the window shows: the whole result list, not the one row selected when it came (issue 26)
    assert dialog.scope() is Scope.RESULTS and not dialog.scope_buttons[Scope.NOTED].isEnabled()
    assert dialog.out_path().parent == tmp_path and dialog.out_path().suffix == ".pdf"
    dialog.scope_buttons[Scope.RESULTS].setChecked(True)
    assert dialog.article_ids() == choices.result_ids and dialog.out_path().name == "اصفهان.pdf"
    assert dialog.with_notes()


def test_export_from_the_window_menu(qtbot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    require_poppler()
    search(qtbot, window, "اصفهان")
    out = tmp_path / "results.pdf"

    def choose_results(dialog: ExportDialog) -> int:
        dialog.scope_buttons[Scope.RESULTS].setChecked(True)
        dialog.path_edit.setText(str(out))
        assert dialog.author_edit.text() == "مریم"  # the notes' author name, offered
        dialog.title_edit.setText("گزارش اصفهان")
        assert not dialog.open_box.isChecked()
        return QDialog.DialogCode.Accepted

    window.settings.set(AUTHOR, "مریم")
    monkeypatch.setattr(ExportDialog, "exec", choose_results)
    window.window_actions.export_pdf.trigger()
    qtbot.waitUntil(lambda: not export_dialog._running, timeout=WAIT_MS)
    expected = [window.library.article(i).title for i in window.export_choices().result_ids]
    assert [title for title, _ in outline(out)] == expected
    assert f"\u2066{out}\u2069" in window.statusBar().currentMessage()  # the path as a left-to-right run
    assert window.settings.get(EXPORT_FOLDER) == str(tmp_path)
    import subprocess

    info = subprocess.run(["pdfinfo", "-meta", str(out)], capture_output=True, text=True, check=True).stdout
    assert "گزارش اصفهان" in info and "مریم" in info


def test_cancel_from_the_progress_dialog(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    out = tmp_path / "cancelled.pdf"
    ids = window.export_choices().result_ids
    assert len(ids) >= 40
    job = ExportJob(window, window.library, ids, out)
    cancel_button = job.progress.findChild(QPushButton)
    job.progressed.connect(lambda done, _total, _label: cancel_button.click() if done >= 1 else None)
    with qtbot.waitSignal(job.cancelled, timeout=WAIT_MS):
        job.start()
    job.wait()
    assert not out.exists() and list(tmp_path.glob("*.pdf*")) == []
    assert not job.progress.isVisible()


def test_a_failed_export_says_why_in_persian(qtbot, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    choices = ExportChoices(open_article=window.article_pane.article)
    job = ExportJob(window, window.library, choices.ids(Scope.OPEN),
                    tmp_path / "no-such-folder" / "x.pdf")
    with qtbot.waitSignal(job.failed, timeout=WAIT_MS) as failed:
        job.start()
    job.wait()
    assert "فایل PDF نوشته نشد" in failed.args[0]
