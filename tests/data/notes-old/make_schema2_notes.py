"""Writes `schema2-colours.sqlite3`: the notes file of a researcher who used Bayegan before the notes
store mapped colours (schema 2, main at ecdc5fd), made by that Bayegan's own command line.

    python tests/data/notes-old/make_schema2_notes.py OLD_TREE OUT_FILE

OLD_TREE is a checkout of that Bayegan (`git archive ecdc5fd | tar -x -C OLD_TREE`); the seed
article is indexed into a scratch data folder, the notes are added with the colours as typed and
imported from a colleague's W3C file (bare names kept as written), and one note's text is set aside
by a conflicting import (so a kept version carries a colour too)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_fc9ab3219461baff.txt"


def main(old_tree: Path, out: Path) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        data, archive = Path(scratch) / "data", Path(scratch) / "archive"
        archive.mkdir()
        shutil.copy(SEED, archive / SEED.name)
        env = {**os.environ, "PYTHONPATH": str(old_tree)}

        def bayegan(*args: str) -> str:
            # run in the old tree: `python -m viewer` takes the `viewer` of its working folder first
            done = subprocess.run([sys.executable, "-m", "viewer", "--data-dir", str(data), *args], env=env,
                                  cwd=old_tree, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise SystemExit(f"bayegan {' '.join(args)}: {done.stderr}")
            return done.stdout

        bayegan("index", str(archive))
        article = json.loads(bayegan("list", "--json"))[0]["id"]
        for start, colour in ((0, "Red"), (10, "#ABC"), (20, "banana"), (30, "green"), (40, "")):
            bayegan("notes", "add", article, "--start", str(start), "--end", str(start + 5), "--color", colour,
                    "--note", f"رنگ {colour or 'پیش‌فرض'}", "--author", "مریم")

        def annotation(number: int, colour: str, text: str, modified: str) -> dict[str, object]:
            return {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
                    "id": f"urn:uuid:00000000-0000-4000-8000-00000000000{number}", "motivation": "commenting",
                    "creator": "سارا", "created": "2026-01-01T10:00:00.000Z", "modified": modified,
                    "body": {"type": "TextualBody", "value": text, "color": colour},
                    "target": f"urn:bayegan:article:{article}"}

        colleague = Path(scratch) / "colleague.jsonld"
        colleague.write_text(json.dumps([annotation(1, "yellow", "زرد همکار", "2026-01-01T10:00:00.000Z"),
                                         annotation(2, "سبز", "سبز همکار", "2026-01-01T10:00:00.000Z"),
                                         annotation(3, "Blue", "متن نخست", "2026-01-01T10:00:00.000Z")],
                                        ensure_ascii=False), "utf-8")
        bayegan("notes", "import", str(colleague))
        bayegan("notes", "edit", "urn:uuid:00000000-0000-4000-8000-000000000003", "--note", "متن من")
        colleague.write_text(json.dumps([annotation(3, "Blue", "متن تازهٔ همکار", "2099-01-01T10:00:00.000Z")],
                                        ensure_ascii=False), "utf-8")
        bayegan("notes", "import", str(colleague))  # both edited: the local text is kept as a version
        shutil.copy(data / "notes.sqlite3", out)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
