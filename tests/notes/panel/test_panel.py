"""The notes panel under pytest-qt: highlight the selection, note, reply, reply to a reply, click to
scroll, edit/delete with undo, search, the author asked once; and the panel docked in the window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDockWidget, QInputDialog

from tests.gui.notes.reading_desk import shown_article_view, shown_notes_panel
from viewer.app.library import Library
from viewer.app.settings import AUTHOR, FOLDERS, HIGHLIGHT_COLOUR, Settings
from viewer.core.article import Article
from viewer.core.paths import DataPaths
from viewer.gui.article.view import ArticleView
from viewer.gui.notes.author_prompt import ask_author_once
from viewer.gui.notes.card import NoteCard
from viewer.gui.notes.controller import NotesController
from viewer.gui.notes.note_dialog import NoteDialog
from viewer.gui.notes.note_format import HIGHLIGHT_COLOURS, jalali_time
from viewer.gui.notes.panel import NotesPanel
from viewer.notes.store import NotesStore

pytestmark = pytest.mark.gui

FIRST = "کوروش خسروی"
SECOND = "خواهرخواندگی اصفهان"


class Answers:
    """Stands in for QInputDialog's modal dialogs: hands out prepared answers and counts the asks."""

    def __init__(self) -> None:
        self.texts: list[str | None] = []
        self.asked = 0
        self.contexts: list[object] = []  # what each dialog showed above its editor

    def __call__(self, *args: object, **kwargs: object) -> tuple[str, bool]:
        self.asked += 1
        self.contexts.append(args[4] if len(args) > 4 else kwargs.get("context", ""))
        answer = self.texts.pop(0) if self.texts else None
        return (answer or "", answer is not None)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    prepared = Answers()
    monkeypatch.setattr(NoteDialog, "get_text", prepared)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    return prepared


@pytest.fixture
def view(qtbot, seed_article: Article) -> ArticleView:  # type: ignore[no-untyped-def]
    return shown_article_view(qtbot, seed_article)


@pytest.fixture
def store(library: Library) -> NotesStore:
    return library.notes


@pytest.fixture
def panel(qtbot, library: Library) -> Iterator[NotesPanel]:  # type: ignore[no-untyped-def]
    with shown_notes_panel(qtbot, library, "مریم", 460, 760) as shown:
        yield shown


@pytest.fixture
def controller(panel: NotesPanel, view: ArticleView) -> NotesController:
    tied = NotesController(panel, view)
    assert view.article is not None
    tied.article_shown(view.article.id)
    return tied


def select_like_a_user(view: ArticleView, words: str) -> None:
    """Selects the words in the rendered document, as dragging the mouse over them would."""
    cursor = view.document().find(words)
    assert not cursor.isNull(), words
    view.setTextCursor(cursor)


