"""A real index of several segments with deleted documents: the shape of an archive synced many
times, which every per-segment path must read as Whoosh does."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.index import FileIndex

from viewer.core.article import Article
from viewer.importers.reader import read_articles
from viewer.search.copies.identity import primary_id
from viewer.search.format.codec import ArrayCodec
from viewer.search.schema import build_schema, document_of


def segmented_articles(corpus_dir: Path) -> list[Article]:
    """The 300 articles the segmented index holds, with their ids."""
    return [replace(a, id=primary_id(a)) for a in read_articles(corpus_dir / "fars-news-1.json")[:300]]


def three_segment_index(folder: Path, corpus_dir: Path) -> FileIndex:
    """The 300 articles in three segments (120, 100 and 80), every seventh from the sixth deleted."""
    articles = segmented_articles(corpus_dir)
    ix = FileStorage(str(folder)).create_index(build_schema())
    for part in (articles[:120], articles[120:220], articles[220:]):
        with ix.writer(codec=ArrayCodec(), merge=False) as writer:
            for article in part:
                writer.add_document(**document_of(article))
    with ix.writer(codec=ArrayCodec(), merge=False) as writer:
        for article in articles[5:300:7]:
            writer.delete_by_term("id", article.id)
    return ix
