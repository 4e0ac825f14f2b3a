"""The notes panel beside the article, and the controller that ties it to the reading pane."""
