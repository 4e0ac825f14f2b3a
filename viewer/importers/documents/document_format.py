"""Word processor documents: DOCX (read by python-docx) and ODT (its content.xml and meta.xml).
One article per file; the title from the document properties, else its first heading, else its
first line. A DOCX's pictures are named by their member in it (`word/media/...`) with where each
stood in the text; page_images.py takes them out."""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Sequence
from datetime import datetime
from typing import Any, NamedTuple

from lxml import etree

from viewer.core.article import Article, Block, BlockKind, Picture
from viewer.core.errors import ImportFailure
from viewer.importers.common.cleanup import clean_line, clean_tag
from viewer.importers.common.dates import parse_date
from viewer.importers.common.zip_parts import open_zip, read_member

_ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ODF_META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
_DC = "http://purl.org/dc/elements/1.1/"
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_VML_IMAGE = "{urn:schemas-microsoft-com:vml}imagedata"
_DOC_PROPERTIES = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"

Paragraph = tuple[str, bool]  # text, whether it is a heading


class _Anchor(NamedTuple):
    """A picture in a paragraph: the paragraph's number, how much of its text came before it (the
    raw text), the picture's member in the package and its alternative text."""

    paragraph: int
    before: str
    member: str
    caption: str


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
        body = document.paragraphs
        paragraphs: list[Paragraph] = [
            (p.text, (p.style.name if p.style is not None else "").lower().startswith(("heading", "title")))
            for p in body
        ]
        media = {key: str(part.partname).lstrip("/") for key, part in document.part.related_parts.items()}
        # the body's w:p elements, in the order python-docx lists its paragraphs
        elements = document.element.body.iterchildren(f"{_W}p")
        anchors = [anchor for number, element in enumerate(elements) for anchor in _anchors(number, element, media)]
        props = document.core_properties
        title, keywords, created = props.title or "", props.keywords or "", props.created
    except (PackageNotFoundError, KeyError, ValueError, AttributeError, TypeError, IndexError, etree.XMLSyntaxError,
            zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
        raise ImportFailure(f"The Word document is damaged: {exc}.", f"سند Word آسیب دیده است: {exc}.") from exc
    return [_article(paragraphs, title, keywords, created, anchors)]


def _anchors(number: int, paragraph: Any, media: dict[str, str]) -> list[_Anchor]:
    """The pictures of one paragraph (a `w:p` element) in order, each with the text before it."""
    found: list[_Anchor] = []
    before: list[str] = []
    caption = ""
    for element in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", _DOC_PROPERTIES, _BLIP, _VML_IMAGE):
        if element.tag == f"{_W}t":
            before.append(element.text or "")
        elif element.tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
            before.append(" ")
        elif element.tag == _DOC_PROPERTIES:
            caption = str(element.get("descr") or element.get("title") or "")
        else:
            member = media.get(str(element.get(_R_EMBED if element.tag == _BLIP else _R_ID) or ""))
            if member is not None and member.startswith("word/media/"):
                found.append(_Anchor(number, "".join(before), member, clean_line(caption)))
            caption = ""
    return found


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


def _article(paragraphs: list[Paragraph], title: str, keywords: str, created: Any,
             anchors: Sequence[_Anchor] = ()) -> Article:
    lines = [(line, heading, number) for number, (text, heading) in enumerate(paragraphs) for line in [clean_line(text)] if line]
    title = clean_line(title)
    if not title:
        first_heading = next((i for i, (_, heading, _number) in enumerate(lines) if heading), 0) if lines else None
        if first_heading is None:
            raise ImportFailure("The document has no text.", "سند متنی ندارد.")
        title = lines.pop(first_heading)[0]
    elif lines and lines[0][0] == title:
        lines.pop(0)
    blocks = [Block(BlockKind.HEADING if heading else BlockKind.PARAGRAPH, line) for line, heading, _number in lines]
    if blocks and blocks[0].kind is BlockKind.PARAGRAPH:
        blocks[0] = Block(BlockKind.LEAD, blocks[0].text)
    tags = [clean_tag(k) for k in keywords.replace("،", ",").replace(";", ",").split(",")]
    return Article(title=title, blocks=blocks, tags=list(dict.fromkeys(t for t in tags if t)),
                   date=created.replace(tzinfo=None) if isinstance(created, datetime) else parse_date(created),
                   images=_placed(anchors, [(line, number) for line, _heading, number in lines]))


def _placed(anchors: Sequence[_Anchor], lines: list[tuple[str, int]]) -> list[Picture]:
    """The pictures at their offsets in the text of `lines` (each with its paragraph's number): inside
    the line of their paragraph, else before the next line kept (a picture alone in its paragraph)."""
    starts = []
    offset = 0
    for line, _number in lines:
        starts.append(offset)
        offset += len(line) + 1
    end = max(0, offset - 1)
    placed = []
    for anchor in anchors:
        following = next((i for i, (_line, number) in enumerate(lines) if number >= anchor.paragraph), None)
        if following is None:
            at = end
        elif lines[following][1] == anchor.paragraph:
            at = starts[following] + min(len(clean_line(anchor.before)), len(lines[following][0]))
        else:
            at = starts[following]
        placed.append(Picture(anchor.member, anchor.caption, at))
    return placed
