"""What every importer uses: line and tag clean-up, dates (written and found in a page), text encodings,
text out of markup fragments, members read out of zip containers."""
