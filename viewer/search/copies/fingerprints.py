"""What tells copies of one article apart from other articles, worked out in the prepare workers.

- The **fingerprint** (exact copies): a SHA-1 of the title and text after `copy_fold` (ی/ي, ک/ك,
  Persian/Arabic/ASCII digits, harakat, tatweel, ئ/ی and hamza forms), lower case, every
  space, line break and ZWNJ dropped — what differs between a page saved as .html, its .txt, a PDF or
  DOCX export and a Windows-1256 copy. A text shorter than `MIN_FINGERPRINT_CHARS` has one only
  with a title: the same title over the same short text (a caption, a one-line brief) is one
  article, while two untitled short posts that happen to read alike are not taken for one.
- The **sketch** (near duplicates): a MinHash signature of the text's word 3-grams (folded words),
  the low 16 bits of `PERMUTATIONS` 32-bit minimums of seeded multiply-shift hashes, in numpy
  (b-bit MinHash, schema 14: half the bytes; below). Its `BANDS` LSH bands
  (`ROWS` values each) are sorted keys (near_duplicates.py), so an article's candidates are a binary
  search per band, never a comparison with every article; each candidate is then scored by the
  share of equal minimums (the estimated Jaccard similarity of the two texts' 3-gram sets).

Keeping b bits of each minimum (Li and König, "b-bit minwise hashing") adds to two signatures'
equal values only the chance that two different minimums agree in their low bits, 2**-16 each: the
unbiased estimate of the similarity, (share - 2**-16) / (1 - 2**-16), differs from the share by less
than 2**-16, so the share is used as it was (at most one chance agreement in ~1,000 pairs of
unrelated signatures, each 1/64 of score). The band keys hash three 16-bit values (48 bits) into 32,
so their chance collisions are the 32-bit hash's, as before. The low bits, not the high ones: a
minimum of hundreds of hashes is small, so its high bits are nearly always zero.
"""

from __future__ import annotations

import hashlib
import random
import zlib
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

from viewer.analysis.normalize import copy_fold

MIN_FINGERPRINT_CHARS = 100  # folded text characters (spaces dropped) below which untitled texts never merge
PERMUTATIONS = 64
SIGNATURE_TYPE = np.dtype("<u2")  # each minimum's low 16 bits (schema 14; 13 kept all 32)
SIGNATURE_BYTES = PERMUTATIONS * SIGNATURE_TYPE.itemsize
BANDS, ROWS = 21, 3  # 63 of the 64 values: a pair at similarity 0.5 is a candidate with p = 0.94
SHINGLE = 3
MIN_SHINGLES = 10  # shorter texts (a caption, a one-line brief) are not sketched: too little to tell
SKETCH_WORDS = 1000  # a longer text is sketched on its first 1000 words (bounds the cost)
# Two texts are near duplicates from this estimated Jaccard similarity of their 3-grams on. Measured
# on the public dataset (benchmarks/results/duplicates.md): republished variants score 0.39-1.0 (98.5 %
# grouped at 0.4, 95.5 % at 0.5), the other story sharing most words with an article at most 0.09.
NEAR_DUPLICATE = 0.4
_SEED = 20
_MASK32 = np.uint64(0xFFFFFFFF)
_MASK16 = np.uint64(0xFFFF)
_SHIFT32 = np.uint64(32)
# odd 64-bit multipliers combining a 3-gram's three word hashes (order matters)
_GRAM = (np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F), np.uint64(0x165667B19E3779F9))


def folded_words(text: str) -> list[str]:
    """The words of `text`, lower case and folded by `copy_fold`, in a few C-speed passes over the
    whole text (folding word by word costs several times as much)."""
    return copy_fold("\n".join(text.lower().split())).split("\n")


def fingerprint(title: str, words: list[str]) -> str:
    """The same for two copies of one article whatever their file, format, encoding or spacing; ""
    when the text (`folded_words` of it) is too short to tell."""
    body = "".join(words)
    heading = "".join(folded_words(title))
    if not body or (len(body) < MIN_FINGERPRINT_CHARS and not heading):
        return ""
    digest = hashlib.sha1(heading.encode("utf-8"))
    digest.update(b"\x1f")
    digest.update(body.encode("utf-8"))
    return digest.hexdigest()


@cache
def _permutations() -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
    # Python's generator, not numpy.random: the .deb leaves numpy.random out (packaging/build-deb).
    rng = random.Random(_SEED)
    a = np.array([rng.randrange(1, 2**63) * 2 + 1 for _ in range(PERMUTATIONS)], dtype=np.uint64)  # odd
    b = np.array([rng.randrange(0, 2**63) for _ in range(PERMUTATIONS)], dtype=np.uint64)
    return a, b


def sketch(words: list[str]) -> bytes | None:
    """The MinHash signature (PERMUTATIONS 16-bit values, little-endian: the low bits of each 32-bit
    minimum) of the words' 3-grams, or None for a text too short to sketch."""
    words = words[:SKETCH_WORDS]
    if len(words) < MIN_SHINGLES + SHINGLE - 1:
        return None
    hashes = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))
    grams = hashes[:-2] * _GRAM[0] + hashes[1:-1] * _GRAM[1] + hashes[2:] * _GRAM[2]
    grams ^= grams >> _SHIFT32
    a, b = _permutations()
    # multiply-shift hashing (arithmetic mod 2**64), one column per permutation; the high 32 bits of
    # each column's minimum are the minimum of its high 32 bits (in place: one array, three passes)
    hashed = np.multiply.outer(grams, a)
    hashed += b
    minimums = (hashed.min(axis=0) >> _SHIFT32) & _MASK16
    return bytes(minimums.astype(SIGNATURE_TYPE).tobytes())


def signature_values(signature: bytes) -> npt.NDArray[np.uint16]:
    """A signature's PERMUTATIONS values (ValueError: not a signature of this width)."""
    if len(signature) != SIGNATURE_BYTES:
        raise ValueError(f"a MinHash signature is {SIGNATURE_BYTES} bytes, not {len(signature)}")
    return np.frombuffer(signature, dtype=SIGNATURE_TYPE).astype(np.uint16)


def similarity(first: bytes, second: bytes) -> float:
    """The estimated Jaccard similarity of two texts' 3-gram sets: the share of their signatures'
    equal values (0.0 when either text has none)."""
    if not first or not second:
        return 0.0
    return float(np.count_nonzero(signature_values(first) == signature_values(second))) / PERMUTATIONS


def band_keys(signatures: npt.NDArray[np.unsignedinteger[Any]]) -> npt.NDArray[np.uint32]:
    """The LSH band keys of signatures (one a row): (rows, BANDS) 32-bit hashes of each band's ROWS
    values. Two articles are candidates when a band's keys are equal (a chance collision of the
    hash only adds a candidate, which its signature then rules out)."""
    values = signatures[:, : BANDS * ROWS].astype(np.uint64).reshape(len(signatures), BANDS, ROWS)
    mixed = values[:, :, 0] * _GRAM[0] + values[:, :, 1] * _GRAM[1] + values[:, :, 2] * _GRAM[2]
    keys: npt.NDArray[np.uint32] = ((mixed >> _SHIFT32) & _MASK32).astype(np.uint32)
    return keys
