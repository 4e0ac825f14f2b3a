"""What the index knows of each source file: size, mtime, hash and the articles it gave.

A cache beside the Whoosh index, written atomically after each commit. If a crash loses it, the
next sync re-reads the files and `update_document` by id makes the result the same.

JSON, compressed by zstd (level 1): its hex hashes and ids take ~178 bytes an article as text, ~62
compressed (level 1 compresses it better than 3, the ids and hashes of `articles` being repeated in
`items`, and 0.1 s for 200,000 articles). An archive of an older Bayegan has it as plain JSON
(`LEGACY_MANIFEST_NAME`): read as such, and replaced by the compressed file at the next save.

Only the sync reads it whole (~180 MB of JSON, ~62 MB on disk, for a million articles). What the window and the
searches need of it, the files of the articles held in several files, is kept beside it, small
(`copied_files`): every other article's one file is the `source` its document stores.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import zstandard

from viewer.core.atomic_write import write_bytes_atomically, write_text_atomically

MANIFEST_NAME = "bayegan-manifest.json.zst"
LEGACY_MANIFEST_NAME = "bayegan-manifest.json"  # written by Bayegan up to schema 12, uncompressed
COPIED_FILES_NAME = "bayegan-copied-files.json"
_LEVEL = 1


def manifest_path(index_dir: Path) -> Path:
    """The manifest file of the archive: the compressed one, else an older Bayegan's plain JSON if
    there is one (the compressed one's path when neither is there)."""
    path = index_dir / MANIFEST_NAME
    legacy = index_dir / LEGACY_MANIFEST_NAME
    return legacy if not path.exists() and legacy.exists() else path


def has_manifest(index_dir: Path) -> bool:
    return manifest_path(index_dir).exists()


def _read(path: Path) -> Any:
    """The manifest's JSON, decompressed when it is (ValueError: damaged)."""
    raw = path.read_bytes()
    if path.name == MANIFEST_NAME:
        try:
            raw = zstandard.ZstdDecompressor().decompress(raw)
        except zstandard.ZstdError as exc:  # cut short, or not zstd at all
            raise ValueError(f"damaged manifest: {exc}") from exc
    return json.loads(raw.decode("utf-8"))


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
            raw = _read(manifest_path(index_dir))
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
        text = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        write_bytes_atomically(index_dir / MANIFEST_NAME, zstandard.ZstdCompressor(level=_LEVEL).compress(text))
        (index_dir / LEGACY_MANIFEST_NAME).unlink(missing_ok=True)  # an older Bayegan's, read once
        _save_copied_files(index_dir, self.version, self.copied_files(), self.pending)

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

    def copied_files(self) -> dict[str, list[str]]:
        """`sources` of the articles held in several files only (exact copies: a few in an archive)."""
        held: dict[str, int] = {}
        for record in self.files.values():
            for aid in record.articles:
                held[aid] = held.get(aid, 0) + 1
        found: dict[str, list[str]] = {}
        for path, record in self.files.items():
            for aid in record.articles:
                if held[aid] > 1:
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



def copied_files(index_dir: Path, version: str) -> dict[str, list[str]]:
    """article id -> every file holding it (the one it is indexed from first), for the articles held
    in several files. Read from the small file the last save wrote beside the manifest; when that file
    is missing or was written for another manifest (an older Bayegan's archive, a crash between the
    two writes), the manifest is read whole once and the small file written again."""
    manifest = manifest_path(index_dir)
    try:
        stamp = _stamp(manifest)
    except FileNotFoundError:
        return {}  # never synced: no article yet
    except OSError:
        stamp = None
    kept = _kept_beside(index_dir, stamp, version)
    if kept is not None:
        return {str(aid): [str(p) for p in paths] for aid, paths in kept["files"].items()}
    loaded = Manifest.load(index_dir, version)
    found = loaded.copied_files()
    try:
        if stamp is not None and loaded.files:
            _save_copied_files(index_dir, version, found, False, stamp)
    except OSError:
        pass  # a read-only archive (a USB stick): read from the manifest again next time
    return found


def manifest_pending(index_dir: Path, version: str) -> bool:
    """Whether the last sync stopped between its commit and its manifest (then every file is read)."""
    try:
        manifest = manifest_path(index_dir)
        kept = _kept_beside(index_dir, _stamp(manifest), version)
        if kept is not None:
            return bool(kept["pending"])
        return bool(_read(manifest).get("pending", False))
    except (OSError, ValueError, AttributeError):
        return False


def _kept_beside(index_dir: Path, stamp: list[int] | None, version: str) -> dict[str, Any] | None:
    """What the last save kept beside the manifest, if it was written with this very manifest."""
    if stamp is None:
        return None
    try:
        raw = json.loads((index_dir / COPIED_FILES_NAME).read_text("utf-8"))
        if (isinstance(raw, dict) and raw.get("manifest") == stamp and raw.get("version") == version
                and isinstance(raw.get("files"), dict) and isinstance(raw.get("pending"), bool)):
            return raw
    except (OSError, ValueError):
        pass  # missing or damaged: made again from the manifest
    return None


def _stamp(manifest: Path) -> list[int]:
    stat = manifest.stat()
    return [stat.st_size, stat.st_mtime_ns]


def _save_copied_files(index_dir: Path, version: str, found: dict[str, list[str]], pending: bool,
                       stamp: list[int] | None = None) -> None:
    """Beside the manifest just written, naming it by its size and time: a reader knows whether the
    two agree."""
    payload = {"version": version, "pending": pending, "manifest": stamp or _stamp(manifest_path(index_dir)), "files": found}
    write_text_atomically(index_dir / COPIED_FILES_NAME, json.dumps(payload, ensure_ascii=False))
