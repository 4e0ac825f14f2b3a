"""What a search, a sync, a notes import and a re-anchoring give back: plain data, so the window and the command line can name them
without loading the engine (Whoosh, hazm)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


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
    doc_ids: list[str] = field(default_factory=list)
    # What the query looks for in the text (its words' keys, prefixes and fuzzy terms expanded, and
    # its phrases): what the snippets mark, and what the reading pane marks in the whole article.
    pattern: HitPattern = field(default_factory=HitPattern)
    # [("1402-05", count), ...]: the dated matches by Jalali month, oldest first (asked with timeline=True).
    timeline: list[tuple[str, int]] = field(default_factory=list)
    undated: int = 0  # with timeline=True: the matches without a date, which the timeline leaves out
    total_exact: bool = True  # False: `total` is only the hits given; the match summary counts the rest
    # With `doc_ids`: id -> story (stories.py) of each match whose story holds another match.
    story_of: dict[str, int] = field(default_factory=dict)


@dataclass
class MatchSummary:
    """What a search counts over all its matches, asked apart from its first page ("count later")."""

    total: int
    facets: list[tuple[str, int]] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)  # with_ids: every match, in index order
    story_of: dict[str, int] = field(default_factory=dict)  # with_ids: the story of each match grouped with another
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
