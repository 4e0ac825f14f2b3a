"""The `Library`: one researcher's archive, notes and settings, and every use case the window and
the command line share (the way Anki's Collection fronts its backend).

Threads: `search`, `ranked_ids` and `matching_articles` use one index searcher, the reading calls
(`article`, `articles`, `tag_counts`, ...) another, so a window may search on a worker while its UI
thread reads. `sync` may run on a third thread; afterwards each searcher is reopened on its next use.
The notes store belongs to the thread that first uses `notes`. `export_pdf` opens its own searcher
and notes connection, for a worker thread of its own."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.app import note_exchange, notes_backups
from viewer.app.duplicates import DuplicateGroup, duplicate_groups
from viewer.app.scope import EVERYWHERE, Scope, restriction_of
from viewer.app.searcher_slot import SearcherSlot
from viewer.app.settings import AUTHOR, Settings
from viewer.core.annotation import Annotation
from viewer.core.article import Article
from viewer.core.closing import Closable
from viewer.core.errors import BayeganError
from viewer.core.login_name import login_name
from viewer.core.paths import DataPaths
from viewer.core.results import MatchSummary, SearchResult, SimilarArticle, SyncReport
from viewer.core.steps import Cancel, PageProgress, Progress, never, silent

if TYPE_CHECKING:
    from viewer.app.collection_cases import CollectionCases
    from viewer.app.notes_backups import RestoredNotes
    from viewer.app.saved_search_cases import SavedSearchCases
    from viewer.app.types import (
        BackupInfo,
        ExportReport,
        MergeReport,
        NotesStore,
        ReanchorReport,
        Thread,
    )
    from viewer.collections.database import LibraryDatabase
    from viewer.search.archive import Archive
    from viewer.search.query.restriction import Restriction
    from viewer.search.results.searcher import ArchiveSearcher


ALL_ARTICLES = "*"  # the query that lists every article (the window's empty search box)
LIST_FORMATS = ("csv", "csl-json", "ris", "bibtex")  # export_list's formats (viewer.export.reference_list)


def load_engine(language: bool = False) -> None:
    """Imports the search engine (Whoosh, numpy, the analyzer and the searcher: ~0.5–0.9 s) ahead of
    the first `Library.open`, and with `language` hazm's lemma tables (~0.3 s), which the first search
    of a word needs: a window calls it on a thread of its own while Qt builds the window."""
    import viewer.search.archive
    import viewer.search.results.match_summary  # noqa: F401 - the first count's module

    if language:
        from viewer.analysis.lemma import preload

        preload()


def no_such_articles(ids: Sequence[str]) -> BayeganError:
    return BayeganError(f"No article with id {', '.join(ids)}.", f"خبری با شناسهٔ {'، '.join(ids)} نیست.")


class Library(Closable):
    """Open on the data paths (created if missing); close it, or use it as a context manager.
    The index opens on first use (or `open()`), so a window can make its Library on the UI thread
    and load Whoosh on a worker; `settings` is the window's own object when it already has one."""

    def __init__(self, paths: DataPaths, settings: Settings | None = None):
        self.paths = paths.ensure()
        self.settings = settings if settings is not None else Settings(paths.settings_path)
        self._opened: Archive | None = None
        self._opening = threading.Lock()
        self._reading = SearcherSlot(self.open_searcher)
        self._searching = SearcherSlot(self.open_searcher)
        self._notes: NotesStore | None = None
        self._library_db: LibraryDatabase | None = None
        # Tag counts count a story and its near duplicates once: the window sets it from its settings
        # (settings.COUNT_STORIES_ONCE); the command line's counts stay per article.
        self.count_stories_once = False

    @property
    def _archive(self) -> Archive:
        with self._opening:
            if self._opened is None:
                from viewer.search.archive import Archive

                self._opened = Archive(self.paths)
            return self._opened

    def open_searcher(self) -> ArchiveSearcher:
        """A searcher of the archive as it is now, for a use case that keeps its own (close it)."""
        searcher = self._archive.searcher()
        searcher.count_stories = lambda: self.count_stories_once
        return searcher

    def open(self) -> None:
        """Opens the index and its two searchers now (its errors here rather than on first use); from
        any thread, so that a window's first search and first article need not open them on theirs.
        An older Bayegan's archive has its manifest read here once, for what the window shows of it."""
        self._archive.copied_files()
        self._searching.get()
        self._reading.get()

    def prepare_language(self) -> None:
        """Loads hazm's lemmatizer, which the first search would otherwise wait for."""
        from viewer.analysis.lemma import preload

        preload()

    def close(self) -> None:
        self._reading.close()
        self._searching.close()
        if self._notes is not None:
            self._notes.close()
            self._notes = None
        if self._library_db is not None:
            self._library_db.close()
            self._library_db = None
        with self._opening:
            if self._opened is not None:
                self._opened.close()
                self._opened = None


    # -- the archive ---------------------------------------------------------------------------------
    @property
    def roots(self) -> list[Path]:
        """Every folder or file the index was built from (by the window or by `bayegan index`)."""
        return self._archive.roots

    @property
    def article_count(self) -> int:
        return self._reading.get().doc_count

    def article(self, article_id: str) -> Article | None:
        return self._reading.get().article(article_id)

    def articles(self) -> list[Article]:
        """Every article, in index order."""
        return list(self._reading.get().articles())

    def require_articles(self, article_ids: Sequence[str]) -> list[Article]:
        """The articles with these ids, in that order; an error naming every id that is not in the archive."""
        searcher = self._reading.get()
        found = [searcher.article(i) for i in article_ids]
        missing = [i for i, article in zip(article_ids, found, strict=True) if article is None]
        if missing:
            raise no_such_articles(missing)
        return [article for article in found if article is not None]

    def sources(self, article_id: str | None = None) -> dict[str, list[str]]:
        """Every file holding each article (exact copies of one text are one article), the file it was
        indexed from first; only that article's entry when `article_id` is given (without reading the
        whole manifest: the window asks for each article it shows)."""
        if article_id is None:
            return self._archive.sources()
        held = self._archive.copied_files().get(article_id)
        if held:
            return {article_id: held}
        article = self.article(article_id)
        return {article_id: [article.source]} if article is not None and article.source else {}

    def copied_files(self) -> dict[str, list[str]]:
        """`sources` of the articles held in several files only (any other's one file is its `source`)."""
        return self._archive.copied_files()

    def similar(self, article_id: str) -> list[SimilarArticle]:
        """The article's near duplicates (republished variants: id, title, score 0..1), best first."""
        return self._reading.get().similar(article_id)

    def duplicate_groups(self) -> list[DuplicateGroup]:
        """Stories told by several articles, then articles saved in several files (its own searcher: any thread)."""
        return duplicate_groups(self._archive)

    def tag_counts(self) -> list[tuple[str, int]]:
        """Every tag with its number of articles (stories, with `count_stories_once`), most used first."""
        return self._reading.get().tag_counts()

    def search(self, query: str, tags: Sequence[str] = (), *, limit: int = 10, sort: str = "relevance",
               with_ids: bool = False, scope: Scope = EVERYWHERE, timeline: bool = False,
               cancel: Cancel | None = None) -> SearchResult:
        """Ranked hits with snippets, the total, tag facets, a "did you mean" and the `pattern` to mark in
        an article; `with_ids` adds the ids of every match, `timeline` the matches by Jalali month.
        The query may hold `از:`/`تا:` (`from:`/`to:`) dates; `scope` limits it further. QueryError
        when the query or a date cannot be read; CancelledError as soon as `cancel()` says yes (a newer
        keystroke), checked between the search's steps."""
        return self._searching.get().search(query, list(tags), limit, sort, with_ids=with_ids,
                                            restriction=self.restriction(scope), timeline=timeline,
                                            cancel=cancel or never)

    def first_page(self, query: str, tags: Sequence[str] = (), *, limit: int = 10, sort: str = "relevance",
                   scope: Scope = EVERYWHERE, cancel: Cancel | None = None, snippets: int | None = None) -> SearchResult:
        """`search`'s first `limit` hits with snippets and the pattern to mark, as soon as they are ranked: a count
        that costs a second pass is left out (`total_exact` False, no facets), for `summarize`, and so are the hits'
        copies (`summarize` with their `hit_ids`). With `snippets`, only the first that many hits have their snippet
        (the rest: `snippets_of`)."""
        return self._searching.get().search(query, list(tags), limit, sort, restriction=self.restriction(scope),
                                            cancel=cancel or never, count=False, snippets=snippets)

    def snippets_of(self, query: str, ids: Sequence[str], cancel: Cancel | None = None) -> dict[str, str]:
        """The snippets `first_page` left out (with `snippets`) of the articles `ids`, by id."""
        return self._searching.get().snippets_of(query, ids, cancel or never)

    def summarize(self, query: str, tags: Sequence[str] = (), *, scope: Scope = EVERYWHERE,
                  hit_ids: Sequence[str] = (), with_ids: bool = False, timeline: bool = False,
                  suggest: bool = True, cancel: Cancel | None = None) -> MatchSummary:
        """What `search` counts over every match, without ranking or snippets: the exact total, tag
        facets, the near duplicates of `hit_ids` that match, "did you mean" (with `suggest`); `with_ids` every matching
        id, `timeline` the matches by Jalali month. CancelledError as soon as `cancel()` says yes."""
        from viewer.search.results.match_summary import summarize

        return summarize(self._searching.get(), query, tags, restriction=self.restriction(scope), hit_ids=hit_ids,
                         with_ids=with_ids, timeline=timeline, suggest=suggest, cancel=cancel or never)

    def ranked_ids(self, query: str, tags: Sequence[str] = (), *, sort: str = "relevance", limit: int = 10,
                   scope: Scope = EVERYWHERE) -> list[str]:
        """The ids of `search`'s first `limit` hits in its order (a results list's later pages)."""
        return self._searching.get().ranked_ids(query, list(tags), sort=sort, limit=limit,
                                                restriction=self.restriction(scope))

    def restriction(self, scope: Scope) -> Restriction:
        """What `scope` limits a search to, resolved for the engine."""
        from viewer.search.query.restriction import NO_RESTRICTION

        if not scope:
            return NO_RESTRICTION
        return restriction_of(scope, self.collections.ids, self.noted_ids)

    def matching_articles(self, query: str | None, tags: Sequence[str] = (), *, scope: Scope = EVERYWHERE,
                          sort: str = "relevance") -> list[Article]:
        """Every article the search finds, in result order; without a query, every article with all `tags`."""
        searcher = self._searching.get()
        if query is None and not scope:
            from viewer.analysis.normalize import normalize_tag

            wanted = {normalize_tag(t) for t in tags}
            return [a for a in searcher.articles() if wanted <= {normalize_tag(t) for t in a.tags}]
        restriction = self.restriction(scope)
        text = ALL_ARTICLES if query is None else query
        first = searcher.search(text, list(tags), limit=1, restriction=restriction)
        result = searcher.search(text, list(tags), limit=max(1, first.total), sort=sort, restriction=restriction)
        return [a for a in (searcher.article(h.id) for h in result.hits) if a is not None]

    # -- collections and saved searches (library.sqlite3, beside the notes) ---------------------------
    def _database(self) -> LibraryDatabase:
        if self._library_db is None:
            from viewer.collections.database import LibraryDatabase

            self._library_db = LibraryDatabase(self.paths.library_path)
        return self._library_db

    @property
    def collections(self) -> CollectionCases:
        """create, add, remove, delete, all, ids, entries, articles; usable from any thread."""
        from viewer.app.collection_cases import CollectionCases
        from viewer.collections.collections import Collections

        return CollectionCases(Collections(self._database()), self.require_articles, self.article)

    @property
    def saved_searches(self) -> SavedSearchCases:
        """add, all (total and new of each), open (new back to 0), get, delete."""
        from viewer.app.saved_search_cases import SavedSearchCases
        from viewer.collections.saved_searches import SavedSearches

        return SavedSearchCases(SavedSearches(self._database()), lambda query, tags, limit, with_ids: self.search(
            query, tags, limit=limit, with_ids=with_ids, timeline=True))

    def sync(self, sources: Iterable[Path], *, progress: Progress | None = None, cancel: Cancel | None = None,
             forget: Sequence[Path] = (), page_progress: PageProgress | None = None) -> SyncReport:
        """Takes the `forget` folders out, then reads new and changed files of `sources` (incremental),
        and moves notes to where their text now is. CancelledError when `cancel()` turns true. A scan's
        pages read by OCR count in the progress: `page_progress` hears of them (None: `progress` does)."""
        try:
            forgotten = self._archive.forget(forget) if forget else None
            report = self._archive.sync(sources, progress=progress or silent, cancel=cancel or never,
                                        page_progress=page_progress)
            if forgotten is not None:
                report.removed += forgotten.removed
                report.renamed = forgotten.renamed | report.renamed
                report.changed_ids = forgotten.changed_ids + report.changed_ids
            if report.renamed:
                self._move_notes(report.renamed)
            if report.changed_ids or report.removed:
                self.reanchor_notes(report.changed_ids)
            return report
        finally:
            self.refresh()

    def _move_notes(self, renamed: dict[str, str]) -> None:
        """Notes of an article whose id changed (the copy that gave it went) go with it."""
        if not self.paths.notes_path.exists():
            return
        store = self.notes
        for old_id, new_id in renamed.items():
            store.move_article(old_id, new_id)

    def reanchor_notes(self, changed_ids: Sequence[str]) -> ReanchorReport | None:
        """Notes follow their text after a re-index: moved, orphaned, or found again (None: no notes yet)."""
        from viewer.notes.reanchor import reanchor_articles

        if not self.paths.notes_path.exists():
            return None
        with self._archive.searcher() as searcher:
            return reanchor_articles(self.paths.notes_path, changed_ids, searcher.article)

    def refresh(self) -> None:
        """Each searcher reopens on its next use and sees the index as it is now (done by `sync`)."""
        self._reading.mark_stale()
        self._searching.mark_stale()

    # -- notes ---------------------------------------------------------------------------------------
    @property
    def notes(self) -> NotesStore:
        """The notes database (created on first use; a daily backup is taken when it is opened)."""
        if self._notes is None:
            from viewer.notes.store import NotesStore

            self._notes = NotesStore(self.paths.notes_path, self.paths.backups_dir)
        return self._notes

    def noted_ids(self) -> list[str]:
        """Ids of the articles that have notes (never creates the notes database)."""
        from viewer.export.notes_source import article_ids_with_notes

        return article_ids_with_notes(self.paths.notes_path, self.paths.backups_dir)

    def noted_articles(self) -> list[Article]:
        """The articles with notes that are in the archive, oldest first."""
        searcher = self._reading.get()
        found = [a for a in (searcher.article(i) for i in self.noted_ids()) if a is not None]
        return sorted(found, key=lambda a: (a.date is None, a.date, a.title))

    def threads(self, article_id: str | None = None) -> list[Thread]:
        """The notes of one article (or of every article) as threads, in text order."""
        store = self.notes
        ids = [article_id] if article_id is not None else list(store.articles_with_notes())
        return [thread for one in ids for thread in store.threads(one)]

    def add_highlight(self, article_id: str, start: int, end: int, *, body: str = "", color: str = "",
                      author: str | None = None) -> Annotation:
        """Highlights text[start:end] of the article, with a note when `body` is given."""
        article = self.require_articles([article_id])[0]
        return self.notes.create_highlight(article.id, article.text, start, end, body=body, color=color,
                                           creator=self.author(author))

    def add_comment(self, article_id: str, body: str, *, color: str = "", author: str | None = None) -> Annotation:
        """A note on the whole article."""
        article = self.require_articles([article_id])[0]
        return self.notes.create_comment(article.id, body, creator=self.author(author), color=color)

    def reply(self, parent_id: str, body: str, *, author: str | None = None) -> Annotation:
        return self.notes.create_reply(parent_id, body, creator=self.author(author))

    def notes_document(self) -> dict[str, object]:
        """Every note as a W3C Web Annotation collection (JSON-LD); targets are the articles' URLs."""
        return note_exchange.document(self.notes, self.article)

    def notes_text(self, fmt: str = "jsonld") -> tuple[str, int]:
        """Every note as W3C JSON-LD or, with `fmt` "markdown", Markdown for writing (per article: its
        title, each quoted passage, the note and its replies); and the number of notes."""
        return note_exchange.notes_text(self.notes, self.article, fmt)

    def export_notes(self, target: Path, fmt: str = "jsonld") -> int:
        """Writes `notes_text(fmt)` to `target` atomically; returns the number of notes."""
        text, count = self.notes_text(fmt)
        note_exchange.write(text, target)
        return count

    def import_notes(self, source: Path) -> MergeReport:
        """Merges a colleague's W3C export: what the model forbids is refused per note, the rest in one
        transaction. Articles are found by URL, news code, IRI or id, then by the quoted passage;
        notes on articles not here are kept as orphans."""
        data = note_exchange.read(source)  # a bad file fails before the notes database is opened
        return note_exchange.merge(self.notes, data, self._reading.get())

    def notes_backups(self) -> list[BackupInfo]:
        """The daily backups of the notes (oldest first), then the copies made before restores."""
        return notes_backups.backups(self.paths)

    def restore_notes(self, name: str) -> RestoredNotes:
        """Replaces the notes with a backup (file name, date YYYY-MM-DD or path), the current ones copied aside."""
        if self._notes is not None:
            self._notes.close()
            self._notes = None
        return notes_backups.restore(self.paths, name)

    # -- the researcher ------------------------------------------------------------------------------
    def author(self, given: str | None = None) -> str:
        """The name on notes and PDFs: `given`, else the one remembered in settings (empty: the
        researcher chose no name), else the login name."""
        if given is not None:
            return given
        known = self.settings.author
        return known if known is not None else login_name()

    def remember_author(self, name: str) -> str:
        """Keeps `name` (blank: no name, never the login name unasked) for the next notes; returns it."""
        kept = name.strip()
        self.settings.set(AUTHOR, kept)
        self.settings.save()
        return kept

    # -- exports -------------------------------------------------------------------------------------
    def export_list(self, articles: Sequence[Article], fmt: str, out: Path) -> int:
        """The articles as a reference list: `fmt` is csv, csl-json, ris or bibtex (LIST_FORMATS)."""
        from viewer.export.reference_list import write_list

        return write_list(articles, fmt, out)

    def export_pdf(self, article_ids: Sequence[str], out: Path, *, with_notes: bool = True, title: str | None = None,
                   author: str | None = None, progress: Progress | None = None,
                   cancel: Cancel | None = None, query: str = "") -> ExportReport:
        """The articles (those still in the archive) with their highlights and notes as one PDF, the
        hits of `query` marked as the reading pane marks them; the file appears only when complete.
        Loads Qt (viewer.export) on first use, not before."""
        from viewer.app.hit_marks import find_hits
        from viewer.app.pdf_export import export_articles

        with self._archive.searcher() as searcher:
            articles = [a for a in (searcher.article(i) for i in article_ids) if a is not None]
            pattern = searcher.hit_pattern(query) if query.strip() else None
        if not articles:
            raise BayeganError("None of these articles is in the archive any more.",
                               "هیچ‌یک از این خبرها دیگر در بایگان نیست.")
        hits = {a.id: find_hits(a.text, pattern) for a in articles} if pattern else {}
        return export_articles(self.paths, articles, out, with_notes=with_notes, title=title,
                               author=self.author(author or None), progress=progress, cancel=cancel, hits=hits)
