"""The window's actions (menus and shortcuts), made in one place so Help can list them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

translate = QCoreApplication.translate


class WindowActions:
    def __init__(self, window: QMainWindow):
        def action(name: str, *keys: str | QKeySequence.StandardKey, checkable: bool = False) -> QAction:
            act = QAction(window)
            act.setObjectName(name)
            act.setCheckable(checkable)
            if keys:
                act.setShortcuts([QKeySequence(k) for k in keys])
            window.addAction(act)  # shortcuts work even while the menu bar is hidden
            return act

        self.focus_search = action("focusSearch", "Ctrl+F")
        self.add_folder = action("addFolder", "Ctrl+O")
        self.manage_folders = action("manageFolders")
        self.rescan = action("rescan", "F5")
        self.export_pdf = action("exportPdf", "Ctrl+E")
        self.quit = action("quit", "Ctrl+Q")
        self.next_hit = action("nextHit", "F3")
        self.previous_hit = action("previousHit", "Shift+F3")
        self.zoom_in = action("zoomIn", "Ctrl+=", "Ctrl++")
        self.zoom_out = action("zoomOut", "Ctrl+-")
        self.zoom_reset = action("zoomReset", "Ctrl+0")
        self.next_result = action("nextResult", "Ctrl+Down")
        self.previous_result = action("previousResult", "Ctrl+Up")
        self.clear_tags = action("clearTags", "Ctrl+Shift+T")
        self.theme_light = action("themeLight", checkable=True)
        self.theme_dark = action("themeDark", checkable=True)
        self.toggle_theme = action("toggleTheme", "Ctrl+Shift+D")
        self.lang_fa = action("languageFa", checkable=True)
        self.lang_en = action("languageEn", checkable=True)
        self.shortcuts = action("shortcuts", "F1")
        self.query_help = action("queryHelp")
        self.about = action("about")
        themes = QActionGroup(window)
        themes.addAction(self.theme_light)
        themes.addAction(self.theme_dark)
        languages = QActionGroup(window)
        languages.addAction(self.lang_fa)
        languages.addAction(self.lang_en)

        bar = window.menuBar()
        self.file_menu = QMenu(window)
        self.view_menu = QMenu(window)
        self.theme_menu = QMenu(window)
        self.language_menu = QMenu(window)
        self.help_menu = QMenu(window)
        for menu in (self.file_menu, self.view_menu, self.help_menu):
            bar.addMenu(menu)
        self.file_menu.addActions([self.add_folder, self.manage_folders, self.rescan])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_pdf)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)
        self.view_menu.addActions([self.focus_search, self.next_result, self.previous_result, self.next_hit,
                                   self.previous_hit, self.clear_tags])
        self.view_menu.addSeparator()
        self.view_menu.addActions([self.zoom_in, self.zoom_out, self.zoom_reset])
        self.view_menu.addSeparator()
        self.theme_menu.addActions([self.theme_light, self.theme_dark, self.toggle_theme])
        self.language_menu.addActions([self.lang_fa, self.lang_en])
        self.view_menu.addMenu(self.theme_menu)
        self.view_menu.addMenu(self.language_menu)
        self.help_menu.addActions([self.shortcuts, self.query_help, self.about])

    def retranslate(self, window: QMainWindow) -> None:
        self.file_menu.setTitle(translate("WindowActions", "&File"))
        self.view_menu.setTitle(translate("WindowActions", "&View"))
        self.theme_menu.setTitle(translate("WindowActions", "Theme"))
        self.language_menu.setTitle(translate("WindowActions", "Language"))
        self.help_menu.setTitle(translate("WindowActions", "&Help"))
        self.focus_search.setText(translate("WindowActions", "Search"))
        self.add_folder.setText(translate("WindowActions", "Add archive folder…"))
        self.manage_folders.setText(translate("WindowActions", "Archive folders…"))
        self.rescan.setText(translate("WindowActions", "Re-scan folders"))
        self.export_pdf.setText(translate("WindowActions", "Export PDF…"))
        self.quit.setText(translate("WindowActions", "Quit"))
        self.next_hit.setText(translate("WindowActions", "Next hit"))
        self.previous_hit.setText(translate("WindowActions", "Previous hit"))
        self.zoom_in.setText(translate("WindowActions", "Larger text"))
        self.zoom_out.setText(translate("WindowActions", "Smaller text"))
        self.zoom_reset.setText(translate("WindowActions", "Normal text size"))
        self.next_result.setText(translate("WindowActions", "Next result"))
        self.previous_result.setText(translate("WindowActions", "Previous result"))
        self.clear_tags.setText(translate("WindowActions", "Clear tag filters"))
        self.theme_light.setText(translate("WindowActions", "Light"))
        self.theme_dark.setText(translate("WindowActions", "Dark"))
        self.toggle_theme.setText(translate("WindowActions", "Switch light/dark"))
        self.lang_fa.setText("فارسی")
        self.lang_en.setText("English")
        self.shortcuts.setText(translate("WindowActions", "Keyboard shortcuts"))
        self.query_help.setText(translate("WindowActions", "Search syntax"))
        self.about.setText(translate("WindowActions", "About Bayegan"))

    def with_shortcuts(self) -> list[QAction]:
        return [a for a in vars(self).values() if isinstance(a, QAction) and a.shortcuts()]
