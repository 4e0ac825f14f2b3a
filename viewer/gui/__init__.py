"""The Bayegan window. The only package (with viewer.export) that imports PySide6."""
