"""Password hashing.

New hashes are bcrypt. Accounts migrated from the 2014 rota system still
carry ``sha1$<salt>$<hexdigest>`` values; they are upgraded to bcrypt the
next time the user signs in successfully.
"""
import hashlib

import bcrypt
from flask import current_app

LEGACY_PREFIX = "sha1$"


def hash_password(password):
    rounds = current_app.config["BCRYPT_LOG_ROUNDS"]
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=rounds)).decode()


def legacy_hash(password, salt):
    digest = hashlib.sha1((salt + password).encode()).hexdigest()
    return f"{LEGACY_PREFIX}{salt}${digest}"


def is_legacy(stored):
    return stored.startswith(LEGACY_PREFIX)


def verify_password(password, stored):
    if not stored:
        return False
    if is_legacy(stored):
        _, salt, expected = stored.split("$", 2)
        candidate = hashlib.sha1((salt + password).encode()).hexdigest()
        return candidate == expected
    return bcrypt.checkpw(password.encode(), stored.encode())


def needs_rehash(stored):
    if is_legacy(stored):
        return True
    try:
        cost = int(stored.split("$")[2])
    except (IndexError, ValueError):
        return True
    return cost < current_app.config["BCRYPT_LOG_ROUNDS"]
