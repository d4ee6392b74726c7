async def check_login(email, password):
    """Look the user up."""


async def create_user(email, password):
    """Store a new user."""
