"""Paths, file names and URLs inside right-to-left text: kept as one left-to-right run (Unicode
isolates), so «/home/me/a.txt» does not come out as «txt.a/me/home/»."""

from __future__ import annotations

LRI, PDI = "\u2066", "\u2069"  # LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE


def isolated(text: str) -> str:
    """`text` as a left-to-right run that does not mix with the text around it."""
    return f"{LRI}{text}{PDI}" if text else text
