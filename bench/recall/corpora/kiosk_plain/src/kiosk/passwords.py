"""Password hashing for customer and admin accounts.

Hashes are stored as ``pbkdf2_sha256$<iterations>$<salt>$<hex digest>`` so the
iteration count can be raised later without breaking existing hashes.
"""
import hashlib
import hmac
import secrets

ALGORITHM = "pbkdf2_sha256"
ITERATIONS = 150_000
SALT_BYTES = 16
MIN_LENGTH = 10


class WeakPassword(ValueError):
    pass


def _derive(password, salt, iterations):
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt.encode("ascii"), iterations)


def hash_password(password, iterations=None):
    iterations = iterations or ITERATIONS
    salt = secrets.token_hex(SALT_BYTES)
    digest = _derive(password, salt, iterations).hex()
    return "%s$%d$%s$%s" % (ALGORITHM, iterations, salt, digest)


def verify_password(password, stored):
    if not stored or stored.count("$") != 3:
        return False
    algorithm, iterations, salt, expected = stored.split("$")
    if algorithm != ALGORITHM:
        return False
    actual = _derive(password, salt, int(iterations)).hex()
    return hmac.compare_digest(actual, expected)


def needs_rehash(stored):
    try:
        _, iterations, _, _ = stored.split("$")
    except ValueError:
        return True
    return int(iterations) < ITERATIONS


def check_strength(password, email=None):
    if len(password) < MIN_LENGTH:
        raise WeakPassword("Password must be at least %d characters." % MIN_LENGTH)
    if password.isdigit() or password.isalpha():
        raise WeakPassword("Use a mix of letters and numbers.")
    if email and email.split("@")[0].lower() in password.lower():
        raise WeakPassword("Password must not contain your e-mail address.")
