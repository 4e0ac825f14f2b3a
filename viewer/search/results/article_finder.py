"""Finding the article an exchanged annotation names: by id, URL, news code, or a quoted passage.

Ids come from the URL (or code) the same way on every machine (identity.py), so a URL or code is
turned into the id first; an archive whose article got another id (a title clash) is scanned once.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from viewer.core.annotation import TextQuoteSelector
from viewer.core.article import Article
from viewer.search.copies.identity import canonical_url, primary_id
from viewer.search.results.searcher import ArchiveSearcher

_WORDS = re.compile(r"[\w\u200c]+")
MAX_QUERY_WORDS = 12
MAX_CANDIDATES = 200
MAX_SCANNED = 20_000  # a quote too short for the index is looked for article by article up to this size


class ArchiveArticleFinder:
    """The `ArticleFinder` of viewer.notes.webanno over an open searcher."""

    def __init__(self, searcher: ArchiveSearcher) -> None:
        self.searcher = searcher
        self._by_url: dict[str, str] | None = None
        self._by_code: dict[str, str] = {}

    def article(self, article_id: str) -> Article | None:
        return self.searcher.article(article_id) if article_id else None

    def by_url(self, url: str) -> Article | None:
        """The article at `url`, written as in the archive or percent-encoded (as exports write IRIs)."""
        for spelling in dict.fromkeys([url, unquote(url)]):
            found = self.article(primary_id(Article("", [], url=spelling)))
            if found is not None and _same_url(found.url, url):
                return found
        key = canonical_url(unquote(url))
        if not key:
            return None
        self._scan()
        return self.article((self._by_url or {}).get(key, ""))

    def by_code(self, code: str) -> Article | None:
        code = code.strip()
        if not code:
            return None
        found = self.article(primary_id(Article("", [], code=code)))
        if found is not None and found.code == code:
            return found
        self._scan()
        return self.article(self._by_code.get(code, ""))

    def by_quote(self, quote: TextQuoteSelector) -> list[Article]:
        """Articles holding the passage with its context; failing any, those holding the passage alone."""
        whole = quote.prefix + quote.exact + quote.suffix
        candidates = self._quote_candidates(quote.exact)
        in_context = [a for a in candidates if whole in a.text]
        return in_context or [a for a in candidates if quote.exact in a.text]

    def _quote_candidates(self, exact: str) -> list[Article]:
        # A quote may start or end inside a word: only its inner, whole words go to the index.
        words = _WORDS.findall(exact)[1:-1][:MAX_QUERY_WORDS]
        if words:
            try:
                ids = self.searcher.search(" ".join(words), limit=1, with_ids=True).doc_ids or []
            except Exception:  # noqa: BLE001 - a passage the query language cannot read: scan instead
                ids = []
            if ids:
                return [a for a in (self.article(i) for i in ids[:MAX_CANDIDATES]) if a is not None]
        if self.searcher.doc_count > MAX_SCANNED:
            return []
        return [a for a in self.searcher.articles() if exact in a.text]

    def _scan(self) -> None:
        if self._by_url is not None:
            return
        self._by_url = {}
        for article in self.searcher.articles():
            if key := canonical_url(unquote(article.url)):
                self._by_url.setdefault(key, article.id)
            if article.code:
                self._by_code.setdefault(article.code, article.id)


def _same_url(a: str, b: str) -> bool:
    return bool(canonical_url(a)) and canonical_url(unquote(a)) == canonical_url(unquote(b))
