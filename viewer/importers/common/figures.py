"""The caption of a picture in a page: the <figcaption> of its <figure>, else its alt or title text."""

from __future__ import annotations

from lxml import html as lxml_html

from viewer.importers.common.cleanup import clean_line


def image_caption(element: lxml_html.HtmlElement) -> str:
    for ancestor in element.iterancestors("figure"):
        for caption in ancestor.iter("figcaption"):
            return clean_line(caption.text_content())
        break
    return clean_line(str(element.get("alt") or element.get("title") or ""))
