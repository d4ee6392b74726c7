def page(title, body):
    """Send an HTML page."""
