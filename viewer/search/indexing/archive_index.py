"""Opening the index (created, or rebuilt when its analyzer changed or it is damaged) and
the single writer."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex, LockError
from whoosh.util.filelock import try_for
from whoosh.writing import IndexWriter

from viewer.analysis.analyzer import ANALYZER_VERSION
from viewer.core.errors import DataDirError, IndexBusyError
from viewer.search.format.bulk_writer import BulkWriter
from viewer.search.format.codec import ArrayCodec
from viewer.search.format.internals import release_writer
from viewer.search.indexing.manifest import COPIED_FILES_NAME, LEGACY_MANIFEST_NAME, MANIFEST_NAME, has_manifest
from viewer.search.indexing.unchanged import UNCHANGED_NAME
from viewer.search.indexing.word_table import TABLE_NAME
from viewer.search.schema import SCHEMA_VERSION, build_schema

INDEX_NAME = "articles"
INDEX_VERSION = f"schema{SCHEMA_VERSION}-analyzer{ANALYZER_VERSION}"
_VERSION_FILE = "bayegan-index-version"
REBUILD_WAIT_SECONDS = 3.0


def open_index(index_dir: Path) -> tuple[FileIndex, bool]:
    """The index in `index_dir`, and whether it was (re)created empty just now."""
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(f"Cannot create the index folder {index_dir}: {exc.strerror or exc}",
                           f"پوشهٔ نمایه ساخته نشد: {index_dir}") from exc
    opened = _open_existing(index_dir)
    if opened is not None:
        return opened
    # Missing, outdated or damaged: rebuild, but only while holding the write lock, so that a process
    # that read the index in the middle of another one's commit never wipes what that one is writing.
    try:
        lock = FileStorage(str(index_dir)).lock(f"{INDEX_NAME}_WRITELOCK")
        if not try_for(lock.acquire, timeout=REBUILD_WAIT_SECONDS, delay=0.1):
            raise IndexBusyError()
        try:
            opened = _open_existing(index_dir)
            return opened if opened is not None else (_create(index_dir), True)
        finally:
            lock.release()
    except OSError as exc:
        raise DataDirError(f"Cannot write the index in {index_dir}: {exc.strerror or exc}",
                           f"نمایه در {index_dir} نوشته نشد: {exc.strerror or exc}") from exc


def _storage(index_dir: Path) -> FileStorage:
    # Read with file reads, not mmap: mapped segment pages count as the process's memory (a 40,000-
    # article archive opened at 219 MB resident instead of 36 MB), for ~10% slower searches.
    return FileStorage(str(index_dir), supports_mmap=False)


def _open_existing(index_dir: Path) -> tuple[FileIndex, bool] | None:
    """The index if it is current and readable; None when it must be (re)built."""
    try:
        if (index_dir / _VERSION_FILE).read_text("utf-8").strip() != INDEX_VERSION:
            return None
        ix = _storage(index_dir).open_index(INDEX_NAME)
        with ix.reader() as reader:
            reader.doc_count()
    except Exception:  # noqa: BLE001 - any damage (or no index yet) means: rebuild from the sources
        return None
    # No manifest: a rebuild (or first sync) that never finished, so the next sync reads everything.
    return ix, not has_manifest(index_dir)


def _create(index_dir: Path) -> FileIndex:
    # Segments and tables of contents only: the write lock is the OS's, never removed by hand.
    for child in index_dir.iterdir():
        if child.suffix in (".seg", ".toc") and INDEX_NAME in child.name:
            child.unlink(missing_ok=True)
    # The manifest describes the old index: kept, it would make the next sync skip every file.
    (index_dir / MANIFEST_NAME).unlink(missing_ok=True)
    (index_dir / LEGACY_MANIFEST_NAME).unlink(missing_ok=True)
    (index_dir / TABLE_NAME).unlink(missing_ok=True)  # its entry numbers belong to the old index
    (index_dir / COPIED_FILES_NAME).unlink(missing_ok=True)
    (index_dir / UNCHANGED_NAME).unlink(missing_ok=True)
    ix = _storage(index_dir).create_index(build_schema(), indexname=INDEX_NAME)
    (index_dir / _VERSION_FILE).write_text(INDEX_VERSION, "utf-8")
    return ix


def _for_writing(ix: FileIndex) -> FileIndex:
    """The same index read through mmap while writing: the writer reads a document's length back
    for every posting it adds (5% of indexing time through plain file reads)."""
    storage = ix.storage
    if isinstance(storage, FileStorage) and not storage.supports_mmap:
        return FileIndex(FileStorage(storage.folder), indexname=INDEX_NAME)
    return ix


@contextmanager
def exclusive_writer(ix: FileIndex, wait_seconds: float = 3.0) -> Iterator[IndexWriter]:
    """The index's one writer; IndexBusyError when another process keeps it past `wait_seconds`."""
    try:
        writer = BulkWriter(_for_writing(ix), timeout=wait_seconds, delay=0.1, codec=ArrayCodec())
    except LockError as exc:
        raise IndexBusyError() from exc
    except OSError as exc:
        raise DataDirError(f"Cannot write the index in {ix.storage.folder}: {exc.strerror or exc}",
                           f"نمایه در {ix.storage.folder} نوشته نشد: {exc.strerror or exc}") from exc
    try:
        yield writer
    except BaseException:
        _abandon(writer)
        raise


def _abandon(writer: IndexWriter) -> None:
    """Cancel the writer; when cancelling fails too (a full disk), still free its lock and temporary
    files, or this process would keep the index busy until it exits."""
    try:
        writer.cancel()
    except Exception:  # noqa: BLE001 - the error that got us here is the one to report
        try:
            release_writer(writer)  # Whoosh's own clean-up: temp files, the lock
        except Exception:  # noqa: BLE001
            pass
