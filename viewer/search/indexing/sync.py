"""Incremental sync of source folders into the index: new files added, changed files re-read,
articles of deleted files removed, unchanged files (same size and mtime, else same hash) not read.
The result is the index a clean sync of the same files builds (sources.py says why)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from whoosh.index import FileIndex
from whoosh.writing import IndexWriter

from viewer.analysis.word_groups import word_sequence
from viewer.core.errors import ImportFailure
from viewer.core.paths import DerivedFolders
from viewer.core.results import SyncReport
from viewer.core.steps import Cancel, PageProgress, Progress, never, silent, stop_if_cancelled
from viewer.importers.common.reading_context import ReadingContext
from viewer.importers.reader import (
    MAX_FILE_BYTES,
    ensure_regular_file,
    ensure_text_name,
    iter_source_files,
    printable_path,
)
from viewer.search.copies.identity import disambiguated_id, is_title_based, primary_id
from viewer.search.indexing import unchanged
from viewer.search.indexing.archive_index import INDEX_VERSION, exclusive_writer
from viewer.search.indexing.feed import Job, default_workers, prepared
from viewer.search.indexing.manifest import FileRecord, Manifest, has_manifest
from viewer.search.indexing.prepare import PreparedArticle, PreparedFile, prepare_file
from viewer.search.indexing.sources import ArticleKeys, Role, SourceBook, walk_order
from viewer.search.indexing.sync_progress import ArticleProgress
from viewer.search.indexing.word_table import WordTable
from viewer.search.schema import article_of, document_of, sketch_fields

# A file whose mtime is this close to the sync is hashed again next time: the file system's clock
# ticks coarsely (FAT: 2 s), so an edit right after it was read could keep its size and mtime.
RACY_NS = 2 * 10**9
UNSURE_MTIME = -1


def _no_article_placed() -> None:
    return None


def _under(path: str, roots: list[Path]) -> bool:
    candidate = Path(path)
    return any(candidate == root or root in candidate.parents for root in roots)


class _Sync:
    """One pass over every file of the archive in `walk_order`: the files read now and the unchanged
    ones (placed again from their manifest records) give each article its id, sources and document
    as a clean index of the same files would; only what differs from the index is written."""

    def __init__(self, writer: IndexWriter, previous: Manifest, report: SyncReport,
                 cancel: Cancel = never, derived: DerivedFolders | None = None):
        self.writer = writer
        self.cancel = cancel
        self.derived = derived  # a file read again here uses the OCR cache too
        self.previous = previous
        self.report = report
        self.manifest = Manifest(previous.version)  # rebuilt file by file, in walk order
        self.book = SourceBook()
        # article id -> (the file its document came from, the document's stored hash)
        self.indexed_before = {aid: (paths[0], previous.files[paths[0]].articles[aid])
                               for aid, paths in previous.sources().items()}
        self.indexed: set[str] = set()
        self.doubtful = False  # a document could not be written: the next sync reads every file
        self._read_again: tuple[str, PreparedFile] | None = None
        self._racy_after = time.time_ns() - RACY_NS
        with writer.reader() as reader:
            empty = reader.doc_count_all() == 0
        # Into an empty index every article is new (placing takes each id once): no delete by id first.
        self.add = writer.add_document if empty else writer.update_document
        self.words = WordTable(Path(writer.storage.folder))  # saved before the commit (word_table.py)

    def settled_count(self, path: str) -> int:
        """How many articles the file gave the index last time (the progress counts them as done)."""
        record = self.previous.files.get(path)
        if record is None:
            return 0
        return sum(1 for aid in record.articles if self.indexed_before.get(aid, ("",))[0] == path)

    def keep(self, path: str) -> None:
        """A file not read (unchanged, or unreadable now): placed again as its record says."""
        record = self.previous.files.get(path)
        if record is not None:
            self._settle(path, record, None)

    def plan(self, path: Path) -> Job | None:
        """The file as a job to prepare, or None when it is unchanged since the last sync (same size
        and mtime); ImportFailure/OSError when it cannot be read."""
        ensure_text_name(path)
        stat = path.stat()
        ensure_regular_file(stat.st_mode)
        key = str(path)
        previous = self.previous.files.get(key)
        if previous and previous.size == stat.st_size and previous.mtime_ns == stat.st_mtime_ns:
            return None
        if stat.st_size > MAX_FILE_BYTES:
            raise ImportFailure(f"The file is too large ({stat.st_size // 2**20} MB; the limit is 64 MB).",
                                f"پرونده بیش از حد بزرگ است ({stat.st_size // 2**20} مگابایت).")
        if previous is None:
            return Job(key, stat.st_size, stat.st_mtime_ns, None)
        return Job(key, stat.st_size, stat.st_mtime_ns, previous.sha1, previous.read_up_to, previous.read_up_to_sha1)

    def apply(self, job: Job, ready: PreparedFile, placed: Callable[[], None] = _no_article_placed) -> None:
        """A prepared file into the writer and the manifest; ImportFailure when it has no articles
        (the caller then keeps what the file gave before). `placed` is called after each article."""
        if not ready.digest and ready.failure:  # never read
            raise ImportFailure(*ready.failure)
        self.report.files_read += 1
        previous = self.previous.files.get(job.path)
        if previous and previous.sha1 == ready.digest:
            self._settle(job.path, replace(previous, size=job.size, mtime_ns=self._trusted(job.mtime_ns)), None)
            return
        if ready.failure or ready.articles is None:
            raise ImportFailure(*(ready.failure or ("The file changed while it was read.", "پرونده هنگام خواندن تغییر کرد.")))
        items: list[list[str]] = []
        articles: list[PreparedArticle | None] = []
        if ready.appended_from and previous:  # a WARC a crawler appended to: the records read before are still there
            items, articles = list(previous.items), [None] * len(previous.items)
        for item in ready.articles:
            items.append(list(_keys(item)))
            articles.append(item)
        record = FileRecord(job.size, self._trusted(job.mtime_ns), ready.digest, items=items,
                            read_up_to=ready.read_up_to, read_up_to_sha1=ready.read_up_to_sha1)
        self._settle(job.path, record, articles, placed)

    def _trusted(self, mtime_ns: int) -> int:
        """The mtime to compare next time; UNSURE_MTIME for a file changed just before this sync,
        which another change in the same clock tick would leave with the same size and mtime."""
        return mtime_ns if mtime_ns < self._racy_after else UNSURE_MTIME

    def _settle(self, path: str, record: FileRecord, articles: list[PreparedArticle | None] | None,
                placed: Callable[[], None] = _no_article_placed) -> None:
        """Place the file's articles after those of every earlier file; `articles`: the ones read now."""
        record.articles = {}
        for number, raw in enumerate(record.items):
            stop_if_cancelled(self.cancel)  # a large file holds thousands of articles: stop within it too
            keys = ArticleKeys(*raw)
            role, article_id = self.book.place(keys, path, record.articles)
            ready = articles[number] if articles is not None else None
            if role is Role.INDEXED:
                self._index(article_id, path, keys.digest, ready, number)
            elif ready is not None:
                self.report.duplicates += 1
            if ready is not None:
                placed()
        self.manifest.files[path] = record

    def _index(self, article_id: str, path: str, digest: str, ready: PreparedArticle | None, number: int) -> None:
        """The index holds the document of `path`'s article `number` under `article_id`."""
        self.indexed.add(article_id)
        before = self.indexed_before.get(article_id)
        if before == (path, digest):
            self.report.unchanged += 1
            return
        if before is not None and before[1] == digest:  # the same document, from another copy now
            if ready is None:
                self._move_source(article_id, path)
            else:
                self.report.duplicates += 1  # a copy met before the file the article came from
                self._write(article_id, path, ready)
            self.report.relinked += 1
            return
        if ready is None:  # an unchanged file whose article must be written (its first copy went)
            ready = self._read(path, number, digest)
            if ready is None:
                return
        self._write(article_id, path, ready)
        if before is None:
            self.report.added += 1
        else:
            self.report.updated += 1
        self.report.changed_ids.append(article_id)

    def _write(self, article_id: str, path: str, ready: PreparedArticle) -> None:
        ready.article.id = article_id
        ready.article.source = path
        document = ready.document()
        words = document["words"]
        document["words"] = self.words.numbered(words if isinstance(words, bytes) else b"")
        self.add(**document)

    def _read(self, path: str, number: int, digest: str) -> PreparedArticle | None:
        """Article `number` of an unchanged file, read again for its document (None: it changed)."""
        if self._read_again is None or self._read_again[0] != path:
            self._read_again = (path, prepare_file(path, None, context=ReadingContext.of(self.derived, self.cancel)))
        articles = self._read_again[1].articles or []
        if number < len(articles) and articles[number].content_hash == digest:
            return articles[number]
        self.doubtful = True
        self.report.failed.append({"path": printable_path(Path(path)), "error": "The file changed while it was read.",
                                   "error_fa": "پرونده هنگام خواندن تغییر کرد."})
        return None

    def _move_source(self, article_id: str, path: str) -> None:
        """The stored document names the file that now comes first among its copies."""
        with self.writer.reader() as reader:
            docnum = reader.first_id("id", article_id)
            if docnum is None:
                self.doubtful = True
                return
            stored = dict(reader.stored_fields(docnum))
            sketch = reader.column_reader("sketch", translate=False)[docnum] if reader.has_column("sketch") else b""
        article = article_of(stored)
        article.source = path
        self.writer.update_document(**document_of(article), **sketch_fields(bytes(sketch) if any(sketch) else None),
                                    words=self.words.numbered(word_sequence(article.text)))

    def finish(self, drop_unknown: bool) -> int:
        """Remove the articles no file gives any more; with `drop_unknown` also those the index holds
        without the manifest knowing them (a crash left them). The number of the latter."""
        for article_id in set(self.indexed_before) - self.indexed:
            self.writer.delete_by_term("id", article_id)
            self.report.removed += 1
            successor = self.book.same_text(self._fold_before(article_id))
            if successor is not None:
                self.report.renamed[article_id] = successor
        if not drop_unknown:
            return 0
        with self.writer.reader() as reader:
            ids = [term.decode("utf-8") if isinstance(term, bytes) else term for term in reader.lexicon("id")]
        unknown = [article_id for article_id in ids if article_id not in self.indexed]
        for article_id in unknown:
            self.writer.delete_by_term("id", article_id)
        return len(unknown)


    def _fold_before(self, article_id: str) -> str:
        """The fingerprint of the text an article was indexed with."""
        path, digest = self.indexed_before[article_id]
        keys = (ArticleKeys(*raw) for raw in self.previous.files[path].items)
        return next((k.fold for k in keys if k.digest == digest), "")


