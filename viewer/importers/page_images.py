"""The pictures kept with articles: those of a Telegram export's photos/ folder, and those of a saved
web page ("Save page as → complete": NAME.html beside its NAME_files/ folder),
kept with its article: each <img> whose file is in that folder, with its caption (the <figcaption> of
its <figure>, else its alt or title text). Read from where they are, never copied. Icons and tracking
pixels (under `MIN_SIDE` pixels on a side) and files Pillow cannot identify are left out."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree
from lxml import html as lxml_html
from PIL import Image, UnidentifiedImageError

from viewer.core.article import Article
from viewer.importers.cleanup import clean_line
from viewer.importers.encoding import decode

MIN_SIDE = 64
MAX_IMAGES = 200


def with_kept_images(articles: list[Article], data: bytes, path: Path) -> None:
    """Give the article of a saved page (`path`, whose bytes are `data`) the pictures of its NAME_files/,
    and find the pictures an importer named relative to the file (a Telegram export's photos/)."""
    for article in articles:
        if article.images:
            article.images = _found(article.images, path.parent)
    if len(articles) != 1 or path.suffix.lower() not in (".html", ".htm", ".xhtml"):
        return
    folder = path.with_name(f"{path.stem}_files")
    if not folder.is_dir():
        return
    try:
        tree = lxml_html.fromstring(decode(data))
    except (etree.ParserError, ValueError):
        return
    images: list[tuple[str, str]] = []
    for element in tree.iter("img"):
        picture = _local_file(str(element.get("src") or ""), path.parent, folder)
        if picture is None or not _large_enough(picture) or any(kept == str(picture) for kept, _ in images):
            continue
        images.append((str(picture), _caption(element)))
        if len(images) >= MAX_IMAGES:
            break
    articles[0].images = images


def _found(images: list[tuple[str, str]], base: Path) -> list[tuple[str, str]]:
    """The pictures named relative to `base` that are files under it and large enough."""
    found: list[tuple[str, str]] = []
    for name, caption in images[:MAX_IMAGES]:
        picture = _local_file(name, base, base)
        if picture is not None and _large_enough(picture):
            found.append((str(picture), caption))
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


def _caption(element: lxml_html.HtmlElement) -> str:
    for ancestor in element.iterancestors("figure"):
        for caption in ancestor.iter("figcaption"):
            return clean_line(caption.text_content())
        break
    return clean_line(str(element.get("alt") or element.get("title") or ""))
