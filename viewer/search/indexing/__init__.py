"""The index kept in step with the folders: opening it (`archive_index`), incremental sync
(`sync`, progress in `sync_progress`), files prepared in worker processes (`feed`, `prepare`),
what the index knows of each file (`manifest`, `known_roots`) and exact copies (`sources`)."""
