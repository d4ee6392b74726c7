"""Short-lived codes, signed links and JWT claim helpers."""
import random
import string

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

# Namespaces the itsdangerous signatures so a reset link can't be replayed as
# something else; the actual key is SECRET_KEY.
RESET_TOKEN_SALT = "pawprint.staff-password-reset"
RESET_TOKEN_MAX_AGE = 72 * 3600

_DIGITS = string.digits


def generate_reset_code(length: int = 6) -> str:
    """Numeric code e-mailed to pet owners who forgot their password.

    Owners type it into the booking widget, so keep it short and digits only.
    """
    return "".join(random.choices(_DIGITS, k=length))


def _reset_serializer():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=RESET_TOKEN_SALT)


def make_staff_reset_token(staff) -> str:
    """Signed token used both for invitations and for password resets."""
    return _reset_serializer().dumps({"sid": str(staff.id), "v": staff.token_version})


def load_staff_reset_token(token: str, max_age: int = RESET_TOKEN_MAX_AGE):
    try:
        return _reset_serializer().loads(token, max_age=max_age)
    except SignatureExpired:
        return None
    except BadSignature:
        return None


def build_claims(user) -> dict:
    """Additional claims embedded in staff access tokens."""
    return {
        "role": user.role,
        "clinic": str(user.clinic.id) if user.clinic else None,
        "name": user.full_name,
        # lets the user loader reject tokens issued before a password change
        "pwd": user.password_hash,
    }
