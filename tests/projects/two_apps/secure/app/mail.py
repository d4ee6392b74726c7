def send_reset_email(address):
    """Queue the reset mail."""
