"""Mixed-direction text built with Unicode isolates: paths, file names, URLs, codes and Latin dates
keep their order inside a Persian line («/home/me/a.txt», not «txt.a/me/home/»), and a Persian title
or date inside an English line does not drag the numbers after it («Title (100%)», not «Title (%100)»)."""

from __future__ import annotations

import re

LRI, PDI = "\u2066", "\u2069"  # LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE
RLI, FSI = "\u2067", "\u2068"  # RIGHT-TO-LEFT ISOLATE, FIRST STRONG ISOLATE (direction of its first letter)
LRE, PDF = "\u202a", "\u202c"  # LEFT-TO-RIGHT EMBEDDING ... POP DIRECTIONAL FORMATTING
# Every invisible direction control: marks, embeddings, overrides, isolates, the BOM.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_RTL_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def ltr_isolated(text: str) -> str:
    """`text` as a left-to-right run that does not mix with the text around it (an isolate)."""
    return f"{LRI}{text}{PDI}" if text else text


def rtl_isolated(text: str) -> str:
    """`text` as a right-to-left run kept apart from the text around it (a Persian date in an English line)."""
    return f"{RLI}{text}{PDI}" if text else text


def isolated(text: str) -> str:
    """`text` kept apart from the text around it, in the direction of its first letter: for text from
    the data (a title, a tag, a file name) whose language is not known."""
    return f"{FSI}{text}{PDI}" if text else text


def ltr_embedded(text: str) -> str:
    """`text` as a left-to-right embedding (LRE … PDF): how the PDF export keeps paths and URLs in
    order; the window uses isolates."""
    return f"{LRE}{text}{PDF}" if text else text


def is_ltr(text: str) -> bool:
    """True when `text` has no right-to-left letter (a file name, a URL, an English title)."""
    return not _RTL_LETTER.search(text)
