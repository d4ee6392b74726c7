async def send_reset_email(address, token):
    """Queue the reset mail."""
