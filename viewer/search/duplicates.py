"""Exact duplicates: the same article met in several files (another format, encoding or a byte copy)
is one article with several sources.

Two articles are the same when their title and text are the same after the analyzer's folding
(`coarse_fold`: ی/ي, ک/ك, digits, harakat, hamza forms) with every space and ZWNJ dropped — what
differs between a saved page, its text export and a Windows-1256 copy. The first file met gives the
id (architecture.md: from URL, news code or title, never the body); a later copy is one more source
of that id, so notes stay attached whichever copy comes or goes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

from viewer.analysis.normalize import coarse_fold
from viewer.core.article import Article


def folded_lines(text: str) -> str:
    """The words of `text` one a line, folded by the analyzer's `coarse_fold` (ی/ي, ک/ك, digits,
    harakat, hamza forms, ZWNJ): a few C-speed passes over the whole text, where folding it word by word
    costs ~0.7 ms an article, a third of indexing it."""
    return coarse_fold("\n".join(text.lower().split()))


def folded_words(text: str) -> list[str]:
    return folded_lines(text).split("\n")


def fingerprint(article: Article, text_lines: str | None = None) -> str:
    """The same for two copies of one article, whatever their file, format, encoding or spacing.
    `text_lines`: `folded_lines(article.text)` when the caller has it already."""
    lines = folded_lines(article.text) if text_lines is None else text_lines
    digest = hashlib.sha1(folded_lines(article.title).replace("\n", "").encode("utf-8"))
    digest.update(b"\x1f")
    digest.update(lines.replace("\n", "").encode("utf-8"))
    return digest.hexdigest()


class SourceBook:
    """Which files hold each article (the first indexes it) and which article each folded text is.

    Built from the manifest's file records in their order, then kept up to date while a sync runs."""

    def __init__(self, records: Iterable[tuple[str, Mapping[str, str]]]):
        self.holders: dict[str, list[str]] = {}
        self.by_fold: dict[str, str] = {}
        for path, folds in records:
            for article_id, fold in folds.items():
                self.holders.setdefault(article_id, []).append(path)
                if fold:
                    self.by_fold.setdefault(fold, article_id)

    def first(self, article_id: str) -> str | None:
        held = self.holders.get(article_id)
        return held[0] if held else None

    def same_text(self, fold: str) -> str | None:
        """The article already held with this folded text, if any."""
        article_id = self.by_fold.get(fold)
        return article_id if article_id is not None and self.holders.get(article_id) else None

    def hold(self, article_id: str, path: str, fold: str) -> None:
        held = self.holders.setdefault(article_id, [])
        if path not in held:
            held.append(path)
        if fold and self.same_text(fold) is None:
            self.by_fold[fold] = article_id

    def release(self, article_id: str, path: str) -> tuple[bool, str | None]:
        """`path` no longer holds the article: (whether any file still does, the new first file when
        the one released was the first)."""
        held = self.holders.get(article_id, [])
        was_first = bool(held) and held[0] == path
        if path in held:
            held.remove(path)
        if held:
            return True, held[0] if was_first else None
        self.holders.pop(article_id, None)
        return False, None
