"""Whoosh's segment writer with its postings gathered by term (`term_pool.py`) and written a block
at a time, not a posting at a time.

The documents, stored fields, columns and lengths are written as Whoosh's `SegmentWriter` writes
them; a text field analysed in a worker (`prepare.AnalyzedText`) hands its packed postings to the
pool in one call. At commit each term's postings go out in blocks of the codec's size built from
slices of the pool's arrays, with the same block statistics W3 keeps posting by posting, so the
segment is the one Whoosh would have written (tests/search/format/test_bulk_writer.py compares them).
Segments to merge go through the pool one posting at a time, as in Whoosh. The word positions of a
few thousand terms' blocks are packed together (`block_format.positions_sections`): numpy's calls
per block cost more than the packing itself.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.fields import DATETIME
from whoosh.index import FileIndex
from whoosh.util.numeric import byte_to_length
from whoosh.writing import SegmentWriter

from viewer.search.format.block_format import positions_sections
from viewer.search.format.codec import ArrayPostingsWriter
from viewer.search.format.postings import PersianPositions
from viewer.search.format.term_pool import TermPool, TermPostings

_BATCH_BYTES = 1 << 20  # the values of terms whose positions are packed together


class _PackedPostingsWriter(ArrayPostingsWriter):
    """Blocks given whole: ids, weights and lengths set by `write_term`, values as lengths + bytes."""

    _packed_values: tuple[array[int], bytes] | None = None
    _packed_positions: bytes | None = None

    def _new_block(self) -> None:
        super()._new_block()
        self._packed_values = None

    def _positions_section(self, value_lengths: Sequence[int], values: bytes) -> bytes | None:
        if self._packed_values is None:
            return super()._positions_section(value_lengths, values)
        return self._packed_positions

    def _value_parts(self) -> tuple[Sequence[int], bytes]:
        if self._packed_values is None:
            return super()._value_parts()
        lengths, blob = self._packed_values
        if 0 in lengths:  # W3 keeps only non-empty values
            lengths = array("I", [n for n in lengths if n])
        return lengths, blob


def write_term(writer: _PackedPostingsWriter, docs: bytes, weights: bytes, lens: bytes, values: bytes,
               field_lengths: bytes | None, positions: Sequence[bytes | None] | None = None) -> None:
    """A term's postings (the pool's buffers) as blocks; `field_lengths`: the field's length byte per
    document (None when the field keeps no lengths); `positions`: each block's positions section
    (positions_sections), None when the values are not word positions."""
    ids, wts, sizes = array("I"), array("d"), array("I")
    ids.frombytes(docs)
    wts.frombytes(weights)
    sizes.frombytes(lens)
    limit, count, at = writer._blocklimit, len(ids), 0
    for start in range(0, count, limit):
        end = min(count, start + limit)
        block_ids, block_weights, block_sizes = ids[start:end], wts[start:end], sizes[start:end]
        size = sum(block_sizes)
        writer._ids = block_ids
        writer._weights = array("f", block_weights)
        top = max(block_weights)
        writer._maxweight = top if top > 0 else 0
        if field_lengths is not None:
            found = [field_lengths[d] for d in block_ids]
            longest = max(found)
            shortest = min((b for b in found if b), default=0)
            writer._minlength = byte_to_length(shortest) if shortest else None
            writer._maxlength = byte_to_length(longest) if longest else 0
        writer._packed_values = (block_sizes, values[at:at + size])
        writer._packed_positions = positions[start // limit] if positions is not None else None
        at += size
        writer._write_block(last=end == count)


_REMEMBERED_DATES = 100_000  # distinct dates whose terms are kept (a day's articles share theirs)


class BulkWriter(SegmentWriter):  # type: ignore[misc]  # whoosh is untyped
    def __init__(self, ix: FileIndex, **kwargs: Any):
        super().__init__(ix, **kwargs)
        self.pool = TermPool(self._tempstorage.folder)
        # (field name, date) -> (its terms as field.index gives them, its column value)
        self._dates: dict[tuple[str, datetime], tuple[list[tuple[bytes, int, float, bytes]], Any]] = {}

    def add_document(self, **fields: Any) -> None:
        """SegmentWriter.add_document, with packed postings taken whole."""
        self._check_state()
        perdocwriter = self.perdocwriter
        schema = self.schema
        docnum = self.docnum
        pool = self.pool
        docboost = self._doc_boost(fields)
        fieldnames = sorted([name for name in fields if not name.startswith("_")])
        self._check_fields(schema, fieldnames)
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields.get(fieldname)
                if value is None:
                    continue
                field = schema[fieldname]
                if field.separate_spelling() or field.vector:
                    raise NotImplementedError("BulkWriter: spelling and vector fields are not used by Bayegan")
                length = 0
                if field.indexed:
                    fieldboost = self._field_boost(fields, fieldname, docboost)
                    packed = getattr(value, "packed", None)
                    if packed is not None and fieldboost == 1.0:
                        pool.add_packed(fieldname, docnum, packed, field.format.field_boost)
                        if field.scorable:
                            length = sum(packed.freqs)
                    else:
                        for tbytes, freq, weight, vbytes in self._indexed(fieldname, field, value):
                            if field.scorable:
                                length += freq
                            pool.add((fieldname, tbytes, docnum, weight * fieldboost, vbytes))
                customval = fields.get(f"_stored_{fieldname}", value)
                perdocwriter.add_field(fieldname, field, customval if field.stored else None, length)
                column = field.column_type
                if column and customval is not None:
                    perdocwriter.add_column_value(fieldname, column, self._column_value(fieldname, field, customval))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _date(self, fieldname: str, field: Any, value: Any) -> tuple[list[tuple[bytes, int, float, bytes]], Any] | None:
        """A date field's terms and column value, worked out once per date; None for any other value.
        Only a naive datetime: two of those are equal exactly when their year ... microsecond are,
        all that Whoosh's DATETIME reads of them (an aware one equals another zone's other time)."""
        if type(value) is not datetime or value.tzinfo is not None or not isinstance(field, DATETIME):
            return None
        key = (fieldname, value)
        known = self._dates.get(key)
        if known is None:
            if len(self._dates) >= _REMEMBERED_DATES:
                self._dates.clear()
            known = self._dates[key] = (list(field.index(value)), field.to_column_value(value))
        return known

    def _indexed(self, fieldname: str, field: Any, value: Any) -> Iterable[tuple[bytes, int, float, bytes]]:
        """field.index(value)."""
        known = self._date(fieldname, field, value)
        return field.index(value) if known is None else known[0]

    def _column_value(self, fieldname: str, field: Any, value: Any) -> Any:
        """field.to_column_value(value)."""
        known = self._date(fieldname, field, value)
        return field.to_column_value(value) if known is None else known[1]

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths_reader = self.per_document_reader() if self.codec.length_stats else None
        fieldwriter = self.fieldwriter
        current = None
        field_lengths: bytes | None = None
        limit = self.codec._blocklimit
        for (fieldname, term, docs, weights, lens, values), positions in _with_positions(
                self.pool.terms(), self.schema, limit):
            if fieldname != current:
                if current is not None:
                    fieldwriter.finish_field()
                current = fieldname
                fieldobj = self.schema[fieldname]
                fieldwriter.start_field(fieldname, fieldobj)
                writer = fieldwriter._postwriter
                fieldwriter._postwriter = _PackedPostingsWriter(
                    writer._postfile, blocklimit=writer._blocklimit, compression=writer._compression,
                    inlinelimit=writer._inlinelimit)
                field_lengths = _field_lengths(lengths_reader, fieldname)
            fieldwriter.start_term(term)
            write_term(fieldwriter._postwriter, docs, weights, lens, values, field_lengths, positions)
            fieldwriter.finish_term()
        if current is not None:
            fieldwriter.finish_field()
        fieldwriter.close()
        if lengths_reader is not None:
            lengths_reader.close()


def _with_positions(terms: Iterator[TermPostings], schema: Any, limit: int,
                    ) -> Iterator[tuple[TermPostings, list[bytes | None] | None]]:
    """Each term with its blocks' positions sections (None for a field without positions), packed a
    batch of terms at a time."""
    batch: list[TermPostings] = []
    size = 0
    for entry in terms:
        if not isinstance(schema[entry[0]].format, PersianPositions):
            yield from _packed_batch(batch, limit)
            batch, size = [], 0
            yield entry, None
            continue
        batch.append(entry)
        size += len(entry[5])
        if size >= _BATCH_BYTES:
            yield from _packed_batch(batch, limit)
            batch, size = [], 0
    yield from _packed_batch(batch, limit)


def _packed_batch(batch: list[TermPostings], limit: int) -> Iterator[tuple[TermPostings, list[bytes | None]]]:
    if not batch:
        return
    lengths = np.frombuffer(b"".join(entry[4] for entry in batch), dtype=np.uint32).astype(np.int64)
    counts = [len(entry[4]) // 4 for entry in batch]
    block_starts = np.concatenate([np.arange(0, count, limit) + first for count, first
                                   in zip(counts, np.cumsum([0, *counts[:-1]]).tolist(), strict=True)])
    sections = positions_sections(lengths, b"".join(entry[5] for entry in batch), block_starts)
    at = 0
    for entry, count in zip(batch, counts, strict=True):
        blocks = -(-count // limit)
        yield entry, sections[at:at + blocks]
        at += blocks


def _field_lengths(reader: Any, fieldname: str) -> bytes | None:
    """The field's length byte per document, as W3's reader would look each one up."""
    if reader is None:
        return None
    column = reader._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    if column is None:
        return None
    return column if isinstance(column, bytes) else bytes(column[n] for n in range(reader.doc_count_all()))
