"""Notes as W3C Web Annotation JSON-LD: export (w3c_export) and import (w3c_read, w3c_import, merge).

This module gathers the names other layers use, so they need not know how the work is split.
"""

from __future__ import annotations

from viewer.notes.w3c_export import article_iri, export_collection, export_store, to_json
from viewer.notes.w3c_import import (
    ARTICLE_IRI_PREFIX,
    ArticleFinder,
    ArticleLookup,
    LookupFinder,
    extract_items,
    find_article,
    import_data,
    import_file,
    read_file,
)
from viewer.notes.w3c_read import ANNO_CONTEXT, is_iri

__all__ = [
    "ANNO_CONTEXT", "ARTICLE_IRI_PREFIX", "ArticleFinder", "ArticleLookup", "LookupFinder", "article_iri",
    "export_collection", "export_store", "extract_items", "find_article", "import_data", "import_file", "is_iri",
    "read_file", "to_json",
]
