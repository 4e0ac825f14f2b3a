"""A sync's progress counted in articles, not files: one JSONL file may hold thousands of articles,
and a bar that counts files sits near its end while they are written. A scan read by OCR counts its
pages too (a page takes a second or two; a 40-page scan is no single step): its pages join the total
when its first page is about to be read, and count as done one by one.

The total never goes back and never guesses: it is the articles known so far — those of the files
settled without reading (unchanged) and of the files read so far — plus one for each file not read
yet (the least it can give; its real count replaces the one when it is read, and a file that gives
no article counts its one as done). It used to extrapolate the unread files from the articles per
byte seen so far, and jumped (63 → 2,374 → 791 on a real archive). `done` never goes back, it never
passes the total, and the last report has them equal.
"""

from __future__ import annotations

from viewer.core.steps import PageProgress, Progress

# About this many reports in a whole sync: enough for a smooth bar, few enough for the UI thread.
STEPS = 500


class ArticleProgress:
    def __init__(self, report: Progress, settled: int, unread_files: int, page_report: PageProgress | None = None):
        """`settled`: articles of the files not to be read (unchanged); `unread_files`: the files to be read;
        `page_report` hears of the pages read by OCR (None: `report` does, without the page)."""
        self.report = report
        self.page_report = page_report
        self.scans: dict[str, tuple[int, int]] = {}  # a scan being read -> (its pages read, its pages)
        self.done = 0
        self.settled_ahead = settled
        self.unread_files = unread_files
        self.current_left = 0  # articles of the file being written not yet counted
        self.path = ""
        self.last = -1

    def total(self) -> int:
        pages_left = sum(pages - read for read, pages in self.scans.values())
        return self.done + self.current_left + self.settled_ahead + self.unread_files + pages_left

    def _emit(self, force: bool = False) -> None:
        total = self.total()
        if force or self.done - self.last >= max(1, total // STEPS):
            self.last = self.done
            self.report(self.done, total, self.path)

    def settled(self, articles: int, path: str) -> None:
        """A file not read (unchanged since the last sync): its articles count as done."""
        self.settled_ahead -= articles
        self.done += articles
        self.path = path
        self._emit()

    def reading(self, path: str) -> None:
        """Waiting for the next file to be read and parsed."""
        self.path = path
        self._emit(force=True)

    def page(self, path: str, page: int, pages: int) -> None:
        """Page `page` of the scan `path` (of `pages`) is about to be read by OCR: those before it are
        read. Workers read ahead: the scan may be a file after the one being written."""
        read, known = self.scans.get(path, (0, 0))
        pages = max(pages, known, page)
        self.done += max(0, page - 1 - read)
        self.scans[path] = (max(read, page - 1), pages)
        self.last = self.done
        if self.page_report is None:
            self.report(self.done, self.total(), path)
        else:
            self.page_report(self.done, self.total(), path, page, pages)

    def read(self, articles: int) -> None:
        """The file is parsed: `articles` to write. Its one in the total gives way to them; a file
        with none counts its one as done (the total does not shrink). Its pages read by OCR are done."""
        read, pages = self.scans.pop(self.path, (0, 0))
        self.done += pages - read
        self.unread_files -= 1
        if articles:
            self.current_left = articles
        else:
            self.done += 1
        self._emit(force=True)

    def article(self) -> None:
        """One article of the current file written (or found unchanged, or a duplicate)."""
        if self.current_left:
            self.current_left -= 1
            self.done += 1
            self._emit()

    def file_done(self) -> None:
        self.done += self.current_left
        self.current_left = 0

    def finished(self) -> None:
        self.done += self.settled_ahead + self.unread_files + self.current_left
        self.done += sum(pages - read for read, pages in self.scans.values())
        self.settled_ahead = self.unread_files = self.current_left = 0
        self.scans.clear()
        self.path = ""
        self._emit(force=True)
