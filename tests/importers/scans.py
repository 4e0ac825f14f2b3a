"""Small page scans rendered with Pillow (raqm shapes the Persian) in the bundled Vazirmatn font, and the
character error rate of what OCR read back, after the analyzer's folding."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from viewer.analysis.normalize import fold_word
from viewer.notes.fuzzy import edit_distance

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"


def render_page(title: str, lines: list[str], width: int = 1000, size: int = 26) -> Image.Image:
    """A white page with `title` large at its top (a line for each "\n") and `lines` below, right-aligned."""
    body = ImageFont.truetype(str(FONTS / "Vazirmatn-Regular.ttf"), size)
    heading = ImageFont.truetype(str(FONTS / "Vazirmatn-Bold.ttf"), int(size * 1.7))
    titles = title.split("\n") if title else []
    top = 40 + int(size * 2.8) * len(titles)
    page = Image.new("L", (width, top + 40 + int(size * 1.9) * max(len(lines), 1)), 255)
    draw = ImageDraw.Draw(page)
    for number, heading_line in enumerate(titles):
        draw.text((width - 40, 30 + int(size * 2.8) * number), heading_line, font=heading, fill=0, anchor="ra",
                  direction="rtl")
    for number, line in enumerate(lines):
        draw.text((width - 40, top + int(size * 1.9) * number), line, font=body, fill=0, anchor="ra", direction="rtl")
    return page


def png_bytes(image: Image.Image, format_name: str = "PNG", **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format=format_name, **options)
    return out.getvalue()


def cer(expected: str, read: str) -> float:
    """Levenshtein distance over the length of `expected`, both folded as the index folds them."""
    want, got = (" ".join(fold_word(word) for word in text.split()) for text in (expected, read))
    return edit_distance(want, got) / max(len(want), 1)
