"""The codec's name in the index. Whoosh pickles `viewer.search.codec.ArrayCodec` into every segment,
so this import path answers for every index ever written; the code is in format/codec.py."""

from viewer.search.format.codec import ArrayCodec

__all__ = ["ArrayCodec"]
