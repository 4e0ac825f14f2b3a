"""What a search, a sync, a notes import and a re-anchoring give back: plain data, so the window and the command line can name them
without loading the engine (Whoosh, hazm)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, overload


@dataclass(frozen=True)
class PhraseKeys:
    """One quoted phrase of a query: the index keys each of its words may hold, in order, and how
    many positions apart two of its words may be (Whoosh's slop: 1 is side by side)."""

    words: tuple[frozenset[str], ...]
    slop: int = 1


@dataclass(frozen=True)
class HitPattern:
    """What a search marks in an article's text: the index keys of its positive words (prefixes and
    fuzzy words expanded, every spelling and lemma the parser looks for) and its phrases, which are
    marked only where their words stand in a row. Negated words and tags are in neither."""

    words: frozenset[str] = frozenset()
    phrases: tuple[PhraseKeys, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.words or self.phrases)

    def keys(self) -> frozenset[str]:
        """Every key looked for, alone or inside a phrase."""
        out = set(self.words)
        for phrase in self.phrases:
            for keys in phrase.words:
                out |= keys
        return frozenset(out)


class MatchIds(Sequence[str]):
    """Every match's article id, kept as the engine gives them: one array (numpy: fixed-width ASCII bytes,
    or str objects; a plain list of str works too), decoded one id at a time when asked. A result of a
    million matches is then 16 MB in one piece rather than a million Python strings, and the window's
    results model takes it without a Python object per match. Reads as a list of str; equal to one."""

    __slots__ = ("array",)

    def __init__(self, array: Any = ()) -> None:
        self.array: Any = array

    def __len__(self) -> int:
        return len(self.array)

    @overload
    def __getitem__(self, at: int) -> str: ...
    @overload
    def __getitem__(self, at: slice) -> MatchIds: ...
    def __getitem__(self, at: int | slice) -> str | MatchIds:
        if isinstance(at, slice):
            return MatchIds(self.array[at])
        return _text(self.array[at])

    def __iter__(self) -> Iterator[str]:
        every = self.array.tolist() if hasattr(self.array, "tolist") else self.array
        return (_text(one) for one in every)

    def __contains__(self, value: object) -> bool:
        if not isinstance(value, str):
            return False
        if getattr(getattr(self.array, "dtype", None), "kind", "") == "S":
            return value.isascii() and bool((self.array == value.encode("ascii")).any())
        return value in list(self)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, MatchIds | list | tuple):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # a list of ids: compared by value, never a key

    def __repr__(self) -> str:
        return f"MatchIds({list(self)!r})" if len(self) <= 20 else f"MatchIds(<{len(self)} ids>)"


def _text(one: object) -> str:
    return one.decode("ascii") if isinstance(one, bytes) else str(one)


class StoryLabels(Mapping[str, int]):
    """id -> story of each match whose story holds another match (`SearchResult.story_of`), kept as one
    label per match of `ids` (numpy: -1 for a story of one), so the window lays out its story rows from
    the arrays; looked up by id like a dict (made on the first lookup)."""

    def __init__(self, ids: MatchIds | None = None, labels: Any = ()) -> None:
        self.ids = ids if ids is not None else MatchIds()
        self.labels: Any = labels  # aligned with `ids`
        self._by_id: dict[str, int] | None = None

    def _table(self) -> dict[str, int]:
        if self._by_id is None:
            labels = self.labels.tolist() if hasattr(self.labels, "tolist") else list(self.labels)
            self._by_id = {i: label for i, label in zip(self.ids, labels, strict=True) if label >= 0}
        return self._by_id

    def __getitem__(self, article_id: str) -> int:
        return self._table()[article_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table())

    def __len__(self) -> int:
        if self._by_id is not None:
            return len(self._by_id)
        return int((self.labels >= 0).sum()) if hasattr(self.labels, "sum") else sum(1 for x in self.labels if x >= 0)

    def __bool__(self) -> bool:
        return len(self) > 0

    def __repr__(self) -> str:
        return f"StoryLabels({self._table()!r})" if len(self) <= 20 else f"StoryLabels(<{len(self)} ids>)"


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    score: float
    tags: list[str]
    snippet: str
    source: str
    date: str = ""
    copies: tuple[str, ...] = ()  # ids of its near duplicates that match the query too

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "title": self.title, "score": round(self.score, 4), "tags": self.tags,
                "snippet": self.snippet, "source": self.source, "date": self.date, "copies": list(self.copies)}