def background_at(view: ArticleView, words: str) -> str:
    found = view.document().find(words)
    cursor = QTextCursor(view.document())
    cursor.setPosition(found.selectionStart() + 2)
    return cursor.charFormat().background().color().name()


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_highlight_note_reply_and_reply_to_reply(qtbot, controller: NotesController, panel: NotesPanel,  # type: ignore[no-untyped-def]
                                                 view: ArticleView, store: NotesStore, answers: Answers) -> None:
    text = view.article.text  # type: ignore[union-attr]
    panel.set_colour(HIGHLIGHT_COLOURS[1][0])
    select_like_a_user(view, SECOND)
    panel.highlight_action.trigger()
    (highlight,) = store.highlights(panel.article_id or "")
    assert highlight.quote is not None and highlight.quote.exact == SECOND
    assert highlight.color == HIGHLIGHT_COLOURS[1][0] and highlight.creator == "مریم"
    assert background_at(view, SECOND) == HIGHLIGHT_COLOURS[1][0]

    select_like_a_user(view, FIRST)
    answers.texts = ["یادداشت من بر این نام"]
    panel.note_action.trigger()
    first = store.highlights(panel.article_id or "")[0]
    assert first.quote is not None and first.quote.exact == FIRST and first.body == "یادداشت من بر این نام"
    assert answers.contexts[-1] == FIRST  # the dialog showed the passage
    assert first.position is not None and text[first.position.start:first.position.end] == FIRST

    panel.select_note(first.id)
    assert panel.selected_id() == first.id
    answers.texts = ["پاسخ علی"]
    panel.ask_reply()  # the card menu's "Reply in a window…"
    (reply,) = store.replies(first.id)
    assert panel.selected_id() == reply.id
    assert answers.contexts[-1] == "یادداشت من بر این نام"  # ... and the note being answered
    answers.texts = ["پاسخ به پاسخ"]
    panel.ask_reply()
    (deeper,) = store.replies(reply.id)
    answers.texts = ["دربارهٔ کل خبر"]
    panel.comment_action.trigger()
    comment = next(a for a in store.all() if a.body == "دربارهٔ کل خبر")

    assert panel.listed() == [(0, comment.id), (0, first.id), (1, reply.id), (2, deeper.id), (0, highlight.id)]
    card = panel.card_for(deeper.id)
    assert isinstance(card, NoteCard)
    row = next(row for row in card.rows if row.note_id == deeper.id)
    assert "پاسخ به پاسخ" in row.body.text() and row.meta.toolTip() == jalali_time(deeper.created)
    assert "مریم" in row.meta.text()

    # A click on a reply deep in the thread scrolls the article to the thread's passage.
    view.moveCursor(QTextCursor.MoveOperation.End)
    panel.cards.scroll_to(card)
    with qtbot.waitSignal(panel.anchor_activated) as blocker:
        qtbot.mouseClick(row.meta, Qt.MouseButton.LeftButton)
    assert panel.selected_id() == deeper.id
    assert first.position is not None
    assert blocker.args == [first.position.start, first.position.end]
    assert view.selection_offsets() == (first.position.start, first.position.end)


def test_edit_and_delete_with_undo_and_redo(qtbot, controller: NotesController, panel: NotesPanel,  # type: ignore[no-untyped-def]
                                            view: ArticleView, store: NotesStore, answers: Answers) -> None:
    select_like_a_user(view, FIRST)
    answers.texts = ["نخست"]
    panel.note_action.trigger()
    (note,) = store.highlights(panel.article_id or "")
    reply = panel.reply_to(note.id, "پاسخ")
    assert reply is not None

    panel.select_note(note.id)
    answers.texts = ["ویراسته"]
    panel.edit_action.trigger()
    assert store.require(note.id).body == "ویراسته"
    panel.undo_action.trigger()
    assert store.require(note.id).body == "نخست"
    panel.redo_action.trigger()
    assert store.require(note.id).body == "ویراسته"

    panel.select_note(note.id)
    panel.delete_action.trigger()
    assert store.get(note.id) is None and store.get(reply.id) is None
    assert panel.listed() == [] and view.highlights == []
    assert background_at(view, FIRST) != HIGHLIGHT_COLOURS[0][0]
    assert panel.message.text()  # "Deleted. Undo brings it back."
    panel.undo_action.trigger()
    assert [i for _, i in panel.listed()] == [note.id, reply.id]
    undone = QCoreApplication.translate("NotesPanel", "Undone: {change}").format(change=panel.undo_stack.redoText())
    assert panel.message.text() == undone and "«ویراسته»" in undone  # "Deleted…" no longer true: gone
    assert background_at(view, FIRST) == HIGHLIGHT_COLOURS[0][0]

    # Undo all the way back: the reply, the edit, then the note itself are undone.
    while panel.undo_stack.canUndo():
        panel.undo_action.trigger()
    assert store.count() == 0 and view.highlights == []
    while panel.undo_stack.canRedo():
        panel.redo_action.trigger()
    assert store.get(note.id) is None and store.get(reply.id) is None  # the delete, last, was redone too
    panel.undo_action.trigger()
    assert store.require(note.id).body == "ویراسته" and store.require(reply.id).body == "پاسخ"


