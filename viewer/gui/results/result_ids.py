"""A result's ids as one numpy array for the results model (model.py): fixed-width ASCII bytes as the
engine gives them (`MatchIds`), else str objects; an id is decoded only when a row shows it. Looking
ids up and taking the ranked ones out are array operations, never a Python object per match. Imported
once a result comes (numpy is loaded by then, with the engine)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from viewer.core.results import MatchIds, StoryLabels

Array = npt.NDArray[Any]
_FEW = 64  # keys looked up by comparing each with every id; more: by sorting


def id_array(ids: Sequence[str]) -> Array:
    """`ids` as an array: a `MatchIds`' own bytes when it has them, else str objects."""
    array = ids.array if isinstance(ids, MatchIds) else None
    if isinstance(array, np.ndarray) and array.dtype.kind in "SO":
        return array
    return np.array(list(ids), dtype=object)


def id_text(value: object) -> str:
    return value.decode("ascii") if isinstance(value, bytes) else str(value)


def _keys(ids: Array, wanted: Sequence[str]) -> tuple[Array, Array]:
    """The `wanted` ids as `ids` keeps them, and which of them it can hold (an id that is not ASCII
    is in no byte array)."""
    if ids.dtype.kind == "S":
        fits = np.array([one.isascii() and len(one) <= ids.itemsize for one in wanted], dtype=bool)
        keys = np.array([one.encode("ascii") if ok else b"" for one, ok in zip(wanted, fits, strict=True)],
                        dtype=ids.dtype)
        return keys, fits
    return np.array(list(wanted), dtype=object), np.ones(len(wanted), dtype=bool)


def places(ids: Array, wanted: Sequence[str], sorter: Array | None = None) -> Array:
    """Where each of `wanted` first stands in `ids` (-1: not there). `sorter` (`np.argsort(ids)`) makes
    it a binary search each; without it a few ids are compared with every id."""
    found = np.full(len(wanted), -1, dtype=np.int64)
    if not len(wanted) or not len(ids):
        return found
    keys, fits = _keys(ids, wanted)
    if sorter is None and len(wanted) > _FEW:
        sorter = np.argsort(ids, kind="stable")
    if sorter is None:
        # Each key is compared with the ids' first 8 bytes as one integer (a few ms a key for a million
        # ids, a byte-string comparison of every id took ~5), then with the few ids that begin alike.
        heads = _first_words(ids)
        for at, (key, ok) in enumerate(zip(keys, fits, strict=True)):
            if not ok:
                continue
            key_head = _first_words(np.array([key], dtype=ids.dtype))
            candidates = np.flatnonzero(heads == key_head[0]) if heads is not None and key_head is not None \
                else np.arange(len(ids))
            hit = candidates[ids[candidates] == key]
            if len(hit):
                found[at] = hit[0]
        return found
    near = np.minimum(np.searchsorted(ids, keys, sorter=sorter), len(ids) - 1)
    hit = fits & (ids[sorter[near]] == keys)
    found[hit] = sorter[near[hit]]  # a stable sort: the first of equal ids
    return found


def _first_words(ids: Array) -> Array | None:
    """The first 8 bytes of each id as an unsigned integer (None: not ids of 8 bytes or more)."""
    if ids.dtype.kind != "S" or ids.itemsize < 8:
        return None
    words: Array = np.ascontiguousarray(ids).view(np.uint8).reshape(len(ids), ids.itemsize)[:, :8].copy().view(np.uint64)
    return words.ravel()


def ranked_first(head: Sequence[str], ids: Sequence[str], story_of: Mapping[str, int]) -> tuple[Array, Array | None]:
    """The ids `head` (ranked, shown already) followed by the rest of `ids` (every match) in their own
    order, and the story label of each (-1: alone; None when no match shares a story)."""
    every = id_array(ids)
    labels = _labels(ids, every, story_of)
    where = places(every, head)
    rest = np.ones(len(every), dtype=bool)
    rest[where[where >= 0]] = False
    if every.dtype.kind == "S" and all(one.isascii() for one in head):
        first = np.array([one.encode("ascii") for one in head], dtype=f"S{max([every.itemsize, *map(len, head)])}")
        joined = np.concatenate([first, every[rest]])
    else:
        decoded = every[rest] if every.dtype.kind == "O" else np.array([id_text(one) for one in every[rest]], dtype=object)
        joined = np.concatenate([np.array(list(head), dtype=object), decoded])
    if labels is None:
        return joined, None
    head_labels = np.where(where >= 0, labels[np.maximum(where, 0)], -1)
    return joined, np.concatenate([head_labels, labels[rest]])


def _labels(ids: Sequence[str], every: Array, story_of: Mapping[str, int]) -> Array | None:
    if not story_of:
        return None
    if isinstance(story_of, StoryLabels) and story_of.ids is ids and len(story_of.labels) == len(every):
        return np.asarray(story_of.labels, dtype=np.int64)
    return np.array([story_of.get(id_text(one), -1) for one in every.tolist()], dtype=np.int64)


def identity(count: int) -> Array:
    return np.arange(count, dtype=np.int64)


def id_sorter(ids: Array) -> Array:
    """`places`' sorter of `ids` (a stable sort: equal ids keep their order)."""
    found: Array = np.argsort(ids, kind="stable")
    return found


def place_in_order(ids: Array, order: Array, article_id: str) -> tuple[int, int]:
    """Where the id stands in `ids` and in the ranked `order` of them ((-1, -1): not a match)."""
    where = int(places(ids, [article_id])[0])
    if where < 0:
        return -1, -1
    position = np.flatnonzero(order == where)
    return where, int(position[0]) if len(position) else -1


def page_first(order: Array, where: Array) -> tuple[Array, int, int]:
    """The ranked `order` with a later page's matches (`where`: their places in the ids, -1 for an id
    no longer among them) first, in the page's order: the new order, how many the page placed, and the
    first position that moved."""
    found = where[where >= 0]
    _, first = np.unique(found, return_index=True)
    head = found[np.sort(first)]  # each id once, in the page's order
    placed = np.zeros(len(order), dtype=bool)
    placed[head] = True
    moved = np.concatenate([head, order[~placed[order]]])
    differs = np.flatnonzero(moved != order)
    return moved, len(head), int(differs[0]) if len(differs) else len(head)
