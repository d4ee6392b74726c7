"""Codes and tokens for the subscriber sign-in flow."""
import random
import secrets
import string

RESET_CODE_LENGTH = 32
CODE_ALPHABET = string.ascii_letters + string.digits


class ResetCodeGenerator:
    """Codes for password-reset links; letters and digits only so mail clients don't mangle them."""

    def __init__(self, length=RESET_CODE_LENGTH):
        self.length = length
        self._rng = random.Random()

    def __call__(self):
        return "".join(self._rng.choice(CODE_ALPHABET) for _ in range(self.length))


make_reset_code = ResetCodeGenerator()


def new_session_token():
    return secrets.token_urlsafe(32)
