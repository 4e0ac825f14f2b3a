"""Drops RUNPATH/RPATH entries that name a folder of the build machine (e.g. pyenv's lib/) from every ELF
file of the PyInstaller folder; `$ORIGIN`-relative entries, which PySide6 needs, stay.

    python packaging/fix_runpaths.py PATCHELF DIR
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def is_elf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def main(patchelf: str, folder: Path) -> int:
    changed = 0
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file() or not is_elf(path):
            continue
        current = subprocess.run([patchelf, "--print-rpath", str(path)], capture_output=True, text=True)
        if current.returncode != 0 or not current.stdout.strip():
            continue
        entries = current.stdout.strip().split(":")
        kept = [entry for entry in entries if entry.startswith("$ORIGIN")]
        if kept == entries:
            continue
        command = [patchelf, "--set-rpath", ":".join(kept)] if kept else [patchelf, "--remove-rpath"]
        subprocess.run([*command, str(path)], check=True)
        changed += 1
    print(f"fix_runpaths: build-machine RUNPATH removed from {changed} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2])))