def test_nothing_selected_says_so(qtbot, controller: NotesController, panel: NotesPanel, store: NotesStore) -> None:  # type: ignore[no-untyped-def]
    panel.highlight_action.trigger()
    assert store.count() == 0
    assert panel.message.text()
    panel.show_article("another-article")
    assert panel.message.text() == ""  # it was about the article before


def test_a_note_deleted_elsewhere_gives_a_message_not_a_crash(qtbot, controller: NotesController, panel: NotesPanel,  # type: ignore[no-untyped-def]
                                                              store: NotesStore, data_paths: DataPaths) -> None:
    comment = panel.add_comment("یادداشت")
    assert comment is not None
    with NotesStore(data_paths.notes_path) as other_process:
        other_process.delete(comment.id)
    assert panel.reply_to(comment.id, "پاسخ") is None
    assert "یادداشتی" in panel.message.text() or "No note" in panel.message.text()
    panel.undo_stack.undo()  # undoing the add of a note that is already gone
    assert panel.message.text()


def test_search_and_articles_with_notes(qtbot, controller: NotesController, panel: NotesPanel,  # type: ignore[no-untyped-def]
                                        store: NotesStore) -> None:
    here = panel.add_comment("این خبر می‌کند")
    elsewhere = store.create_comment("another-article", "خبری دیگر که كار مي‌كند")
    assert here is not None
    panel.search_box.setText("ميكند")
    assert {i for _, i in panel.listed()} == {here.id, elsewhere.id}
    assert panel.card_for(elsewhere.id) is not None
    with qtbot.waitSignal(panel.open_article_requested) as blocker:
        panel.activate(elsewhere.id)
    assert blocker.args == ["another-article"]
    panel.search_box.clear()
    panel.annotated_action.setChecked(True)
    assert {i for _, i in panel.listed()} == {panel.article_id, "another-article"}
    panel.annotated_action.setChecked(False)
    assert [i for _, i in panel.listed()] == [here.id]


def answer_name_dialog(log: list[str], name: str | None) -> None:
    """Answers the name dialog when it opens (modal): types `name`, or cancels when None."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLineEdit

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        line = dialog.findChild(QLineEdit)
        log.append(f"name:{dialog.textValue()}:{line.selectedText() if line is not None else ''}")
        if name is None:
            dialog.reject()
        else:
            dialog.setTextValue(name)
            dialog.accept()

    QTimer.singleShot(0, answer)


def panel_asking_the_author(qtbot, library: Library, view: ArticleView) -> tuple[NotesPanel, NotesController]:  # type: ignore[no-untyped-def]
    """A notes panel that asks the author's name once, tied to `view`, which shows an article."""
    asking = NotesPanel(library, author=lambda: ask_author_once(library, asking))
    qtbot.addWidget(asking)
    tied = NotesController(asking, view, library.settings)
    assert view.article is not None
    tied.article_shown(view.article.id)
    return asking, tied


def test_the_author_is_asked_once_before_the_first_note_and_remembered(  # type: ignore[no-untyped-def]
        qtbot, library: Library, view: ArticleView, data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch) -> None:
    log: list[str] = []

    def note_dialog(*args: object, **kwargs: object) -> tuple[str, bool]:
        log.append("note")
        return "یادداشت", True

    monkeypatch.setattr(NoteDialog, "get_text", note_dialog)
    monkeypatch.setattr("viewer.gui.notes.author_prompt.login_name", lambda: "sara")
    asking, tied = panel_asking_the_author(qtbot, library, view)
    # Cancelled: no note dialog, no note, no name kept (asked again next time).
    answer_name_dialog(log, None)
    asking.ask_comment()
    assert log == ["name:sara:sara"] and asking.store.threads(view.article.id) == []
    assert library.settings.author is None
    # The login name is only offered (selected, typing replaces it); asked before the note dialog.
    answer_name_dialog(log, "سارا")
    asking.ask_comment()
    asking.ask_comment()
    select_like_a_user(view, FIRST)
    tied.highlight_selection(with_note=True)
    assert log == ["name:sara:sara", "name:sara:sara", "note", "note", "note"]
    creators = {note.creator for thread in asking.store.threads(view.article.id) for _d, note in thread.walk()}
    assert creators == {"سارا"}
    assert Settings(data_paths.settings_path).get(AUTHOR) == "سارا"
    asking.library_closing()


