"""A citation line for the clipboard, Persian kept as it is: the agency or site, the date (Jalali,
then Gregorian), the title in guillemets, the address. Pure Python."""

from __future__ import annotations

from viewer.core.article import Article
from viewer.export.reference_list import site_of
from viewer.gui.common.dates import gregorian, jalali


def citation_line(article: Article) -> str:
    parts = [site_of(article) or article.source]
    if article.date is not None:
        parts.append(f"({jalali(article.date)} / {gregorian(article.date)})")
    head = " ".join(p for p in parts if p)
    line = f"{head}. «{article.title}»." if head else f"«{article.title}»."
    return f"{line} {article.url}" if article.url else line
