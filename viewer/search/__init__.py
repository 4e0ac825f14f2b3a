"""The archive's Whoosh index, in five parts (imports point down this list):

- `results`: the searcher (hits, snippets, facets, the match summary, ids), what the app asks;
- `indexing`: opening the index and keeping it in step with the folders (sync, prepare workers,
  manifest, sources);
- `query`: the query language, its plan and the one plan walk (counting and scoring), restrictions;
- `copies`: fingerprints, near duplicates, stories and article identity;
- `format`: the one place that knows Whoosh's internals (codec, block layout, the bulk writer).

`archive.py` ties them together for the app; `schema.py` is the index's fields, shared by all.
`codec.py` and `postings.py` are the names Whoosh pickled into every index: they stay where they are.
"""