def test_an_empty_name_is_kept_not_replaced_by_the_login_name(  # type: ignore[no-untyped-def]
        qtbot, library: Library, view: ArticleView, monkeypatch: pytest.MonkeyPatch) -> None:
    log: list[str] = []
    monkeypatch.setattr("viewer.gui.notes.author_prompt.login_name", lambda: "sara")
    monkeypatch.setattr("viewer.app.library.login_name", lambda: "sara")
    asking, tied = panel_asking_the_author(qtbot, library, view)
    answer_name_dialog(log, "")
    select_like_a_user(view, FIRST)
    note = tied.highlight_selection()  # a plain highlight asks too: it carries the name
    assert note is not None and note.creator == "" and len(log) == 1
    assert library.settings.author == "" and library.author() == ""
    asking.library_closing()


def test_the_note_dialog_writes_right_to_left_wraps_tabs_on_and_saves_with_ctrl_enter(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QDialog

    dialog = NoteDialog(None, "یادداشت", "یادداشت شما:", context="خواهرخواندگی اصفهان و فلورانس")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    editor = dialog.editor
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor)
    assert "خواهرخواندگی اصفهان" in dialog.context.text() and dialog.context.isVisible()
    words = "این یک یادداشت بلند است که باید در چند سطر بشکند و به راست چیده شود "
    for ch in words * 3:
        QTest.sendKeyEvent(QTest.KeyAction.Click, editor, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)
    assert editor.toPlainText() == words * 3
    assert editor.horizontalScrollBar().maximum() == 0  # wrapped, no sideways scrolling
    block = editor.document().firstBlock()
    assert block.layout().lineCount() > 1
    # Right to left: the text ends at the left, its first line starts at the right edge.
    first_line = block.layout().lineAt(0)
    assert editor.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    assert first_line.naturalTextRect().right() > editor.viewport().width() - 30
    QTest.keyClick(editor, Qt.Key.Key_Tab)
    assert "\t" not in editor.toPlainText() and QApplication.focusWidget() is not editor
    editor.setFocus()
    QTest.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()


