"""Signed, time-limited tokens for e-mail links (itsdangerous)."""
from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from .extensions import db
from .models import User

CONFIRM_SALT = "grants.email-confirm"
RESET_SALT = "grants.password-reset"


def _serializer(salt):
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=salt)


def generate_confirmation_token(email):
    return _serializer(CONFIRM_SALT).dumps(email)


def load_confirmation_token(token):
    """Return the e-mail address or None when the token is bad or too old."""
    try:
        return _serializer(CONFIRM_SALT).loads(
            token, max_age=current_app.config["CONFIRM_TOKEN_MAX_AGE"]
        )
    except SignatureExpired:
        current_app.logger.info("Expired confirmation token presented")
    except BadSignature:
        current_app.logger.warning("Invalid confirmation token presented")
    return None


def generate_reset_token(user):
    # tie the token to the current hash so it stops working once used
    return _serializer(RESET_SALT).dumps({"uid": user.id, "ph": user.password_hash[-10:]})


def load_reset_token(token):
    try:
        data = _serializer(RESET_SALT).loads(
            token, max_age=current_app.config["RESET_TOKEN_MAX_AGE"]
        )
    except (SignatureExpired, BadSignature):
        return None
    user = db.session.get(User, data.get("uid"))
    if user is None or user.password_hash[-10:] != data.get("ph"):
        return None
    return user
