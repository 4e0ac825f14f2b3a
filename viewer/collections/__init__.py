"""Collections (a question's corpus) and saved searches, kept in `library.sqlite3` (core only)."""
