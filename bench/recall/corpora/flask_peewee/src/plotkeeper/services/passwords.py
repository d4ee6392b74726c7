"""Password hashing for member accounts."""
import bcrypt


def hash_password(raw):
    salt = bcrypt.gensalt(rounds=10)
    return bcrypt.hashpw(raw.encode("utf-8"), salt).decode("ascii")


def check_password(raw, hashed):
    if not raw or not hashed:
        return False
    try:
        return bcrypt.checkpw(raw.encode("utf-8"), hashed.encode("ascii"))
    except ValueError:
        return False
