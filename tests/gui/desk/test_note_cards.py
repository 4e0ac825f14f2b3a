"""Notes as cards in the sidebar (issue 26, item 3): a long note is shown whole, replies under their
card without any drag, a reply box on the chosen card that writes to the real store, a filter by
author, `select_note` bringing a card into view, undo/redo that say what they did, keys for
everything, and a compact header. Real Library, real notes database, real article view."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.gui.conftest import WAIT_MS, type_text
from tests.gui.notes.reading_desk import shown_article_view, shown_notes_panel
from viewer.app.library import Library
from viewer.app.settings import AUTHOR
from viewer.core.annotation import Annotation
from viewer.core.article import Article
from viewer.gui.article.view import ArticleView
from viewer.gui.common.translations import set_language
from viewer.gui.notes.card import NoteCard
from viewer.gui.notes.controller import NotesController
from viewer.gui.notes.note_dialog import NoteDialog
from viewer.gui.notes.note_format import note_time
from viewer.gui.notes.panel import NotesPanel
from viewer.notes.store import NotesStore

pytestmark = pytest.mark.gui

MARYAM, ALI = "مریم", "علی"
TWELVE_LINES = "\n".join(f"سطر {n}: یادداشتی که باید تمام و کمال دیده شود" for n in range(1, 13))


@pytest.fixture
def article(library: Library) -> Article:
    """The sample's longest article: room for many highlights."""
    return max(library.articles(), key=lambda found: len(found.text))


@pytest.fixture
def view(qtbot, article: Article) -> ArticleView:  # type: ignore[no-untyped-def]
    return shown_article_view(qtbot, article)


@pytest.fixture
def panel(qtbot, gui_app: QApplication, library: Library) -> Iterator[NotesPanel]:  # type: ignore[no-untyped-def]
    with shown_notes_panel(qtbot, library, MARYAM, 360, 700) as shown:
        yield shown


@pytest.fixture
def controller(panel: NotesPanel, view: ArticleView, article: Article) -> NotesController:
    tied = NotesController(panel, view)
    tied.article_shown(article.id)
    return tied


def words(article: Article, index: int) -> tuple[int, int]:
    """(start, end) of the article's `index`-th word of at least four letters."""
    starts, position = [], 0
    for word in article.text.split():
        position = article.text.index(word, position)
        if len(word) >= 4:
            starts.append((position, position + len(word)))
        position += len(word)
    return starts[index]


def highlight(store: NotesStore, article: Article, index: int, body: str = "", creator: str = MARYAM,
              colour: str = "#a5d6a7") -> Annotation:
    start, end = words(article, index)
    return store.create_highlight(article.id, article.text, start, end, body=body, color=colour, creator=creator)


def shown(panel: NotesPanel, article: Article) -> None:
    panel.show_article(None)
    panel.show_article(article.id)


def card_of(panel: NotesPanel, note_id: str) -> NoteCard:
    card = panel.card_for(note_id)
    assert isinstance(card, NoteCard), note_id
    return card


def focus(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    widget.window().activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=WAIT_MS)


def test_a_twelve_line_note_shows_all_twelve_lines(qtbot, controller, panel: NotesPanel,  # type: ignore[no-untyped-def]
                                                   article: Article) -> None:
    note = highlight(panel.store, article, 3, body=TWELVE_LINES)
    highlight(panel.store, article, 9, body="کوتاه")
    shown(panel, article)
    card = card_of(panel, note.id)
    body = card.rows[0].body
    QApplication.processEvents()
    line = body.fontMetrics().lineSpacing()
    for number in (1, 6, 12):  # the last line too: nothing cut, no "…"
        assert f"سطر {number}:" in body.text()
    assert body.isVisible()
    # Each of the twelve lines is laid out: the label is as tall as its text needs, and the card
    # holds all of it (it grows; the column scrolls instead of squeezing it).
    assert body.height() >= 12 * line, (body.height(), line)
    assert body.height() >= body.heightForWidth(body.width())
    top = body.mapTo(card, body.rect().topLeft()).y()
    assert top + body.height() <= card.height()
    # The column uses the panel's height: far more than the old ~80-pixel list.
    assert panel.cards.height() >= panel.height() * 0.75