def _keys(item: PreparedArticle) -> ArticleKeys:
    article = item.article
    alternative = disambiguated_id(article) if is_title_based(article) else ""
    return ArticleKeys(primary_id(article), alternative, item.fold, item.content_hash)


def sync_sources(
    ix: FileIndex,
    index_dir: Path,
    roots: Iterable[Path],
    *,
    remove_missing: bool = True,
    progress: Progress = silent,
    cancel: Cancel = never,
    workers: int | None = None,
    derived: DerivedFolders | None = None,
    page_progress: PageProgress | None = None,
) -> SyncReport:
    """Bring the index up to date with the files under `roots`. Cancelling leaves it as it was.

    Files are read, parsed and analysed by `workers` processes (None: one per core when there is
    enough to read; 0: in this process) while this one feeds the index writer in file order. A
    folder or file that cannot be read keeps its articles and is listed in `failed`. A scan read by OCR
    counts its pages in the progress; `page_progress` hears of those steps (None: `progress` does)."""
    roots = [Path(r).expanduser().resolve() for r in roots]
    report = SyncReport()
    roots = [r for r in roots if _exists(r, report)]
    with exclusive_writer(ix) as writer:
        # Read under the write lock: another process may have synced since this one opened the index.
        unreadable: list[Path] = []
        found = {str(p): p for p in iter_source_files(roots, report.skipped, unreadable)}
        report.failed.extend(_unreadable_folder(folder) for folder in unreadable)
        if remove_missing and not report.failed:
            indexed = unchanged.articles_if_unchanged(index_dir, INDEX_VERSION, ix.latest_generation(), roots,
                                                      found.values())
            if indexed is not None:
                writer.cancel()
                report.unchanged = indexed
                return report
        unchanged.forget(index_dir)
        previous = Manifest.load(index_dir, INDEX_VERSION)
        first_sync = not has_manifest(index_dir)
        run = _Sync(writer, previous, report, cancel, derived)
        kept = [p for p in previous.files if p not in found and not (
            remove_missing and _under(p, roots) and not _under(p, unreadable))]
        order = sorted([*found, *kept], key=walk_order)
        planned: dict[str, Job | None] = {}
        for key in order:
            if key in found:
                try:
                    planned[key] = run.plan(found[key])
                except (ImportFailure, OSError) as exc:
                    planned[key] = None
                    report.failed.append(_failure(found[key], exc))
        jobs = [job for job in planned.values() if job is not None]
        settled = sum(run.settled_count(key) for key in order if planned.get(key) is None)
        counter = ArticleProgress(progress, settled, len(jobs), page_progress)
        stream = prepared(jobs, default_workers(jobs) if workers is None else workers, derived=derived, cancel=cancel,
                          page_started=lambda job, page, pages: counter.page(printable_path(Path(job.path)), page, pages))
        try:
            for key in order:
                stop_if_cancelled(cancel)
                job = planned.get(key)
                if job is None:
                    counter.settled(run.settled_count(key), printable_path(Path(key)))
                    run.keep(key)
                    continue
                counter.reading(printable_path(found[key]))
                ready = next(stream)
                articles = ready[1].articles
                # None: the same content as before (or unreadable): its articles as they were
                counter.read(run.settled_count(key) if articles is None else len(articles))
                try:
                    run.apply(*ready, counter.article)
                except ImportFailure as exc:
                    report.failed.append(_failure(found[key], exc))
                    run.keep(key)
                counter.file_done()
        finally:
            stream.close()
        stale = run.finish(drop_unknown=previous.pending or first_sync)
        counter.finished()
        stop_if_cancelled(cancel)
        manifest = run.manifest
        if report.added or report.updated or report.removed or report.relinked or stale:
            run.words.save()  # before the commit that names its entries; a full disk stops here
            manifest.pending = True
            manifest.save(index_dir)
            writer.commit()
        else:
            writer.cancel()
        generation = ix.latest_generation()  # this sync's: another commit from here on is not its own
    manifest.pending = run.doubtful
    manifest.save(index_dir)
    if remove_missing and not manifest.pending:
        unchanged.remember(index_dir, INDEX_VERSION, generation, roots, manifest,
                           [path for path in manifest.files if _under(path, roots)], len(run.indexed))
    return report


