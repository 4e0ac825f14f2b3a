"""Issue 26, item 7: direction and language. Mixed-direction lines are laid out in the right order
(measured on Qt's own text layout, where the eye would see it), the English interface holds no Persian
word but the data's, the Persian one no English word but names, Qt's own dialogs speak Persian, and
the reasons a file was not taken in come in the interface language."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QFont, QTextDocument, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QStyle,
    QStyleOptionComboBox,
    QTreeView,
    QWidget,
)
from pytestqt.exceptions import TimeoutError

from tests.gui.conftest import WAIT_MS, started_window
from tests.gui.desk.accessibility import ancestors
from viewer.core.article import Article
from viewer.core.paths import DataPaths
from viewer.core.results import SimilarArticle
from viewer.gui.archive.folder_picker import folder_picker
from viewer.gui.archive.import_problems import ImportProblemsDialog
from viewer.gui.article.copies_bar import CopiesBar
from viewer.gui.article.document import Labels, fill_reading_document
from viewer.gui.common.theme import colours
from viewer.gui.results.tag_model import TagModel

if TYPE_CHECKING:
    from viewer.gui.window.main_window import MainWindow

pytestmark = pytest.mark.gui

ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")
LATIN_WORD = re.compile("[A-Za-z][A-Za-z0-9]+")
# Latin words a Persian interface may show: keys, formats and standards, names of things.
NAMES = {"Ctrl", "Shift", "Alt", "Enter", "Esc", "Delete", "Del", "Tab", "PDF", "CSV", "CSL", "JSON", "RIS",
         "BibTeX", "Web", "Annotation", "W3C", "English", "OCR", "Tesseract", "Qt", "URL",
         *(f"F{n}" for n in range(1, 13))}
# Widgets that show the data (articles, their titles and tags, notes, names the researcher gave).
CONTENT = {"articleView", "copiesBar", "searchBox", "resultsView", "tagList", "notesTree", "collectionList",
           "savedSearchList", "timeline"}


def x_positions(text: str, needles: list[str], direction: Qt.LayoutDirection) -> list[float]:
    """Where each needle starts on screen when `text` is laid out as one line in a paragraph of
    `direction`: Qt's bidi algorithm decides, as on screen (the leading edge of its first character)."""
    layout = QTextLayout(text, QFont("Vazirmatn", 12))
    option = QTextOption()
    option.setTextDirection(direction)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    xs: list[float] = []
    for needle in needles:
        x = line.cursorToX(text.index(needle))  # PySide gives (x, position), typed as object
        value = x[0] if isinstance(x, tuple) else x
        assert isinstance(value, float | int)
        xs.append(float(value))
    return xs


def meta_line(language: str) -> str:
    """The article header's meta line (source, code, category, date) as the reading pane lays it out."""
    article = Article(id="a1", title="روابط تجاری اصفهان و مسقط", blocks=[], source="/archive/000_fc9ab.txt",
                      code="427178", date=datetime(2008, 1, 1))
    doc = QTextDocument()
    labels = Labels(language=language) if language == "en" else Labels(source="منبع", code="کد خبر", date="تاریخ", language="fa")
    fill_reading_document(doc, article, "Vazirmatn", 12, colours(), labels)
    block = doc.begin()
    while block.isValid() and "000_fc9ab" not in block.text():
        block = block.next()
    assert block.isValid()
    direction = block.blockFormat().layoutDirection()
    return block.text() + ("\x00ltr" if direction == Qt.LayoutDirection.LeftToRight else "\x00rtl")


def test_the_article_header_reads_in_the_interface_languages_direction(gui_app) -> None:  # type: ignore[no-untyped-def]
    """English: «Source: 000_fc9ab.txt · News code: 427178 · Date: 2008-01-01 (11 Dey 1386)» left to right,
    each label before its value (it was «Date: ۱۱ … Source: … دی ۱۳۸۶ (01-01-2008)»); Persian: the same
    from the right."""
    text, direction = meta_line("en").split("\x00")
    assert direction == "ltr"
    assert not ARABIC_SCRIPT.search(text), text  # Latin digits, the Jalali month in Latin letters
    needles = ["Source", "000_fc9ab", "News", "427178", "Date", "2008-01-01", "Dey 1386"]
    xs = x_positions(text, needles, Qt.LayoutDirection.LeftToRight)
    assert xs == sorted(xs), dict(zip(needles, xs, strict=True))

    text, direction = meta_line("fa").split("\x00")
    assert direction == "rtl"
    needles = ["منبع", "000_fc9ab", "کد", "۴۲۷۱۷۸", "تاریخ", "۱۱ دی ۱۳۸۶"]
    xs = x_positions(text, needles, Qt.LayoutDirection.RightToLeft)
    assert xs == sorted(xs, reverse=True), dict(zip(needles, xs, strict=True))


