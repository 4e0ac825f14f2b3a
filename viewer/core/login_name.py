"""The user's login name, the author of last resort for notes and PDFs."""

from __future__ import annotations

import getpass


def login_name() -> str:
    """The login name, or "" where the environment has none."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""
