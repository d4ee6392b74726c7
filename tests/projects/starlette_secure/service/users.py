async def check_login(email, password):
    """Look the user up."""
