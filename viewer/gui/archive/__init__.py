"""The archive as the window keeps it: its folders, indexing in the background and its status, import problems."""
