"""The window's actions and menus, their keys and texts from the shortcut table (common/shortcuts.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from viewer.gui.common import shortcuts

translate = QCoreApplication.translate


class WindowActions:
    def __init__(self, window: QMainWindow):
        def action(name: str, checkable: bool = False) -> QAction:
            act = shortcuts.bind(QAction(window), name)
            act.setCheckable(checkable)
            window.addAction(act)  # shortcuts work even while the menu bar is hidden
            return act

        self.focus_search = action("focusSearch")
        self.add_folder = action("addFolder")
        self.manage_folders = action("manageFolders")
        self.rescan = action("rescan")
        self.export_pdf = action("exportPdf")
        self.quit = action("quit")
        self.next_hit = action("nextHit")
        self.previous_hit = action("previousHit")
        self.zoom_in = action("zoomIn")
        self.zoom_out = action("zoomOut")
        self.zoom_reset = action("zoomReset")
        self.next_result = action("nextResult")
        self.previous_result = action("previousResult")
        self.clear_tags = action("clearTags")
        self.theme_light = action("themeLight", checkable=True)
        self.theme_dark = action("themeDark", checkable=True)
        self.toggle_theme = action("toggleTheme")
        self.lang_fa = action("languageFa", checkable=True)
        self.lang_en = action("languageEn", checkable=True)
        self.shortcuts = action("shortcuts")
        self.query_help = action("queryHelp")
        self.about = action("about")
        self.with_keys = [self.focus_search, self.add_folder, self.rescan, self.export_pdf, self.quit, self.next_hit,
                          self.previous_hit, self.zoom_in, self.zoom_out, self.zoom_reset, self.next_result,
                          self.previous_result, self.clear_tags, self.toggle_theme, self.shortcuts]
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
        # Submenus by kind, so that at 600 pixels high the View menu stays one column.
        self.search_menu = QMenu(window)
        self.text_size_menu = QMenu(window)
        self.notes_menu = QMenu(window)  # filled, and put in the View menu, once the notes are open
        self.help_menu = QMenu(window)
        for menu in (self.file_menu, self.view_menu, self.help_menu):
            bar.addMenu(menu)
        self.file_menu.addActions([self.add_folder, self.manage_folders, self.rescan])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_pdf)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit)
        self.search_menu.addActions([self.focus_search, self.next_result, self.previous_result, self.next_hit,
                                     self.previous_hit])
        self.search_menu.addSeparator()
        self.search_menu.addAction(self.clear_tags)
        self.text_size_menu.addActions([self.zoom_in, self.zoom_out, self.zoom_reset])
        self.theme_menu.addActions([self.theme_light, self.theme_dark, self.toggle_theme])
        self.language_menu.addActions([self.lang_fa, self.lang_en])
        for submenu in (self.search_menu, self.text_size_menu, self.theme_menu, self.language_menu):
            self.view_menu.addMenu(submenu)
        self.help_menu.addActions([self.shortcuts, self.query_help, self.about])

    def retranslate(self) -> None:
        self.file_menu.setTitle(translate("WindowActions", "&File"))
        self.view_menu.setTitle(translate("WindowActions", "&View"))
        self.theme_menu.setTitle(translate("WindowActions", "Theme"))
        self.language_menu.setTitle(translate("WindowActions", "Language"))
        self.search_menu.setTitle(translate("WindowActions", "Search and results"))
        self.text_size_menu.setTitle(translate("WindowActions", "Text size"))
        self.notes_menu.setTitle(translate("WindowActions", "Highlights and notes"))
        self.help_menu.setTitle(translate("WindowActions", "&Help"))
        for action in self.with_keys:
            shortcuts.retranslate(action)
        self.manage_folders.setText(translate("WindowActions", "Archive folders…"))
        self.theme_light.setText(translate("WindowActions", "Light"))
        self.theme_dark.setText(translate("WindowActions", "Dark"))
        self.lang_fa.setText("فارسی")
        self.lang_en.setText("English")
        self.query_help.setText(translate("WindowActions", "Search syntax"))
        self.about.setText(translate("WindowActions", "About Bayegan"))