def test_replies_are_shown_under_their_card_without_any_drag(qtbot, controller, panel: NotesPanel,  # type: ignore[no-untyped-def]
                                                             article: Article) -> None:
    note = highlight(panel.store, article, 2, body="یادداشت نخست")
    first = panel.store.create_reply(note.id, "پاسخ علی به یادداشت", creator=ALI)
    second = panel.store.create_reply(first.id, "پاسخ مریم به علی", creator=MARYAM)
    shown(panel, article)
    card = card_of(panel, note.id)
    QApplication.processEvents()
    assert panel.listed() == [(0, note.id), (1, first.id), (2, second.id)]
    own, reply, deeper = card.rows
    for row, author, text in ((reply, ALI, "پاسخ علی به یادداشت"), (deeper, MARYAM, "پاسخ مریم به علی")):
        assert row.isVisible() and row.body.isVisible() and text in row.body.text()
        assert author in row.meta.text() and note_time(row_note(panel, row.note_id).created, "fa") in row.meta.text()
        inside = row.mapTo(card, row.rect().bottomLeft()).y()
        assert inside <= card.height()
    assert own.y() < reply.y() < deeper.y()
    # Indented: each reply's text starts further in than the note it answers.
    assert reply.layout().contentsMargins().left() > 0
    assert deeper.layout().contentsMargins().left() > reply.layout().contentsMargins().left()
    assert not hasattr(panel, "tree")  # no splitter or second list to drag open


def row_note(panel: NotesPanel, note_id: str) -> Annotation:
    return panel.store.require(note_id)


def test_the_reply_box_sends_a_reply_to_the_store_and_esc_cancels(qtbot, controller, panel: NotesPanel,  # type: ignore[no-untyped-def]
                                                                  article: Article) -> None:
    note = highlight(panel.store, article, 4, body="یادداشتی برای پاسخ")
    shown(panel, article)
    card = card_of(panel, note.id)
    assert not card.reply_box.isVisible()  # only on the chosen card
    qtbot.mouseClick(card.rows[0].meta, Qt.MouseButton.LeftButton)
    assert panel.selected_id() == note.id and card.reply_box.isVisible()
    focus(qtbot, panel.cards)
    QTest.keyClick(panel.cards, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is card.reply_box, timeout=WAIT_MS)
    type_text(card.reply_box, "نوشته‌ای که کنار گذاشته می‌شود")
    QTest.keyClick(card.reply_box, Qt.Key.Key_Escape)
    assert panel.store.replies(note.id) == [] and card.reply_box.text() == ""
    assert QApplication.focusWidget() is panel.cards

    QTest.keyClick(panel.cards, Qt.Key.Key_R)
    type_text(card.reply_box, "پاسخی از جعبهٔ کارت")
    QTest.keyClick(card.reply_box, Qt.Key.Key_Return)
    (reply,) = panel.store.replies(note.id)
    assert reply.body == "پاسخی از جعبهٔ کارت" and reply.creator == MARYAM
    with NotesStore(panel.library.paths.notes_path) as another_reader:  # written to the database itself
        assert another_reader.require(reply.id).body == "پاسخی از جعبهٔ کارت"
    card = card_of(panel, note.id)
    assert [row.note_id for row in card.rows] == [note.id, reply.id]
    assert panel.undo_stack.undoText() in ("Add reply", "افزودن پاسخ")


def test_a_reply_being_written_survives_a_colleagues_note_arriving(qtbot, controller, panel: NotesPanel,  # type: ignore[no-untyped-def]
                                                                    article: Article) -> None:
    """A lab sync rebuilds the cards when a colleague's note arrives; the half-written reply stays."""
    note = highlight(panel.store, article, 4, body="یادداشتی برای پاسخ")
    shown(panel, article)
    card = card_of(panel, note.id)
    qtbot.mouseClick(card.rows[0].meta, Qt.MouseButton.LeftButton)
    focus(qtbot, panel.cards)
    QTest.keyClick(panel.cards, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is card.reply_box, timeout=WAIT_MS)
    type_text(card.reply_box, "پاسخی نیمه")
    with NotesStore(panel.library.paths.notes_path) as colleague:  # what a lab sync writes
        arrived = colleague.create_comment(article.id, "از همکار", creator=ALI)
    panel.refresh()
    assert arrived.id in panel.card_of
    card = card_of(panel, note.id)
    assert panel.selected_id() == note.id and card.reply_box.text() == "پاسخی نیمه"
    assert QApplication.focusWidget() is card.reply_box
    QTest.keyClick(card.reply_box, Qt.Key.Key_Return)
    assert [reply.body for reply in panel.store.replies(note.id)] == ["پاسخی نیمه"]


