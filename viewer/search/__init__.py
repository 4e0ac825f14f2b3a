"""The archive's Whoosh index: schema, the single writer, incremental sync, queries, snippets."""
