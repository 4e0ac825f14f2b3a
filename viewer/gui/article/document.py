"""An article laid out in a QTextDocument: title, meta line, tag chips, then its blocks as the
article has them (lead, subheadings, paragraphs) and the link. Body blocks are inserted as plain
text, so positions map exactly to `article.text` offsets (`ArticleLayout`); what stands between
them (the pictures) takes positions of its own, which the map steps over."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from urllib.parse import quote

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument, QTextOption

from viewer.core.article import Article, BlockKind
from viewer.core.bidi import isolated, ltr_isolated
from viewer.core.category_names import category_for
from viewer.core.persian_numbers import digits_for
from viewer.core.source_names import file_name
from viewer.core.utf16 import Utf16Map
from viewer.gui.common.dates import dated
from viewer.gui.common.fonts import FONT_FAMILY

TAG_SCHEME = "tag"
MORE_HREF = "more:"
RTL = Qt.LayoutDirection.RightToLeft


@dataclass
class ArticleLayout:
    """Where each block of `article.text` sits in the document."""

    text_starts: list[int] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)
    maps: list[Utf16Map] = field(default_factory=list)
    shown_chars: int = 0  # how much of article.text is in the document (a very long one is cut)
    total_chars: int = 0

    def to_position(self, offset: int) -> int:
        """A document position for a Python offset into article.text."""
        if not self.text_starts:
            return 0
        i = max(0, bisect_right(self.text_starts, offset) - 1)
        within = min(max(0, offset - self.text_starts[i]), self.lengths[i])
        return self.positions[i] + self.maps[i].to_utf16(within)

    def spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """The document positions of article.text[start:end], one (start, end) per block it touches:
        what stands between the blocks is left out."""
        found = []
        for i, text_start in enumerate(self.text_starts):
            if text_start > end:
                break
            first, last = max(start, text_start), min(end, text_start + self.lengths[i])
            if first < last:
                found.append((self.positions[i] + self.maps[i].to_utf16(first - text_start),
                              self.positions[i] + self.maps[i].to_utf16(last - text_start)))
        return found

    def holds(self, position: int) -> bool:
        """Whether `position` is in a block of article.text (not in the header, a picture or the footer)."""
        i = bisect_right(self.positions, position) - 1
        return i >= 0 and position <= self.positions[i] + self.maps[i].to_utf16(self.lengths[i])

    def to_offset(self, position: int) -> int:
        """A Python offset into article.text for a document position (header positions clamp to 0)."""
        if not self.positions:
            return 0
        i = bisect_right(self.positions, position) - 1
        if i < 0:
            return 0
        within = self.maps[i].from_utf16(position - self.positions[i])
        return self.text_starts[i] + min(within, self.lengths[i])


@dataclass
class Labels:
    """Translated words the layout needs (the caller translates them)."""

    source: str = "Source"
    code: str = "News code"
    date: str = "Date"
    category: str = "Category"
    link: str = "Link"
    cut: str = "Only the first {shown} of {total} characters are shown."
    more: str = "Show more"
    language: str = "en"  # "fa": codes and dates in Persian digits, known categories in Persian


# Line pitch in ems (the font's size): 1.7 for reading, as books and calibre's viewer set Persian text.
LINE_PITCH = {BlockKind.PARAGRAPH: 1.7, BlockKind.LEAD: 1.7, BlockKind.HEADING: 1.45}
TITLE_SIZE = 1.3  # the title's size against the body's: two lines at most in a 560-pixel column


def _char_size(kind: BlockKind, base: float) -> float:
    return base * {BlockKind.LEAD: 1.06, BlockKind.HEADING: 1.15}.get(kind, 1.0)


def _line_height_percent(family: str, point_size: float, pitch: float) -> float:
    """The proportional line height giving lines `pitch` ems apart: Qt's percentage is of the font's
    own line spacing, which for Vazirmatn is already about 1.5 ems."""
    font = QFont(family)
    font.setPointSizeF(point_size)
    metrics = QFontMetricsF(font)
    em = point_size * metrics.fontDpi() / 72
    return 100 * pitch * em / metrics.lineSpacing() if metrics.lineSpacing() > 0 else 100


def _block_format(kind: BlockKind, base: float, family: str = FONT_FAMILY) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setLayoutDirection(RTL)
    # Never justified: Qt stretches Persian lines with space inside words, breaking the joins.
    fmt.setAlignment(Qt.AlignmentFlag.AlignRight)
    fmt.setLineHeight(_line_height_percent(family, _char_size(kind, base), LINE_PITCH[kind]),
                      QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    fmt.setTopMargin(base * 1.4 if kind is BlockKind.HEADING else 0.0)
    fmt.setBottomMargin(base * 0.6)
    return fmt


def _char_format(kind: BlockKind, family: str, base: float, colours: dict[str, str]) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontFamilies([family])
    fmt.setFontPointSize(_char_size(kind, base))
    fmt.setFontWeight(QFont.Weight.Bold if kind is not BlockKind.PARAGRAPH else QFont.Weight.Normal)
    fmt.setForeground(QColor(colours["accent"] if kind is BlockKind.LEAD else colours["text"]))
    return fmt


def tag_href(tag: str) -> str:
    return f"{TAG_SCHEME}:{quote(tag)}"


def _chips(tags: list[str], colours: dict[str, str]) -> str:
    chips = [
        f'<a href="{tag_href(tag)}" style="text-decoration:none; color:{colours["chip_fg"]};">'
        f'<span style="background-color:{colours["chip_bg"]};">&nbsp;{escape(tag)}&nbsp;</span></a>'
        for tag in tags
    ]
    return "&nbsp; ".join(chips)


def marked_html(text: str, spans: list[tuple[int, int]], background: str) -> str:
    """`text` escaped, with each (start, end) span on a coloured background."""
    parts, last = [], 0
    for start, end in spans:
        parts.append(escape(text[last:start]))
        parts.append(f'<span style="background-color:{background};">{escape(text[start:end])}</span>')
        last = end
    parts.append(escape(text[last:]))
    return "".join(parts)


def _ui_direction(labels: Labels) -> str:
    """A line of the interface's words (labels, notices) runs in the interface language's direction."""
    return 'dir="rtl" align="right"' if labels.language == "fa" else 'dir="ltr" align="left"'


def _ui_block_format(labels: Labels, base: float) -> QTextBlockFormat:
    """The block a line of the interface's words is inserted into (its HTML merges into it)."""
    fmt = _block_format(BlockKind.PARAGRAPH, base)
    if labels.language != "fa":
        fmt.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        fmt.setAlignment(Qt.AlignmentFlag.AlignLeft)
    return fmt


