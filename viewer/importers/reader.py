"""One source file to its articles, whatever its extension claims: the content decides."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from viewer.core.article import Article
from viewer.core.errors import ImportFailure
from viewer.core.source_names import SOURCE_SUFFIXES
from viewer.importers.binary_formats import parse_binary
from viewer.importers.common.encoding import decode
from viewer.importers.common.reading_context import NO_CONTEXT, ReadingContext
from viewer.importers.page_images import with_kept_images
from viewer.importers.scans.image_format import IMAGE_SUFFIXES
from viewer.importers.scans.ocr import missing_reason, unavailable_failure
from viewer.importers.text.feed_format import looks_like_feed, parse_feed
from viewer.importers.text.html_format import parse_html
from viewer.importers.text.json_format import parse_json
from viewer.importers.text.text_format import parse_text

MAX_FILE_BYTES = 64 * 1024 * 1024


def read_articles(path: Path, context: ReadingContext = NO_CONTEXT) -> list[Article]:
    """The articles in `path`, each with `source` set; ImportFailure says why there are none. `context`:
    where OCR results and pictures taken out of containers are kept, and the reading's cancel and pages."""
    try:
        status = path.stat()
        ensure_regular_file(status.st_mode)
        size = status.st_size
        if size > MAX_FILE_BYTES:
            raise ImportFailure(
                f"The file is too large ({size // (1024 * 1024)} MB; the limit is 64 MB).",
                f"پرونده بیش از حد بزرگ است ({size // (1024 * 1024)} مگابایت؛ حد ۶۴ مگابایت).",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailure(f"Cannot read the file: {exc.strerror or exc}.",
                            f"پرونده خوانده نشد: {exc.strerror or exc}.") from exc
    articles = parse_source(data, path.name, context)
    with_kept_images(articles, data, path, context.pictures)
    for article in articles:
        article.source = str(path)
    return articles


def ensure_regular_file(mode: int) -> None:
    """A pipe, device or socket named like an article would block the reader forever."""
    if not stat.S_ISREG(mode):
        raise ImportFailure("Not a regular file (a pipe, device or socket).",
                            "پروندهٔ معمولی نیست (لوله، دستگاه یا سوکت).")


def ensure_text_name(path: Path) -> None:
    """A name in another encoding than the file system's (bytes that are not UTF-8) can be neither
    stored nor printed: report it instead of failing the whole import."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ImportFailure("The file name is not valid UTF-8 text; rename the file.",
                            "نام پرونده متن UTF-8 معتبر نیست؛ نام آن را تغییر دهید.") from exc


def printable_path(path: Path) -> str:
    """The path as text that can always be printed (undecodable bytes of its name shown as �)."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def parse_source(data: bytes, name: str, context: ReadingContext = NO_CONTEXT) -> list[Article]:
    """The articles in a file's bytes: binary containers by their signature, text by its content."""
    articles = parse_binary(data, name, context)
    if articles is not None:
        return articles
    text = decode(data)
    head = text.lstrip("\ufeff \n\t")[:512].lower()
    if looks_like_feed(head):
        return parse_feed(data)  # feedparser follows the encoding the XML declares
    if head.startswith("<?xml") and "<html" not in head:
        raise ImportFailure("An XML file that is neither an RSS/Atom feed nor a web page.",
                            "پروندهٔ XML که نه خوراک RSS/Atom است و نه صفحهٔ وب.")
    return parse_source_text(text, name)


def parse_source_text(text: str, name: str) -> list[Article]:
    head = text.lstrip("\ufeff \n\t")[:512].lower()
    if head.startswith(("[", "{")):
        return parse_json(text, name)
    if head.startswith("<") and any(tag in head for tag in ("<html", "<!doctype", "<body", "<head", "<p", "<div", "<meta")):
        return parse_html(text)
    if name.lower().endswith((".json", ".jsonl", ".ndjson")):
        raise ImportFailure("The file is not JSON (it does not start with [ or {).",
                            "پرونده JSON نیست (با [ یا { شروع نمی‌شود).")
    return parse_text(text)


def is_source_name(name: str) -> bool:
    return Path(name).suffix.lower() in SOURCE_SUFFIXES or name.lower().endswith(".warc.gz")


def iter_source_files(roots: Iterable[Path], skipped: list[dict[str, str]] | None = None,
                      unreadable: list[Path] | None = None) -> Iterator[Path]:
    """Source files under `roots` (files or folders, recursively), sorted, hidden ones passed over,
    each once by its real path. Files of other types, and links to files or folders outside `roots`
    (`passwd.txt -> /etc/passwd`), are listed in `skipped` as {"path", "reason", "reason_fa"}; folders that cannot be
    listed (no permission) in `unreadable`."""
    roots = list(roots)
    seen: set[Path] = set()

    def cannot_list(exc: OSError) -> None:
        if unreadable is not None and exc.filename is not None:
            unreadable.append(Path(os.fsdecode(exc.filename)).resolve())

    for root in roots:
        if root.is_file():
            yield root.resolve()
            continue
        for folder, dirs, files in os.walk(root, onerror=cannot_list):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in dirs:  # never walked into (os.walk does not follow links); said when it leads out
                _leads_out(Path(folder) / name, roots, skipped)
            for name in sorted(files):
                if name.startswith("."):
                    continue
                reason = _unread_reason(Path(folder), name)
                if reason is not None:
                    if skipped is not None:
                        skipped.append({"path": printable_path(Path(folder) / name)} | reason)
                    continue
                path = Path(folder) / name
                if not _leads_out(path, roots, skipped) and (real := path.resolve()) not in seen:
                    seen.add(real)
                    yield real


def _leads_out(path: Path, roots: list[Path], skipped: list[dict[str, str]] | None) -> bool:
    """Whether `path` is a link that leads outside every root or nowhere (listed in `skipped` then)."""
    if not path.is_symlink():
        return False
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # a loop of links, or a link to nothing
        reason = {"reason": "A link that leads nowhere (a loop of links, or its target is missing).",
                  "reason_fa": "پیوندی که به جایی نمی‌رسد (حلقه‌ای از پیوندها، یا مقصدش نیست)."}
    else:
        if any(target == root or root in target.parents for root in (r.resolve() for r in roots)):
            return False
        shown = printable_path(target)
        reason = {"reason": f"A link to {shown}, outside the archive folders being read: not followed.",
                  "reason_fa": f"پیوندی به {shown}، بیرون از پوشه‌های بایگانی که خوانده می‌شوند: دنبال نشد."}
    if skipped is not None:
        skipped.append({"path": printable_path(path)} | reason)
    return True


def _unread_reason(folder: Path, name: str) -> dict[str, str] | None:
    """None for a file to read; else {"reason", "reason_fa"} (English, Persian): why it is not read.
    Pictures kept with a saved page (its NAME_files/ folder) or with a Telegram export (beside its
    result.json) are not scans."""
    suffix = Path(name).suffix.lower()
    if suffix in IMAGE_SUFFIXES and (folder.name.endswith("_files") or (folder.parent / "result.json").is_file()):
        return {"reason": "A picture kept with a saved page or a Telegram export, not a scan.",
                "reason_fa": "تصویری همراه صفحهٔ ذخیره‌شده یا خروجی تلگرام، نه اسکن."}
    if is_source_name(name) and not (suffix in IMAGE_SUFFIXES and missing_reason()):
        return None
    if suffix in IMAGE_SUFFIXES:
        failure = unavailable_failure()
        return {"reason": failure.en, "reason_fa": failure.fa}
    if suffix:
        return {"reason": f"Bayegan does not read {suffix} files.", "reason_fa": f"بایگان پرونده‌های {suffix} را نمی‌خواند."}
    return {"reason": "Bayegan does not read files without an extension.",
            "reason_fa": "بایگان پرونده‌های بی‌پسوند را نمی‌خواند."}
