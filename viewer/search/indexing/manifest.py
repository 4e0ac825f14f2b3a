"""What the index knows of each source file: size, mtime, hash and the articles it gave.

A cache beside the Whoosh index, written atomically after each commit. If a crash loses it, the
next sync re-reads the files and `update_document` by id makes the result the same.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from viewer.core.atomic_write import write_text_atomically

MANIFEST_NAME = "bayegan-manifest.json"


@dataclass
class FileRecord:
    size: int
    mtime_ns: int
    sha1: str
    articles: dict[str, str] = field(default_factory=dict)  # article id -> stored hash (indexed or a copy)
    # Every article the file holds, in file order, as sources.ArticleKeys (copies and dropped ones too):
    # how an unchanged file is placed again among the others without reading it.
    items: list[list[str]] = field(default_factory=list)
    # Files that grow by appending (WARC): bytes read so far and their hash, so that only what was
    # appended after them is read next time.
    read_up_to: int = 0
    read_up_to_sha1: str = ""


@dataclass
class Manifest:
    version: str
    files: dict[str, FileRecord] = field(default_factory=dict)
    # True from just before a commit until the manifest matching it is saved: a crash in between
    # leaves it set, and the next sync then checks the index for articles no file accounts for.
    pending: bool = False

    @classmethod
    def load(cls, index_dir: Path, version: str) -> Manifest:
        try:
            raw = json.loads((index_dir / MANIFEST_NAME).read_text("utf-8"))
            if raw.get("version") != version:
                return cls(version)
            if raw.get("pending", False):
                # Saved just before a commit that may not have finished: trust none of it, read every
                # file again (updates by id are idempotent; articles no file gives are dropped).
                return cls(version, pending=True)
            # A record of another shape (an older Bayegan's) raises TypeError: every file is read again.
            files = {path: FileRecord(**record) for path, record in raw["files"].items()}
            return cls(version, files)
        except FileNotFoundError:
            return cls(version)
        except (OSError, ValueError, KeyError, TypeError):
            return cls(version, pending=True)

    def save(self, index_dir: Path) -> None:
        payload = {
            "version": self.version,
            "pending": self.pending,
            "files": {p: asdict(r) for p, r in self.files.items()},
        }
        write_text_atomically(index_dir / MANIFEST_NAME, json.dumps(payload, ensure_ascii=False))

    def owners(self) -> dict[str, str]:
        """article id -> the first source file that holds it (the one it was indexed from)."""
        return {aid: paths[0] for aid, paths in self.sources().items()}

    def sources(self) -> dict[str, list[str]]:
        """article id -> every source file holding it (exact copies), the indexed one first (the files
        are kept in sources.walk_order)."""
        found: dict[str, list[str]] = {}
        for path, record in self.files.items():
            for aid in record.articles:
                found.setdefault(aid, []).append(path)
        return found

    def fingerprints(self) -> dict[str, str]:
        """article id -> the fingerprint of its text (fingerprints.fingerprint; "" for a text too short
        to tell copies), from the keys kept for each file's articles."""
        found: dict[str, str] = {}
        for record in self.files.values():
            for item in record.items:
                primary, alternative, fold = item[0], item[1], item[2]
                for aid in (primary, alternative):
                    if aid in record.articles and (fold or aid not in found):
                        found[aid] = fold
        return found



def manifest_pending(index_dir: Path) -> bool:
    """Whether the last sync stopped between its commit and its manifest (then every file is read)."""
    try:
        return bool(json.loads((index_dir / MANIFEST_NAME).read_text("utf-8")).get("pending", False))
    except (OSError, ValueError, AttributeError):
        return False
