def check_login(email, password):
    """Look the user up."""


def move_money(user, to, amount):
    """Book the transfer."""
