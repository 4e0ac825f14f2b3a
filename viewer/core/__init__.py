"""Types, errors and data paths shared by every layer. No Qt, no Whoosh, no hazm."""
