def params():
    """The current request's query parameters (a wrapper around the framework's)."""
