"""A query from the search box to the documents it matches: the query language (`parser`, dates in
`date_filter`, restrictions in `restriction` over `doc_dates`), the plan compiled once (`plan`) and
the one walk over it (`plan_walk`) with its two algebras, counting (`docsets`) and scoring
(`match_scores`); "did you mean" (`suggestions`). It never imports the indexing side."""
