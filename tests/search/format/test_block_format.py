"""A posting block's bytes read back as written: every gap width, weight kind and value section."""

from __future__ import annotations

import os
import random

import numpy as np
import pytest

from viewer.search.format.block_format import (
    ALL_ONE,
    CONSTANT,
    FLOAT32,
    UINT8,
    UINT16,
    block_ids,
    block_values,
    block_weights,
    pack_block,
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
