"""Research around the results: timeline, collections, saved searches, citations, duplicates."""
