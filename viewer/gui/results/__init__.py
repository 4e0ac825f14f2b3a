"""The search and its results: the search bar, the search in steps, the results list and its tag filters."""
