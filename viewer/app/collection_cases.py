"""Collections as the faces use them: every id checked against the archive before it is added."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from viewer.collections.collections import CollectionInfo, Collections
from viewer.core.article import Article


@dataclass(frozen=True)
class CollectionEntry:
    id: str
    title: str | None  # None: the article is no longer in the archive (it stays listed)


class CollectionCases:
    def __init__(self, store: Collections, require_articles: Callable[[Sequence[str]], list[Article]],
                 article: Callable[[str], Article | None]):
        self._store = store
        self._require = require_articles
        self._article = article

    def create(self, name: str) -> str:
        """An empty collection; returns the name as kept. Names are compared folded (ي/ی, ك/ک, a
        zero-width non-joiner or a space, Persian or Latin digits, case): one of them per collection."""
        return self._store.create(name)

    def delete(self, name: str) -> None:
        self._store.delete(name)

    def add(self, name: str, article_ids: Sequence[str]) -> int:
        """Adds articles of the archive (all or none: an error names the ids that are not in it)."""
        self._store.name_of(name)  # an unknown collection is reported before unknown ids
        self._require(article_ids)
        return self._store.add(name, article_ids)

    def remove(self, name: str, article_ids: Sequence[str]) -> int:
        return self._store.remove(name, article_ids)

    def all(self) -> list[CollectionInfo]:
        return self._store.all()

    def ids(self, name: str) -> list[str]:
        return self._store.ids(name)

    def entries(self, name: str) -> list[CollectionEntry]:
        """The collection's articles in the order they were added, with their titles."""
        found = [(i, self._article(i)) for i in self._store.ids(name)]
        return [CollectionEntry(i, a.title if a is not None else None) for i, a in found]

    def articles(self, name: str) -> list[Article]:
        """Those of its articles still in the archive, in order."""
        return [a for a in map(self._article, self._store.ids(name)) if a is not None]
