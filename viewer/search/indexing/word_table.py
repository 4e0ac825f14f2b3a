"""The archive's table of word entries (schema 12): each distinct (group hash, spelling hash) pair
of viewer/analysis/word_groups.py once, so that the index's `words` column keeps per article only
small entry numbers into it (3 bytes each) instead of 12 bytes of hashes (292 → see
benchmarks/results/index-size.md).

The file `bayegan-words.table` beside the index: 12-byte records (`<u8` group, `<u4` spelling),
an entry's number is its record's place. It is only appended to, by the sync holding the index's
write lock, and written and fsynced before the index commit that first uses its new entries: a sync
killed at any point leaves records no committed document names (reused by the next sync) or a torn
last record (cut off when the table is read), never a committed number the table lacks. A rebuilt
index starts a new table (archive_index._create removes it).

A numbered value (what the column stores): a header (`<IIBI`: entries, positions, the bytes of a
wide entry number: 3, or 4 once the table passes 2**24 entries, and how many of the entry numbers
are short), the article's entry numbers, those below 2**16 first in two bytes each, then the wide
ones (schema 13: the table numbers pairs by first appearance, so an article's common words have small
numbers), each part in the article's order of first appearance, then each position's place among
them (1, 2 or 4 bytes by the article's entries)."""

from __future__ import annotations

import os
import struct
from array import array
from pathlib import Path
from typing import cast

import numpy as np
import numpy.typing as npt

from viewer.analysis.word_groups import HEADER, index_width, sequence_parts

TABLE_NAME = "bayegan-words.table"
RECORD = np.dtype([("group", "<u8"), ("spelling", "<u4")])
NUMBERED_HEADER = struct.Struct("<IIBI")
_THREE_BYTES = 1 << 24
SHORT = 1 << 16  # entry numbers below it take two bytes
_PLACE_TYPES = {1: "<u1", 2: "<u2", 4: "<u4"}


def numbered_parts(value: bytes) -> tuple[int, int, int, int, int]:
    """(entries, positions, position width, wide entry-number width, short entry numbers) of a
    numbered value; (0, 0, 1, 3, 0) for an empty one."""
    if len(value) < NUMBERED_HEADER.size:
        return 0, 0, 1, 3, 0
    entries, positions, number_width, short = NUMBERED_HEADER.unpack_from(value)
    return entries, positions, index_width(entries), number_width, short


def places_start(parts: tuple[int, int, int, int, int]) -> int:
    """Where the positions' places start in a value of these parts (past the entry numbers)."""
    entries, _, _, number_width, short = parts
    return NUMBERED_HEADER.size + 2 * short + number_width * (entries - short)


def numbers_of(values: list[bytes], parts: list[tuple[int, int, int, int, int]]) -> npt.NDArray[np.int64]:
    """The entry numbers of numbered values of one wide width, end to end, in each value's order.
    Three joins and a mask for any number of values (the collocations read thousands at once)."""
    if not values:
        return np.zeros(0, dtype=np.int64)
    head = NUMBERED_HEADER.size
    number_width = parts[0][3]
    entries = np.asarray([part[0] for part in parts], dtype=np.int64)
    short = np.asarray([part[4] for part in parts], dtype=np.int64)
    low = np.frombuffer(b"".join(value[head:head + 2 * part[4]] for value, part in zip(values, parts, strict=True)),
                        "<u2").astype(np.int64)
    high = entry_numbers(b"".join(value[head + 2 * part[4]:places_start(part)]
                                  for value, part in zip(values, parts, strict=True)), number_width)
    total = int(entries.sum())
    inside = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(entries) - entries, entries)
    is_short = inside < np.repeat(short, entries)
    numbers = np.empty(total, dtype=np.int64)
    numbers[is_short] = low
    numbers[~is_short] = high
    return numbers


def entry_numbers(raw: bytes, width: int) -> npt.NDArray[np.int64]:
    """Entry numbers written `width` (3 or 4) bytes each, little-endian."""
    if width == 4:
        return np.frombuffer(raw, "<u4").astype(np.int64)
    three = np.frombuffer(raw, np.uint8).reshape(-1, 3).astype(np.int64)
    numbers: npt.NDArray[np.int64] = three[:, 0] | (three[:, 1] << 8) | (three[:, 2] << 16)
    return numbers


def read_table(folder: Path) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint32]]:
    """The table's groups and spellings by entry number (a torn last record left out; none when
    the table is missing)."""
    try:
        data = (folder / TABLE_NAME).read_bytes()
    except FileNotFoundError:
        data = b""
    records = np.frombuffer(data, RECORD, count=len(data) // RECORD.itemsize)
    return records["group"].astype(np.uint64), records["spelling"].astype(np.uint32)


_cached: dict[Path, tuple[tuple[int, int, int], tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint32]]]] = {}