def _exists(root: Path, report: SyncReport) -> bool:
    try:
        root.stat()
    except FileNotFoundError:
        report.failed.append({"path": printable_path(root), "error": "No such file or folder.",
                              "error_fa": "چنین پرونده یا پوشه‌ای نیست."})
        return False
    except OSError as exc:
        report.failed.append(_unreadable_folder(root, exc))
        return False
    return True


def _unreadable_folder(folder: Path, exc: OSError | None = None) -> dict[str, str]:
    reason = (exc.strerror if exc is not None else None) or "Permission denied"
    return {"path": printable_path(folder),
            "error": f"Cannot read the folder: {reason}. Its articles stay in the archive.",
            "error_fa": f"پوشه خوانده نشد: {reason}. خبرهای آن در بایگانی می‌مانند."}


def _failure(path: Path, exc: ImportFailure | OSError) -> dict[str, str]:
    if isinstance(exc, ImportFailure):
        return {"path": printable_path(path), "error": exc.en, "error_fa": exc.fa}
    return {"path": printable_path(path), "error": f"Cannot read the file: {exc.strerror or exc}.",
            "error_fa": f"پرونده خوانده نشد: {exc.strerror or exc}."}


def forget_sources(ix: FileIndex, index_dir: Path, roots: Iterable[Path]) -> SyncReport:
    """Remove the articles of every file under `roots` (a folder taken out of the archive); a copy
    elsewhere that came after them now gives its article."""
    roots = [Path(r).expanduser().resolve() for r in roots]
    report = SyncReport()
    with exclusive_writer(ix) as writer:
        previous = Manifest.load(index_dir, INDEX_VERSION)
        run = _Sync(writer, previous, report)
        for path in sorted((p for p in previous.files if not _under(p, roots)), key=walk_order):
            run.keep(path)
        run.finish(drop_unknown=False)
        manifest = run.manifest
        run.words.save()
        manifest.pending = True
        manifest.save(index_dir)
        writer.commit()
    manifest.pending = run.doubtful
    manifest.save(index_dir)
    return report
