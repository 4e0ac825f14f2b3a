"""A source file read, parsed and analysed, ready for the index writer.

This is the part of a sync that needs no index: it runs in worker processes (see `feed.py`) while the
main process feeds Whoosh's writer in file order. The text fields' postings are worked out here with
the schema's own format and analyzer, so the writer indexes exactly what it would have analysed
itself; `AnalyzedText` carries them packed to the writer (`bulk_writer.py`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt
from whoosh import fields

from viewer.analysis.analyzer import token_pattern, token_term_positions
from viewer.analysis.word_groups import token_sequence
from viewer.core.article import Article
from viewer.core.errors import CancelledError, ImportFailure
from viewer.importers import page_images
from viewer.importers.binary_formats import binary_kind
from viewer.importers.common.reading_context import NO_CONTEXT, ReadingContext
from viewer.importers.reader import parse_source
from viewer.importers.text.warc_format import parse_warc
from viewer.search.copies.fingerprints import fingerprint, folded_words, sketch
from viewer.search.format.packed import PackedPostings
from viewer.search.indexing.token_table import TokenTable
from viewer.search.schema import TEXT_FIELDS, build_schema, document_of, sketch_fields, word_fields


class AnalyzedText(str):
    """A text field's value with its postings already worked out (packed: see packed.py)."""

    packed: PackedPostings

    def __new__(cls, text: str, packed: PackedPostings) -> AnalyzedText:
        value = super().__new__(cls, text)
        value.packed = packed
        return value

    def __reduce__(self) -> tuple[object, ...]:
        return (AnalyzedText, (str(self), self.packed))


