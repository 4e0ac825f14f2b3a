"""The archive as the window keeps it: its Library opened off the UI thread, its folders (add, manage,
adopt the ones `bayegan index` built the index from), indexing in the background, and what the status
bar says of it (the article count, the indexing corner, the import problems)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from viewer.app.settings import FOLDERS
from viewer.core.results import SyncReport
from viewer.gui.archive.folder_picker import pick_folders
from viewer.gui.archive.folders import adopt_indexed_folders, source_keys, unique_folders
from viewer.gui.archive.folders_dialog import FoldersDialog
from viewer.gui.archive.problems_button import ProblemsButton
from viewer.gui.archive.welcome import WelcomeNotice
from viewer.gui.common.crash_handler import user_message
from viewer.gui.common.digits import digits, number

if TYPE_CHECKING:
    from viewer.app.library import Library
    from viewer.core.article import Article
    from viewer.gui.archive.indexer import Indexer
    from viewer.gui.archive.indexing_status import IndexingStatus
    from viewer.gui.common.tasks import TaskRunner

log = logging.getLogger(__name__)


translate = QCoreApplication.translate  # in the context "MainWindow": the window's texts, as translated before


class ArchiveController(QObject):
    opened = Signal()  # the Library is open: searches may start (before indexing does)
    ready = Signal()  # opened, and indexing started when the window indexes at start
    synced = Signal(object)  # SyncReport, once the count and the status bar have taken it in
    closing = Signal()  # at shutdown: panels stop reading the Library

    def __init__(self, library: Library, status_bar: QStatusBar, background: TaskRunner, auto_index: bool = True,
                 parent: QWidget | None = None):
        """`library` is not open yet: its notes and settings are usable at once, its index once `opened`."""
        super().__init__(parent)
        self.library = library
        self.settings = library.settings
        self.is_open = False
        self.status_bar = status_bar
        self.background = background
        self.auto_index = auto_index
        self._index_after_first_search = False
        self._language_pending = True  # hazm's tables load after the first search, not beside it
        self._open_requested = False  # `open` was called: the window shows the archive once it is open
        self._opening: tuple[BaseException | None] | None = None  # how the opening ended (None: under way or not begun)
        self._opening_begun = False
        self._closed = False
        self.dialog_parent = parent
        self.indexer: Indexer | None = None
        self.indexing_status: IndexingStatus | None = None
        self.article_count_label = QLabel(parent)
        status_bar.addWidget(self.article_count_label, 1)
        self.problems_button = ProblemsButton(parent)
        # Shown while the archive is the bundled sample; the window places it (WindowLayout.add_band).
        self.welcome = WelcomeNotice(parent)
        self.welcome.add_folder_requested.connect(self.choose_folder)
        self.sample_leaving = False  # the folders just replaced the sample: the next report's removals are its articles
        self._said: tuple[str, Callable[[], str], int] | None = None  # the status message, how to say it again

    def opened_library(self) -> Library | None:
        """The Library once its index is open (None before, and after shutdown)."""
        return self.library if self.is_open else None

    def article(self, article_id: str) -> Article | None:
        library = self.opened_library()
        return library.article(article_id) if library is not None else None

    # -- opening and closing ------------------------------------------------------------------------
    def begin_opening(self) -> None:
        """Starts opening the index off the UI thread at once, while the window is still being built:
        the engine's imports, the index and its searchers (~1 s of a 200,000-article archive's opening)
        are under way before the window is shown. The window takes the archive when `open` is called."""
        if self._opening_begun:
            return
        self._opening_begun = True
        self.background.run(self.library.open, lambda _none: self._opening_ended(None), self._opening_ended)

    def open(self) -> None:
        """Shows the archive once its index is open (the window is already up and takes typing), then
        searches; the folders' changes are indexed, and hazm's tables loaded, after the first search."""
        self._open_requested = True
        self.begin_opening()
        self._take_opened()

    def _opening_ended(self, failure: BaseException | None) -> None:
        self._opening = (failure,)
        self._take_opened()

    def _take_opened(self) -> None:
        if not self._open_requested or self._opening is None or self._closed:
            return
        failure, = self._opening
        self._open_requested = False  # once
        if failure is None:
            # Opened while the window was built: a searcher of an index changed since is opened again
            # on its next use (one kept, at the cost of reading the index's table of contents, if not).
            self.library.refresh()
            self._opened()
        else:
            self._open_failed(failure)

    def _opened(self) -> None:
        from viewer.gui.archive.indexer import Indexer
        from viewer.gui.archive.indexing_status import IndexingStatus

        self.is_open = True
        self.indexer = Indexer(self.library, self)
        self.indexing_status = IndexingStatus(self.indexer, self.dialog_parent)
        self.status_bar.addPermanentWidget(self.indexing_status)
        self.status_bar.addPermanentWidget(self.problems_button)
        self.indexer.started.connect(self.problems_button.hide)
        self.indexer.finished.connect(self._indexing_finished)
        self.indexer.cancelled.connect(self._indexing_stopped)
        self.indexer.failed.connect(self._indexing_failed)
        self.update_article_count()
        self.opened.emit()
        if self.auto_index:
            adopt_indexed_folders(self.library)
            self.welcome.setVisible(self.shows_sample)
            if self.library.article_count:
                self._index_after_first_search = True
            else:
                self.index_folders()  # nothing to search yet: the list says the archive is being indexed
        self.ready.emit()

    def first_search_done(self) -> None:
        """The first search after opening is shown (or failed; the window tells it): the folders'
        changes are picked up now. Run beside it, the sync's reading of the manifest and its progress
        took the interpreter from the search for seconds on a large archive, before its first rows."""
        if self._language_pending:
            self._language_pending = False
            # The first typed word's lemmas (~0.3 s of the interpreter): loaded beside the search, they
            # held the first rows back; the first search of a word loads them itself.
            self.background.run(self.library.prepare_language)
        if self._index_after_first_search:
            self._index_after_first_search = False
            self.index_folders()

    def _open_failed(self, exc: BaseException) -> None:
        log.error("archive not opened", exc_info=exc)
        self.say(lambda: user_message(exc))

    def stop_indexing(self) -> None:
        """At shutdown: cancels indexing and waits for it (quick: the sync checks the cancel between articles)."""
        if self.indexer is not None:
            self.indexer.close()
            self.indexer.wait()

    def close(self) -> None:
        """Closes the Library (its notes too) once background work is done; the panels hear `closing` first."""
        self.background.wait()
        self._closed = True
        self.is_open = False
        self.closing.emit()
        self.library.close()

    @property
    def shows_sample(self) -> bool:
        """The archive is the bundled sample: no folder of the researcher's yet."""
        return not self.settings.folders

    # -- folders ----------------------------------------------------------------------------------------
    def index_folders(self, forget: list[Path] | None = None) -> None:
        """Picks up new, changed and deleted files (incremental); `forget` folders leave the index."""
        if not self.is_open or self.indexer is None:
            return
        self.indexer.sync(self.settings.folders, forget=forget or [])

    def set_folders(self, folders: list[str]) -> None:
        unique = unique_folders(folders)
        if unique == self.settings.folders:
            return
        kept = set(source_keys(unique))
        removed = [Path(key) for key in source_keys(self.settings.folders) if key not in kept]
        self.sample_leaving = self.shows_sample and bool(unique)
        self.settings.set(FOLDERS, unique)
        self.settings.save()
        if unique:
            self.welcome.hide()
        self.index_folders(forget=removed)

    def choose_folder(self) -> None:
        folders = pick_folders(self.dialog_parent, translate("MainWindow", "Choose folders of articles (several with Ctrl)"))
        if folders:
            self.set_folders([*self.settings.folders, *folders])

    def manage_folders(self) -> None:
        dialog = FoldersDialog(self.settings.folders, self.dialog_parent)
        if dialog.exec():
            self.set_folders(dialog.folders())

    # -- indexing, as the status bar tells it -------------------------------------------------------------
    def _indexing_finished(self, report: SyncReport) -> None:
        self.update_article_count()
        summary = self.indexing_summary(report)
        self.sample_leaving = False
        self.problems_button.show_report(report)
        too_late = self.indexer is not None and self.indexer.cancel_requested

        def message() -> str:
            said = summary()
            if too_late:
                said = translate("MainWindow", "Too late to cancel: indexing had finished.") + " " + said
            return digits(said)

        if report.added or report.updated or report.removed:
            self.say(message, 8000)
        self.synced.emit(report)

    def indexing_summary(self, report: SyncReport) -> Callable[[], str]:
        """What the run changed, in words (said again in the language of the moment): articles added,
        updated, and removed — which are the articles no file of the folders gives any more, or the
        sample's when the researcher's first folder replaced it."""
        sample, sample_leaving = self.shows_sample, self.sample_leaving
        return lambda: self._summary(report, sample, sample_leaving)

    @staticmethod
    def _summary(report: SyncReport, sample: bool, sample_leaving: bool) -> str:
        parts = []
        if report.added:
            parts.append((translate("MainWindow", "{count} sample articles added") if sample else
                          translate("MainWindow", "{count} articles added")).format(count=number(report.added)))
        if report.updated:
            parts.append(translate("MainWindow", "{count} articles updated (their files changed)").format(
                count=number(report.updated)))
        if report.removed and sample_leaving:
            parts.append(translate("MainWindow", "{count} sample articles removed from the index: your folders "
                                                 "replace the bundled sample").format(count=number(report.removed)))
        elif report.removed:
            parts.append(translate("MainWindow", "{count} articles removed from the index (their files are no longer "
                                                 "in the folders)").format(count=number(report.removed)))
        if not parts:
            return translate("MainWindow", "Indexed: nothing changed")
        return translate("MainWindow", "Indexed: {changes}").format(changes=translate("MainWindow", "; ").join(parts))

    def _indexing_stopped(self) -> None:
        """Says what is on disk: nothing of the cancelled run was saved (the index is as it was
        before it, which for a new archive is empty)."""
        self.sample_leaving = False
        self.update_article_count()
        count = self.library.article_count if self.is_open else 0

        def message() -> str:
            if count:
                return translate("MainWindow", "Indexing cancelled: nothing of this run was saved; the archive "
                                 "still holds {count} articles.").format(count=number(count))
            return translate("MainWindow", "Indexing cancelled: the archive is empty. Re-scan (F5) to index the folders.")

        self.say(message)

    def _indexing_failed(self, exc: BaseException) -> None:
        self.say(lambda: user_message(exc), 10000)

    def say(self, message: Callable[[], str], timeout: int = 0) -> None:
        """Shows `message()` in the status bar (for `timeout` ms; 0: until replaced), said again in the new
        language if the language changes while it shows."""
        text = message()
        self._said = (text, message, timeout)
        self.status_bar.showMessage(text, timeout)

    def retranslate_status(self) -> None:
        """After a language switch: the archive's message still showing is said in the new language; any
        other part's message, written in the old language, is cleared rather than left over."""
        shown = self.status_bar.currentMessage()
        if self._said is not None and shown == self._said[0]:
            self.say(self._said[1], self._said[2])
        elif shown:
            self.status_bar.clearMessage()

    def update_article_count(self) -> None:
        """The status bar's "N articles in the archive" (also when the language changes)."""
        if not self.is_open:
            return
        count = number(self.library.article_count)
        self.article_count_label.setText(translate("MainWindow", "{count} articles in the archive").format(count=count))