def test_the_notes_can_be_filtered_by_author(qtbot, controller, panel: NotesPanel, article: Article) -> None:  # type: ignore[no-untyped-def]
    hers = highlight(panel.store, article, 1, body="از مریم")
    his = highlight(panel.store, article, 5, body="از علی", creator=ALI)
    answered = highlight(panel.store, article, 8, body="مریم می‌پرسد")
    panel.store.create_reply(answered.id, "علی پاسخ می‌دهد", creator=ALI)
    shown(panel, article)
    box = panel.author_box
    assert box in panel.header_controls()
    names = [box.itemData(i) for i in range(box.count())]
    assert names[1:] == sorted([ALI, MARYAM]) and box.itemData(0) is None
    box.setCurrentIndex(names.index(ALI))
    assert [note_id for depth, note_id in panel.listed() if depth == 0] == [his.id, answered.id]
    box.setCurrentIndex(names.index(MARYAM))
    assert [note_id for depth, note_id in panel.listed() if depth == 0] == [hers.id, answered.id]
    box.setCurrentIndex(0)
    assert [note_id for depth, note_id in panel.listed() if depth == 0] == [hers.id, his.id, answered.id]


def test_select_note_scrolls_to_its_card(qtbot, controller, panel: NotesPanel, article: Article) -> None:  # type: ignore[no-untyped-def]
    notes = [highlight(panel.store, article, index, body=f"یادداشت شمارهٔ {index}\nبا دو سطر") for index in range(16)]
    panel.resize(360, 420)
    shown(panel, article)
    QApplication.processEvents()
    bar = panel.cards.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    last = notes[-1]
    panel.select_note(last.id)
    card = card_of(panel, last.id)
    viewport = panel.cards.viewport()
    top = card.mapTo(viewport, card.rect().topLeft()).y()
    assert 0 <= top and top + card.height() <= viewport.height(), (top, card.height(), viewport.height())
    assert panel.selected_id() == last.id and card.property("chosen") is True
    panel.select_note(notes[0].id)
    assert bar.value() <= card_of(panel, notes[0].id).y()
    assert card.property("chosen") is False
    panel.select_note("no-such-note")  # a highlight without a listed card: nothing happens
    assert panel.selected_id() == notes[0].id
    panel.search_box.setText("شمارهٔ ۱۵")  # the find field hides the clicked highlight's card: it is cleared
    panel.select_note(notes[3].id)
    assert panel.selected_id() == notes[3].id and panel.search_box.text() == ""
    assert len([depth for depth, _id in panel.listed()]) == len(notes)


