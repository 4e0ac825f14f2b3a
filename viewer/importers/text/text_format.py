"""Plain text as saved from news sites: title line, lead, paragraphs, subheadings, `کد خبر N`,
tags after `برچسب‌ها`, and the site's comment form (dropped). Plain text without markers works too."""

from __future__ import annotations

import re

from viewer.core.article import Article, Block, BlockKind
from viewer.core.errors import ImportFailure
from viewer.core.persian_fold import ASCII_DIGITS
from viewer.importers.common.cleanup import clean_lines, clean_tag, looks_like_heading

NEWS_CODE = re.compile(r"^کد\s*خبر\s*:?\s*([0-9۰-۹٠-٩]+)$")
_TAGS_MARKER = re.compile(r"^برچسب\u200c?ها\s*:?$")
COMMENT_FORM = ("نظر شما", "شما در حال پاسخ به نظر")


def parse_text(text: str) -> list[Article]:
    lines = clean_lines(text)
    if not lines:
        raise ImportFailure("The file has no text.", "پرونده متنی ندارد.")
    title, body = lines[0], lines[1:]
    code = ""
    tags: list[str] = []
    content: list[str] = []
    in_tags = False
    for line in body:
        if line.startswith(COMMENT_FORM):
            break
        if match := NEWS_CODE.match(line):
            code = match.group(1).translate(ASCII_DIGITS)
            continue
        if _TAGS_MARKER.match(line):
            in_tags = True
            continue
        if in_tags:
            tags.append(clean_tag(line))
        else:
            content.append(line)
    blocks = []
    for index, line in enumerate(content):
        if index == 0 and not looks_like_heading(line):
            kind = BlockKind.LEAD
        elif looks_like_heading(line):
            kind = BlockKind.HEADING
        else:
            kind = BlockKind.PARAGRAPH
        blocks.append(Block(kind, line))
    return [Article(title=title, blocks=blocks, tags=tags, code=code)]
