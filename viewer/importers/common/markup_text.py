"""Fragments of HTML (a feed's summary, a document's paragraph) to tidy lines of text."""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from viewer.importers.common.cleanup import clean_lines

_BREAKS = re.compile(r"<\s*(br|/p|/div|/li|/h[1-6]|/tr|/blockquote)\b[^>]*>", re.I)


def fragment_lines(markup: str) -> list[str]:
    """Lines of an HTML fragment; text without tags comes back as its lines."""
    if "<" not in markup:
        return clean_lines(markup)
    try:
        root = lxml_html.fragment_fromstring(_BREAKS.sub("\n", markup), create_parent="div")
        return clean_lines(root.text_content())
    except (etree.ParserError, ValueError):
        return clean_lines(re.sub(r"<[^>]*>", " ", markup))
