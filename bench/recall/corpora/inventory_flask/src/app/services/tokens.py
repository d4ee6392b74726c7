import random
import secrets
import string

CODE_ALPHABET = string.ascii_uppercase + string.digits


def _short_code(length):
    return "".join(random.choice(CODE_ALPHABET) for _ in range(length))


def new_reset_code():
    # kept short so people can type it on a handheld
    return _short_code(8)


def new_invite_token():
    return secrets.token_urlsafe(32)


def new_device_key():
    return "dk_" + secrets.token_urlsafe(32)
