"""A posting block's bytes read back as written: every gap width, weight kind and value section, word
positions in their own layout."""

from __future__ import annotations

import os
import random
from array import array

import numpy as np
import pytest

from viewer.search.format.block_format import (
    ALL_ONE,
    CONSTANT,
    FLOAT32,
    POSITIONS,
    UINT8,
    UINT16,
    block_ids,
    block_values,
    block_weights,
    pack_block,
    positions_section,
    positions_sections,
)

SEED = int(os.environ.get("BAYEGAN_BLOCK_SEED", "4711"))
GAPS = {1: 255, 2: 65_535, 4: 3_000_000}
WEIGHTS = {
    ALL_ONE: lambda rng, n: [1.0] * n,
    CONSTANT: lambda rng, n: [2.5] * n,
    UINT8: lambda rng, n: [float(rng.randint(0, 255)) for _ in range(n)],
    UINT16: lambda rng, n: [float(rng.randint(0, 65_535)) for _ in range(n - 1)] + [300.0],
    FLOAT32: lambda rng, n: [rng.randint(1, 40) * 1.125 for _ in range(n - 1)] + [0.5],
}


@pytest.mark.parametrize("widest", sorted(GAPS))
@pytest.mark.parametrize("kind", sorted(WEIGHTS))
@pytest.mark.parametrize("compression", [0, 3])
def test_blocks_read_back(widest: int, kind: int, compression: int) -> None:
    print("seed", SEED)
    rng = random.Random(SEED * 31 + widest * 7 + kind)
    for count in (1, 2, 77, 128):
        gaps = [rng.randint(1, 200) for _ in range(count - 1)]
        if gaps:
            gaps[rng.randrange(len(gaps))] = GAPS[widest]
        first = rng.randint(0, 1_000_000)
        ids = [first + sum(gaps[:n]) for n in range(count)]
        weights = WEIGHTS[kind](rng, count) if count > 1 else [1.0]
        values = [bytes(rng.randrange(256) for _ in range(rng.randint(1, 9))) for _ in range(count)]
        data = pack_block(ids, weights, [len(v) for v in values], b"".join(values), compression)
        assert data[0] == (kind if count > 1 else ALL_ONE)
        assert data[1] == (widest if count > 1 else 1)
        assert block_ids(data, count).tolist() == ids
        assert block_weights(data, count).tolist() == [float(np.float32(w)) for w in weights]
        assert block_values(data, count, compression) == tuple(values)


def test_a_block_without_values() -> None:
    data = pack_block([3, 9, 400], [1.0, 2.0, 1.0], [], b"", 5)
    assert block_ids(data, 3).tolist() == [3, 9, 400]
    assert block_values(data, 3, 5) == (None, None, None)


def _position_value(positions: list[int]) -> bytes:
    """A posting's value as PersianPositions.encode packs it."""
    code = "I" if positions and positions[-1] > 0xFFFF else "H"
    return code.encode() + array(code, positions).tobytes()


def _positions(rng: random.Random, case: str) -> list[int]:
    if case == "none":
        return []
    count = rng.choice([1, 1, 2, 3, 7, 40]) if case != "many" else rng.randint(300, 3000)
    highest = {"short": 3_000, "long text": 0xFFFF, "huge": 2**32 - 1, "many": 60_000}[case]
    if case == "huge" and rng.random() < 0.5:
        return sorted(rng.sample(range(0xFFF0, 0x10010), min(count, 8)))  # both sides of 65,535
    return sorted(rng.sample(range(highest + 1), count))


CASES = ("short", "long text", "huge", "many", "none")


@pytest.mark.parametrize("count", [1, 2, 77, 128])
def test_word_positions_are_packed_and_read_back(count: int) -> None:
    """A block of word positions (as PersianPositions packs them: two bytes each, four past 65,535,
    none for an empty list) takes the positions layout and reads back as the same values."""
    print("seed", SEED)
    rng = random.Random(SEED * 13 + count)
    for _ in range(30):
        values = [_position_value(_positions(rng, rng.choice(CASES))) for _ in range(count)]
        ids = sorted(rng.sample(range(5_000_000), count))
        weights = [float(max(1, (len(v) - 1) // 2)) for v in values]
        data = pack_block(ids, weights, [len(v) for v in values], b"".join(values), 3)
        assert data[0] & POSITIONS
        assert block_ids(data, count).tolist() == ids
        assert block_weights(data, count).tolist() == weights
        assert block_values(data, count, 3) == tuple(values)


def test_positions_layout_of_edge_blocks() -> None:
    """One posting, one position; the largest position; a posting without positions between others;
    a step past 2**28 (five LEB128 bytes); a posting whose steps take more than 255 bytes."""
    blocks: list[list[list[int]]] = [[[0]], [[2**32 - 1]], [[5], [], [9, 10]], [[], []], [[1, 2**30, 2**32 - 1]],
              [list(range(0, 100_000, 90))], [[n] for n in range(128)]]
    for positions in blocks:
        values = [_position_value(p) for p in positions]
        data = pack_block(list(range(len(values))), [1.0] * len(values), [len(v) for v in values], b"".join(values), 3)
        assert data[0] & POSITIONS, positions
        assert block_values(data, len(values), 3) == tuple(values), positions


def test_other_values_keep_the_deflated_layout() -> None:
    """Values that are not PersianPositions' own (another format's, positions going down, a small
    list four bytes wide) are deflated as before, and read back the same."""
    for values in ([b"\x00\x00\x00\x03", b"\x00\x00\x00\x01"], [_position_value([5, 9])[:1] + array("H", [9, 5]).tobytes()],
                   [b"I" + array("I", [3, 4]).tobytes()], [b"H\x01", b"H"]):
        data = pack_block([1, 2, 3][:len(values)], [1.0] * len(values), [len(v) for v in values], b"".join(values), 3)
        assert not data[0] & POSITIONS, values
        assert block_values(data, len(values), 3) == tuple(values)


def test_blocks_packed_together_are_the_blocks_packed_one_by_one() -> None:
    """The writer packs the positions of many terms' blocks in one call: each block's section is the
    one it would have alone, or None where it would be deflated."""
    print("seed", SEED)
    rng = random.Random(SEED * 17)
    blocks: list[list[bytes]] = []
    for _ in range(400):
        size = rng.choice([1, 2, 5, 128, rng.randint(1, 128)])
        kind = rng.random()
        if kind < 0.05:
            values = [bytes(rng.randrange(256) for _ in range(4)) for _ in range(size)]
        elif kind < 0.1:
            values = [b"H" + array("H", sorted(rng.sample(range(999), 3), reverse=True)).tobytes() for _ in range(size)]
        else:
            values = [_position_value(_positions(rng, rng.choice(CASES[:3] + CASES[4:]))) for _ in range(size)]
        blocks.append(values)
    lengths = np.asarray([len(v) for values in blocks for v in values], dtype=np.int64)
    starts = np.cumsum([0] + [len(values) for values in blocks[:-1]])
    together = positions_sections(lengths, b"".join(v for values in blocks for v in values), starts)
    alone = [positions_section([len(v) for v in values], b"".join(values), len(values)) for values in blocks]
    assert together == alone
    assert sum(section is None for section in alone) > 10 and sum(section is not None for section in alone) > 300
