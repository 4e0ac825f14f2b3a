"""Word processor documents: DOCX (read by python-docx) and ODT (its content.xml and meta.xml).
One article per file; the title from the document properties, else its first heading, else its
first line."""

from __future__ import annotations

import zipfile
import zlib
from datetime import datetime
from typing import Any

from lxml import etree

from viewer.core.article import Article, Block, BlockKind
from viewer.core.errors import ImportFailure
from viewer.importers.common.cleanup import clean_line, clean_tag
from viewer.importers.common.dates import parse_date
from viewer.importers.common.zip_parts import open_zip, read_member

_ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ODF_META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
_DC = "http://purl.org/dc/elements/1.1/"
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)

Paragraph = tuple[str, bool]  # text, whether it is a heading


def zip_kind(data: bytes) -> str:
    """"docx", "odt", "wacz" or "" for the ZIP container in `data`."""
    archive = open_zip(data)
    names = set(archive.namelist())
    if "word/document.xml" in names:
        return "docx"
    if "content.xml" in names and b"opendocument.text" in data[:200]:
        return "odt"
    if "datapackage.json" in names or any(n.startswith("archive/") and ".warc" in n for n in names):
        return "wacz"
    return ""


def parse_docx(data: bytes) -> list[Article]:
    import io

    import docx  # python-docx, imported on first use
    from docx.opc.exceptions import PackageNotFoundError

    open_zip(data)  # a damaged container gets our message, not python-docx's
    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs: list[Paragraph] = [
            (p.text, (p.style.name if p.style is not None else "").lower().startswith(("heading", "title")))
            for p in document.paragraphs
        ]
        props = document.core_properties
        title, keywords, created = props.title or "", props.keywords or "", props.created
    except (PackageNotFoundError, KeyError, ValueError, AttributeError, TypeError, IndexError, etree.XMLSyntaxError,
            zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
        raise ImportFailure(f"The Word document is damaged: {exc}.", f"سند Word آسیب دیده است: {exc}.") from exc
    return [_article(paragraphs, title, keywords, created)]


def parse_odt(data: bytes) -> list[Article]:
    archive = open_zip(data)
    try:
        content = etree.fromstring(read_member(archive, "content.xml"), _SAFE_XML)
        meta = etree.fromstring(read_member(archive, "meta.xml"), _SAFE_XML) if "meta.xml" in archive.namelist() else None
    except etree.XMLSyntaxError as exc:
        raise ImportFailure(f"The OpenDocument file is damaged: {exc}.", f"سند OpenDocument آسیب دیده است: {exc}.") from exc
    paragraphs: list[Paragraph] = [
        ("".join(element.itertext()), element.tag == f"{{{_ODF_TEXT}}}h")
        for element in content.iter(f"{{{_ODF_TEXT}}}p", f"{{{_ODF_TEXT}}}h")
    ]
    title = keywords = ""
    created: Any = None
    if meta is not None:
        title = meta.findtext(f".//{{{_DC}}}title") or ""
        keywords = ",".join(k.text or "" for k in meta.iter(f"{{{_ODF_META}}}keyword"))
        created = meta.findtext(f".//{{{_ODF_META}}}creation-date")
    return [_article(paragraphs, title, keywords, created)]


def _article(paragraphs: list[Paragraph], title: str, keywords: str, created: Any) -> Article:
    lines = [(line, heading) for text, heading in paragraphs for line in [clean_line(text)] if line]
    title = clean_line(title)
    if not title:
        first_heading = next((i for i, (_, heading) in enumerate(lines) if heading), 0) if lines else None
        if first_heading is None:
            raise ImportFailure("The document has no text.", "سند متنی ندارد.")
        title = lines.pop(first_heading)[0]
    elif lines and lines[0][0] == title:
        lines.pop(0)
    blocks = [Block(BlockKind.HEADING if heading else BlockKind.PARAGRAPH, line) for line, heading in lines]
    if blocks and blocks[0].kind is BlockKind.PARAGRAPH:
        blocks[0] = Block(BlockKind.LEAD, blocks[0].text)
    tags = [clean_tag(k) for k in keywords.replace("،", ",").replace(";", ",").split(",")]
    return Article(title=title, blocks=blocks, tags=list(dict.fromkeys(t for t in tags if t)),
                   date=created.replace(tzinfo=None) if isinstance(created, datetime) else parse_date(created))
