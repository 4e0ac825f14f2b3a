"""Index fields. Whoosh pickles this schema (analyzers included) into the index."""

from __future__ import annotations

from datetime import datetime

from whoosh import columns, fields

from viewer.analysis.analyzer import persian_analyzer, tag_analyzer
from viewer.analysis.word_groups import token_sequence, word_sequence
from viewer.core.article import Article, Picture, blocks_from_lines
from viewer.search.copies.fingerprints import SIGNATURE_BYTES
from viewer.search.format.postings import PersianPositions
from viewer.search.format.stored_column import ZstdBytesColumn

SCHEMA_VERSION = 14  # 5: posting blocks packed by viewer/search/format/codec.py; 6: tag words searched as text;
# 7: copies of one text are one article, near duplicates sketched (sketch, bands); 8: only a block's
# positions compressed, id gaps and weights packed small (block_format.py); 9: a short text's exact
# copies (the same title and text) are one article too; 10: text_source, pages, images; 11: words, each
# word position's collocation group and spelling (viewer/analysis/word_groups.py); 12: words as entry
# numbers into the archive's table of (group, spelling) pairs (viewer/search/indexing/word_table.py),
# the stored fields compressed by zstd with a dictionary (viewer/search/format/stored_column.py)
# 13: an article's word entry numbers below 2**16 first, two bytes each (word_table.py); a block's word
# positions as steps in LEB128 with each posting's byte count, uncompressed (format/block_format.py), so
# a phrase reads only its documents' positions
# 14 (index-size3): the sketch keeps each MinHash minimum's low 16 bits, 128 bytes an article (b-bit
# MinHash: copies/fingerprints.py)
TEXT_FIELDS = ("title", "text")
TITLE_BOOST = 2.5


def _text_field(field_boost: float = 1.0) -> fields.TEXT:
    field = fields.TEXT(analyzer=persian_analyzer(), stored=True, field_boost=field_boost)
    field.format = PersianPositions(field_boost=field_boost)
    return field


def build_schema() -> fields.Schema:
    return fields.Schema(
        id=fields.ID(stored=True, unique=True, sortable=True),  # a column: ids of a whole result set
        title=_text_field(TITLE_BOOST),
        text=_text_field(),
        kinds=fields.STORED(),
        tags=fields.TEXT(analyzer=tag_analyzer(), phrase=False, stored=True),
        # Shown, never searched: stored only, so they cost no terms or postings.
        category=fields.STORED(),
        source=fields.STORED(),
        url=fields.STORED(),
        code=fields.STORED(),
        text_source=fields.STORED(),  # "ocr", "text layer" (a PDF's) or "file"
        pages=fields.STORED(),
        # [[path, caption, offset], ...] of the pictures kept with the article; offset: where it stood in
        # the text (an index written before offsets were kept has [path, caption]: shown after the lead)
        images=fields.STORED(),
        date=fields.DATETIME(stored=True, sortable=True),
        # Near duplicates (viewer/search/copies/fingerprints.py): the MinHash signature, a fixed-width column
        # that near_duplicates.py reads in one piece (zeros: none).
        sketch=fields.COLUMN(columns.FixedBytesColumn(SIGNATURE_BYTES)),
        # The collocations' arrays (word_groups.py): a column, read by document number without
        # unpickling the stored text; zstd-compressed with the segment's dictionary (schema 14).
        words=fields.COLUMN(ZstdBytesColumn()),
    )


def document_of(article: Article) -> dict[str, object]:
    doc: dict[str, object] = {
        "id": article.id,
        "title": article.title,
        # The tags' words are searched as words of the text (`انتقالات 1396` finds the tag
        # `نقل و انتقالات 1396`); the stored text stays the article's own.
        "text": article.text + "\n" + "\n".join(article.tags) if article.tags else article.text,
        "_stored_text": article.text,
        "kinds": article.block_kinds,
        "tags": "\n".join(article.tags),
        "category": article.category,
        "source": article.source,
        "url": article.url,
        "code": article.code,
        "text_source": article.text_source,
        "pages": article.pages,
    }
    if article.images:
        doc["images"] = [list(image) for image in article.images]
    if article.date is not None:
        doc["date"] = article.date
    return doc


def sketch_fields(signature: bytes | None) -> dict[str, object]:
    """The near-duplicate fields of a document whose text has this MinHash signature (None: too short)."""
    if signature is None:
        return {}
    return {"sketch": signature}


def word_fields(text: str, tokens: list[str] | None = None) -> dict[str, object]:
    """The collocations' field of a document whose stored text is `text` (`tokens`: its tokens,
    when the indexer found them already)."""
    return {"words": word_sequence(text) if tokens is None else token_sequence(tokens)}


def article_of(stored: dict[str, object]) -> Article:
    date = stored.get("date")
    return Article(
        id=str(stored["id"]),
        title=str(stored.get("title", "")),
        blocks=blocks_from_lines(str(stored.get("text", "")), str(stored.get("kinds", ""))),
        tags=[t for t in str(stored.get("tags", "")).split("\n") if t],
        category=str(stored.get("category", "")),
        url=str(stored.get("url", "")),
        code=str(stored.get("code", "")),
        date=date if isinstance(date, datetime) else None,
        source=str(stored.get("source", "")),
        text_source=str(stored.get("text_source", "file")),
        pages=int(str(stored.get("pages", 0))),
        images=_images(stored.get("images")),
    )


def _images(stored: object) -> list[Picture]:
    if not isinstance(stored, list):
        return []
    return [Picture(str(item[0]), str(item[1]), _offset(item[2:]))
            for item in stored if isinstance(item, (list, tuple)) and len(item) in (2, 3)]


def _offset(rest: list[object] | tuple[object, ...]) -> int | None:
    offset = rest[0] if rest else None
    return offset if isinstance(offset, int) and not isinstance(offset, bool) and offset >= 0 else None
