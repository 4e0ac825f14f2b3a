"""Source files: which kinds Bayegan reads (the importers' registry, kept here so that the command
line can list them without loading the importers) and what a source is called where a whole path
would be too much."""

from __future__ import annotations

from pathlib import PurePath

# Every file name ending the importers read (viewer/importers/reader.py decides by content, then by these).
SOURCE_SUFFIXES = frozenset({
    ".txt", ".text", ".json", ".jsonl", ".ndjson", ".html", ".htm", ".xhtml",
    ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff",
    ".docx", ".odt", ".mht", ".mhtml", ".warc", ".warc.gz", ".wacz", ".rss", ".atom", ".xml",
})


def file_name(source: str) -> str:
    """The file name of a source path, with Windows or POSIX separators; a URL (or a bare name) as given.
    A shared PDF or a results row need not show the folders."""
    if "://" in source:
        return source
    return PurePath(source.replace("\\", "/")).name or source
