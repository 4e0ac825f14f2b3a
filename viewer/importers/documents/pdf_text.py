"""Text pulled out of a PDF, made into the text that was typed: Arabic presentation forms (U+FB50–
U+FDFF, U+FE70–U+FEFF) folded back to letters, lines in visual order put in logical order, the
bidi marks extractors add removed, lost zero-width non-joiners restored where the letter forms
show them, and paragraphs wrapped over lines joined again."""

from __future__ import annotations

import re
import unicodedata

_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# poppler wraps left-to-right runs in LRE…PDF and writes the spaces and punctuation at their edges
# in the order they are drawn: " ،" for "، ", "a.json :" for ": a.json".
_LTR_SEGMENT = re.compile("\u202a([^\u202a-\u202c]*)\u202c")
_EDGES = re.compile(r"^([\W_]*?)(\w.*\w|\w)?([\W_]*)$", re.S)
# A hamza above printed before the letter it sits on (Qt and Chromium write توسعٔه for توسعهٔ).
_EARLY_HAMZA = re.compile("\u0654([\u0647\u06c0\u06cc])")
# poppler cuts a LibreOffice line at a hamza above (توسعهٔ): the line's end comes first, then its
# start ending in the lone mark, whose letter begins the line before.
_CUT_AT_MARK = re.compile("^(.*\\S)\\s+([\u064b-\u065f\u0670])$")
_LATIN_HYPHEN = re.compile(r"([A-Za-z])-$")
_RTL_RUN = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_SENTENCE_END = (".", "!", "؟", "?", ":", "؛", "…", "»", ")")


def _form(char: str) -> str:
    """"initial", "medial", "final", "isolated" or "" for an Arabic presentation form."""
    name = unicodedata.name(char, "")
    for form in ("INITIAL", "MEDIAL", "FINAL", "ISOLATED"):
        if f"{form} FORM" in name:
            return form.lower()
    return ""


def _is_form(char: str) -> bool:
    return "\ufb50" <= char <= "\ufdff" or "\ufe70" <= char <= "\ufeff"


def in_visual_order(text: str) -> bool:
    """Words of letters printed in visual order start with the form a word ends with."""
    starts_final = starts_initial = 0
    for word in text.split():
        form = next((_form(c) for c in word if _is_form(c)), "")
        if form in ("final",):
            starts_final += 1
        elif form in ("initial",):
            starts_initial += 1
    return starts_final > 2 * starts_initial + 3


def logical_line(line: str) -> str:
    """A visual-order line of right-to-left text in logical order: reversed, with its runs of
    digits and Latin letters kept the way they read."""
    reversed_line = line[::-1]
    return re.sub(r"[0-9A-Za-z۰-۹٠-٩][0-9A-Za-z۰-۹٠-٩.,:/%_-]*[0-9A-Za-z۰-۹٠-٩]", lambda m: m.group()[::-1], reversed_line)


def _dual_joining() -> frozenset[str]:
    """Letters that join on both sides: those with an initial presentation form."""
    letters = set()
    for code in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]:
        if unicodedata.name(chr(code), "").endswith("INITIAL FORM"):
            letters.add(unicodedata.normalize("NFKC", chr(code)))
    return frozenset(letter for letter in letters if len(letter) == 1)


_DUAL_JOINING = _dual_joining()


def _restore_zwnj(word: str) -> str:
    """Where a letter that could join the next one is in its final (or isolated) form and the next
    letter in its initial (or isolated) form, the typist had a zero-width non-joiner (می‌گویند,
    کتاب‌ها). A plain letter among presentation forms stands for its isolated form."""
    out: list[str] = []
    previous_open = False  # the letter before is a both-sides joiner drawn without its left join
    for char in word:
        if unicodedata.combining(char):
            out.append(char)
            continue
        form = _form(char) if _is_form(char) else ("isolated" if "\u0620" <= char <= "\u06ff" else "")
        if previous_open and form in ("initial", "isolated") and out[-1] != "\u200c":
            out.append("\u200c")
        out.append(char)
        letter = unicodedata.normalize("NFKC", char) if _is_form(char) else char
        previous_open = form in ("final", "isolated") and letter in _DUAL_JOINING
    return "".join(out)


def _fold(text: str) -> str:
    if not any(_is_form(c) for c in text):
        return text
    words = [_restore_zwnj(word) for word in text.split(" ")]
    return "".join(unicodedata.normalize("NFKC", c) if _is_form(c) else c for c in " ".join(words))


def _ltr_segment(match: re.Match[str]) -> str:
    edges = _EDGES.match(match.group(1))
    if edges is None:
        return match.group(1)
    lead, core, trail = edges.group(1), edges.group(2) or "", edges.group(3)
    if not core:
        return (lead + trail)[::-1]
    return trail[::-1] + core + lead[::-1]


def repair_lines(text: str) -> list[str]:
    """The lines of extracted text, repaired (blank ones dropped)."""
    text = _BIDI_MARKS.sub("", _LTR_SEGMENT.sub(_ltr_segment, text.replace("\f", "\n")))
    raw_lines = text.split("\n")
    if in_visual_order(text):
        raw_lines = [logical_line(line) if _RTL_RUN.search(line) else line for line in raw_lines]
    lines: list[str] = []
    for raw in raw_lines:
        line = _EARLY_HAMZA.sub("\\1\u0654", _fold(raw)).strip()
        cut = _CUT_AT_MARK.match(line)
        if cut and lines and lines[-1][0].isalpha():
            lines[-1] = cut.group(1) + lines[-1][0] + cut.group(2) + lines[-1][1:]
        elif line:
            lines.append(line)
    return lines


def paragraphs(lines: list[str]) -> list[str]:
    """Lines wrapped by the page joined back into paragraphs. A paragraph ends at a line that ends a
    sentence or at a line much shorter than the longest (its last line); blank lines say little,
    since extractors put them inside paragraphs too."""
    width = max((len(line) for line in lines), default=0)
    result: list[str] = []
    current = ""
    for line in lines:
        if current:
            # A word broken at the line's end: "exam-" + "ple", or "می‌" + "گویند" (a ZWNJ closes no word).
            if _LATIN_HYPHEN.search(current):
                current = current[:-1] + line
            elif current.endswith("\u200c"):
                current += line
            else:
                current = f"{current} {line}"
        else:
            current = line
        broken = line.endswith("\u200c") or _LATIN_HYPHEN.search(line) is not None
        if not broken and (line.endswith(_SENTENCE_END) or len(line) < 0.6 * width):
            result.append(current)
            current = ""
    if current:
        result.append(current)
    return result
