"""The pictures kept with articles: those of a Telegram export's photos/ folder, the picture parts of an
MHTML file, the media of a DOCX and the image records a WARC page shows (taken out once into the data
folder, by hash), and those of a saved
web page ("Save page as → complete": NAME.html beside its NAME_files/ folder),
kept with its article: each <img> whose file is in that folder, with its caption (the <figcaption> of
its <figure>, else its alt or title text). Read from where they are, never copied. Icons and tracking
pixels (under `MIN_SIDE` pixels on a side) and files Pillow cannot identify are left out."""

from __future__ import annotations

import contextlib
import email
import email.policy
import hashlib
import io
import os
import tempfile
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

from lxml import etree
from lxml import html as lxml_html
from PIL import Image, UnidentifiedImageError

from viewer.core.article import Article, Picture
from viewer.core.errors import ImportFailure
from viewer.importers.binary_formats import binary_kind
from viewer.importers.common.encoding import decode
from viewer.importers.common.figures import image_caption, picture_offsets
from viewer.importers.common.zip_parts import open_zip, read_member
from viewer.importers.documents.document_format import zip_kind
from viewer.importers.text.warc_format import picture_payload, warc_pictures

MIN_SIDE = 64
MAX_IMAGES = 200
MAX_IMAGE_BYTES = 32 * 1024 * 1024
_SUFFIXES = {"PNG": ".png", "JPEG": ".jpg", "GIF": ".gif", "WEBP": ".webp", "BMP": ".bmp", "TIFF": ".tif"}


def with_kept_images(articles: list[Article], data: bytes, path: Path, extract_dir: Path | None = None) -> None:
    """Give the article of a saved page (`path`, whose bytes are `data`) the pictures of its NAME_files/,
    the pages of a web archive (WARC, WACZ) theirs, and find the pictures an importer named relative to
    the file (a Telegram export's photos/). Pictures inside containers (MHTML, DOCX, WARC) are taken out
    to `extract_dir`, once, by their hash (None: left in, and left out of the articles)."""
    kind = binary_kind(data)
    if kind == "zip":
        kind = zip_kind(data) or "zip"
    for article in articles:
        if article.images and kind != "docx":  # a DOCX's are named by their member inside it
            article.images = _found(article.images, path.parent)
    if kind in ("warc", "wacz"):
        if extract_dir is not None:
            for warc in [data] if kind == "warc" else _wacz_members(data):
                _warc_images(articles, warc, extract_dir)
        return
    if kind == "docx" and (len(articles) != 1 or extract_dir is None):
        for article in articles:
            article.images = []
    if len(articles) == 1 and extract_dir is not None:
        if kind == "mhtml":
            articles[0].images = _mhtml_images(data, extract_dir, articles[0])
        elif kind == "docx":
            articles[0].images = _docx_images(data, extract_dir, articles[0].images)
    if len(articles) != 1 or path.suffix.lower() not in (".html", ".htm", ".xhtml"):
        return
    folder = path.with_name(f"{path.stem}_files")
    if not folder.is_dir():
        return
    try:
        tree = lxml_html.fromstring(decode(data))
    except (etree.ParserError, ValueError):
        return
    images: list[Picture] = []
    offsets = picture_offsets(tree, [block.text for block in articles[0].blocks])
    for element in tree.iter("img"):
        picture = _local_file(str(element.get("src") or ""), path.parent, folder)
        if picture is None or not _large_enough(picture) or any(kept.path == str(picture) for kept in images):
            continue
        images.append(Picture(str(picture), image_caption(element), offsets.get(element)))
        if len(images) >= MAX_IMAGES:
            break
    articles[0].images = images


