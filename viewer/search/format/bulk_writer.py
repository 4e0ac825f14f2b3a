"""Whoosh's segment writer with its postings gathered by term (`term_pool.py`) and written a block
at a time, not a posting at a time.

The documents, stored fields, columns and lengths are written as Whoosh's `SegmentWriter` writes
them; a text field analysed in a worker (`prepare.AnalyzedText`) hands its packed postings to the
pool in one call. At commit the terms go out a few thousand at a time (`term_blocks.py`: their
blocks, statistics and term infos laid out with numpy), so the segment is the one Whoosh would have
written (tests/search/format/test_bulk_writer.py compares them). Segments to merge go through the
pool one posting at a time, as in Whoosh.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any, NamedTuple

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.fields import DATETIME
from whoosh.index import FileIndex
from whoosh.writing import SegmentWriter

from viewer.search.format.postings import PersianPositions
from viewer.search.format.term_blocks import TermWriter
from viewer.search.format.term_pool import TermPool, TermPostings

# The terms written together (term_blocks.py): about this many bytes of values, postings or terms.
_BATCH_BYTES = 1 << 20
_BATCH_POSTINGS = 1 << 18
_BATCH_TERMS = 1 << 14


_REMEMBERED_DATES = 100_000  # distinct dates whose terms are kept (a day's articles share theirs)


class _FieldPlan(NamedTuple):
    field: Any
    indexed: bool
    scorable: bool
    stored: bool
    column: Any  # the field's column type, None for none
    format_boost: float
    boost_key: str  # a document's own boost of the field: "_<name>_boost"
    stored_key: str  # a document's value stored instead: "_stored_<name>"


class BulkWriter(SegmentWriter):  # type: ignore[misc]  # whoosh is untyped
    def __init__(self, ix: FileIndex, **kwargs: Any):
        super().__init__(ix, **kwargs)
        self.pool = TermPool(self._tempstorage.folder)
        # (field name, date) -> (its terms as field.index gives them, its column value)
        self._dates: dict[tuple[str, datetime], tuple[list[tuple[bytes, int, float, bytes]], Any]] = {}
        self._plans: dict[str, _FieldPlan] = {}

    def add_document(self, **fields: Any) -> None:
        """SegmentWriter.add_document, with packed postings taken whole."""
        self._check_state()
        perdocwriter = self.perdocwriter
        docnum = self.docnum
        pool = self.pool
        docboost = self._doc_boost(fields)
        fieldnames = sorted([name for name in fields if not name.startswith("_")])
        self._check_fields(self.schema, fieldnames)
        perdocwriter.start_doc(docnum)
        stored = perdocwriter._storedfields
        columns = perdocwriter._colwriters
        try:
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                plan = self._plans.get(fieldname) or self._plan(fieldname)
                field = plan.field
                length = 0
                if plan.indexed:
                    fieldboost = float(fields[plan.boost_key]) if plan.boost_key in fields else docboost
                    packed = getattr(value, "packed", None)
                    if packed is not None and fieldboost == 1.0:
                        pool.add_packed(fieldname, docnum, packed, plan.format_boost)
                        if plan.scorable:
                            length = sum(packed.freqs)
                    else:
                        for tbytes, freq, weight, vbytes in self._indexed(fieldname, field, value):
                            if plan.scorable:
                                length += freq
                            pool.add((fieldname, tbytes, docnum, weight * fieldboost, vbytes))
                customval = fields.get(plan.stored_key, value)
                if length:
                    perdocwriter.add_field(fieldname, field, customval if plan.stored else None, length)
                elif plan.stored and customval is not None:  # W3PerDocWriter.add_field without a length
                    stored[fieldname] = customval
                column = plan.column
                if column and customval is not None:
                    columnvalue = self._column_value(fieldname, field, customval)
                    writer = columns.get(fieldname)
                    if writer is None:
                        perdocwriter.add_column_value(fieldname, column, columnvalue)
                    else:
                        writer.add(docnum, columnvalue)
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _plan(self, fieldname: str) -> _FieldPlan:
        """What add_document asks of a field, asked once."""
        field = self.schema[fieldname]
        if field.separate_spelling() or field.vector:
            raise NotImplementedError("BulkWriter: spelling and vector fields are not used by Bayegan")
        plan = self._plans[fieldname] = _FieldPlan(
            field, bool(field.indexed), bool(field.scorable), bool(field.stored), field.column_type,
            field.format.field_boost if field.indexed else 1.0, f"_{fieldname}_boost", f"_stored_{fieldname}")
        return plan

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
        terms = TermWriter(fieldwriter, self.codec._blocklimit, self.codec._compression)
        for fieldname, batch in _batches(self.pool.terms()):
            if fieldname != fieldwriter._fieldname or not fieldwriter._infield:
                if fieldwriter._infield:
                    fieldwriter.finish_field()
                fieldobj = self.schema[fieldname]
                fieldwriter.start_field(fieldname, fieldobj)
                field_lengths = _field_lengths(lengths_reader, fieldname)
                positions = isinstance(fieldobj.format, PersianPositions)
            terms.write(fieldwriter._fieldid, batch, positions, field_lengths)
        if fieldwriter._infield:
            fieldwriter.finish_field()
        fieldwriter.close()
        if lengths_reader is not None:
            lengths_reader.close()


def _batches(terms: Iterator[TermPostings]) -> Iterator[tuple[str, list[TermPostings]]]:
    """The terms a field and a few thousand at a time (about `_BATCH_BYTES` of values, `_BATCH_POSTINGS`
    postings or `_BATCH_TERMS` terms)."""
    batch: list[TermPostings] = []
    current = ""
    size = postings = 0
    for entry in terms:
        if entry[0] != current or size >= _BATCH_BYTES or postings >= _BATCH_POSTINGS or len(batch) >= _BATCH_TERMS:
            if batch:
                yield current, batch
            batch, current, size, postings = [], entry[0], 0, 0
        batch.append(entry)
        size += len(entry[5])
        postings += len(entry[2]) >> 2
    if batch:
        yield current, batch


def _field_lengths(reader: Any, fieldname: str) -> bytes | None:
    """The field's length byte per document, as W3's reader would look each one up."""
    if reader is None:
        return None
    column = reader._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    if column is None:
        return None
    return column if isinstance(column, bytes) else bytes(column[n] for n in range(reader.doc_count_all()))
