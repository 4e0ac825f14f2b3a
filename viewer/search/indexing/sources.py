"""Exact copies: the same article met in several files (another format, encoding, or a byte copy) is
one article with several sources.

Two articles are the same when their `fingerprints.fingerprint` is (title and text after
`copy_fold`, spaces dropped). Files are met in one fixed order (`walk_order`), whatever order they were
found or changed in; the first file met gives the id (from URL, news code or title, never the body) and
its text, a later copy is one more source of that id. So which article each file gives depends only on
the files there are now: a sync that reads only the changed files places every article as a clean
index of the same files would.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import NamedTuple


class ArticleKeys(NamedTuple):
    """What placing an article needs, kept in the manifest so that an unchanged file is not read again."""

    primary: str  # identity.primary_id
    alternative: str  # identity.disambiguated_id for a title-based id, else ""
    fold: str  # fingerprints.fingerprint ("" for a text too short to tell copies)
    digest: str  # prepare.stored_hash: every stored field but id and source


class Role(Enum):
    INDEXED = "indexed"  # the article's document comes from this file
    COPY = "copy"  # one more source of an article indexed from an earlier file (or earlier in this one)
    DROPPED = "dropped"  # its id is another article's (same URL or code, another text)


def walk_order(path: str) -> tuple[tuple[int, str], ...]:
    """Sort key of the order a sorted walk meets files in: a folder's files, then its subfolders."""
    parts = Path(path).parts
    return (*((1, part) for part in parts[:-1]), (0, parts[-1]))


class SourceBook:
    """Which files hold each article (the first is the one indexed) and which article each
    fingerprint is, filled file by file in `walk_order`."""

    def __init__(self) -> None:
        self.holders: dict[str, list[str]] = {}
        self.by_fold: dict[str, str] = {}
        self.fold_of: dict[str, str] = {}  # article id -> the fingerprint of its indexed text

    def first(self, article_id: str) -> str | None:
        held = self.holders.get(article_id)
        return held[0] if held else None

    def same_text(self, fold: str) -> str | None:
        """The article already held with this fingerprint, if any."""
        return self.by_fold.get(fold) if fold else None

    def place(self, keys: ArticleKeys, path: str, held: dict[str, str]) -> tuple[Role, str]:
        """The role and id of an article of `path` (met after every earlier file's); `held`: the ids
        this file gave so far (id -> digest), which an indexed article or a copy joins."""
        same = self.same_text(keys.fold)
        if same is not None:
            if same not in held:
                held[same] = keys.digest
                self.holders[same].append(path)
            return Role.COPY, same
        article_id = keys.primary
        taken = self._taken(article_id, path, held)
        if taken and keys.alternative:
            article_id = keys.alternative
            taken = self._taken(article_id, path, held)
        if taken:
            return Role.DROPPED, article_id
        held[article_id] = keys.digest
        self.holders[article_id] = [path]
        self.fold_of[article_id] = keys.fold
        if keys.fold:
            self.by_fold[keys.fold] = article_id
        return Role.INDEXED, article_id

    def _taken(self, article_id: str, path: str, held: dict[str, str]) -> bool:
        """Whether another file indexes this id, or this file gave it already."""
        first = self.first(article_id)
        return (first is not None and first != path) or article_id in held
