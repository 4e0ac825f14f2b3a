"""Pictures in a page: the caption of each (the <figcaption> of its <figure>, else its alt or title
text) and where each stood in the article's text.

Where: the article's text is what the extractor kept of the page, cleaned (spaces made one, Arabic
letter forms made Persian, the extractor's own spacing), so a picture's place is found by lining the
page's text up with the article's lines. Both are compared as "keys": their letters alone (no
spaces, no zero-width or direction marks, ي/ى/ك as ی/ک). Each line is looked for in the page after
the line before it; a picture stands after the last line that begins before it in the page (inside
that line when it stood inside it), before the first line when it stood above them all."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence

from lxml import etree
from lxml import html as lxml_html

from viewer.analysis.normalize import display_text
from viewer.importers.common.cleanup import clean_line

# Not letters for the key: spaces of every kind, zero-width and direction marks, the soft hyphen.
_NOT_KEY = re.compile(r"[\s\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+")
_KEY_CHAR = re.compile(r"[^\s\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_UNSHOWN = frozenset({"script", "style", "noscript", "template", "head", "title", "select", "textarea"})
PROBE = 60  # key characters of a line looked for in the page: enough to be found once, short to be found at all
# How far past the line before a line is looked for: a line not in the page costs one such scan, not the page's rest.
SEARCH_WINDOW = 1_000_000


def image_caption(element: lxml_html.HtmlElement) -> str:
    for ancestor in element.iterancestors("figure"):
        for caption in ancestor.iter("figcaption"):
            return clean_line(caption.text_content())
        break
    return clean_line(str(element.get("alt") or element.get("title") or ""))


def text_key(text: str) -> str:
    return display_text(_NOT_KEY.sub("", text))


def picture_offsets(tree: lxml_html.HtmlElement, lines: Sequence[str]) -> dict[lxml_html.HtmlElement, int]:
    """Where each <img> of `tree` stood in the text made of `lines` (joined by line breaks, as
    `Article.text` is): an offset into that text. Empty when no line is found in the page."""
    page_key, pictures = _page_key(tree)
    spans = _line_spans(page_key, lines)
    if not spans:
        return {}
    starts = [start for start, _end, _line in spans]
    line_starts = []
    offset = 0
    for text in lines:
        line_starts.append(offset)
        offset += len(text) + 1
    offsets: dict[lxml_html.HtmlElement, int] = {}
    key_chars: dict[int, list[int]] = {}  # by line: the index of each of its key's characters
    for element, at in pictures:
        found = bisect_right(starts, at) - 1
        if found < 0:  # above every line found
            offsets[element] = line_starts[spans[0][2]]
            continue
        start, end, line = spans[found]
        if at >= end:
            offsets[element] = line_starts[line] + len(lines[line])
        else:
            if line not in key_chars:
                key_chars[line] = [match.start() for match in _KEY_CHAR.finditer(lines[line])]
            inside = key_chars[line]
            offsets[element] = line_starts[line] + (inside[at - start] if at - start < len(inside) else len(lines[line]))
    return offsets


def _page_key(tree: lxml_html.HtmlElement) -> tuple[str, list[tuple[lxml_html.HtmlElement, int]]]:
    """The page's shown text as a key, and each <img> with the key length before it."""
    parts: list[str] = []
    length = 0
    pictures: list[tuple[lxml_html.HtmlElement, int]] = []
    hidden = 0

    def add(text: str | None) -> None:
        nonlocal length
        if text:
            key = text_key(text)
            parts.append(key)
            length += len(key)

    for event, element in etree.iterwalk(tree, events=("start", "end")):
        unshown = not isinstance(element.tag, str) or element.tag.lower() in _UNSHOWN  # comments too
        if event == "start":
            if unshown:
                hidden += 1
            elif not hidden:
                if element.tag.lower() == "img":
                    pictures.append((element, length))
                add(element.text)
        else:
            if unshown:
                hidden -= 1
            if not hidden and element is not tree:
                add(element.tail)
    return "".join(parts), pictures


def _line_spans(page_key: str, lines: Iterable[str]) -> list[tuple[int, int, int]]:
    """(start, end, line number) in the page's key of each line found there, in order."""
    spans = []
    cursor = 0
    for number, line in enumerate(lines):
        key = text_key(line)
        if not key:
            continue
        head, tail = key[:PROBE], key[-PROBE:]
        start = page_key.find(head, cursor, cursor + SEARCH_WINDOW)
        if start >= 0:
            if page_key.startswith(key, start):
                end = start + len(key)
            else:  # the extractor changed something inside the line: its end is where its last letters are
                last = page_key.find(tail, start + len(head), start + len(key) + SEARCH_WINDOW)
                end = last + len(tail) if last >= 0 else start + len(key)
        else:
            last = page_key.find(tail, cursor, cursor + SEARCH_WINDOW) if len(key) > PROBE else -1
            if last < 0:
                continue  # not in the page as it stands (the extractor made it up from several places)
            end = last + len(tail)
            start = max(cursor, end - len(key))
        spans.append((start, end, number))
        cursor = end
    return spans

