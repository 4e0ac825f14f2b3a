"""The bytes of each part of an index on disk (issue 30: a million articles in <= 2.5 GB).

    .venv/bin/python benchmarks/index_size.py DATA_DIR [DATA_DIR ...]

For each data folder (its `index/`): the parts of the compound segments summed by kind (`_stored` the
stored fields, `words` the collocations' column, `sketch` the MinHash signatures, `.pst` postings,
`.trm` terms, ...) and the files kept beside the segments (the manifest, the copies tables
`bayegan-copies-*.npy` summed, the word table), in MB (10^6 bytes), largest first, as a Markdown
table. Nothing is written. Latest table: results/index-size.md.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def parts(index_dir: Path) -> Counter[str]:
    from whoosh.filedb.compound import CompoundStorage
    from whoosh.filedb.filestore import FileStorage

    storage = FileStorage(str(index_dir), supports_mmap=False)
    sizes: Counter[str] = Counter()
    for path in sorted(index_dir.iterdir()):
        if path.suffix == ".seg":
            compound = CompoundStorage(storage.open_file(path.name), use_mmap=False)
            inside = 0
            for name in compound.list():
                length = compound.file_length(name)
                inside += length
                # articles_<segment id>.<field>.col (_stored, words, ...), articles_<segment id>.pst
                kind = name.split(".", 1)[-1]
                sizes[kind] += length
            sizes["segment framing"] += path.stat().st_size - inside
        elif path.name.startswith("bayegan-copies-"):
            sizes["copies tables (bayegan-copies-*.npy)"] += path.stat().st_size
        elif path.is_file() and path.stat().st_size > 100:
            sizes[path.name] += path.stat().st_size
    return sizes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, nargs="+", help="data folders (each with an index/)")
    args = parser.parse_args()
    measured = [parts(folder / "index") for folder in args.data]
    kinds = sorted({kind for sizes in measured for kind in sizes}, key=lambda kind: -max(s[kind] for s in measured))
    print("| part | " + " | ".join(os.path.basename(str(folder)) for folder in args.data) + " |")
    print("|---|" + "---:|" * len(args.data))
    for kind in kinds:
        print(f"| {kind} | " + " | ".join(f"{sizes[kind] / 1e6:,.1f}" for sizes in measured) + " |")
    print("| **total** | " + " | ".join(f"**{sum(sizes.values()) / 1e6:,.1f}**" for sizes in measured) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
