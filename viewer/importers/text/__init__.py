"""Formats read as text or markup: plain text, JSON (and Telegram exports), HTML, MHTML, RSS/Atom
feeds, WARC/WACZ web archives."""
