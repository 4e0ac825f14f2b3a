"""Where the pane and the PDF put an article's pictures: each at the paragraph boundary nearest the
offset it stood at, never inside a line; one without an offset (an index written before offsets were
kept) after the lead, as before."""

from __future__ import annotations

import pytest

from viewer.core.article import Article, Block, BlockKind, Picture
from viewer.core.picture_places import picture_places
from viewer.search.schema import article_of, document_of

BLOCKS = [Block(BlockKind.HEADING, "سرتیتر"), Block(BlockKind.LEAD, "لید خبر در یک سطر."),
          Block(BlockKind.PARAGRAPH, "بند نخست متن خبر که بلندتر است."), Block(BlockKind.PARAGRAPH, "بند پایانی.")]
TEXT = "\n".join(block.text for block in BLOCKS)
STARTS = [TEXT.index(block.text) for block in BLOCKS]


@pytest.mark.parametrize(("offset", "boundary"), [
    (0, 0),  # before the first line
    (STARTS[1], 1),  # at a line's start: before it
    (STARTS[1] - 1, 1),  # at the line break before it
    (STARTS[2] + 3, 2),  # early in a line: before it
    (STARTS[3] - 4, 3),  # late in a line: after it
    (len(TEXT), 4),  # at the end
    (len(TEXT) + 50, 4),  # past the end (a text shortened since): at the end
])
def test_a_picture_stands_at_the_nearest_paragraph_boundary(offset: int, boundary: int) -> None:
    assert picture_places(BLOCKS, [Picture("a.png", "", offset)]) == {boundary: [0]}


def test_pictures_at_one_boundary_keep_the_order_they_stood_in() -> None:
    pictures = [Picture("late.png", "", STARTS[3] - 1), Picture("early.png", "", STARTS[2] + len(BLOCKS[2].text) - 2),
                Picture("unknown.png", ""), Picture("first.png", "", 1)]
    assert picture_places(BLOCKS, pictures) == {0: [3], 2: [2], 3: [1, 0]}  # unknown: after the lead (block 1)


def test_without_blocks_every_picture_stands_under_the_header() -> None:
    assert picture_places([], [Picture("a.png", "", 10), Picture("b.png", "")]) == {0: [0, 1]}


def test_an_index_without_offsets_reads_them_as_after_the_lead() -> None:
    article = Article("عنوان", BLOCKS, id="x", images=[Picture("a.png", "عکس", 5), Picture("b.png", "نمودار")])
    stored = document_of(article)
    assert stored["images"] == [["a.png", "عکس", 5], ["b.png", "نمودار", None]]
    assert article_of(stored).images == article.images
    stored["images"] = [["a.png", "عکس"], ["b.png", "نمودار", "bad"], ["c.png", "کهنه", -3]]  # written by version 10
    old = article_of(stored).images
    assert old == [Picture("a.png", "عکس", None), Picture("b.png", "نمودار", None), Picture("c.png", "کهنه", None)]
    assert picture_places(BLOCKS, old) == {2: [0, 1, 2]}
