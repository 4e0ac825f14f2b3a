"""Imported by the file readers' fork server (prepare_pool.py) before it forks any worker: the
analyzer and its tables are loaded there once, so each worker starts ready (~10 ms) instead of
importing and loading them itself (~1 s)."""

import os

# Before numpy is imported: OpenBLAS would start a thread pool, and a server with threads forks unsafely.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from viewer.search.indexing.prepare import analyzed  # after the variable above: numpy reads it on import

analyzed("text", "آماده")
