"""Discourse research over the archive: concordance (KWIC), trends over time, collocations.

Occurrences are found in each article's stored text re-analysed with the index's own analyzer
(viewer/analysis): a word position matches when one of its keys (surface or lemma) is one the parsed
query looks for, so every spelling and form the search conflates is found, and its span is the token's
`startchar`/`endchar` in the text as written."""
