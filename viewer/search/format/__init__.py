"""The fork point: the one package that knows Whoosh's internals.

Bayegan's index is Whoosh's W3 format with its posting blocks packed as arrays, written by a fork
of Whoosh's `SegmentWriter` and read in bulk with numpy. The code doing that subclasses Whoosh's
classes and reads their private attributes (`_ids`, `_blocklimit`, `_postfile`, `_perdoc`, ...);
it mirrors whoosh-reloaded 2.7.5, which is why pyproject pins `whoosh-reloaded>=2.7.5,<2.8`. Nothing
outside this package imports Whoosh's codec, matchers or byte packing (`whoosh.codec`,
`whoosh.matching`, `whoosh.util.numeric`) or reads a private attribute of a Whoosh object: it calls
the functions here (`internals.py` for the few reads that are not a subclass's own). Opening an
index's files and its lock (`whoosh.filedb.filestore`, `whoosh.util.filelock`) is Whoosh's public
API and stays with indexing.

What pins it, to be run when Whoosh is upgraded: tests/search/format/ (test_codec.py and
test_block_format.py: the block layout, read back by Whoosh's own matchers; test_bulk_writer.py: the
bulk writer writes the segment Whoosh's writer writes; test_fork_point.py: no Whoosh internals
outside this package, and an index written before this package existed still opens), and
tests/search/test_match_scores.py and test_docsets.py (bulk reads give Whoosh's ids, weights and
scores).

The modules: `codec` (W3 with array-packed blocks; pickled as viewer.search.codec), `block_format`
(the bytes of a block), `bulk_postings` (a term's blocks decoded at once), `postings` (the text
fields' posting format; pickled as viewer.search.postings), `packed` (a document's postings as flat
buffers), `term_pool` (the writer's postings gathered by term), `term_blocks` (the commit's blocks
and term infos, many terms at once), `bulk_writer` (the segment writer),
`fast_prefix` (`word*` from the postings), `internals` (the other private reads).
"""
