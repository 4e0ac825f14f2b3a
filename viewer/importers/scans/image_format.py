"""Scans and photos of pages (.png, .jpg/.jpeg, .tif/.tiff, multi-page TIFF): one article per file, read
by OCR (ocr.py). Pillow decodes them with bounds, so that a hostile image is refused, never a crash
or unbounded memory: a decompression bomb (more pixels than `MAX_PIXELS`), more pages than
`MAX_PAGES`, a truncated or damaged file. CMYK, 16-bit and palette images are turned grey first."""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator

from PIL import Image, ImageSequence, UnidentifiedImageError

from viewer.core.article import Article
from viewer.core.errors import ImportFailure
from viewer.importers.common.reading_context import NO_CONTEXT, ReadingContext
from viewer.importers.scans.ocr import article_of_pages, missing_reason, read_pages, unavailable_failure

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff"})
MAX_PIXELS = 60_000_000  # an A3 page at 600 dpi is ~70 MP in colour; grey pages of this size OCR fine
MAX_PAGES = 500
_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")


def looks_like_image(data: bytes) -> bool:
    return data.startswith(_SIGNATURES)


def parse_image(data: bytes, context: ReadingContext = NO_CONTEXT) -> list[Article]:
    if missing_reason():
        raise unavailable_failure()
    pages = read_pages(_counted_pages(data), context)
    article = article_of_pages(pages)
    article.text_source = "ocr"
    if len(pages) > 1:
        article.pages = len(pages)
    return [article]


def page_images(data: bytes) -> Iterator[bytes]:
    """Each page of the image file as a greyscale PNG, one at a time (a long TIFF is never held whole),
    refused with a clear message when hostile."""
    for _count, png in _counted_pages(data):
        yield png


def _counted_pages(data: bytes) -> Iterator[tuple[int, bytes]]:
    """page_images, each with the file's number of pages."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                frames = getattr(image, "n_frames", 1)
                if frames > MAX_PAGES:
                    raise ImportFailure(f"The image has {frames} pages; at most {MAX_PAGES} are read.",
                                        f"تصویر {frames} صفحه دارد؛ حداکثر {MAX_PAGES} صفحه خوانده می‌شود.")
                for frame in ImageSequence.Iterator(image):
                    yield frames, grey_png(frame)
    except ImportFailure:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImportFailure(f"The image is too large to read (more than {MAX_PIXELS:,} pixels).",
                            f"تصویر برای خواندن بیش از حد بزرگ است (بیش از {MAX_PIXELS:,} نقطه).") from exc
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError, MemoryError) as exc:
        raise ImportFailure("The image is damaged or truncated and cannot be read.",
                            "تصویر آسیب دیده یا ناقص است و خوانده نمی‌شود.") from exc


def grey_png(frame: Image.Image) -> bytes:
    """One page as an 8-bit grey PNG: the form Tesseract reads best and its cache key is made of."""
    width, height = frame.size
    if width * height > MAX_PIXELS:
        raise Image.DecompressionBombError("page too large")
    if frame.mode in ("I;16", "I;16B", "I;16L", "I"):
        frame = frame.point(lambda value: value * (1 / 256)).convert("L")  # 16-bit grey to 8-bit
    elif frame.mode == "P" and "transparency" in frame.info:
        frame = frame.convert("RGBA")
    if frame.mode in ("RGBA", "LA"):
        backdrop = Image.new("RGBA", frame.size, "white")
        frame = Image.alpha_composite(backdrop, frame.convert("RGBA"))
    grey = frame.convert("L")
    out = io.BytesIO()
    # The scan's resolution, when it says: Tesseract's layout analysis guesses worse without it.
    dpi = frame.info.get("dpi")
    grey.save(out, format="PNG", compress_level=1, **({"dpi": dpi} if dpi else {}))
    return out.getvalue()


Image.MAX_IMAGE_PIXELS = MAX_PIXELS
