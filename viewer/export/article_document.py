"""One article as a QTextDocument: title, metadata, text with highlights and note markers, endnotes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument, QTextFormat, QTextOption

from viewer.core.article import Article, BlockKind
from viewer.core.bidi import is_ltr, ltr_embedded
from viewer.core.jalali import both_dates, jalali_datetime
from viewer.core.persian_numbers import persian_digits
from viewer.core.source_names import file_name
from viewer.core.utf16 import Utf16Map
from viewer.export.article_pictures import place_pictures
from viewer.export.model import DEFAULT_HIGHLIGHT, ExportNote, ExportReply
from viewer.export.qt_runtime import export_font

LAYOUT_DPI = 300  # the PDF writer's resolution: the document is laid out in its device units
BODY_PT = 11.5


def _px(points: float) -> float:
    return points * LAYOUT_DPI / 72


NOTE_INDENT = _px(17)  # 6 mm
PICTURE_WIDTH_PT, PICTURE_HEIGHT_PT = 425, 312  # 15 × 11 cm: inside the 17 cm column, two to a page
INK = QColor("#1a1a1a")
MUTED = QColor("#5f6368")
MARKER = QColor("#b3261e")
RULE = QColor("#9e9e9e")
# A search's hits: a light purple, a hue none of the highlight colours has (the reading pane's amber is
# close to the yellow highlight, which would read as the researcher's own mark on paper).
HIT_BACKGROUND = "#ce93d8"
_WORD_END = set(" \t\n\u200c.,،؛;:!?؟»«()[]\"'/")


@dataclass(frozen=True)
class _Style:
    block: QTextBlockFormat
    char: QTextCharFormat


# AlignRight alone means "trailing edge" in a right-to-left block, i.e. the left: say the right edge absolutely.
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute


def _style(point_size: float, *, bold: bool = False, colour: QColor = INK, align: Qt.AlignmentFlag = RIGHT,
           before: float = 0, after: float = 6, line_height: int = 100, indent: int = 0) -> _Style:
    block = QTextBlockFormat()
    block.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    block.setAlignment(align)
    block.setTopMargin(_px(before))
    block.setBottomMargin(_px(after))
    block.setIndent(indent)
    if line_height != 100:
        block.setLineHeight(line_height, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    char = QTextCharFormat()
    char.setFont(export_font(point_size, bold=bold))
    char.setForeground(colour)
    return _Style(block, char)


class _Styles:
    def __init__(self) -> None:
        # Not justified: Qt stretches justified Persian lines glyph by glyph and PDF readers then copy
        # them as s p a c e d letters.
        justify = RIGHT
        self.title = _style(18, bold=True, after=4)
        self.meta = _style(9, colour=MUTED, after=1)
        self.lead = _style(12, bold=True, align=justify, before=4, after=8, line_height=150)
        self.heading = _style(13, bold=True, before=8, after=4)
        self.paragraph = _style(BODY_PT, align=justify, after=4, line_height=150)
        self.notes_heading = _style(13, bold=True, before=10, after=4)
        self.note_quote = _style(10, colour=MUTED, before=6, after=1)
        self.note_body = _style(10.5, after=1, line_height=130)
        self.note_byline = _style(8.5, colour=MUTED, after=3)
        self.marker = QTextCharFormat()
        self.marker.setFont(export_font(BODY_PT, bold=True))
        self.marker.setForeground(MARKER)
        self.marker.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
        self.plain = QTextCharFormat(self.paragraph.char)


class _Writer:
    """Appends blocks to a document; the first call fills the block a new document already has."""

    def __init__(self, doc: QTextDocument) -> None:
        self.cursor = QTextCursor(doc)
        self._empty = True

    def block(self, text: str, style: _Style, block_format: QTextBlockFormat | None = None) -> int:
        """Write one paragraph; return the document position where its text starts."""
        fmt = block_format or style.block
        if self._empty:
            self.cursor.setBlockFormat(fmt)
            self.cursor.setBlockCharFormat(style.char)
            self._empty = False
        else:
            self.cursor.insertBlock(fmt, style.char)
        start = self.cursor.position()
        self.cursor.insertText(text, style.char)
        return start

    def rule(self) -> None:
        fmt = QTextBlockFormat()
        fmt.setProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth, 1)
        fmt.setBottomMargin(_px(4))
        style = _style(4, colour=RULE)
        self.block("", style, fmt)


def _metadata_lines(article: Article) -> list[str]:
    lines = []
    if article.source:
        read_by = " (متن با نویسه‌خوانی OCR از تصویر صفحه)" if article.text_source == "ocr" else ""
        lines.append(f"منبع: {_embedded_if_ltr(file_name(article.source))}{read_by}")
    if article.code:
        lines.append(f"کد خبر: {persian_digits(article.code)}")
    if article.date:
        lines.append(f"تاریخ: {both_dates(article.date)}")
    if article.url:
        lines.append(f"نشانی: {ltr_embedded(article.url)}")
    if article.tags:
        lines.append("برچسب‌ها: " + "، ".join(article.tags))
    return lines


def _embedded_if_ltr(text: str) -> str:
    """A path or URL kept in its left-to-right order inside the RTL line: slashes and digits stay
    where they are."""
    return ltr_embedded(text) if is_ltr(text) else text


def _word_end(text: str, index: int) -> int:
    while index < len(text) and text[index] not in _WORD_END:
        index += 1
    return index


def _highlight_colour(name: str) -> QColor:
    colour = QColor(name) if name else QColor(DEFAULT_HIGHLIGHT)
    if not colour.isValid():
        colour = QColor(DEFAULT_HIGHLIGHT)
    if colour.lightness() < 170:  # a saturated colour would hide the text: print it as a pastel
        colour = QColor.fromHslF(colour.hslHueF() if colour.hslHueF() >= 0 else 0, min(colour.hslSaturationF(), 0.8), 0.8)
    colour.setAlpha(255)
    return colour


@dataclass(frozen=True)
class NotePlan:
    """Which notes go where. Endnote numbers run through `numbered`, then `whole_article`, then `orphaned`."""

    highlights: list[ExportNote]
    numbered: list[ExportNote]
    whole_article: list[ExportNote]
    orphaned: list[ExportNote]


def plan_notes(notes: Sequence[ExportNote]) -> NotePlan:
    placed = sorted((n for n in notes if n.placed), key=lambda n: (n.start, n.end))
    return NotePlan(
        highlights=[n for n in placed if (n.end or 0) > (n.start or 0)],
        numbered=[n for n in placed if n.has_note],
        whole_article=[n for n in notes if not n.orphaned and not n.placed],
        orphaned=[n for n in notes if n.orphaned],
    )


def build_article_document(article: Article, notes: Sequence[ExportNote] = (), *, with_notes: bool = True,
                           hits: Sequence[tuple[int, int]] = ()) -> QTextDocument:
    """The article as a document: its notes' highlights, markers and endnotes (`with_notes`), and a
    search's `hits` (spans of `article.text`) marked in a colour no highlight has, under the highlights."""
    styles = _Styles()
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(export_font(BODY_PT))
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setAlignment(RIGHT)
    doc.setDefaultTextOption(option)
    doc.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, article.title)

    writer = _Writer(doc)
    writer.block(article.title, styles.title)
    for line in _metadata_lines(article):
        writer.block(line, styles.meta)
    writer.rule()

    text = article.text
    body_start = -1
    # The block numbers that end the body's first k blocks: where the pictures are put in, last.
    boundaries = [writer.cursor.blockNumber()]
    style_by_kind = {BlockKind.LEAD: styles.lead, BlockKind.HEADING: styles.heading, BlockKind.PARAGRAPH: styles.paragraph}
    for block in article.blocks:
        start = writer.block(block.text, style_by_kind.get(block.kind, styles.paragraph))
        boundaries.append(writer.cursor.blockNumber())
        if body_start < 0:
            body_start = start
    if body_start >= 0 and hits:
        _mark_hits(writer.cursor, text, body_start, hits)
    if body_start >= 0 and with_notes and notes:
        plan = plan_notes(notes)
        _mark_text(writer.cursor, styles, text, body_start, plan)
        _write_endnotes(writer, styles, text, plan)
    place_pictures(doc, article, boundaries, _px(PICTURE_WIDTH_PT), _px(PICTURE_HEIGHT_PT), styles.meta.char, _px(6),
                   LAYOUT_DPI)
    return doc