def test_keys_move_between_cards_edit_reply_and_delete(qtbot, controller, panel: NotesPanel, view: ArticleView,  # type: ignore[no-untyped-def]
                                                       article: Article, monkeypatch: pytest.MonkeyPatch) -> None:
    first = highlight(panel.store, article, 2, body="نخست")
    second = highlight(panel.store, article, 6, body="دوم")
    panel.store.create_reply(first.id, "پاسخ", creator=ALI)
    shown(panel, article)
    focus(qtbot, panel.cards)
    QTest.keyClick(panel.cards, Qt.Key.Key_Down)
    assert panel.selected_id() == first.id
    with qtbot.waitSignal(panel.anchor_activated) as moved:  # the article goes to the card's passage
        QTest.keyClick(panel.cards, Qt.Key.Key_Down)
    assert panel.selected_id() == second.id  # past the first card's reply: card to card
    assert second.position is not None and moved.args == [second.position.start, second.position.end]
    assert view.selection_offsets() == (second.position.start, second.position.end)
    QTest.keyClick(panel.cards, Qt.Key.Key_Up)
    assert panel.selected_id() == first.id

    monkeypatch.setattr(NoteDialog, "get_text", lambda *args, **kwargs: ("نخست، ویراسته", True))
    QTest.keyClick(panel.cards, Qt.Key.Key_Return)
    assert panel.store.require(first.id).body == "نخست، ویراسته"
    assert "نخست، ویراسته" in card_of(panel, first.id).rows[0].body.text()

    QTest.keyClick(panel.cards, Qt.Key.Key_Delete)
    assert panel.store.get(first.id) is None
    assert panel.selected_id() == second.id  # the next card is chosen
    QTest.keyClick(panel, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.store.require(first.id).body == "نخست، ویراسته" and len(panel.store.replies(first.id)) == 1


def test_undo_and_redo_say_what_they_did_in_both_languages(qtbot, qapp, controller, panel: NotesPanel,  # type: ignore[no-untyped-def]
                                                           article: Article) -> None:
    note = highlight(panel.store, article, 3, body="یادداشتی که پاک می‌شود")
    shown(panel, article)
    try:
        set_language(qapp, "en")
        panel.select_note(note.id)
        panel.delete_selected()
        assert panel.undo_stack.undoText() == "Delete note «یادداشتی که پاک می‌شود»"
        assert panel.undo_action.text() == "Undo Delete note «یادداشتی که پاک می‌شود»"
        with qtbot.waitSignal(panel.undo_message) as said:
            panel.undo()
        assert said.args == ["Undone: Delete note «یادداشتی که پاک می‌شود»"]
        assert panel.store.get(note.id) is not None and panel.message.text() == said.args[0]
        with qtbot.waitSignal(panel.undo_message) as said:
            panel.redo()
        assert said.args == ["Redone: Delete note «یادداشتی که پاک می‌شود»"]
        assert panel.store.get(note.id) is None
        panel.undo()
        assert panel.edit_note(note.id, body="ویراسته")
        reply = panel.reply_to(note.id, "پاسخ")
        assert reply is not None
        assert panel.undo_stack.undoText() == "Add reply"
        panel.undo_stack.undo()
        assert panel.undo_stack.undoText() == "Edit note"

        set_language(qapp, "fa")
        qtbot.waitUntil(lambda: panel.undo_action.text().startswith("واگرد"), timeout=WAIT_MS)
        assert panel.edit_note(note.id, body="بار دیگر ویراسته")
        with qtbot.waitSignal(panel.undo_message) as said:
            panel.undo()
        assert said.args == ["برگردانده شد: ویرایش یادداشت"]
        with qtbot.waitSignal(panel.undo_message) as said:
            panel.redo()
        assert said.args == ["دوباره انجام شد: ویرایش یادداشت"]
        assert panel.delete_note(note.id)
        assert panel.undo_stack.undoText().startswith("حذف یادداشت «")
    finally:
        set_language(qapp, "fa")


def test_the_header_is_compact_and_every_action_stays_reachable(qtbot, controller, panel: NotesPanel,  # type: ignore[no-untyped-def]
                                                                article: Article) -> None:
    note = highlight(panel.store, article, 3, body="یادداشت")
    shown(panel, article)
    controls = panel.header_controls()
    assert len(controls) <= 4, [c.objectName() for c in controls]
    assert all(control.accessibleName() for control in controls)
    menu = panel.more_menu.actions()
    for action in (panel.highlight_action, panel.note_action, panel.comment_action, panel.reply_action,
                   panel.edit_action, panel.delete_action, panel.undo_action, panel.redo_action,
                   panel.annotated_action, panel.export_action, panel.import_action,
                   panel.colour_menu.menuAction()):
        assert action in menu and action.text(), action.objectName()
    card_menu = [a.text() for a in panel.context_menu_for(note.id).actions() if a.text()]
    assert len(card_menu) >= 5  # reply, reply in a window, edit, colour, delete
    card = card_of(panel, note.id)
    assert card.edit_button.isVisible() and card.delete_button.isVisible()  # the menu chose it
    assert card.edit_button.accessibleName() and card.reply_box.accessibleName()


@pytest.mark.no_window
@pytest.mark.parametrize(("ago", "english", "persian"), [
    (timedelta(seconds=20), "just now", "همین حالا"),
    (timedelta(minutes=5), "5 minutes ago", "۵ دقیقه پیش"),
    (timedelta(hours=3), "3 hours ago", "۳ ساعت پیش"),
    (timedelta(days=1, hours=1), "yesterday", "دیروز"),
    (timedelta(days=40), "27 Oct 2026", "۵ آبان ۱۴۰۵"),
])
def test_a_cards_time_reads_in_the_interface_language(time_zone, ago: timedelta, english: str, persian: str) -> None:  # type: ignore[no-untyped-def]
    time_zone("Asia/Tehran")
    now = datetime(2026, 12, 6, 20, 0, tzinfo=UTC)  # 23:30 in Tehran
    stamp = (now - ago).isoformat().replace("+00:00", "Z")
    assert note_time(stamp, "en", now) == english
    assert note_time(stamp, "fa", now) == persian
    assert note_time("not a time", "fa", now) == ""


@pytest.mark.slow
def test_the_window_says_what_undo_did_in_its_status_bar(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    assert window.notes is not None
    window.settings.set(AUTHOR, MARYAM)  # not asked in a modal dialog mid-test
    panel = window.notes.panel
    qtbot.waitUntil(lambda: panel.article_id is not None, timeout=WAIT_MS)
    comment = panel.add_comment("یادداشتی بر کل خبر")
    assert comment is not None
    panel.undo()
    message = window.statusBar().currentMessage()
    assert message.startswith("برگردانده شد: ") and "یادداشتی بر کل خبر" in message
    panel.redo()
    assert window.statusBar().currentMessage().startswith("دوباره انجام شد: ")
