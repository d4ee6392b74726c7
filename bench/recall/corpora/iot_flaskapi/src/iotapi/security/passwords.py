"""Hashing for API user passwords and device secrets."""
import bcrypt

_BCRYPT_COST = 10


def hash_password(plain):
    salt = bcrypt.gensalt(_BCRYPT_COST)
    return bcrypt.hashpw(plain.encode("utf-8"), salt).decode("ascii")


def verify_password(plain, hashed):
    if not plain or not hashed:
        return False
    try:
        return bcrypt.checkpw(plain.encode("utf-8"), hashed.encode("ascii"))
    except ValueError:
        return False