def stored_hash(article: Article, document: dict[str, object] | None = None) -> str:
    """A digest of everything the index stores of the article but its id and source file: equal
    digests, equal documents (the content hash leaves the date, code and line kinds out).
    `document`: document_of(article), when the caller has it already."""
    stored = dict(document_of(article) if document is None else document)
    del stored["id"], stored["source"]
    return hashlib.sha1(json.dumps(stored, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")).hexdigest()


@dataclass
class PreparedArticle:
    article: Article
    content_hash: str  # stored_hash
    title: AnalyzedText
    text: AnalyzedText
    fold: str = ""  # fingerprints.fingerprint: the same for exact copies ("" for a text too short)
    sketch: bytes | None = None  # fingerprints.sketch: the MinHash signature for near duplicates
    words: dict[str, object] | None = None  # schema.word_fields of the text (None: worked out here)

    def document(self) -> dict[str, object]:
        """The writer's fields: the analysed texts indexed, the plain ones stored."""
        words = self.words if self.words is not None else word_fields(self.article.text)
        doc = document_of(self.article) | sketch_fields(self.sketch) | words
        for name in TEXT_FIELDS:
            stored = doc.get(f"_stored_{name}", doc[name])  # the text field indexes the tags' words too
            doc[name] = getattr(self, name)
            doc[f"_stored_{name}"] = str(stored)
        return doc


# A file whose reading ran out of memory (the worker's cap, see prepare_pool.py, or the machine's).
OUT_OF_MEMORY = ("Reading the file needed more memory than one file may use; it was stopped.",
                 "خواندن پرونده بیش از حافظهٔ مجاز برای یک پرونده لازم داشت و متوقف شد.")


@dataclass
class PreparedFile:
    digest: str = ""
    # None when the content is the one already indexed (same SHA-1): nothing was parsed.
    articles: list[PreparedArticle] | None = None
    failure: tuple[str, str] | None = None  # (English, Persian) when the file cannot be read as articles
    # a WARC: read on from this byte (0: from the start), up to `read_up_to` whose bytes have that SHA-1
    appended_from: int = 0
    read_up_to: int = 0
    read_up_to_sha1: str = ""


@cache
def _text_fields() -> dict[str, fields.FieldType]:
    schema = build_schema()
    return {name: schema[name] for name in TEXT_FIELDS}


def analyzed(fieldname: str, text: str) -> AnalyzedText:
    field = _text_fields()[fieldname]
    return AnalyzedText(text, field.format.packed_values(text, field.analyzer))


_TOKENS = TokenTable()  # this process's tokens met so far (token_table.py)
# Fewer tokens than this (a title, a brief): Python per token costs less than numpy's calls per text.
FEW_TOKENS = 40


def _analyzed_text(text: str, indexed: str) -> tuple[AnalyzedText, dict[str, object]]:
    """The text field's postings and the word groups' field of an article whose stored text is `text`,
    from one pass of the tokenizer: the indexed text is the stored one, a line break, then the tags
    (schema.document_of), and no token crosses a line, so the stored text's tokens come first
    among the indexed text's."""
    find = token_pattern().findall
    tokens = find(text)
    ids = _TOKENS.ids(tokens) if len(tokens) >= FEW_TOKENS else None
    words: dict[str, object] = {"words": token_sequence(tokens) if ids is None else _TOKENS.word_sequence(ids)}
    if indexed != text:
        if indexed.startswith(text):
            tokens = tokens + find(indexed[len(text):])
        else:
            tokens, ids = find(indexed), None
    return AnalyzedText(indexed, _postings("text", indexed, tokens, ids)), words


def _analyzed_title(title: str) -> AnalyzedText:
    """analyzed("title", title)."""
    return AnalyzedText(title, _postings("title", title, token_pattern().findall(title)))


def _postings(fieldname: str, value: str, tokens: list[str], known: npt.NDArray[np.int64] | None = None) -> PackedPostings:
    """`analyzed(fieldname, value).packed` of a value whose tokens are `tokens`; `known`: the
    numbers of the first of them, when the token table gave them already."""
    if len(value) > 0xFFFF or len(tokens) < FEW_TOKENS:
        # positions past 65,535 may take four bytes: the format's own packing
        packed: PackedPostings = _text_fields()[fieldname].format.packed_positions(token_term_positions(tokens),
                                                                                  len(value))
        return packed
    ids = _TOKENS.ids(tokens) if known is None else np.concatenate((known, _TOKENS.ids(tokens[len(known):])))
    return _TOKENS.postings(ids)


def prepare_file(path: str, known_sha1: str | None, read_up_to: int = 0, read_up_to_sha1: str = "",
                 context: ReadingContext = NO_CONTEXT) -> PreparedFile:
    """Read `path`; unless its SHA-1 is `known_sha1`, parse it and analyse every article's text. A WARC
    whose first `read_up_to` bytes are unchanged is read on from there (a crawler appended to it).
    Pages read by OCR are cached, and pictures taken out of containers kept, in the `context`'s folders;
    its cancel is asked, and its page callback told, before each page read by OCR."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return PreparedFile(failure=(f"Cannot read the file: {exc.strerror or exc}.",
                                     f"پرونده خوانده نشد: {exc.strerror or exc}."))
    digest = hashlib.sha1(data).hexdigest()
    if digest == known_sha1:
        return PreparedFile(digest)
    ready = PreparedFile(digest)
    try:
        ready.articles = _prepared_articles(path, data, ready, read_up_to, read_up_to_sha1, context)
    except ImportFailure as exc:
        ready.failure = (exc.en, exc.fa)
    except MemoryError:
        ready.failure = OUT_OF_MEMORY
    except CancelledError:
        raise  # the sync was cancelled during a long scan: not a fault of the file
    except Exception as exc:  # noqa: BLE001 - a reader's fault on one file costs that file, never the sync
        ready.failure = (f"The file could not be read ({type(exc).__name__}: {_short(exc)}).",
                         f"پرونده خوانده نشد ({type(exc).__name__}: {_short(exc)}).")
    return ready


def _prepared_articles(path: str, data: bytes, ready: PreparedFile, read_up_to: int,
                       read_up_to_sha1: str, context: ReadingContext) -> list[PreparedArticle]:
    if binary_kind(data) == "warc":
        ready.appended_from = _appended_from(data, read_up_to, read_up_to_sha1)
        warc = parse_warc(data, ready.appended_from)
        articles = warc.articles
        page_images.with_kept_images(articles, data, Path(path), context.pictures)  # the pictures its pages show
        ready.read_up_to = warc.end
        ready.read_up_to_sha1 = ready.digest if warc.end == len(data) else hashlib.sha1(data[:warc.end]).hexdigest()
    else:
        articles = parse_source(data, Path(path).name, context)
        page_images.with_kept_images(articles, data, Path(path), context.pictures)
    prepared = []
    for article in articles:
        article.source = path
        indexed = document_of(article)
        plain = article.text  # (a property: joined once here)
        words = folded_words(plain)
        _TOKENS.start()  # (the table's numbers stay valid within an article)
        text, word_groups = _analyzed_text(plain, str(indexed["text"]))
        prepared.append(PreparedArticle(article, stored_hash(article, indexed), _analyzed_title(str(indexed["title"])),
                                        text, fingerprint(article.title, words), sketch(words), word_groups))
    return prepared


def _short(exc: BaseException) -> str:
    """An exception's message on one line and short: it may quote the file's own bytes."""
    text = " ".join(str(exc).split())
    return text if len(text) <= 200 else text[:199] + "…"


def _appended_from(data: bytes, read_up_to: int, read_up_to_sha1: str) -> int:
    """Where a WARC that a crawler appended to goes on: the end of the records read last time, when
    the bytes up to it are the same; else 0 (read it all)."""
    if not read_up_to or read_up_to > len(data):
        return 0
    return read_up_to if hashlib.sha1(data[:read_up_to]).hexdigest() == read_up_to_sha1 else 0
