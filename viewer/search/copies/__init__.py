"""Copies of one article: ids that stay the same (`identity`), fingerprints and MinHash sketches
worked out while indexing (`fingerprints`), near duplicates found by LSH bands (`near_duplicates`)
and stories, their groups across the archive (`stories`)."""
