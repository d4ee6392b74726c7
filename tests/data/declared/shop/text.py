def clean_html(text):
    """Strip unsafe markup."""
