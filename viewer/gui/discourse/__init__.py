"""The window's discourse research (issue 28): a concordance with the collocations beside it and a
chart of several queries' trends, opened from the Research menu (install.py)."""
