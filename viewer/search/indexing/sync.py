"""Incremental sync of source folders into the index: new files added, changed files re-read,
articles of deleted files removed, unchanged files (same size and mtime, else same hash) not read."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from whoosh.index import FileIndex
from whoosh.writing import IndexWriter

from viewer.core.errors import ImportFailure
from viewer.core.results import SyncReport
from viewer.core.steps import Cancel, Progress, never, silent, stop_if_cancelled
from viewer.importers.reader import (
    MAX_FILE_BYTES,
    ensure_regular_file,
    ensure_text_name,
    iter_source_files,
    printable_path,
)
from viewer.search.copies.identity import disambiguated_id, is_title_based, primary_id
from viewer.search.indexing.archive_index import INDEX_VERSION, exclusive_writer
from viewer.search.indexing.feed import Job, default_workers, prepared
from viewer.search.indexing.manifest import FileRecord, Manifest
from viewer.search.indexing.prepare import PreparedArticle, PreparedFile
from viewer.search.indexing.sources import SourceBook
from viewer.search.indexing.sync_progress import ArticleProgress
from viewer.search.schema import article_of, document_of, sketch_fields


def _nothing() -> None:
    return None


def _under(path: str, roots: list[Path]) -> bool:
    candidate = Path(path)
    return any(candidate == root or root in candidate.parents for root in roots)


class _Sync:
    def __init__(self, ix: FileIndex, writer: IndexWriter, manifest: Manifest, report: SyncReport,
                 cancel: Cancel = never):
        self.writer = writer
        self.cancel = cancel
        self.manifest = manifest
        self.report = report
        self.book = SourceBook(manifest)  # exact copies: one article, several files
        self.ix = ix
        # Into an empty index every article is new (placing takes each id once): no delete by id first.
        self.add = writer.add_document if ix.doc_count_all() == 0 else writer.update_document

    def remove_file(self, path: str) -> None:
        record = self.manifest.files.pop(path, None)
        if record is None:
            return
        for article_id in record.articles:
            self.release(article_id, path)

    def release(self, article_id: str, path: str) -> None:
        """`path` no longer holds the article: it leaves the index when no other file holds it."""
        kept, new_first = self.book.release(article_id, path)
        if not kept:
            self.writer.delete_by_term("id", article_id)
            self.report.removed += 1
        elif new_first is not None:
            self._move_source(article_id, new_first)

    def _move_source(self, article_id: str, path: str) -> None:
        """The stored document names the file that now comes first among its copies."""
        with self.writer.reader() as reader:
            docnum = reader.first_id("id", article_id)
            if docnum is None:  # added by this sync, not yet readable: it names its own file
                return
            stored = dict(reader.stored_fields(docnum))
            sketch = reader.column_reader("sketch", translate=False)[docnum] if reader.has_column("sketch") else b""
        article = article_of(stored)
        article.source = path
        self.writer.update_document(**document_of(article), **sketch_fields(bytes(sketch) if any(sketch) else None))
        self.report.relinked += 1

    def plan(self, path: Path) -> Job | None:
        """The file as a job to prepare, or None when it is settled here: unchanged since the last
        sync (same size and mtime), or unreadable (ImportFailure/OSError raised)."""
        ensure_text_name(path)
        stat = path.stat()
        ensure_regular_file(stat.st_mode)
        key = str(path)
        previous = self.manifest.files.get(key)
        if previous and previous.size == stat.st_size and previous.mtime_ns == stat.st_mtime_ns:
            self.report.unchanged += self.book.indexed_from(key, list(previous.articles))
            return None
        if stat.st_size > MAX_FILE_BYTES:
            raise ImportFailure(f"The file is too large ({stat.st_size // 2**20} MB; the limit is 64 MB).",
                                f"پرونده بیش از حد بزرگ است ({stat.st_size // 2**20} مگابایت).")
        if previous is None:
            return Job(key, stat.st_size, stat.st_mtime_ns, None)
        return Job(key, stat.st_size, stat.st_mtime_ns, previous.sha1, previous.read_up_to, previous.read_up_to_sha1)

    def apply(self, job: Job, ready: PreparedFile, placed: Callable[[], None] = _nothing) -> None:
        """A prepared file into the writer and the manifest; ImportFailure when it has no articles.
        `placed` is called after each article (the progress counts articles)."""
        if not ready.digest and ready.failure:  # never read
            raise ImportFailure(*ready.failure)
        self.report.files_read += 1
        previous = self.manifest.files.get(job.path)
        if previous and previous.sha1 == ready.digest:
            previous.size, previous.mtime_ns = job.size, job.mtime_ns
            self.report.unchanged += self.book.indexed_from(job.path, list(previous.articles))
            return
        if ready.failure or ready.articles is None:
            raise ImportFailure(*(ready.failure or ("The file changed while it was read.", "پرونده هنگام خواندن تغییر کرد.")))
        record = FileRecord(job.size, job.mtime_ns, ready.digest)
        old = previous.articles if previous else {}
        if ready.appended_from:  # a WARC a crawler appended to: the records read before are still there
            record.articles = dict(old)
            record.folded = dict(previous.folded) if previous else {}
            self.report.unchanged += self.book.indexed_from(job.path, list(old))
        record.read_up_to, record.read_up_to_sha1 = ready.read_up_to, ready.read_up_to_sha1
        for item in ready.articles:
            stop_if_cancelled(self.cancel)  # a large file holds thousands of articles: stop within it too
            self._place(item, job.path, record, old)
            placed()
        for article_id in set(old) - set(record.articles):
            self.release(article_id, job.path)
        self.manifest.files[job.path] = record

    def _place(self, item: PreparedArticle, key: str, record: FileRecord, old: dict[str, str]) -> None:
        article, content_hash = item.article, item.content_hash
        same = self.book.same_text(item.fold)
        if same is not None:
            # The same text as an article already held: one article, whatever id this copy would get.
            article.id = same
            if same in record.articles or self.book.first(same) != key:
                self._hold_copy(same, key, record, content_hash, item.fold)
                return
        else:
            article.id = primary_id(article)
            taken = self._taken(article.id, key, record)
            if taken and is_title_based(article):
                article.id = disambiguated_id(article)
                taken = self._taken(article.id, key, record)
            if taken:
                self.report.duplicates += 1
                return
        record.articles[article.id] = content_hash
        record.folded[article.id] = item.fold
        self.book.hold(article.id, key, item.fold)
        if old.get(article.id) == content_hash:
            self.report.unchanged += 1
            return
        self.add(**item.document())
        if article.id in old:
            self.report.updated += 1
        else:
            self.report.added += 1
        self.report.changed_ids.append(article.id)

    def _taken(self, article_id: str, key: str, record: FileRecord) -> bool:
        """Whether another file indexes this id, or this file gave it already."""
        first = self.book.first(article_id)
        return (first is not None and first != key) or article_id in record.articles

    def _hold_copy(self, article_id: str, key: str, record: FileRecord, content_hash: str, fold: str) -> None:
        """This file is one more source of an article another file (or this one, earlier) indexes."""
        self.report.duplicates += 1
        if article_id in record.articles:
            return  # the same text twice in one file
        record.articles[article_id] = content_hash
        record.folded[article_id] = fold
        self.book.hold(article_id, key, fold)


def sync_sources(
    ix: FileIndex,
    index_dir: Path,
    roots: Iterable[Path],
    *,
    fresh: bool = False,
    remove_missing: bool = True,
    progress: Progress = silent,
    cancel: Cancel = never,
    workers: int | None = None,
) -> SyncReport:
    """Bring the index up to date with the files under `roots`. Cancelling leaves it as it was.

    Files are read, parsed and analysed by `workers` processes (None: one per core when there is
    enough to read; 0: in this process) while this one feeds the index writer in file order."""
    roots = [Path(r).expanduser().resolve() for r in roots]
    report = SyncReport()
    for root in roots:
        if not root.exists():
            report.failed.append({"path": printable_path(root), "error": "No such file or folder."})
    roots = [r for r in roots if r.exists()]
    manifest = Manifest(INDEX_VERSION) if fresh else Manifest.load(index_dir, INDEX_VERSION)
    with exclusive_writer(ix) as writer:
        run = _Sync(ix, writer, manifest, report, cancel)
        files = list(iter_source_files(roots, report.skipped))
        present = {str(p) for p in files}
        if remove_missing:
            for missing in [p for p in manifest.files if p not in present and _under(p, roots)]:
                run.remove_file(missing)
        planned: list[Job | None] = []
        settled: list[int] = []  # the articles of each file not to be read (unchanged)
        for path in files:
            before = report.unchanged
            try:
                planned.append(run.plan(path))
            except (ImportFailure, OSError) as exc:
                planned.append(None)
                report.failed.append(_failure(path, exc))
            settled.append(report.unchanged - before)
        jobs = [job for job in planned if job is not None]
        counter = ArticleProgress(progress, sum(settled), sum(job.size for job in jobs), len(jobs))
        stream = prepared(jobs, default_workers(jobs) if workers is None else workers)
        try:
            for path, job, known in zip(files, planned, settled, strict=True):
                stop_if_cancelled(cancel)
                if job is None:
                    counter.settled(known, printable_path(path))
                    continue
                counter.reading(printable_path(path))
                ready = next(stream)
                counter.read(job.size, len(ready[1].articles or ()))
                try:
                    run.apply(*ready, counter.article)
                except ImportFailure as exc:
                    report.failed.append(_failure(path, exc))
                counter.file_done()
        finally:
            stream.close()
        stale = _drop_unknown_sources(writer, manifest) if manifest.pending or fresh else 0
        counter.finished()
        stop_if_cancelled(cancel)
        if report.added or report.updated or report.removed or report.relinked or stale:
            manifest.pending = True
            manifest.save(index_dir)
            writer.commit()
        else:
            writer.cancel()
    manifest.pending = False
    manifest.save(index_dir)
    return report


def _failure(path: Path, exc: ImportFailure | OSError) -> dict[str, str]:
    if isinstance(exc, ImportFailure):
        return {"path": printable_path(path), "error": exc.en}
    return {"path": printable_path(path), "error": f"Cannot read the file: {exc.strerror or exc}."}


def _drop_unknown_sources(writer: IndexWriter, manifest: Manifest) -> int:
    """Articles a crash left behind: in the index, but from no file the manifest knows."""
    known = manifest.owners()
    with writer.reader() as reader:
        stale = [
            term.decode("utf-8") if isinstance(term, bytes) else term
            for term in reader.lexicon("id")
        ]
    unknown = [article_id for article_id in stale if article_id not in known]
    for article_id in unknown:
        writer.delete_by_term("id", article_id)
    return len(unknown)


def forget_sources(ix: FileIndex, index_dir: Path, roots: Iterable[Path]) -> SyncReport:
    """Remove the articles of every file under `roots` (a folder taken out of the archive)."""
    roots = [Path(r).expanduser().resolve() for r in roots]
    report = SyncReport()
    manifest = Manifest.load(index_dir, INDEX_VERSION)
    with exclusive_writer(ix) as writer:
        run = _Sync(ix, writer, manifest, report)
        for path in [p for p in manifest.files if _under(p, roots)]:
            run.remove_file(path)
        manifest.pending = True
        manifest.save(index_dir)
        writer.commit()
    manifest.pending = False
    manifest.save(index_dir)
    return report
