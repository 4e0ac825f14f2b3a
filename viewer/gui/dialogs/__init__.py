"""Dialogs of their own: PDF export and help."""