def _mark_hits(cursor: QTextCursor, text: str, body_start: int, hits: Sequence[tuple[int, int]]) -> None:
    utf16 = Utf16Map(text)
    mark = QTextCharFormat()
    mark.setBackground(QColor(HIT_BACKGROUND))
    for start, end in hits:
        cursor.setPosition(body_start + utf16.to_utf16(max(0, min(start, len(text)))))
        cursor.setPosition(body_start + utf16.to_utf16(max(0, min(end, len(text)))), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(mark)
    cursor.movePosition(QTextCursor.MoveOperation.End)


def _mark_text(cursor: QTextCursor, styles: _Styles, text: str, body_start: int, plan: NotePlan) -> None:
    utf16 = Utf16Map(text)

    def doc_pos(index: int) -> int:
        return body_start + utf16.to_utf16(max(0, min(index, len(text))))

    for note in plan.highlights:
        highlight = QTextCharFormat()
        highlight.setBackground(_highlight_colour(note.colour))
        cursor.setPosition(doc_pos(note.start or 0))
        cursor.setPosition(doc_pos(note.end or 0), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(highlight)
    # Markers go after the word the note ends in, inserted back to front so earlier positions hold.
    markers = [(_word_end(text, max(n.start or 0, min(n.end or 0, len(text)))), number)
               for number, n in enumerate(plan.numbered, 1)]
    for index, number in sorted(markers, reverse=True):
        cursor.setPosition(doc_pos(index))
        cursor.insertText(" ", styles.plain)
        cursor.insertText(persian_digits(number), styles.marker)
    cursor.movePosition(QTextCursor.MoveOperation.End)


def _write_endnotes(writer: _Writer, styles: _Styles, text: str, plan: NotePlan) -> None:
    number = 0
    sections = (("یادداشت‌ها", plan.numbered, True), ("یادداشت‌ها دربارهٔ کل خبر", plan.whole_article, False),
                ("یادداشت‌هایی که جایشان در متن کنونی پیدا نشد", plan.orphaned, False))
    for heading, notes, quote_from_text in sections:
        if not notes:
            continue
        writer.block(heading, styles.notes_heading)
        for note in notes:
            number += 1
            quote = note.quote
            if quote_from_text and note.start is not None and note.end is not None:
                quote = text[max(0, note.start):max(0, note.end)] or quote
            _write_note(writer, styles, number, quote, note)


def _write_note(writer: _Writer, styles: _Styles, number: int, quote: str, note: ExportNote) -> None:
    quote = " ".join(quote.split())
    if len(quote) > 300:
        quote = quote[:300].rsplit(" ", 1)[0] + " …"
    label = persian_digits(number) + "."
    body = note.body
    if quote:
        writer.block(f"{label} «{quote}»", styles.note_quote)
    else:
        body = f"{label} {body}"
    _write_entry(writer, styles, body, note.author, note.created, depth=0, space_above=not quote)
    for reply in note.replies:
        _write_reply(writer, styles, reply, depth=1)


def _write_reply(writer: _Writer, styles: _Styles, reply: ExportReply, depth: int) -> None:
    _write_entry(writer, styles, reply.body, reply.author, reply.created, depth=depth, is_reply=True)
    for child in reply.replies:
        _write_reply(writer, styles, child, depth + 1)


def _write_entry(writer: _Writer, styles: _Styles, body: str, author: str, created: datetime | None, depth: int,
                 is_reply: bool = False, space_above: bool = False) -> None:
    # Physical margins: setIndent() would be a few pixels at the PDF's resolution. RTL indents from the right.
    indent = NOTE_INDENT * (min(depth, 6) + 1)
    body_format = QTextBlockFormat(styles.note_body.block)
    body_format.setRightMargin(indent)
    lines = body.split("\n") if body else [""]
    for i, line in enumerate(lines):
        block_format = QTextBlockFormat(body_format)
        if i == 0 and space_above:
            block_format.setTopMargin(styles.note_quote.block.topMargin())
        writer.block(line, styles.note_body, block_format)
    byline = "، ".join(part for part in (author, jalali_datetime(created) if created else "") if part)
    if byline or is_reply:
        byline_format = QTextBlockFormat(styles.note_byline.block)
        byline_format.setRightMargin(indent)
        writer.block(("پاسخ — " if is_reply else "— ") + byline, styles.note_byline, byline_format)
