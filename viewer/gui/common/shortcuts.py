"""Every keyboard shortcut of the window, defined once (as qutebrowser's bindings table): the actions
take their keys, and their text, from here, and Help → Keyboard shortcuts (F1) lists this table.

An entry with a `name` is the QAction of that object name; one without is a key handled by a widget
(Escape in the search box, Tab between the parts), listed in F1 with `shown` as its keys. Texts are
translated in their `context`, the one the action's own class has always used."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

KeySpec = str | QKeySequence.StandardKey


@dataclass(frozen=True)
class Shortcut:
    name: str  # the action's objectName; "" for keys a widget handles itself
    keys: tuple[KeySpec, ...]
    context: str  # the translation context of `text`
    text: str  # what the keys do, untranslated
    shown: str = ""  # the keys as F1 writes them, when not the keys themselves
    in_help: bool = True  # False: F1 tells of it in another entry

    def sequences(self) -> list[QKeySequence]:
        return [QKeySequence(key) for key in self.keys]

    def label(self) -> str:
        return QCoreApplication.translate(self.context, self.text)

    def keys_text(self) -> str:
        return self.shown or ", ".join(sequence.toString() for sequence in self.sequences())


def _entry(name: str, keys: tuple[KeySpec, ...], context: str, text: object, shown: str = "",
           in_help: bool = True) -> Shortcut:
    # `text` comes marked by QT_TRANSLATE_NOOP (for lupdate), which PySide6 types as object.
    return Shortcut(name, keys, context, str(text), shown, in_help)


def _window(name: str, keys: tuple[KeySpec, ...], text: object) -> Shortcut:
    return _entry(name, keys, "WindowActions", text)


SHORTCUTS: tuple[Shortcut, ...] = (
    _window("focusSearch", ("Ctrl+F",), QT_TRANSLATE_NOOP("WindowActions", "Search")),
    _window("addFolder", ("Ctrl+O",), QT_TRANSLATE_NOOP("WindowActions", "Add archive folder…")),
    _window("rescan", ("F5",), QT_TRANSLATE_NOOP("WindowActions", "Re-scan folders")),
    _window("exportPdf", ("Ctrl+E",), QT_TRANSLATE_NOOP("WindowActions", "Export PDF…")),
    _window("quit", ("Ctrl+Q",), QT_TRANSLATE_NOOP("WindowActions", "Quit")),
    _window("nextHit", ("F3",), QT_TRANSLATE_NOOP("WindowActions", "Next hit")),
    _window("previousHit", ("Shift+F3",), QT_TRANSLATE_NOOP("WindowActions", "Previous hit")),
    _window("zoomIn", ("Ctrl+=", "Ctrl++"), QT_TRANSLATE_NOOP("WindowActions", "Larger text")),
    _window("zoomOut", ("Ctrl+-",), QT_TRANSLATE_NOOP("WindowActions", "Smaller text")),
    _window("zoomReset", ("Ctrl+0",), QT_TRANSLATE_NOOP("WindowActions", "Normal text size")),
    _window("nextResult", ("Ctrl+Down",), QT_TRANSLATE_NOOP("WindowActions", "Next result")),
    _window("previousResult", ("Ctrl+Up",), QT_TRANSLATE_NOOP("WindowActions", "Previous result")),
    _window("clearTags", ("Ctrl+Shift+T",), QT_TRANSLATE_NOOP("WindowActions", "Clear tag filters")),
    _window("toggleTheme", ("Ctrl+Shift+D",), QT_TRANSLATE_NOOP("WindowActions", "Switch light/dark")),
    _window("shortcuts", ("F1",), QT_TRANSLATE_NOOP("WindowActions", "Keyboard shortcuts")),
    _entry("readingMode", ("F11",), "WindowLayout", QT_TRANSLATE_NOOP("WindowLayout", "Reading mode")),
    _entry("showTags", ("Alt+1",), "WindowLayout", QT_TRANSLATE_NOOP("WindowLayout", "Tags panel")),
    _entry("showResults", ("Alt+2",), "WindowLayout", QT_TRANSLATE_NOOP("WindowLayout", "Results list")),
    _entry("showNotes", ("Alt+3",), "WindowLayout", QT_TRANSLATE_NOOP("WindowLayout", "Notes panel")),
    _entry("showResearch", ("Alt+4",), "WindowLayout", QT_TRANSLATE_NOOP("WindowLayout", "Research panel")),
    _entry("showDuplicates", ("Ctrl+Shift+U",), "StoriesMenu", QT_TRANSLATE_NOOP("StoriesMenu", "Duplicates…")),
    _entry("highlightSelection", ("Ctrl+Shift+H",), "NotesPanel",
             QT_TRANSLATE_NOOP("NotesPanel", "Highlight the selection")),
    _entry("noteOnSelection", ("Ctrl+Shift+N",), "NotesPanel",
             QT_TRANSLATE_NOOP("NotesPanel", "Note on the selection…")),
    _entry("selectionToolbar", ("Ctrl+Shift+M",), "ArticleView",
           QT_TRANSLATE_NOOP("ArticleView", "Selection toolbar: colours, note, copy")),
    _entry("showDiscourse", ("Ctrl+Shift+K",), "DiscourseMenu",
           QT_TRANSLATE_NOOP("DiscourseMenu", "Concordance and trends…")),
    _entry("copyCitation", ("Ctrl+Shift+C",), "ReferenceActions",
             QT_TRANSLATE_NOOP("ReferenceActions", "Copy citation")),
    _entry("exportList", ("Ctrl+Shift+E",), "ReferenceActions",
             QT_TRANSLATE_NOOP("ReferenceActions", "Export list (CSV, CSL-JSON, RIS, BibTeX)…")),
    _entry("addToCollection", ("Ctrl+Shift+A",), "ReferenceActions",
             QT_TRANSLATE_NOOP("ReferenceActions", "Add to collection…")),
    # Keys that are no action of the window: handled by the widget that has the focus.
    _entry("", (), "HelpDialogs", QT_TRANSLATE_NOOP("HelpDialogs", "Clear the search box"), shown="Esc"),
    _entry("", (), "HelpDialogs", QT_TRANSLATE_NOOP("HelpDialogs", "Search now"), shown="Enter"),
    _entry("", (), "HelpDialogs",
             QT_TRANSLATE_NOOP("HelpDialogs", "Move between the search box, tags, results, article and notes"),
             shown="Tab, Shift+Tab"),
    _entry("", (), "HelpDialogs", QT_TRANSLATE_NOOP("HelpDialogs", "Select text in the article (after Tab into it)"),
             shown="Shift+←/→, Shift+↑/↓"),
    _entry("", (), "HelpDialogs", QT_TRANSLATE_NOOP("HelpDialogs", "Highlight or note the selection (context menu)"),
             shown="Menu, Shift+F10"),
    _entry("notesUndo", (QKeySequence.StandardKey.Undo,), "HelpDialogs",
             QT_TRANSLATE_NOOP("HelpDialogs", "Undo, redo in the notes panel"), shown="Ctrl+Z, Ctrl+Shift+Z"),
    _entry("notesRedo", (QKeySequence.StandardKey.Redo,), "HelpDialogs",
             QT_TRANSLATE_NOOP("HelpDialogs", "Undo, redo in the notes panel"), in_help=False),
    _entry("saveNote", ("Ctrl+Return", "Ctrl+Enter"), "HelpDialogs",
             QT_TRANSLATE_NOOP("HelpDialogs", "Save a note (in the note dialog)"), shown="Ctrl+Enter"),
)
_BY_NAME = {shortcut.name: shortcut for shortcut in SHORTCUTS if shortcut.name}


def shortcut(name: str) -> Shortcut:
    return _BY_NAME[name]


def keys_of(name: str) -> list[QKeySequence]:
    """The keys of the action `name` (none for an action without a shortcut)."""
    found = _BY_NAME.get(name)
    return found.sequences() if found is not None else []


def bind(action: QAction, name: str) -> QAction:
    """Names `action` and gives it its keys from the table."""
    action.setObjectName(name)
    action.setShortcuts(keys_of(name))
    return action


def owned_action(owner: QWidget, name: str, triggered: Callable[[], object]) -> QAction:
    """The table's action `name`, held by `owner` so that its keys work wherever the focus is in it (also
    while the menu bar is hidden); `triggered` runs when it is."""
    action = bind(QAction(owner), name)
    action.triggered.connect(triggered)
    owner.addAction(action)
    return action


def retranslate(action: QAction) -> None:
    """The action's text from the table (its object name says which entry)."""
    action.setText(shortcut(action.objectName()).label())


def tooltip(name: str) -> str:
    """«Next hit (F3)»: what the action does and its first key, for a button doing the same."""
    entry = shortcut(name)
    return f"{entry.label()} ({entry.sequences()[0].toString()})"


def help_rows() -> list[tuple[str, str]]:
    """(keys, what they do) of every shortcut, in the table's order, for F1."""
    return [(entry.keys_text(), entry.label()) for entry in SHORTCUTS if entry.in_help]