def test_the_highlight_colour_is_remembered(qtbot, panel: NotesPanel, view: ArticleView, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(tmp_path / "settings.json")
    NotesController(panel, view, settings)
    panel.colour_group.actions()[2].trigger()  # the "⋯" menu's Highlight colour
    assert Settings(tmp_path / "settings.json").get(HIGHLIGHT_COLOUR) == HIGHLIGHT_COLOURS[2][0]
    panel.colour_group.actions()[0].trigger()
    settings.set(HIGHLIGHT_COLOUR, HIGHLIGHT_COLOURS[3][0])
    NotesController(panel, view, settings)  # as at the next start
    assert panel.colour() == HIGHLIGHT_COLOURS[3][0]


@pytest.mark.no_window
def test_jalali_time(time_zone) -> None:  # type: ignore[no-untyped-def]
    assert jalali_time("2024-03-20T12:00:00Z", persian_digits=False) == "1403/01/01 12:00"
    assert jalali_time("2024-03-20T12:00:00Z") == "۱۴۰۳/۰۱/۰۱ ۱۲:۰۰"
    assert jalali_time("not a time") == ""
    # Shown in the reader's own zone: Nowruz 1403 began at 2024-03-20 03:06 UTC.
    for zone, shown in [("Asia/Tehran", "1403/01/01 15:30"), ("Pacific/Kiritimati", "1403/01/02 02:00"),
                        ("Etc/GMT+12", "1403/01/01 00:00")]:
        time_zone(zone)
        assert jalali_time("2024-03-20T12:00:00Z", persian_digits=False) == shown, zone


@pytest.mark.slow
def test_the_window_docks_the_panel_and_paints_saved_notes(qtbot, qapp, data_paths: DataPaths, source_dir: Path,  # type: ignore[no-untyped-def]
                                                          seed_article: Article) -> None:
    from viewer.gui.window.main_window import MainWindow

    with NotesStore(data_paths.notes_path) as store:
        start = seed_article.text.index(FIRST)
        saved = store.create_highlight(seed_article.id, seed_article.text, start, start + len(FIRST), color="#90caf9",
                                       creator="مریم")
    settings = Settings(data_paths.settings_path)
    settings.set(AUTHOR, "مریم")
    settings.set(FOLDERS, [str(source_dir)])
    settings.save()
    win = MainWindow(data_paths, settings, auto_index=False)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.archive_ready, timeout=60_000):
        win.start(query="")
    try:
        assert win.notes is not None
        panel = win.notes.panel
        dock = win.findChild(QDockWidget, "dock-notes")
        assert dock is not None and dock.widget() is panel
        assert win.open_article(seed_article.id)
        qtbot.waitUntil(lambda: panel.article_id == seed_article.id, timeout=60_000)
        view = win.article_pane.view
        assert [i for _, i in panel.listed()] == [saved.id]
        assert view.highlights == [(start, start + len(FIRST), "#90caf9")]
        assert background_at(view, FIRST) == "#90caf9"
        select_like_a_user(view, SECOND)
        panel.highlight_action.trigger()
        assert len(panel.store.highlights(seed_article.id)) == 2
        assert len(view.highlights) == 2

        # The window's menus offer export and import; the highlight shortcut works from the article.
        file_menu = win.window_actions.file_menu.actions()
        assert panel.export_action in file_menu and panel.import_action in file_menu
        view.setFocus()
        select_like_a_user(view, "اظهار کرد")
        qtbot.keyClick(view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(lambda: len(panel.store.highlights(seed_article.id)) == 3)
        assert "اظهار کرد" in [n.quote.exact for n in panel.store.highlights(seed_article.id) if n.quote]
    finally:
        win.close()


def test_the_panel_speaks_persian_and_english(qtbot, qapp, library: Library) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    from viewer.gui.common.translations import set_language

    widget = NotesPanel(library)
    qtbot.addWidget(widget)
    try:
        set_language(qapp, "fa")
        qtbot.waitUntil(lambda: widget.highlight_action.text() == "برجسته‌سازی متن برگزیده")
        assert widget.search_box.placeholderText() == "جست‌وجو در یادداشت‌ها"
        assert widget.colour_group.actions()[0].text() == "زرد"
        assert widget.author_box.itemText(0) == "همهٔ نویسندگان"
        set_language(qapp, "en")
        qtbot.waitUntil(lambda: widget.highlight_action.text() == "Highlight the selection")
        assert widget.colour_group.actions()[0].text() == "Yellow"
    finally:
        set_language(qapp, "en")
        qapp.setProperty("bayegan_language", None)
        QLocale.setDefault(QLocale.system())
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_a_notes_links_are_shown_clickable(qtbot, controller: NotesController, panel: NotesPanel) -> None:  # type: ignore[no-untyped-def]
    note = panel.add_comment("منبع: https://example.org/report?id=7 را ببینید")
    assert note is not None
    card = panel.card_for(note.id)
    assert isinstance(card, NoteCard)
    label = card.rows[0].body
    assert label.isVisible() and label.openExternalLinks()
    assert '<a href="https://example.org/report?id=7">' in label.text()
    plain = panel.add_comment("بی‌پیوند")
    assert plain is not None
    plain_card = panel.card_for(plain.id)
    assert isinstance(plain_card, NoteCard) and "<a " not in plain_card.rows[0].body.text()
