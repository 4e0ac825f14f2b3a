"""Incremental sync of source folders into the index: new files added, changed files re-read,
articles of deleted files removed, unchanged files (same size and mtime, else same hash) not read."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from whoosh.index import FileIndex
from whoosh.writing import IndexWriter

from viewer.core.article import Article
from viewer.core.errors import CancelledError, ImportFailure
from viewer.importers.binary_formats import binary_kind
from viewer.importers.reader import (
    MAX_FILE_BYTES,
    ensure_regular_file,
    ensure_text_name,
    iter_source_files,
    parse_source,
    printable_path,
)
from viewer.importers.warc_format import parse_warc
from viewer.search.archive_index import INDEX_VERSION, exclusive_writer
from viewer.search.copies import SourceKeeper
from viewer.search.identity import disambiguated_id, is_title_based, primary_id
from viewer.search.manifest import FileRecord, Manifest
from viewer.search.schema import document_of

Progress = Callable[[int, int, str], None]


@dataclass
class SyncReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)
    # files of a type Bayegan does not read: {"path", "reason"}
    skipped: list[dict[str, str]] = field(default_factory=list)
    files_read: int = 0
    changed_ids: list[str] = field(default_factory=list)
    relinked: int = 0  # articles kept by another copy when the file indexing them went

    def as_json(self) -> dict[str, object]:
        return {
            "added": self.added, "updated": self.updated, "removed": self.removed,
            "unchanged": self.unchanged, "duplicates": self.duplicates, "failed": self.failed,
            "skipped": self.skipped,
        }


def _never() -> bool:
    return False


def _silent(done: int, total: int, path: str) -> None:
    return None


def _under(path: str, roots: list[Path]) -> bool:
    candidate = Path(path)
    return any(candidate == root or root in candidate.parents for root in roots)


class _Sync:
    def __init__(self, ix: FileIndex, writer: IndexWriter, manifest: Manifest, report: SyncReport):
        self.writer = writer
        self.manifest = manifest
        self.report = report
        self.ix = ix
        # exact duplicates (one article, several files) and near-duplicate sketches
        self.copies = SourceKeeper(writer, manifest, report, Path(ix.storage.folder))

    def remove_file(self, path: str) -> None:
        record = self.manifest.files.pop(path, None)
        if record is None:
            return
        for article_id in record.articles:
            self.copies.release(article_id, path)

    def read_file(self, path: Path, stat_size: int, mtime_ns: int) -> None:
        key = str(path)
        previous = self.manifest.files.get(key)
        if previous and previous.size == stat_size and previous.mtime_ns == mtime_ns:
            self.report.unchanged += self.copies.indexed_from(key, previous.articles)
            return
        if stat_size > MAX_FILE_BYTES:
            raise ImportFailure(f"The file is too large ({stat_size // 2**20} MB; the limit is 64 MB).",
                                f"پرونده بیش از حد بزرگ است ({stat_size // 2**20} مگابایت).")
        data = path.read_bytes()
        digest = hashlib.sha1(data).hexdigest()
        self.report.files_read += 1
        if previous and previous.sha1 == digest:
            previous.size, previous.mtime_ns = stat_size, mtime_ns
            self.report.unchanged += self.copies.indexed_from(key, previous.articles)
            return
        record = FileRecord(stat_size, mtime_ns, digest)
        old = previous.articles if previous else {}
        if binary_kind(data) == "warc":
            start = _appended_from(data, previous)
            read = parse_warc(data, start)
            articles = read.articles
            if start:
                record.articles = dict(old)  # the records read before are still there, unchanged
                record.folded = dict(previous.folded) if previous else {}
                self.report.unchanged += self.copies.indexed_from(key, old)
            record.read_up_to = read.end
            record.read_up_to_sha1 = digest if read.end == len(data) else hashlib.sha1(data[:read.end]).hexdigest()
        else:
            articles = parse_source(data, path.name)
        for article in articles:
            article.source = key
            self._place(article, key, record, old)
        for article_id in set(old) - set(record.articles):
            self.copies.release(article_id, key)
        self.manifest.files[key] = record

    def _place(self, article: Article, key: str, record: FileRecord, old: dict[str, str]) -> None:
        content_hash = article.content_hash()
        fold, same = self.copies.same_text(article)
        if same is not None:
            # The same text as an article already held: one article, whatever id this copy would get.
            article.id = same
            if same in record.articles or self.copies.first(same) != key:
                self._hold_copy(article.id, key, record, content_hash, fold)
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
        record.folded[article.id] = fold
        self.copies.hold(article.id, key, fold)
        if old.get(article.id) == content_hash:
            self.report.unchanged += 1
            return
        self.writer.update_document(**document_of(article))
        self.copies.sketch(article)
        if article.id in old:
            self.report.updated += 1
        else:
            self.report.added += 1
        self.report.changed_ids.append(article.id)

    def _taken(self, article_id: str, key: str, record: FileRecord) -> bool:
        """Whether another file indexes this id, or this file already gave it."""
        first = self.copies.first(article_id)
        return (first is not None and first != key) or article_id in record.articles

    def _hold_copy(self, article_id: str, key: str, record: FileRecord, content_hash: str, fold: str) -> None:
        """This file is one more source of an article another file (or this one, earlier) indexes."""
        self.report.duplicates += 1
        if article_id in record.articles:
            return  # the same text twice in one file
        record.articles[article_id] = content_hash
        record.folded[article_id] = fold
        self.copies.hold(article_id, key, fold)


def sync_sources(
    ix: FileIndex,
    index_dir: Path,
    roots: Iterable[Path],
    *,
    fresh: bool = False,
    remove_missing: bool = True,
    progress: Progress = _silent,
    cancel: Callable[[], bool] = _never,
) -> SyncReport:
    """Bring the index up to date with the files under `roots`. Cancelling leaves it as it was."""
    roots = [Path(r).expanduser().resolve() for r in roots]
    report = SyncReport()
    for root in roots:
        if not root.exists():
            report.failed.append({"path": printable_path(root), "error": "No such file or folder."})
    roots = [r for r in roots if r.exists()]
    manifest = Manifest(INDEX_VERSION) if fresh else Manifest.load(index_dir, INDEX_VERSION)
    with exclusive_writer(ix) as writer:
        run = _Sync(ix, writer, manifest, report)
        if fresh:
            run.copies.start_afresh()
        files = list(iter_source_files(roots, report.skipped))
        present = {str(p) for p in files}
        if remove_missing:
            for missing in [p for p in manifest.files if p not in present and _under(p, roots)]:
                run.remove_file(missing)
        for done, path in enumerate(files):
            if cancel():
                raise CancelledError()
            progress(done, len(files), printable_path(path))
            try:
                ensure_text_name(path)
                stat = path.stat()
                ensure_regular_file(stat.st_mode)
                run.read_file(path, stat.st_size, stat.st_mtime_ns)
            except ImportFailure as exc:
                report.failed.append({"path": printable_path(path), "error": exc.en})
            except OSError as exc:
                report.failed.append({"path": printable_path(path), "error": f"Cannot read the file: {exc.strerror or exc}."})
        stale = _drop_unknown_sources(writer, manifest) if manifest.pending or fresh else 0
        progress(len(files), len(files), "")
        if cancel():
            raise CancelledError()
        if report.added or report.updated or report.removed or report.relinked or stale:
            manifest.pending = True
            manifest.save(index_dir)
            writer.commit()
        else:
            writer.cancel()
        run.copies.commit()
    manifest.pending = False
    manifest.save(index_dir)
    return report


def _appended_from(data: bytes, previous: FileRecord | None) -> int:
    """Where a WARC that a crawler appended to goes on: the end of the records read last time, when
    the bytes up to it are the same; else 0 (read it all)."""
    if previous is None or not previous.read_up_to or previous.read_up_to > len(data):
        return 0
    same = hashlib.sha1(data[:previous.read_up_to]).hexdigest() == previous.read_up_to_sha1
    return previous.read_up_to if same else 0


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
        run.copies.commit()
    manifest.pending = False
    manifest.save(index_dir)
    return report
