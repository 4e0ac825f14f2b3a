"""A source file read, parsed and analysed, ready for the index writer.

This is the part of a sync that needs no index: it runs in worker processes (see `feed.py`) while the
main process feeds Whoosh's writer in file order. The text fields' postings are worked out here with
the schema's own format and analyzer, so the writer indexes exactly what it would have analysed
itself; `AnalyzedText` carries them to `PersianPositions.word_values`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from whoosh import fields

from viewer.core.article import Article
from viewer.core.errors import ImportFailure
from viewer.importers.encoding import decode
from viewer.importers.reader import parse_source_text
from viewer.search.schema import TEXT_FIELDS, build_schema, document_of

Posting = tuple[str, int, float, bytes]  # term, frequency, weight, encoded positions


class AnalyzedText(str):
    """A text field's value with its postings already worked out."""

    postings: list[Posting]

    def __new__(cls, text: str, postings: list[Posting]) -> AnalyzedText:
        value = super().__new__(cls, text)
        value.postings = postings
        return value

    def __reduce__(self) -> tuple[object, ...]:
        return (AnalyzedText, (str(self), self.postings))


@dataclass
class PreparedArticle:
    article: Article
    content_hash: str
    title: AnalyzedText
    text: AnalyzedText

    def document(self) -> dict[str, object]:
        """The writer's fields: the analysed texts indexed, the plain ones stored."""
        doc = document_of(self.article)
        for name in TEXT_FIELDS:
            doc[name] = getattr(self, name)
            doc[f"_stored_{name}"] = str(doc[name])
        return doc


@dataclass
class PreparedFile:
    digest: str = ""
    # None when the content is the one already indexed (same SHA-1): nothing was parsed.
    articles: list[PreparedArticle] | None = None
    failure: tuple[str, str] | None = None  # (English, Persian) when the file cannot be read as articles


@cache
def _text_fields() -> dict[str, fields.FieldType]:
    schema = build_schema()
    return {name: schema[name] for name in TEXT_FIELDS}


def analyzed(fieldname: str, text: str) -> AnalyzedText:
    field = _text_fields()[fieldname]
    return AnalyzedText(text, list(field.format.word_values(text, field.analyzer, mode="index")))


def prepare_file(path: str, known_sha1: str | None) -> PreparedFile:
    """Read `path`; unless its SHA-1 is `known_sha1`, parse it and analyse every article's text."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return PreparedFile(failure=(f"Cannot read the file: {exc.strerror or exc}.",
                                     f"پرونده خوانده نشد: {exc.strerror or exc}."))
    digest = hashlib.sha1(data).hexdigest()
    if digest == known_sha1:
        return PreparedFile(digest)
    try:
        articles = parse_source_text(decode(data), Path(path).name)
    except ImportFailure as exc:
        return PreparedFile(digest, failure=(exc.en, exc.fa))
    prepared = []
    for article in articles:
        article.source = path
        prepared.append(PreparedArticle(article, article.content_hash(), analyzed("title", article.title),
                                        analyzed("text", article.text)))
    return PreparedFile(digest, prepared)
