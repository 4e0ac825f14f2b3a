"""One row per story: which of a result's matches are rows of their own, which are copies under a row.

A search says which matches share a story (`SearchResult.story_of`: near duplicates, stories.py), as one
label per match (`StoryLabels`). The best ranked match of a story is its row, with the number of its
copies; its copies are rows under it only while it is expanded, never rows of their own. The rows are
numpy arrays, not a Python object per match: an every-article result of a million matches is laid out
in a few tens of milliseconds on the UI thread, where a Python row per match took seconds. No Qt: the
results model (model.py) keeps these rows in step with the ranked pages, and imports this module once a
result comes (numpy is loaded by then, with the engine)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

Array = npt.NDArray[Any]


class StoryRow(NamedTuple):
    """One visible row, made when a view asks for it."""

    id: str
    position: int  # its place in the result's ranked list of ids
    story: int = -1  # the story's label (-1: a story of one article)
    copies: int = 0  # a story's row: its other matches; a copy: 0
    child: bool = False  # a copy shown under its story's row


class StoryRows:
    """The visible rows of a result's ids in their ranked order, one array each: the row's place in the
    ranked ids, its story's label (-1: a story of one), its copies, and whether it is a copy shown under
    its story's row."""

    __slots__ = ("children", "copies", "positions", "stories")

    def __init__(self, positions: Array, stories: Array, copies: Array, children: Array):
        self.positions, self.stories, self.copies, self.children = positions, stories, copies, children

    def __len__(self) -> int:
        return len(self.positions)

    def heads(self) -> int:
        """The rows that are not a copy under a story's row: one per story, one per match alone."""
        return len(self) - int(self.children.sum())

    def row(self, at: int, article_id: str) -> StoryRow:
        return StoryRow(article_id, int(self.positions[at]), int(self.stories[at]), int(self.copies[at]),
                        bool(self.children[at]))

    def starts_with(self, other: StoryRows) -> bool:
        """Whether `other`'s rows are the first rows of these, unchanged."""
        count = len(other)
        return count <= len(self) and all(np.array_equal(mine[:count], theirs) for mine, theirs in (
            (self.positions, other.positions), (self.stories, other.stories), (self.copies, other.copies),
            (self.children, other.children)))

    def same_as(self, other: StoryRows) -> bool:
        return len(self) == len(other) and self.starts_with(other)

    def first_difference(self, other: StoryRows) -> int:
        """The first row that differs from `other`'s (its length when none does)."""
        count = min(len(self), len(other))
        differs = np.zeros(count, dtype=bool)
        for mine, theirs in ((self.positions, other.positions), (self.stories, other.stories),
                             (self.copies, other.copies), (self.children, other.children)):
            differs |= mine[:count] != theirs[:count]
        found = np.flatnonzero(differs)
        return int(found[0]) if len(found) else count

    def row_showing(self, position: int) -> int:
        """The row showing the match at `position` of the ranked ids (-1: a copy of a folded story)."""
        found = np.flatnonzero(self.positions == position)
        return int(found[0]) if len(found) else -1

    def row_of_story(self, label: int) -> int:
        found = np.flatnonzero((self.stories == label) & ~self.children)
        return int(found[0]) if len(found) else -1


def story_rows(labels: Array | None, count: int, expanded: Iterable[int]) -> StoryRows:
    """The visible rows of `count` ranked ids whose story labels are `labels` (in ranked order; -1 or
    None: a story of one): each story once, at its best ranked match, its copies under it when expanded."""
    if labels is None or not count or int(labels.max()) < 0:
        return StoryRows(np.arange(count, dtype=np.int64), np.full(count, -1, dtype=np.int64),
                         np.zeros(count, dtype=np.int64), np.zeros(count, dtype=bool))
    labels = np.asarray(labels, dtype=np.int64)
    labeled = np.flatnonzero(labels >= 0)
    names, first, sizes = np.unique(labels[labeled], return_index=True, return_counts=True)
    heads = labeled[first]  # each story's best ranked match (np.unique's first occurrence)
    shown = labels < 0
    shown[heads] = True
    positions = np.flatnonzero(shown)
    copies_at = np.zeros(count, dtype=np.int64)
    copies_at[heads] = sizes - 1
    stories, copies = labels[positions], copies_at[positions]
    children = np.zeros(len(positions), dtype=bool)
    places: list[Array] = []
    members: list[Array] = []
    for label in expanded:
        at = int(np.searchsorted(names, label))
        if at >= len(names) or names[at] != label or sizes[at] < 2:
            continue
        story = np.flatnonzero(labels == label)
        places.append(np.full(len(story) - 1, np.searchsorted(positions, story[0]) + 1, dtype=np.int64))
        members.append(story[1:])
    if not members:
        return StoryRows(positions, stories, copies, children)
    where, copied = np.concatenate(places), np.concatenate(members)
    return StoryRows(np.insert(positions, where, copied), np.insert(stories, where, labels[copied]),
                     np.insert(copies, where, 0), np.insert(children, where, True))
