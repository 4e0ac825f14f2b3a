"""Exact copies: the same article met in several files (another format, encoding, or a byte copy) is
one article with several sources.

Two articles are the same when their `fingerprints.fingerprint` is (title and text after
`copy_fold`, spaces dropped). The first file met gives the id (from URL, news code or title, never
the body); a later copy is one more source of that id, so notes stay attached whichever copy comes
or goes, and the article leaves the index with its last source.
"""

from __future__ import annotations

from viewer.search.indexing.manifest import Manifest


class SourceBook:
    """Which files hold each article (the first is the one indexed) and which article each
    fingerprint is. Built from the manifest's records in their order, kept up to date by the sync."""

    def __init__(self, manifest: Manifest):
        self.holders: dict[str, list[str]] = {}
        self.by_fold: dict[str, str] = {}
        self.fold_of: dict[str, str] = {}  # article id -> the fingerprint of its indexed text
        for path, record in manifest.files.items():
            for article_id in record.articles:
                self.hold(article_id, path, record.folded.get(article_id, ""))

    def first(self, article_id: str) -> str | None:
        held = self.holders.get(article_id)
        return held[0] if held else None

    def same_text(self, fold: str) -> str | None:
        """The article already held with this fingerprint, if any."""
        if not fold:
            return None
        article_id = self.by_fold.get(fold)
        if article_id is None or not self.holders.get(article_id) or self.fold_of.get(article_id) != fold:
            return None  # gone, or its text has changed since
        return article_id

    def indexed_from(self, path: str, article_ids: list[str]) -> int:
        """How many of these articles `path` is the indexed (first) source of: copies count once."""
        return sum(1 for article_id in article_ids if self.first(article_id) == path)

    def hold(self, article_id: str, path: str, fold: str) -> None:
        held = self.holders.setdefault(article_id, [])
        if path not in held:
            held.append(path)
        if held[0] == path:  # the indexed copy: its text is the article's
            self.fold_of[article_id] = fold
        if fold and self.same_text(fold) is None:
            self.by_fold[fold] = article_id

    def release(self, article_id: str, path: str) -> tuple[bool, str | None]:
        """`path` no longer holds the article: (whether another file still does, the new first file
        when the one released was the first)."""
        held = self.holders.get(article_id, [])
        was_first = bool(held) and held[0] == path
        if path in held:
            held.remove(path)
        if held:
            return True, held[0] if was_first else None
        self.holders.pop(article_id, None)
        self.fold_of.pop(article_id, None)
        return False, None
