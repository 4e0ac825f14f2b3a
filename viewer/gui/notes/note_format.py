"""How a note reads in the panel: Jalali local time, author, quote, colour swatches."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

from PySide6.QtGui import QColor, QIcon, QPixmap

from viewer.core.annotation import HIGHLIGHT_PALETTE, Annotation, parse_utc
from viewer.core.persian_numbers import persian_digits as in_persian

# (colour, English name, Persian name)
HIGHLIGHT_COLOURS: tuple[tuple[str, str, str], ...] = (
    (HIGHLIGHT_PALETTE["yellow"], "Yellow", "زرد"),
    (HIGHLIGHT_PALETTE["green"], "Green", "سبز"),
    (HIGHLIGHT_PALETTE["blue"], "Blue", "آبی"),
    (HIGHLIGHT_PALETTE["pink"], "Pink", "صورتی"),
    (HIGHLIGHT_PALETTE["orange"], "Orange", "نارنجی"),
)
DEFAULT_COLOUR = HIGHLIGHT_COLOURS[0][0]
QUOTE_CHARS = 60


def jalali_time(stamp: str, persian_digits: bool = True) -> str:
    """A UTC ISO timestamp as local Jalali date and time, e.g. ۱۴۰۵/۰۹/۰۴ ۲۱:۲۲."""
    from viewer.core.jalali import jalali_numeric

    parsed = parse_utc(stamp)
    if parsed is None:
        return ""
    text = jalali_numeric(parsed.astimezone())
    return in_persian(text) if persian_digits else text


def short_quote(annotation: Annotation) -> str:
    if annotation.quote is None:
        return ""
    exact = " ".join(annotation.quote.exact.split())
    return exact if len(exact) <= QUOTE_CHARS else exact[:QUOTE_CHARS - 1] + "…"


def swatch(colour: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour or DEFAULT_COLOUR))
    return QIcon(pixmap)


# Links in a note: those imported as link bodies (kept in the note's text) and any the author typed.
_LINK = re.compile(r"\b(?:https?://|urn:|mailto:|doi:)[^\s<>\"«»]+")


def note_links(annotation: Annotation) -> list[str]:
    """The links a note holds, in order, each once."""
    return list(dict.fromkeys(m.group(0).rstrip(".,;:!?)،؛") for m in _LINK.finditer(annotation.body)))


def linked_html(text: str) -> str:
    """A note's text as Qt rich text, its links clickable (a QLabel with setOpenExternalLinks(True)),
    lines kept, right to left as the text runs."""
    out: list[str] = []
    last = 0
    for match in _LINK.finditer(text):
        link = match.group(0).rstrip(".,;:!?)،؛")
        out.append(html.escape(text[last:match.start()]))
        out.append(f'<a href="{html.escape(link, quote=True)}">{html.escape(link)}</a>')
        last = match.start() + len(link)
    out.append(html.escape(text[last:]))
    return "".join(out).replace("\n", "<br>")



CARD_QUOTE_CHARS = 180
_ENGLISH_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def card_quote(annotation: Annotation, limit: int = CARD_QUOTE_CHARS) -> str:
    """The highlighted passage for a card: whole when short, else cut at a word boundary before
    `limit` characters and ended with «…» (the card's tooltip holds it all)."""
    if annotation.quote is None:
        return ""
    exact = " ".join(annotation.quote.exact.split())
    if len(exact) <= limit:
        return exact
    cut = exact[:limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 else cut).rstrip("،,;:") + "…"


def note_time(stamp: str, language: str, now: datetime | None = None) -> str:
    """When a note was written, as its card says it: «just now», «5 minutes ago», «3 hours ago»,
    «yesterday», then the local date (Jalali with Persian digits in Persian, «7 Dec 2026» in
    English); "" for a timestamp that cannot be read."""
    from viewer.core.jalali import jalali_date

    parsed = parse_utc(stamp)
    if parsed is None:
        return ""
    local = parsed.astimezone()
    current = (now or datetime.now(UTC)).astimezone()
    seconds = (current - local).total_seconds()
    fa = language == "fa"
    if 0 <= seconds < 60:
        return "همین حالا" if fa else "just now"
    if 0 <= seconds < 3600:
        minutes = int(seconds // 60)
        return f"{in_persian(minutes)} دقیقه پیش" if fa else f"{minutes} minute{'s' if minutes > 1 else ''} ago"
    if 0 <= seconds and local.date() == current.date():
        hours = int(seconds // 3600)
        return f"{in_persian(hours)} ساعت پیش" if fa else f"{hours} hour{'s' if hours > 1 else ''} ago"
    if 0 <= seconds and (current.date() - local.date()).days == 1:
        return "دیروز" if fa else "yesterday"
    if fa:
        return jalali_date(local)
    return f"{local.day} {_ENGLISH_MONTHS[local.month - 1]} {local.year}"