def _mhtml_images(data: bytes, folder: Path, article: Article) -> list[Picture]:
    """The picture parts of a page saved as one file, taken out, captioned as its HTML part captions them
    and placed in `article`'s text where the page shows them."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    captions: dict[str, tuple[str, int | None]] = {}
    pictures: list[tuple[str, bytes]] = []
    for part in message.walk():
        if not isinstance(part, EmailMessage):
            continue
        kind = part.get_content_type()
        try:
            payload = part.get_payload(decode=True)
        except (ValueError, LookupError, TypeError):
            continue
        if not isinstance(payload, bytes):
            continue
        location = str(part.get("Content-Location") or "").strip()
        if kind == "text/html" and not captions:
            captions = _captions_by_src(decode(payload), article)
        elif kind.startswith("image/") and len(payload) <= MAX_IMAGE_BYTES and len(pictures) < MAX_IMAGES:
            pictures.append((location, payload))
    kept: list[Picture] = []
    for location, payload in pictures:
        stored = _taken_out(payload, folder)
        if stored is not None:
            kept.append(Picture(str(stored), *captions.get(location, ("", None))))
    return kept


def _warc_images(articles: list[Article], data: bytes, folder: Path) -> None:
    """Each page's pictures that the same WARC holds as image records, taken out, in the page's order.
    A picture captured as a revisit only, never captured, or damaged is left out; its page stays."""
    pictures = warc_pictures(data, {urldefrag(article.url)[0]: article for article in articles})
    stored: dict[str, Path | None] = {}  # by URL: a picture several pages show is read once
    for article in articles:
        shown = pictures.shown.get(urldefrag(article.url)[0])
        if shown is None:
            continue  # a page of another WARC of the same WACZ
        kept: list[Picture] = []
        for url, caption, place in shown:
            offset = pictures.records.get(url)
            if offset is None or len(kept) >= MAX_IMAGES:
                continue
            if url not in stored:
                payload = picture_payload(data, offset, MAX_IMAGE_BYTES)
                stored[url] = None if payload is None else _taken_out(payload, folder)
            picture = stored[url]
            if picture is not None and all(str(picture) != other.path for other in kept):
                kept.append(Picture(str(picture), caption, place))
        article.images = kept


def _wacz_members(data: bytes) -> Iterator[bytes]:
    """The WARCs of a WACZ package, one at a time (each may be large)."""
    archive = open_zip(data)
    for name in sorted(n for n in archive.namelist() if n.startswith("archive/") and n.endswith((".warc", ".warc.gz"))):
        with contextlib.suppress(ImportFailure):  # a damaged member: its pages were left out already
            yield read_member(archive, name)


def _docx_images(data: bytes, folder: Path, shown: list[Picture]) -> list[Picture]:
    """The media of a DOCX taken out: those its text shows (`shown`, named by their member, as the
    importer found them) where they stand, then the others (in headers, say) after the lead."""
    archive = open_zip(data)
    names = sorted(archive.namelist())[:10_000]
    listed = set(names)
    media = [*(picture for picture in shown if picture.path in listed),
             *(Picture(name, "") for name in names if name.startswith("word/media/"))]
    kept: list[Picture] = []
    taken: set[str] = set()
    for name, caption, offset in media:
        if name in taken or len(kept) >= MAX_IMAGES:
            continue
        taken.add(name)
        try:
            payload = read_member(archive, name)
        except ImportFailure:
            continue
        stored = _taken_out(payload, folder) if len(payload) <= MAX_IMAGE_BYTES else None
        if stored is not None and all(str(stored) != other.path for other in kept):
            kept.append(Picture(str(stored), caption, offset))
    return kept


def _captions_by_src(page: str, article: Article) -> dict[str, tuple[str, int | None]]:
    """Each picture's (caption, offset in `article`'s text) by its src in `page`."""
    try:
        tree = lxml_html.fromstring(page)
    except (etree.ParserError, ValueError):
        return {}
    offsets = picture_offsets(tree, [block.text for block in article.blocks])
    return {str(element.get("src")): (image_caption(element), offsets.get(element))
            for element in tree.iter("img") if element.get("src")}


def _taken_out(payload: bytes, folder: Path) -> Path | None:
    """The picture written to `folder` under its hash (once: a file already there is kept), or None for
    an icon, a tracking pixel or bytes that are no picture."""
    try:
        with Image.open(io.BytesIO(payload)) as image:
            width, height = image.size
            suffix = _SUFFIXES.get(str(image.format), "")
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return None
    if width < MIN_SIDE or height < MIN_SIDE or not suffix:
        return None
    target = folder / f"{hashlib.sha256(payload).hexdigest()}{suffix}"
    if target.is_file():
        return target
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
        os.replace(name, target)
    except OSError:
        return None
    return target


def _found(images: list[Picture], base: Path) -> list[Picture]:
    """The pictures named relative to `base` that are files under it and large enough."""
    found: list[Picture] = []
    for name, caption, offset in images[:MAX_IMAGES]:
        picture = _local_file(name, base, base)
        if picture is not None and _large_enough(picture):
            found.append(Picture(str(picture), caption, offset))
    return found


def _local_file(src: str, base: Path, folder: Path) -> Path | None:
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    try:
        candidate = (base / unquote(parts.path)).resolve()
    except (OSError, ValueError):
        return None
    inside = folder.resolve()
    return candidate if inside in candidate.parents and candidate.is_file() else None


def _large_enough(picture: Path) -> bool:
    try:
        with Image.open(picture) as image:  # reads the header only
            width, height = image.size
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return False
    return width >= MIN_SIDE and height >= MIN_SIDE