def table_of(folder: Path, needed: int) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint32]]:
    """read_table, kept while the file is unchanged; read again when it has fewer than `needed`
    entries (a sync appended since)."""
    path = folder / TABLE_NAME
    try:
        stat = path.stat()
        stamp = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
    except FileNotFoundError:
        stamp = (0, 0, 0)
    kept = _cached.get(path)
    if kept is None or kept[0] != stamp or len(kept[1][0]) < needed:
        kept = (stamp, read_table(folder))
        _cached[path] = kept
    return kept[1]


def decoded(value: bytes, groups: npt.NDArray[np.uint64],
            spellings: npt.NDArray[np.uint32]) -> tuple[list[int], list[int]]:
    """Each position's group hash and spelling hash of a numbered value (for tests and checks)."""
    parts = numbered_parts(value)
    if not parts[1]:
        return [], []
    numbers = numbers_of([value], [parts])
    order = np.frombuffer(value, _PLACE_TYPES[parts[2]], count=parts[1], offset=places_start(parts))
    at = numbers[order.astype(np.int64)]
    return groups[at].tolist(), spellings[at].tolist()


class WordTable:
    """The table as the sync extends it: `numbered` gives a word_sequence value its entry numbers
    (new pairs get the next ones, in memory), `save` appends them to the file."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._known: dict[int, int] | None = None  # group << 32 | spelling -> entry number
        self._saved = 0  # whole records in the file
        self._new = array("Q")  # group, spelling of each entry not yet saved

    def _numbers(self) -> dict[int, int]:
        if self._known is None:
            groups, spellings = read_table(self.folder)
            self._saved = len(groups)
            self._known = {group << 32 | spelling: number for number, (group, spelling)
                           in enumerate(zip(groups.tolist(), spellings.tolist(), strict=True))}
        return self._known

    def numbered(self, value: bytes) -> bytes:
        """The numbered value (module docstring) of a word_sequence value."""
        entries, positions, _ = sequence_parts(value)
        if not positions:
            return b""
        known = self._numbers()
        start = HEADER.size
        groups = struct.unpack_from(f"<{entries}Q", value, start)
        spellings = struct.unpack_from(f"<{entries}I", value, start + 8 * entries)
        keys = [group << 32 | spelling for group, spelling in zip(groups, spellings, strict=True)]
        numbers = list(map(known.get, keys))
        if None in numbers:
            for at, number in enumerate(numbers):
                if number is None:
                    number = known.get(keys[at])
                    if number is None:
                        number = known[keys[at]] = len(known)
                        self._new.extend((groups[at], spellings[at]))
                    numbers[at] = number
        width = 3 if len(known) <= _THREE_BYTES else 4
        # the short numbers first, then the wide ones, each in order of first appearance; the
        # positions' places follow their entries (most articles have no wide number: no change)
        found = cast("list[int]", numbers)
        low = [number for number in found if number < SHORT]
        short = len(low)
        places = value[start + 12 * entries:]
        high = [number for number in found if number >= SHORT] if short < entries else []
        if low and high:
            if entries <= 0x100:  # one byte a place: a byte translation (Python: ~100 entries)
                rank = bytearray(0x100)
                low_at, high_at = 0, short
                for at, number in enumerate(found):
                    if number < SHORT:
                        rank[at], low_at = low_at, low_at + 1
                    else:
                        rank[at], high_at = high_at, high_at + 1
                places = places.translate(rank)
            else:
                place_type = _PLACE_TYPES[index_width(entries)]
                is_short = np.asarray(found) < SHORT
                rank_of = np.empty(entries, dtype=np.int64)
                rank_of[is_short] = np.arange(short)
                rank_of[~is_short] = np.arange(short, entries)
                places = rank_of[np.frombuffer(places, place_type)].astype(place_type).tobytes()
        wide = b"".join([number.to_bytes(width, "little") for number in high])
        return b"".join((NUMBERED_HEADER.pack(entries, positions, width, short), struct.pack(f"<{short}H", *low), wide,
                         places))

    def save(self) -> None:
        """Append the new entries to the file and fsync it (before the commit that uses them)."""
        if not self._new:
            return
        path = self.folder / TABLE_NAME
        created = not path.exists()
        records = np.zeros(len(self._new) // 2, dtype=RECORD)
        pairs = np.frombuffer(self._new.tobytes(), np.uint64).reshape(-1, 2)
        records["group"] = pairs[:, 0]
        records["spelling"] = pairs[:, 1]
        with open(path, "ab") as table:
            table.truncate(self._saved * RECORD.itemsize)  # a torn record of a killed sync
            table.write(records.tobytes())
            table.flush()
            os.fsync(table.fileno())
        if created:
            _sync_folder(self.folder)
        self._saved += len(records)
        self._new = array("Q")


def _sync_folder(folder: Path) -> None:
    """fsync a folder, so that a file created in it survives a crash (where the OS allows it)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