def _header_html(article: Article, labels: Labels, colours: dict[str, str], base: float,
                 title_hits: list[tuple[int, int]]) -> str:
    # Each value is an isolate, so a Persian date or category cannot pull the labels and numbers
    # around it out of order; the line runs in the interface language's direction.
    meta = []
    if article.source:
        meta.append(f"{escape(labels.source)}:&nbsp;{ltr_isolated(escape(file_name(article.source)))}")
    if article.code:
        code = ltr_isolated(escape(digits_for(article.code, labels.language)))
        meta.append(f"{escape(labels.code).replace(' ', '&nbsp;')}:&nbsp;{code}")
    if article.category:
        meta.append(f"{escape(labels.category)}:&nbsp;{isolated(escape(category_for(article.category, labels.language)))}")
    if article.date:
        meta.append(f"{escape(labels.date)}:&nbsp;{isolated(escape(dated(article.date, labels.language)))}")
    parts = [
        f'<p dir="rtl" align="right" style="margin-top:0px; margin-bottom:{base * 0.3:.0f}px;">'
        f'<span style="font-size:{base * TITLE_SIZE:.1f}pt; font-weight:bold; color:{colours["text"]};">'
        f"{marked_html(article.title, title_hits, colours['hit_bg'])}</span></p>",
    ]
    if meta:
        parts.append(f'<p {_ui_direction(labels)} style="color:{colours["muted"]}; '
                     f'font-size:{base * 0.9:.1f}pt;">' + " &nbsp;·&nbsp; ".join(meta) + "</p>")
    if article.tags:
        parts.append(f'<p dir="rtl" align="right" style="font-size:{base * 0.85:.1f}pt; margin-top:{base * 0.2:.0f}px; '
                     f'margin-bottom:{base * 0.3:.0f}px;">'
                     f"{_chips(article.tags, colours)}</p>")
    # No rule under the header (a rule is a whole line high in Qt): the coloured lead sets the body apart.
    return "".join(parts)


