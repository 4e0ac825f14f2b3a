"""One row per story: which of a result's ids are rows of their own, which are copies under a row.

A search says which matches share a story (`SearchResult.story_of`: near duplicates, stories.py).
The best ranked match of a story is its row, with the number of its copies; its copies are rows
under it only while it is expanded, never rows of their own. Plain Python, no Qt: the results model
(results_model.py) keeps these rows in step with the ranked pages."""

from __future__ import annotations

from typing import NamedTuple


class StoryRow(NamedTuple):
    """A tuple, not a frozen dataclass: an every-article result makes one per match on the UI thread
    (~170,000 rows at 200,000 articles: a third less time to make them)."""

    id: str
    position: int  # its place in the result's ranked list of ids
    story: int = -1  # the story's label (-1: a story of one article)
    copies: int = 0  # a story's row: its other matches; a copy: 0
    child: bool = False  # a copy shown under its story's row


def story_rows(ids: list[str], story_of: dict[str, int], expanded: set[int]) -> list[StoryRow]:
    """The visible rows of `ids` (in ranked order): each story once, its copies under it when expanded."""
    if not story_of:
        return [StoryRow(article_id, position) for position, article_id in enumerate(ids)]
    members: dict[int, list[tuple[int, str]]] = {}
    for position, article_id in enumerate(ids):
        label = story_of.get(article_id)
        if label is not None:
            members.setdefault(label, []).append((position, article_id))
    rows: list[StoryRow] = []
    for position, article_id in enumerate(ids):
        label = story_of.get(article_id)
        if label is None:
            rows.append(StoryRow(article_id, position))
            continue
        story = members[label]
        if story[0][1] != article_id:
            continue  # a copy: under its story's row
        rows.append(StoryRow(article_id, position, label, len(story) - 1))
        if label in expanded:
            rows += [StoryRow(copy_id, copy_at, label, 0, True) for copy_at, copy_id in story[1:]]
    return rows


def story_count(total: int, story_of: dict[str, int]) -> int:
    """How many stories `total` matches are, when `story_of` names those sharing one."""
    return total - len(story_of) + len(set(story_of.values()))
