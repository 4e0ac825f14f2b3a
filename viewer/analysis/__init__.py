"""Persian normalisation and the Whoosh analyzers built on it (hazm loads lazily, once)."""