def _footer_html(article: Article, labels: Labels, colours: dict[str, str], base: float) -> str:
    if not article.url:
        return ""
    return (f'<p {_ui_direction(labels)} style="font-size:{base * 0.85:.1f}pt; color:{colours["muted"]}; margin-top:{base:.0f}px;">'
            f'{escape(labels.link)}: <a href="{escape(article.url, quote=True)}" style="color:{colours["link"]};">'
            f"{ltr_isolated(escape(article.url))}</a></p>")


def _cut_notice(layout: ArticleLayout, labels: Labels, colours: dict[str, str], base: float,
                number: Callable[[int], str]) -> str:
    text = labels.cut.format(shown=number(layout.shown_chars), total=number(layout.total_chars))
    return (f'<p {_ui_direction(labels)} style="font-size:{base * 0.9:.1f}pt; color:{colours["muted"]};">'
            f'{escape(text)} <a href="{MORE_HREF}" style="color:{colours["link"]};">{escape(labels.more)}</a></p>')


def fill_reading_document(doc: QTextDocument, article: Article, family: str, base: float,
                           colours: dict[str, str], labels: Labels,
                           title_hits: list[tuple[int, int]] | None = None, limit: int | None = None,
                           number: Callable[[int], str] = str,
                           between_blocks: Callable[[QTextCursor, int], None] | None = None) -> ArticleLayout:
    """Fills the reading pane's `doc` with `article` in the theme's colours, its title's hits marked;
    returns where its text blocks landed. Past `limit` characters the text is cut and a notice offers
    more (laying out megabytes would freeze the window). A PDF's page is made by
    viewer.export.article_document.build_article_document, with the notes beside the text.
    `between_blocks(cursor, k)` inserts what stands after the first k blocks (k = 0: before the first),
    for each k whose blocks are all shown: the pictures."""
    doc.clear()
    font = QFont(family)
    font.setPointSizeF(base)
    doc.setDefaultFont(font)
    option = QTextOption()
    option.setTextDirection(RTL)
    option.setAlignment(Qt.AlignmentFlag.AlignRight)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    doc.setDocumentMargin(base)
    # Header lines close together (Qt gives a paragraph 12 pixels above and below): the body starts higher.
    doc.setDefaultStyleSheet(f"body {{ font-family: '{family}'; color: {colours['text']}; }} "
                             f"p {{ margin-top: 0px; margin-bottom: {base * 0.3:.0f}px; }}")
    cursor = QTextCursor(doc)
    cursor.insertHtml(_header_html(article, labels, colours, base, title_hits or []))
    layout = ArticleLayout()
    offset = 0
    if between_blocks is not None:
        between_blocks(cursor, 0)
    for index, block in enumerate(article.blocks):
        if limit is not None and offset >= limit:
            break
        text = block.text if limit is None else block.text[:limit - offset]
        fmt = _block_format(block.kind, base, family)
        if not layout.positions:  # the body's first block: a gap under the header
            fmt.setTopMargin(max(fmt.topMargin(), base * 0.9))
        cursor.insertBlock(fmt, _char_format(block.kind, family, base, colours))
        layout.text_starts.append(offset)
        layout.positions.append(cursor.position())
        layout.lengths.append(len(text))
        layout.maps.append(Utf16Map(text))
        cursor.insertText(text)
        offset += len(block.text) + 1
        if between_blocks is not None and len(text) == len(block.text):
            between_blocks(cursor, index + 1)
    layout.total_chars = max(0, offset - 1)
    layout.shown_chars = min(layout.total_chars, limit) if limit is not None else layout.total_chars
    if layout.shown_chars < layout.total_chars:
        cursor.insertBlock(_ui_block_format(labels, base))
        cursor.insertHtml(_cut_notice(layout, labels, colours, base, number))
    footer = _footer_html(article, labels, colours, base)
    if footer:
        cursor.insertBlock(_ui_block_format(labels, base))
        cursor.insertHtml(footer)
    return layout
