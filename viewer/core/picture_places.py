"""Where an article's pictures stand when it is shown: each at the paragraph boundary nearest the
offset it stood at in the text, so that no line (and no highlight inside one) is split. The reading
pane and the PDF export both place them so."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from viewer.core.article import Block, BlockKind, Picture


def picture_places(blocks: Sequence[Block], pictures: Sequence[Picture]) -> dict[int, list[int]]:
    """For each boundary k that has pictures (k blocks before it: 0 is before the first block,
    len(blocks) after the last), the indexes into `pictures` shown there, in the order they stood.
    A picture whose offset is not known stands after the lead (after the first block when there is none)."""
    starts: list[int] = []
    offset = 0
    for block in blocks:
        starts.append(offset)
        offset += len(block.text) + 1
    after_lead = next((i for i, block in enumerate(blocks) if block.kind is BlockKind.LEAD), 0) + 1 if blocks else 0
    places: dict[int, list[tuple[int, int]]] = {}
    for index, picture in enumerate(pictures):
        if picture.offset is None or not blocks:
            boundary = after_lead
            at = starts[boundary - 1] + len(blocks[boundary - 1].text) if blocks else 0
        else:
            at = max(0, picture.offset)
            boundary = _nearest_boundary(blocks, starts, at)
        places.setdefault(boundary, []).append((at, index))
    return {boundary: [index for _at, index in sorted(found)] for boundary, found in sorted(places.items())}


def _nearest_boundary(blocks: Sequence[Block], starts: list[int], offset: int) -> int:
    block = bisect_right(starts, offset) - 1
    end = starts[block] + len(blocks[block].text)
    if offset >= end:  # at the line break after the block, or past the text's end
        return block + 1
    return block if offset - starts[block] <= end - offset else block + 1
