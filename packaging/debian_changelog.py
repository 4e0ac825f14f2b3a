"""Prints the Debian changelog of the package (native: changelog.gz) from CHANGELOG.md's entry for VERSION,
dated SOURCE_DATE_EPOCH so the package stays reproducible.

    python packaging/debian_changelog.py VERSION CHANGELOG.md | gzip -9n > changelog.gz
"""

from __future__ import annotations

import datetime
import email.utils
import os
import re
import sys
import textwrap
from pathlib import Path

MAINTAINER = "Bayegan developers <bayegan@users.noreply.github.com>"


def entries(changelog: str, version: str) -> list[str]:
    """The bullet points of the section `## [version]` (continuation lines joined)."""
    section = re.search(rf"^## \[{re.escape(version)}\][^\n]*\n(.*?)(?=^## |\Z)", changelog, re.MULTILINE | re.DOTALL)
    if section is None:
        return [f"Release {version}."]
    bullets: list[str] = []
    for line in section.group(1).splitlines():
        if line.startswith("- "):
            bullets.append(line[2:].strip())
        elif line.startswith("  ") and bullets:
            bullets[-1] += " " + line.strip()
    return bullets or [f"Release {version}."]


def main(version: str, changelog: Path) -> int:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", "0"))
    when = email.utils.format_datetime(datetime.datetime.fromtimestamp(epoch, datetime.UTC))
    print(f"bayegan ({version}) unstable; urgency=medium\n")
    for bullet in entries(changelog.read_text("utf-8"), version):
        print(textwrap.fill(bullet.replace("`", ""), width=78, initial_indent="  * ", subsequent_indent="    "))
    print(f"\n -- {MAINTAINER}  {when}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2])))
