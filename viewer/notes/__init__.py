"""A researcher's notes: the SQLite store, anchoring, and W3C Web Annotation exchange (imports core only)."""