def test_a_near_duplicates_share_and_a_tags_count_keep_their_place_in_english(gui_app) -> None:  # type: ignore[no-untyped-def]
    from viewer.gui.common.translations import set_language

    set_language(gui_app, "en")
    bar = CopiesBar()
    bar.show_copies([], [SimilarArticle("b2", "روابط تجاری اصفهان", 1.0)])
    doc = QTextDocument()
    doc.setHtml(bar.text())
    text = doc.toPlainText()
    xs = x_positions(text, ["Near", "روابط", "(", "100", "%"], Qt.LayoutDirection.LeftToRight)
    assert xs == sorted(xs), text  # «(100%)», not «(%100)»

    tags = TagModel()
    tags.persian_digits = False
    tags.set_facets([("استقلال تهران", 3)])
    shown = tags.index(0).data()
    xs = x_positions(shown, ["استقلال", "(", "3"], Qt.LayoutDirection.LeftToRight)
    assert xs == sorted(xs), shown  # the tag, then its count at its right


def test_a_collections_name_keeps_its_count_in_place_in_english(qtbot, gui_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A Persian collection name in the English interface drew its count into its own direction
    («(3) پرونده آب» read from the left): the name is kept apart, in the list and in the messages."""
    from viewer.app.collection_cases import CollectionCases
    from viewer.collections.collections import Collections
    from viewer.collections.database import LibraryDatabase
    from viewer.core.bidi import isolated
    from viewer.gui.common.translations import set_language
    from viewer.gui.research.collections_panel import NAME_ROLE, CollectionsPanel

    set_language(gui_app, "en")
    with LibraryDatabase(tmp_path / "library.sqlite3") as db:
        store = Collections(db)
        store.create("پرونده آب")
        store.add("پرونده آب", ["a1", "a2", "a3"])
        panel = CollectionsPanel(lambda: CollectionCases(store, lambda _ids: [], lambda _id: None))
        qtbot.addWidget(panel)
        panel.reload()
        [label] = [panel.list.item(r).text() for r in range(panel.list.count()) if panel.list.item(r).data(NAME_ROLE)]
        xs = x_positions(label, ["پرونده", "(", "3"], Qt.LayoutDirection.LeftToRight)
        assert xs == sorted(xs), label  # the name, then its count at its right
        panel.name_box.setText("آرشیو Tehran 2024")
        panel.create_from_box()
        assert panel.message.text() == f"Collection created: {isolated('آرشیو Tehran 2024')}"


def _texts(widget: QWidget) -> list[str]:
    texts = [widget.toolTip(), widget.accessibleName(), widget.windowTitle()]
    if isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    if isinstance(widget, QMenu):
        texts.append(widget.title())
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QProgressBar) and widget.isTextVisible():
        texts.append(widget.text())
    return [t for t in texts if t]


def interface_texts(win: MainWindow) -> list[tuple[str, str]]:
    """(where, text) of every widget's, action's and menu's own words, the data's widgets left out."""
    found = []
    for widget in [win, *win.findChildren(QWidget)]:
        if widget.objectName() in CONTENT or any(p.objectName() in CONTENT for p in ancestors(widget)):
            continue
        found += [(f"{type(widget).__name__}#{widget.objectName()}", t) for t in _texts(widget)]
    for action in win.findChildren(QAction):  # every action, the menus' too
        if action.objectName() in ("languageFa", "languageEn"):  # a language's name in its own script
            continue
        found += [(f"QAction#{action.objectName()}", t) for t in (action.text(), action.toolTip()) if t]
    return found


def test_the_english_interface_has_no_persian_word_after_a_switch(qtbot, gui_app, indexed_sample, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """In Persian, a new file is indexed and the status bar says so in Persian; switched to English, every
    label, button, menu, action and message is English; only the data is Persian."""
    archive_dir, _indexed = indexed_sample
    archive = tmp_path / "archive"
    shutil.copytree(archive_dir, archive)
    window = started_window(qtbot, DataPaths.resolve(tmp_path / "fresh").ensure(), [str(archive)])
    (archive / "new.txt").write_text("خبر تازه\n\nمتن خبر تازه اینجاست.", "utf-8")
    with qtbot.waitSignal(window.archive_synced, timeout=WAIT_MS):  # the message shows for 8 s from here
        window.index_folders()
    assert ARABIC_SCRIPT.search(window.statusBar().currentMessage())
    window.set_language("en")
    qtbot.waitUntil(lambda: window.windowTitle().startswith("Bayegan"), timeout=WAIT_MS)  # LanguageChange is posted
    persian = [(where, text) for where, text in interface_texts(window) if ARABIC_SCRIPT.search(text)]
    assert not persian, persian
    assert window.statusBar().currentMessage().startswith("Indexed:")  # said again, in English


def test_buttons_keep_their_case_and_boxes_fit_their_longest_item(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.set_language("en")
    qtbot.waitUntil(lambda: window.search_bar.sort_box.itemText(1) == "Newest first", timeout=WAIT_MS)
    buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisible() and b.text()]
    assert buttons
    shouting = [b.text() for b in buttons if b.font().capitalization() != QFont.Capitalization.MixedCase]
    assert not shouting, shouting  # qt-material wrote CREATE, DELETE, EXPORT…
    boxes = [b for b in window.findChildren(QComboBox) if b.isVisible()]
    assert window.search_bar.sort_box in boxes
    with contextlib.suppress(TimeoutError):  # the boxes take their new size in a later turn of the loop
        qtbot.waitUntil(lambda: not _too_narrow(boxes), timeout=WAIT_MS // 10)
    assert not _too_narrow(boxes), _too_narrow(boxes)  # not «Newest fi», «Yellov»


def _too_narrow(boxes: list[QComboBox]) -> list[tuple[str, int, int]]:
    """(name, width, width needed by its longest item) of each box too narrow for one of its items."""
    narrow = []
    for box in boxes:
        option = QStyleOptionComboBox()
        box.initStyleOption(option)
        metrics = box.fontMetrics()
        icon = box.iconSize().width() + 4
        widest = max(metrics.horizontalAdvance(box.itemText(i)) + (0 if box.itemIcon(i).isNull() else icon)
                     for i in range(box.count()))
        needed = box.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option,
                                               QSize(widest, metrics.height()), box).width()
        if box.width() < needed:
            narrow.append((box.objectName(), box.width(), needed))
    return narrow


def _picker_rows(dialog: QWidget) -> dict[str, list[str]]:
    view = next(v for v in dialog.findChildren(QTreeView) if v.objectName() == "treeView")
    model, root = view.model(), view.rootIndex()
    return {model.index(r, 0, root).data(): [model.index(r, c, root).data() for c in range(model.columnCount())]
            for r in range(model.rowCount(root))}


def test_the_persian_interface_and_qts_own_dialogs_have_no_untranslated_english(qtbot, window, gui_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The window's words are Persian but for names (keys, formats); so are Qt's own dialogs (the folder
    picker said «Look in:», «Files of type:», «11:19 2026 12 7»), which speak English again in English."""
    english = [(where, text) for where, text in interface_texts(window) if set(LATIN_WORD.findall(text)) - NAMES]
    assert not english, english

    folder = tmp_path / "خبرها"
    folder.mkdir()
    stamp = datetime(2026, 12, 7, 11, 19).timestamp()
    os.utime(folder, (stamp, stamp))
    picker = folder_picker(window, "پوشه‌ها")
    qtbot.addWidget(picker)
    picker.setDirectory(str(tmp_path))
    picker.show()
    qtbot.waitUntil(lambda: "خبرها" in _picker_rows(picker), timeout=WAIT_MS)
    words = [t for w in picker.findChildren(QLabel) for t in [w.text()] if t]
    assert words and not [t for t in words if LATIN_WORD.search(t)], words  # «Look in:», «Files of type:»
    assert _picker_rows(picker)["خبرها"][2:] == ["پوشه", "۱۴۰۵/۹/۱۶ ۱۱:۱۹"]  # not «Folder», «11:19 2026 12 7»

    box = QMessageBox(QMessageBox.Icon.Question, "بایگان", "؟", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    qtbot.addWidget(buttons)
    said = [b.text() for b in (*box.findChildren(QAbstractButton), *buttons.buttons()) if b.text()]
    assert said and all(ARABIC_SCRIPT.search(t) for t in said), said

    from viewer.gui.common.translations import set_language

    set_language(gui_app, "en")  # Qt's Persian goes with ours
    picker_en = folder_picker(None, "Folders")
    qtbot.addWidget(picker_en)
    picker_en.setDirectory(str(tmp_path))
    picker_en.show()
    qtbot.waitUntil(lambda: "خبرها" in _picker_rows(picker_en), timeout=WAIT_MS)
    assert not [w.text() for w in picker_en.findChildren(QLabel) if ARABIC_SCRIPT.search(w.text())]
    assert _picker_rows(picker_en)["خبرها"][2] == "Folder" and not ARABIC_SCRIPT.search(_picker_rows(picker_en)["خبرها"][3])


def test_reasons_for_files_not_taken_in_come_in_the_interface_language(qtbot, gui_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from viewer.search.archive import Archive

    archive_dir = tmp_path / "archive"
    archive_dir.mkdir()
    (archive_dir / "README.md").write_text("# notes", "utf-8")
    (archive_dir / "LICENSE").write_text("free", "utf-8")
    (archive_dir / "broken.pdf").write_bytes(b"%PDF-1.4 garbage")
    (archive_dir / "news.txt").write_text("عنوان\n\nمتن خبر اینجاست.", "utf-8")
    archive = Archive(DataPaths.resolve(tmp_path / "data").ensure())
    report = archive.sync([archive_dir])
    archive.close()
    assert len(report.failed) == 1 and len(report.skipped) == 2
    assert all(p["reason"].startswith("Bayegan does not read") for p in report.skipped)  # the CLI's fields stay

    dialog = ImportProblemsDialog(report.failed, report.skipped)
    qtbot.addWidget(dialog)
    reasons = [reason for _path, reason in dialog.listed()]
    assert len(reasons) == 3 and all(ARABIC_SCRIPT.search(r) and not set(LATIN_WORD.findall(r)) - NAMES - {"md"}
                                     for r in reasons), reasons

    from viewer.gui.common.translations import set_language

    set_language(gui_app, "en")
    english = ImportProblemsDialog(report.failed, report.skipped)
    qtbot.addWidget(english)
    assert [reason for _path, reason in english.listed()] == [report.failed[0]["error"]] + [p["reason"] for p in report.skipped]


def _dialog_words(dialog: QWidget) -> list[str]:
    """The dialog's own words: its title, labels and buttons (not what the researcher typed)."""
    words = [dialog.windowTitle(), *(w.text() for w in dialog.findChildren(QLabel)),
             *(b.text() for b in dialog.findChildren(QAbstractButton))]
    return [w for w in words if w]


def test_the_lab_dialog_and_indicator_follow_the_interface_language(qtbot, gui_app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The Lab dialog kept the language it was opened in, its last message too, and so did the lab's
    indicator in the status bar: switched, every word of theirs is said again in the new language."""
    from viewer.app.settings import LAB, Settings
    from viewer.core.bidi import isolated, ltr_isolated
    from viewer.gui.common.translations import set_language
    from viewer.gui.lab.lab_control import LabControl

    url = "postgresql://lab_member@127.0.0.1:5432/lab"
    paths = DataPaths.resolve(tmp_path / "desk").ensure()
    settings = Settings(paths.settings_path)
    settings.set(LAB, {"url": url, "name": "Bahar"})
    settings.save()
    window = QMainWindow()
    qtbot.addWidget(window)
    control = LabControl(window, paths, Settings(paths.settings_path))
    control.open_dialog()
    dialog = control.dialog
    assert dialog is not None
    persian = [*_dialog_words(dialog), control.indicator.text()]
    assert all(ARABIC_SCRIPT.search(w) for w in persian), persian

    set_language(gui_app, "en")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "Research lab", timeout=WAIT_MS)  # LanguageChange is posted
    english = [*_dialog_words(dialog), control.indicator.text(), control.action.text()]
    assert not [w for w in english if ARABIC_SCRIPT.search(w)], english
    assert dialog.status.text() == f"This desktop is in the lab at {ltr_isolated(url)} as {isolated('Bahar')}."
    assert control.indicator.text() == "Lab: not synced yet"

    dialog.name.clear()
    dialog.join_button.click()  # refused on the worker: a message in English, then said again in Persian
    qtbot.waitUntil(lambda: dialog.status.text() == "Give your name in the lab with --name.", timeout=WAIT_MS)
    set_language(gui_app, "fa")
    qtbot.waitUntil(lambda: dialog.windowTitle() != "Research lab", timeout=WAIT_MS)
    assert dialog.status.text() == "نام خود را در آزمایشگاه با --name بدهید."
    words = [*_dialog_words(dialog), control.indicator.text(), control.action.text()]
    assert not [w for w in words if set(LATIN_WORD.findall(w)) - NAMES - {"name"}], words
    control.stop()
