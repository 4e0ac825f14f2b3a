"""The text fields' posting format by the name the index knows. Whoosh pickles
`viewer.search.postings.PersianPositions` into the schema of every index, so this import path answers
for every index ever written; the code is in format/postings.py."""

from viewer.search.format.postings import PersianPositions

__all__ = ["PersianPositions"]
