"""A sync's progress counted in articles, not files: one JSONL file may hold thousands of articles,
and a bar that counts files sits near its end while they are written.

The total is honest rather than exact: the articles of files settled without reading (unchanged)
and of files read so far are known; the files not read yet are estimated from the articles per byte
seen so far (one article a file until something was read). `done` never goes back, it never passes
the total, and the last report has them equal.
"""

from __future__ import annotations

from viewer.core.steps import Progress

# About this many reports in a whole sync: enough for a smooth bar, few enough for the UI thread.
STEPS = 500


class ArticleProgress:
    def __init__(self, report: Progress, settled: int, unread_bytes: int, unread_files: int):
        """`settled`: articles of the files not to be read (unchanged); `unread_bytes`/`unread_files`:
        the files to be read."""
        self.report = report
        self.done = 0
        self.settled_ahead = settled
        self.unread_bytes, self.unread_files = unread_bytes, unread_files
        self.read_bytes = self.read_articles = 0
        self.current_left = 0  # articles of the file being written not yet counted
        self.path = ""
        self.last = -1

    def total(self) -> int:
        if not self.unread_files:
            guess = 0
        elif self.read_bytes and self.read_articles:
            guess = max(self.unread_files, round(self.unread_bytes * self.read_articles / self.read_bytes))
        else:
            guess = self.unread_files
        return self.done + self.current_left + self.settled_ahead + guess

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

    def read(self, size: int, articles: int) -> None:
        """The file is parsed: `articles` to write (the estimate of the rest learns from it)."""
        self.unread_bytes -= size
        self.unread_files -= 1
        self.read_bytes += size
        self.read_articles += articles
        self.current_left = articles
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
        self.settled_ahead = self.unread_files = self.current_left = 0
        self.path = ""
        self._emit(force=True)
