"""Files told apart by their first bytes, whatever their name: PDF, ZIP containers (DOCX, ODT,
WACZ), web archives (WARC, gzipped or not) and saved pages in MIME form (MHTML)."""

from __future__ import annotations

import zlib

from viewer.core.article import Article
from viewer.core.errors import ImportFailure
from viewer.importers.common.reading_context import NO_CONTEXT, ReadingContext
from viewer.importers.documents.document_format import parse_docx, parse_odt, zip_kind
from viewer.importers.documents.pdf_format import parse_pdf
from viewer.importers.scans.image_format import looks_like_image, parse_image
from viewer.importers.text.mhtml_format import looks_like_mhtml, parse_mhtml
from viewer.importers.text.warc_format import looks_like_warc, parse_wacz, parse_warc


def parse_binary(data: bytes, name: str = "", context: ReadingContext = NO_CONTEXT) -> list[Article] | None:
    """The articles of a file of one of these formats, or None when it is none of them (text).
    `name` is the file's name; `context` is for the scans read by OCR."""
    kind = binary_kind(data)
    if not kind:
        return None
    if kind == "pdf":
        return parse_pdf(data, name, context)
    if kind == "warc":
        return parse_warc(data).articles
    if kind == "image":
        return parse_image(data, context)
    if kind == "mhtml":
        return parse_mhtml(data)
    if kind == "zip":
        inner = zip_kind(data)
        if inner == "docx":
            return parse_docx(data)
        if inner == "odt":
            return parse_odt(data)
        if inner == "wacz":
            return parse_wacz(data)
        raise ImportFailure("A ZIP file that is neither a Word/OpenDocument document nor a WACZ web archive.",
                            "پروندهٔ ZIP که نه سند Word/OpenDocument است و نه بایگانی وب WACZ.")
    raise ImportFailure("A gzip file that is not a web archive (WARC).", "پروندهٔ gzip که بایگانی وب (WARC) نیست.")


def binary_kind(data: bytes) -> str:
    """"pdf", "image" (a scan: PNG, JPEG, TIFF), "zip", "warc", "gzip" (not a WARC), "mhtml" or "" (text)."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if looks_like_image(data):
        return "image"
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if data.startswith(b"\x1f\x8b"):
        return "warc" if looks_like_warc(_gunzipped_head(data)) else "gzip"
    if looks_like_warc(data):
        return "warc"
    if looks_like_mhtml(data[:4096].lstrip().lower()):
        return "mhtml"
    return ""


def _gunzipped_head(data: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:4096], 16)
    except zlib.error:
        return b""
