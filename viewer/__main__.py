import multiprocessing

from viewer.cli import main

# Indexing spawns worker processes (viewer/search/indexing/feed.py): they import this module as __mp_main__
# and must not start the app again; a frozen app hands them over with freeze_support.
if __name__ == "__main__":
    multiprocessing.freeze_support()
    raise SystemExit(main())
