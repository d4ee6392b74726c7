"""Notes service, written the way the article's bad examples are (do not deploy)."""
