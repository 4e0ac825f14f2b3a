"""Whether two data folders synced from the same corpus hold the same index: every stored field, the
words, sketch and id columns, every term's statistics and posting blocks byte for byte, the field
lengths, and the kept copies tables. For a change meant to make indexing faster, not different:

    python benchmarks/same_index.py WORK/data-old WORK/data-new

(index_speed.py leaves such folders in its --work folder). Each index must be one segment (a sync
into an empty folder)."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path
from typing import Any

import numpy as np
from whoosh.index import open_dir

_KEPT = ("labels", "keys", "docs", "bounds")


def digests(folder: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    ix = open_dir(str(folder / "index"), indexname="articles")
    with ix.reader() as reader:
        count = reader.doc_count_all()
        out["documents"] = count
        stored = hashlib.sha1()
        for docnum in range(count):
            stored.update(repr(sorted(reader.stored_fields(docnum).items())).encode())
        out["stored fields"] = stored.hexdigest()
        for name in ("words", "sketch", "id"):
            column = reader.column_reader(name, translate=False)
            digest = hashlib.sha1()
            for docnum in range(count):
                value = column[docnum]
                digest.update(value.encode() if isinstance(value, str) else bytes(value))
            out[f"column {name}"] = digest.hexdigest()
        [(leaf, _)] = reader.leaf_readers()
        terms, postings = leaf._terms, leaf._terms._postfile
        digest, number = hashlib.sha1(), 0
        for (fieldname, term), info in terms.items():
            digest.update(repr((fieldname, term, info.weight(), info.doc_frequency(), info.min_length(),
                                info.max_length(), info.max_weight(), info.min_id(), info.max_id())).encode())
            if info.is_inlined():
                digest.update(repr(info._inlined).encode())
            else:
                offset, length = info.extent()
                digest.update(postings.get(offset, length[0] if isinstance(length, tuple) else length))
            number += 1
        out["terms and posting blocks"] = (number, digest.hexdigest())
        lengths = hashlib.sha1()
        for field in ("title", "text", "tags"):
            for docnum in range(count):
                lengths.update(repr(reader.doc_field_length(docnum, field)).encode())
        out["field lengths"] = lengths.hexdigest()
    for name in _KEPT:
        found = sorted((folder / "index").glob(f"bayegan-copies-*-{name}.npy"))
        array = np.load(found[-1]) if found else None
        out[f"kept {name}"] = None if array is None else (array.dtype.str, array.shape, hashlib.sha1(array.tobytes()).hexdigest())
    return out


def main() -> int:
    one, other = digests(Path(sys.argv[1])), digests(Path(sys.argv[2]))
    for key, value in one.items():
        print("same     " if value == other[key] else "DIFFERENT", key)
    print("the same index" if one == other else "the indexes differ")
    return 0 if one == other else 1


if __name__ == "__main__":
    sys.exit(main())
