"""The reading pane: the article shown with its hits and highlights, its copies above it."""