@dataclass
class SearchResult:
    query: str
    hits: list[Hit]
    total: int
    facets: list[tuple[str, int]] = field(default_factory=list)
    suggestion: str | None = None
    took_ms: float = 0.0
    doc_ids: Sequence[str] = field(default_factory=MatchIds)  # with_ids: every match, in index order
    # What the query looks for in the text (its words' keys, prefixes and fuzzy terms expanded, and
    # its phrases): what the snippets mark, and what the reading pane marks in the whole article.
    pattern: HitPattern = field(default_factory=HitPattern)
    # [("1402-05", count), ...]: the dated matches by Jalali month, oldest first (asked with timeline=True).
    timeline: list[tuple[str, int]] = field(default_factory=list)
    undated: int = 0  # with timeline=True: the matches without a date, which the timeline leaves out
    total_exact: bool = True  # False: `total` is only the hits given; the match summary counts the rest
    # With `doc_ids`: id -> story (stories.py) of each match whose story holds another match.
    story_of: Mapping[str, int] = field(default_factory=StoryLabels)


@dataclass
class MatchSummary:
    """What a search counts over all its matches, asked apart from its first page ("count later")."""

    total: int
    facets: list[tuple[str, int]] = field(default_factory=list)
    doc_ids: Sequence[str] = field(default_factory=MatchIds)  # with_ids: every match, in index order
    story_of: Mapping[str, int] = field(default_factory=StoryLabels)  # with_ids: the story of each match grouped with another
    timeline: list[tuple[str, int]] = field(default_factory=list)  # with timeline: matches by Jalali month
    undated: int = 0  # with timeline: the matches without a date
    copies: dict[str, tuple[str, ...]] = field(default_factory=dict)  # per id of `hit_ids`: its matching near duplicates
    suggestion: str | None = None  # "did you mean", when fewer than three match


class SimilarArticle(NamedTuple):
    """A near duplicate of an article: a republished variant, `score` its estimated similarity 0..1."""

    id: str
    title: str
    score: float


@dataclass
class SyncReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    duplicates: int = 0
    # files that could not be read: {"path", "error", "error_fa"} (the reason in English and Persian)
    failed: list[dict[str, str]] = field(default_factory=list)
    # files of a type Bayegan does not read: {"path", "reason", "reason_fa"}
    skipped: list[dict[str, str]] = field(default_factory=list)
    files_read: int = 0
    changed_ids: list[str] = field(default_factory=list)
    # old id -> new id of an article whose text a file still holds under another id (its first copy,
    # which gave the id, went): its notes follow it
    renamed: dict[str, str] = field(default_factory=dict)
    relinked: int = 0  # articles whose document now comes from another copy (the first one went or came)

    def as_json(self) -> dict[str, object]:
        return {
            "added": self.added, "updated": self.updated, "removed": self.removed,
            "unchanged": self.unchanged, "duplicates": self.duplicates, "failed": self.failed,
            "skipped": self.skipped,
        }


@dataclass(slots=True)
class MergeReport:
    """What an import did. `refused` and `warnings` name the annotation and the field, with the reason."""

    added: int = 0
    updated: int = 0
    skipped: int = 0
    conflicts: int = 0
    orphaned: int = 0
    refused: list[dict[str, str]] = field(default_factory=list)
    warnings: list[dict[str, str]] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {"added": self.added, "updated": self.updated, "skipped": self.skipped, "conflicts": self.conflicts,
                "orphaned": self.orphaned, "refused": list(self.refused), "warnings": list(self.warnings)}


@dataclass(slots=True)
class ReanchorReport:
    checked: int = 0
    moved: int = 0
    orphaned: int = 0
    found_again: int = 0

    def as_json(self) -> dict[str, int]:
        return {"checked": self.checked, "moved": self.moved, "orphaned": self.orphaned, "found_again": self.found_again}
