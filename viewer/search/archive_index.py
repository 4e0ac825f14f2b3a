"""Opening the index (created, or rebuilt when its analyzer changed or it is damaged) and
the single writer."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh import index
from whoosh.index import FileIndex, LockError
from whoosh.writing import IndexWriter

from viewer.analysis.analyzer import ANALYZER_VERSION
from viewer.core.errors import DataDirError, IndexBusyError
from viewer.search.schema import SCHEMA_VERSION, build_schema

INDEX_NAME = "articles"
INDEX_VERSION = f"schema{SCHEMA_VERSION}-analyzer{ANALYZER_VERSION}"
_VERSION_FILE = "bayegan-index-version"


def open_index(index_dir: Path) -> tuple[FileIndex, bool]:
    """The index in `index_dir`, and whether it was (re)created empty just now."""
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(f"Cannot create the index folder {index_dir}: {exc.strerror or exc}",
                           f"پوشهٔ نمایه ساخته نشد: {index_dir}") from exc
    version_file = index_dir / _VERSION_FILE
    current = version_file.read_text("utf-8").strip() if version_file.exists() else ""
    if current == INDEX_VERSION and index.exists_in(str(index_dir), INDEX_NAME):
        try:
            ix = index.open_dir(str(index_dir), indexname=INDEX_NAME)
            with ix.reader() as reader:
                reader.doc_count()
            return ix, False
        except Exception:  # noqa: BLE001 - any damage means: rebuild from the sources
            pass
    return _create(index_dir), True


def _create(index_dir: Path) -> FileIndex:
    # Segments and tables of contents only: the write lock is the OS's, never removed by hand.
    for child in index_dir.iterdir():
        if child.suffix in (".seg", ".toc") and INDEX_NAME in child.name:
            child.unlink(missing_ok=True)
    ix = index.create_in(str(index_dir), build_schema(), indexname=INDEX_NAME)
    (index_dir / _VERSION_FILE).write_text(INDEX_VERSION, "utf-8")
    return ix


@contextmanager
def exclusive_writer(ix: FileIndex, wait_seconds: float = 3.0) -> Iterator[IndexWriter]:
    """The index's one writer; IndexBusyError when another process keeps it past `wait_seconds`."""
    try:
        writer = ix.writer(timeout=wait_seconds, delay=0.1)
    except LockError as exc:
        raise IndexBusyError() from exc
    try:
        yield writer
    except BaseException:
        writer.cancel()
        raise
