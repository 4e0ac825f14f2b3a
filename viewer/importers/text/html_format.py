"""Saved web pages: the article's title, lead, paragraphs, subheadings, tags and news code,
extracted by trafilatura (menus, sidebars, scripts, footer and comment form removed)."""

from __future__ import annotations

import re
from datetime import datetime

from lxml import etree
from lxml import html as lxml_html

from viewer.core.article import Article, Block, BlockKind
from viewer.core.errors import ImportFailure
from viewer.core.persian_fold import ASCII_DIGITS
from viewer.importers.common.cleanup import clean_line, clean_tag
from viewer.importers.common.page_dates import page_date
from viewer.importers.text.text_format import COMMENT_FORM, NEWS_CODE

_ZWNJ = "\u200c"
# trafilatura drops every character that is not "printable", the zero-width non-joiner of می‌شود
# among them; a printable sign no news page uses stands in for it through the extraction.
_ZWNJ_STAND_IN = "\u2bd1"
_ZWNJ_FORMS = re.compile("\u200c|&zwnj;|&#8204;|&#x200c;", re.I)


def parse_html(text: str) -> list[Article]:
    import trafilatura  # imported on first use: most archives hold no HTML

    extracted = trafilatura.extract(
        _ZWNJ_FORMS.sub(_ZWNJ_STAND_IN, text), output_format="xml", include_comments=False, include_tables=False,
        with_metadata=True, favor_recall=True,
        # The date is read by page_dates, from what the page states; htmldate's text search invents one.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if not extracted:
        raise ImportFailure("No article text found in the HTML page.", "متن خبری در صفحهٔ HTML پیدا نشد.")
    extracted = extracted.replace(_ZWNJ_STAND_IN, _ZWNJ)
    doc = etree.fromstring(extracted.encode("utf-8"))
    title = clean_line(doc.get("title") or "")
    code = ""
    blocks: list[Block] = []
    for element in doc.iter("head", "p", "item", "quote"):
        line = clean_line(" ".join(element.itertext()))
        if not line or line.startswith(COMMENT_FORM):
            continue
        if match := NEWS_CODE.match(line):
            code = match.group(1).translate(ASCII_DIGITS)
            continue
        if element.tag == "head":
            if not title:
                title = line
            elif line != title:
                blocks.append(Block(BlockKind.HEADING, line))
            continue
        first_paragraph = all(b.kind is BlockKind.HEADING for b in blocks)
        blocks.append(Block(BlockKind.LEAD if first_paragraph else BlockKind.PARAGRAPH, line))
    if not title or not blocks:
        raise ImportFailure("No article text found in the HTML page.", "متن خبری در صفحهٔ HTML پیدا نشد.")
    tags, page_code, date = _page_facts(text, doc.get("tags") or "")
    return [Article(
        title=title,
        blocks=blocks,
        tags=tags,
        url=doc.get("url") or "",
        code=code or page_code,
        date=date,
    )]


def _page_facts(page: str, meta_tags: str) -> tuple[list[str], str, datetime | None]:
    """Tags from the keywords meta and rel=tag links; the news code, which extraction often drops
    with the page furniture around it; the date the page states."""
    tags = [clean_tag(t) for t in meta_tags.replace("،", ",").split(",")]
    code = ""
    date = None
    try:
        tree = lxml_html.fromstring(page)
        tags += [clean_tag(a.text_content()) for a in tree.xpath('//a[contains(concat(" ", @rel, " "), " tag ")]')]
        for element in tree.iter("div", "span", "p", "li", "strong"):
            if match := NEWS_CODE.match(clean_line(element.text_content())):
                code = match.group(1).translate(ASCII_DIGITS)
                break
        date = page_date(tree)
    except (etree.ParserError, ValueError):
        pass
    return list(dict.fromkeys(t for t in tags if t)), code, date
