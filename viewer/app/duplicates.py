"""The duplicates view's use case: every story told by several articles (near duplicates, grouped by
the index's LSH bands) and every article held in several files (exact copies), without Qt.

It opens its own searcher, so the window runs it on a background thread while it goes on searching."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from viewer.core.article import Article

if TYPE_CHECKING:
    from viewer.search.archive import Archive


@dataclass(frozen=True)
class DuplicateArticle:
    id: str
    title: str
    date: str  # ISO day or ""
    sources: list[str]  # every file holding it (exact copies), the indexed one first


@dataclass(frozen=True)
class DuplicateGroup:
    """One story: its near duplicates (republished variants), or one article saved in several files."""

    articles: list[DuplicateArticle]

    @property
    def files(self) -> int:
        return sum(max(1, len(a.sources)) for a in self.articles)


def duplicate_groups(archive: Archive) -> list[DuplicateGroup]:
    """Stories of several articles first (largest first), then single articles held in several files."""
    sources = archive.copied_files()
    from viewer.search.schema import article_of

    with archive.searcher() as searcher:
        stories = searcher.stories()
        grouped: set[str] = set()
        found: list[DuplicateGroup] = []
        for docnums in stories.groups():
            members = [_member(article_of(stories.searcher.stored_fields(n)), sources) for n in docnums]
            grouped.update(m.id for m in members)
            found.append(DuplicateGroup(members))
        for article_id, files in sorted(sources.items()):
            if len(files) > 1 and article_id not in grouped:
                article = searcher.article(article_id)
                if article is not None:
                    found.append(DuplicateGroup([_member(article, sources)]))
        return found


def _member(article: Article, sources: dict[str, list[str]]) -> DuplicateArticle:
    day = article.date.date().isoformat() if article.date else ""
    return DuplicateArticle(article.id, article.title, day,
                            list(sources.get(article.id) or ([article.source] if article.source else [])))
