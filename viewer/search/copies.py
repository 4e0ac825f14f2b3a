"""The sync's bookkeeping of copies: which files hold each article (exact duplicates, one article) and
the near-duplicate sketches of the articles it indexes, written beside the index after its commit."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from whoosh.writing import IndexWriter

from viewer.core.article import Article
from viewer.search.duplicates import SourceBook, fingerprint, folded_lines
from viewer.search.manifest import Manifest
from viewer.search.sketches import SketchStore, sketch_of


class _Counts(Protocol):
    removed: int
    relinked: int


class SourceKeeper:
    def __init__(self, writer: IndexWriter, manifest: Manifest, report: _Counts, index_dir: Path):
        self.writer = writer
        self.report = report
        self.book = SourceBook(manifest.folds())
        self.index_dir = index_dir
        # Sketch changes wait for `commit`, after the index's: a cancelled sync leaves them as they were.
        self._sketches: dict[str, bytes | None] = {}
        self._afresh = False
        self._folded: tuple[Article, str] | None = None

    def start_afresh(self) -> None:
        self._afresh = True

    def same_text(self, article: Article) -> tuple[str, str | None]:
        """The article's fingerprint, and the id of an article already held with the same text."""
        lines = folded_lines(article.text)
        self._folded = (article, lines)  # kept for `sketch`, which follows for an article indexed
        fold = fingerprint(article, lines)
        return fold, self.book.same_text(fold)

    def first(self, article_id: str) -> str | None:
        return self.book.first(article_id)

    def indexed_from(self, path: str, article_ids: Iterable[str]) -> int:
        """How many of these articles `path` is the indexed (first) source of: copies count once."""
        return sum(1 for article_id in article_ids if self.book.first(article_id) == path)

    def hold(self, article_id: str, path: str, fold: str) -> None:
        self.book.hold(article_id, path, fold)

    def sketch(self, article: Article) -> None:
        folded = self._folded
        words = folded[1].split("\n") if folded is not None and folded[0] is article else None
        self._sketches[article.id] = sketch_of(article.text, words)

    def release(self, article_id: str, path: str) -> None:
        """`path` no longer holds the article: it leaves the index when no other file holds it."""
        kept, new_first = self.book.release(article_id, path)
        if not kept:
            self.writer.delete_by_term("id", article_id)
            self._sketches[article_id] = None
            self.report.removed += 1
        elif new_first is not None:
            self._move_source(article_id, new_first)

    def _move_source(self, article_id: str, path: str) -> None:
        """The stored document names the file that now comes first among its copies."""
        with self.writer.reader() as reader:
            docnum = reader.first_id("id", article_id)
            stored = dict(reader.stored_fields(docnum)) if docnum is not None else None
        if stored is None:
            return
        stored["source"] = path
        self.writer.update_document(**stored)
        self.report.relinked += 1

    def commit(self) -> None:
        if not (self._sketches or self._afresh):
            return
        with SketchStore(self.index_dir) as store:
            if self._afresh:
                store.clear()
            store.put_all(self._sketches, replace=not self._afresh)
            store.commit()
        self._sketches.clear()
        self._afresh = False
