"""What a search gives: the searcher (`searcher`: hits, the one prepared query, counts), snippets,
tag facets, the match summary asked after the first page, every match's id (`doc_ids`) and the
article an exchanged annotation names (`article_finder`)."""
