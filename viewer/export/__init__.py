"""PDF export of articles with their highlights and notes (QtGui only, no widgets)."""
