"""Article ids: the same on every machine and after every re-index (architecture.md).

From the URL or news code when there is one, else from the normalised title and date. Never from
the body (a corrected typo must not orphan notes), a file path or a counter.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit

from viewer.analysis.normalize import fold_word
from viewer.core.article import Article

_WORDS = re.compile(r"[\w\u200c]+")


def _digest(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def canonical_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if not parts.netloc:
        return ""
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    return f"{host}{path}" + (f"?{parts.query}" if parts.query else "")


def title_key(title: str) -> str:
    return " ".join(fold_word(w) for w in _WORDS.findall(title))


def primary_key(article: Article) -> str:
    if url := canonical_url(article.url):
        return f"url:{url}"
    if article.code:
        return f"code:{article.code}"
    date = article.date.date().isoformat() if article.date else ""
    return f"title:{title_key(article.title)}|{date}"


def primary_id(article: Article) -> str:
    return _digest(primary_key(article))


def is_title_based(article: Article) -> bool:
    return primary_key(article).startswith("title:")


def disambiguated_id(article: Article) -> str:
    """For a different article that shares its title with one already in the archive (which
    keeps the title id): the title plus the first words of its text."""
    opening = " ".join(fold_word(w) for w in _WORDS.findall(article.text)[:12])
    return _digest(f"{primary_key(article)}|{opening}")
